// SPDX-License-Identifier: GPL-3.0-or-later
#include "audioplayer.h"

#include "audio/stretchedaudiostream.h"

#include <QAudioSink>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <utility>

namespace kx {

Q_LOGGING_CATEGORY(lcPlayback, "kx.audio.playback", QtInfoMsg)

namespace {

/** positionChanged() cadence while playing. */
constexpr int tickMilliseconds = 30;
/**
 * After the stream's last frame went to the sink, how long to wait for the
 * sink to report it played before stopping anyway (a sink that stalls).
 */
constexpr qint64 drainGraceMilliseconds = 5000;

} // namespace

struct AudioPlayer::Private
{
    std::unique_ptr<AudioDecoder> decoder;
    AudioInfo info;
    StretchedAudioStream *stream = nullptr;   ///< child of the player; pulled by the sink
    QAudioSink *sink = nullptr;               ///< child of the player; one per chosen device
    QString deviceDescription;
    QTimer ticker;
    qint64 restingFrame = 0;                  ///< the position while not playing
    qint64 lastEmitted = -1;
    mutable qint64 heardFloor = 0;            ///< the heard output never goes back within one run
    QElapsedTimer sinceStreamEnded;
    bool starting = false;
    quint64 generation = 0;                   ///< counts the clips set, for stale queued errors
};

AudioPlayer::AudioPlayer(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->ticker.setInterval(tickMilliseconds);
    d->ticker.setTimerType(Qt::PreciseTimer);
    connect(&d->ticker, &QTimer::timeout, this, &AudioPlayer::tick);
}

AudioPlayer::~AudioPlayer()
{
    d->ticker.stop();
    // Forget both first: QAudioSink's destructor runs the event loop, which may
    // deliver a queued stream error; with d->stream gone it is ignored.
    StretchedAudioStream *stream = std::exchange(d->stream, nullptr);
    if (QAudioSink *sink = std::exchange(d->sink, nullptr)) {
        sink->disconnect(this);
        sink->stop();
        delete sink;   // before the stream it pulls from
    }
    delete stream;
}

void AudioPlayer::setSource(std::unique_ptr<AudioDecoder> decoder)
{
    dropSink();
    delete d->stream;
    d->stream = nullptr;
    d->decoder = std::move(decoder);
    d->info = d->decoder ? d->decoder->info() : AudioInfo{};
    d->restingFrame = 0;
    d->lastEmitted = -1;
    if (d->decoder) {
        auto *stream = new StretchedAudioStream(d->decoder.get(), this);
        // Queued: the stream fails inside the sink's pull, where tearing the sink down is unsafe.
        // Queued errors of an earlier clip are recognised by its generation.
        connect(stream, &StretchedAudioStream::errorOccurred, this,
                [this, generation = ++d->generation](const QString &message) {
                    if (d->stream && d->generation == generation)
                        fail(message);
                }, Qt::QueuedConnection);
        d->stream = stream;
    }
    const bool hadLoop = m_loopEnd > m_loopStart;
    m_loopStart = m_loopEnd = 0;
    setState(State::Stopped);
    if (hadLoop)
        emit loopChanged(0, 0);
    emit sourceChanged();
    emit positionChanged(0);
}

void AudioPlayer::clearSource()
{
    setSource(nullptr);
}

bool AudioPlayer::hasSource() const
{
    return d->stream != nullptr;
}

AudioInfo AudioPlayer::info() const
{
    return d->info;
}

qint64 AudioPlayer::position() const
{
    if (!d->stream || m_state != State::Playing || !d->sink)
        return d->restingFrame;
    return clampFrame(qint64(std::floor(d->stream->sourceFrameAt(heardOutputFrames()))));
}

double AudioPlayer::positionSeconds() const
{
    return d->info.sampleRate > 0 ? double(position()) / d->info.sampleRate : 0.0;
}

void AudioPlayer::play()
{
    if (!d->stream || m_state == State::Playing)
        return;
    qint64 from = d->restingFrame;
    if (from >= d->info.frames)
        from = m_loopEnd > m_loopStart ? m_loopStart : 0;
    if (startAt(from))
        setState(State::Playing);
}

void AudioPlayer::pause()
{
    if (m_state != State::Playing)
        return;
    d->restingFrame = position();
    haltSink();
    setState(State::Paused);
    d->lastEmitted = d->restingFrame;
    emit positionChanged(d->restingFrame);
}

void AudioPlayer::togglePlayPause()
{
    if (m_state == State::Playing)
        pause();
    else
        play();
}

void AudioPlayer::stop()
{
    if (!d->stream)
        return;
    haltSink();
    d->restingFrame = m_loopEnd > m_loopStart ? m_loopStart : 0;
    setState(State::Stopped);
    d->lastEmitted = d->restingFrame;
    emit positionChanged(d->restingFrame);
}

void AudioPlayer::seek(qint64 frame)
{
    if (!d->stream)
        return;
    frame = clampFrame(frame);
    if (m_state == State::Playing) {
        if (!startAt(frame))
            return;
    } else {
        d->restingFrame = frame;
    }
    d->lastEmitted = frame;
    emit positionChanged(frame);
}

void AudioPlayer::seekSeconds(double seconds)
{
    seek(qint64(std::llround(seconds * d->info.sampleRate)));
}

void AudioPlayer::setSpeed(double speed)
{
    speed = std::clamp(speed, minimumSpeed, maximumSpeed);
    if (std::abs(speed - m_speed) < 1e-9)
        return;
    m_speed = speed;
    // While stopped or paused the next startAt() applies it.
    if (d->stream && m_state == State::Playing) {
        if (auto changed = d->stream->setSpeed(speed); !changed)
            fail(changed.error().message);
    }
    emit speedChanged(speed);
}

void AudioPlayer::setVolume(float volume)
{
    volume = std::clamp(volume, 0.0f, 1.0f);
    if (volume == m_volume)
        return;
    m_volume = volume;
    if (d->sink)
        d->sink->setVolume(volume);
    emit volumeChanged(volume);
}

void AudioPlayer::setDevice(const QAudioDevice &device)
{
    if (device == m_device)
        return;
    const bool playing = m_state == State::Playing;
    const qint64 frame = position();
    dropSink();
    m_device = device;
    if (playing)
        startAt(frame);   // reports its own failure
    else
        d->restingFrame = frame;
}

void AudioPlayer::setLoop(qint64 startFrame, qint64 endFrame)
{
    startFrame = clampFrame(startFrame);
    endFrame = clampFrame(endFrame);
    if (endFrame <= startFrame)
        startFrame = endFrame = 0;
    if (startFrame == m_loopStart && endFrame == m_loopEnd)
        return;
    m_loopStart = startFrame;
    m_loopEnd = endFrame;
    emit loopChanged(startFrame, endFrame);
    if (!d->stream)
        return;
    const bool looping = endFrame > startFrame;
    const qint64 frame = position();
    const bool outside = looping && (frame < startFrame || frame >= endFrame);
    if (m_state != State::Playing) {
        if (outside) {
            d->restingFrame = startFrame;
            d->lastEmitted = startFrame;
            emit positionChanged(startFrame);
        }
        return;
    }
    // The stream decodes a little ahead of what is heard: it can take the new
    // loop on the fly unless it already read past the loop's end (or ended).
    const qint64 cursor = d->stream->decodeCursor();
    const bool streamAhead = looping && (d->stream->isFinished() || cursor > endFrame || cursor < startFrame);
    if (outside || streamAhead) {
        if (startAt(outside ? startFrame : frame)) {
            d->lastEmitted = outside ? startFrame : frame;
            emit positionChanged(d->lastEmitted);
        }
        return;
    }
    d->stream->setLoop(startFrame, endFrame);
}

void AudioPlayer::clearLoop()
{
    setLoop(0, 0);
}

void AudioPlayer::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

// (Re)starts the sink on a fresh run of the stream at @p frame. A sink is
// made once per device; restarting it opens a new PulseAudio stream, which
// drops whatever was still queued from the previous position.
bool AudioPlayer::startAt(qint64 frame)
{
    if (!d->stream)
        return false;
    const QAudioDevice device = m_device.isNull() ? QMediaDevices::defaultAudioOutput() : m_device;
    const QString clip = d->decoder->label();
    if (device.isNull()) {
        fail(tr("%1: cannot play: no audio output device is available").arg(clip));
        return false;
    }
    if (!d->sink) {
        QAudioFormat format;
        format.setSampleRate(d->info.sampleRate);
        format.setChannelCount(d->info.channels);
        format.setChannelConfig(QAudioFormat::defaultChannelConfigForChannelCount(d->info.channels));
        format.setSampleFormat(QAudioFormat::Float);
        if (!device.isFormatSupported(format))
            format.setSampleFormat(QAudioFormat::Int16);
        if (!device.isFormatSupported(format)) {
            fail(tr("%1: the audio output “%2” cannot play %n channel(s) at %3 Hz", nullptr, d->info.channels)
                     .arg(clip, device.description())
                     .arg(d->info.sampleRate));
            return false;
        }
        d->stream->setSampleFormat(format.sampleFormat());
        d->sink = new QAudioSink(device, format, this);
        d->sink->setVolume(m_volume);
        d->deviceDescription = device.description();
        connect(d->sink, &QAudioSink::stateChanged, this, [this](QAudio::State state) {
            if (state != QAudio::StoppedState || d->starting || m_state != State::Playing || !d->sink
                || d->sink->error() == QAudio::NoError)
                return;
            fail(tr("%1: the audio output “%2” stopped with an error").arg(d->decoder->label(), d->deviceDescription));
        });
    }

    d->ticker.stop();
    if (!d->stream->isOpen())
        d->stream->open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    d->stream->setLoop(m_loopStart, m_loopEnd);
    if (auto restarted = d->stream->restart(frame, m_speed); !restarted) {
        fail(restarted.error().message);
        return false;
    }
    d->heardFloor = 0;
    d->sinceStreamEnded.invalidate();
    d->starting = true;
    d->sink->start(d->stream);
    d->starting = false;
    if (d->sink->error() != QAudio::NoError || d->sink->state() == QAudio::StoppedState) {
        fail(tr("%1: cannot open the audio output “%2”").arg(clip, d->deviceDescription));
        return false;
    }
    qCDebug(lcPlayback) << "started at frame" << frame << "speed" << m_speed << "on" << d->deviceDescription;
    d->ticker.start();
    return true;
}

void AudioPlayer::haltSink()
{
    d->ticker.stop();
    if (d->sink)
        d->sink->stop();
}

void AudioPlayer::dropSink()
{
    d->ticker.stop();
    if (!d->sink)
        return;
    d->sink->disconnect(this);
    d->sink->stop();
    // Later: QAudioSink's destructor runs the event loop, which must not happen
    // inside whatever slot got us here.
    d->sink->deleteLater();
    d->sink = nullptr;
}

// What the sink has played, in output frames of the current run: the lesser of
// its clock (processedUSecs, which subtracts the server's latency) and what it
// has taken out of its buffer (delivered minus still queued). The clock alone
// runs ahead while a server has not started to read; the buffer alone ignores
// the latency behind it.
qint64 AudioPlayer::heardOutputFrames() const
{
    const QAudio::State state = d->sink->state();
    if (state != QAudio::ActiveState && state != QAudio::IdleState)
        return d->heardFloor;
    const qint64 delivered = d->stream->outputFrames();
    const qint64 byClock = d->sink->processedUSecs() * d->info.sampleRate / 1'000'000;
    const qint64 queuedBytes = std::max<qint64>(d->sink->bufferSize() - d->sink->bytesFree(), 0);
    const qint64 byBuffer = delivered - queuedBytes / d->stream->bytesPerFrame();
    const qint64 heard = std::clamp<qint64>(std::min(byClock, byBuffer), 0, delivered);
    d->heardFloor = std::max(d->heardFloor, heard);
    return d->heardFloor;
}

qint64 AudioPlayer::clampFrame(qint64 frame) const
{
    return std::clamp<qint64>(frame, 0, std::max<qint64>(d->info.frames, 0));
}

void AudioPlayer::tick()
{
    if (m_state != State::Playing || !d->sink || !d->stream)
        return;
    const qint64 heard = heardOutputFrames();
    d->stream->forgetBefore(heard);
    const qint64 frame = position();
    if (frame != d->lastEmitted) {
        d->lastEmitted = frame;
        emit positionChanged(frame);
    }
    if (d->stream->isFinished() && !d->stream->hasFailed()) {
        if (!d->sinceStreamEnded.isValid())
            d->sinceStreamEnded.start();
        if (heard >= d->stream->outputFrames() || d->sinceStreamEnded.elapsed() > drainGraceMilliseconds)
            finishPlayback();
    }
}

void AudioPlayer::finishPlayback()
{
    haltSink();
    d->restingFrame = m_loopEnd > m_loopStart ? m_loopStart : 0;
    setState(State::Stopped);
    d->lastEmitted = d->restingFrame;
    emit positionChanged(d->restingFrame);
}

void AudioPlayer::fail(const QString &message)
{
    qCWarning(lcPlayback).noquote() << message;
    const qint64 frame = position();
    haltSink();
    d->restingFrame = frame;
    setState(State::Stopped);
    emit errorOccurred(message);
}

} // namespace kx
