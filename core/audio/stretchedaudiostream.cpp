// SPDX-License-Identifier: GPL-3.0-or-later
#include "stretchedaudiostream.h"

#include "audio/timestretcher.h"
#include "formats/audiodecoder.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace kx {

namespace {

/** Most source frames decoded per call: a few thousand keeps every pull short. */
constexpr qint64 decodeBlockFrames = 4096;

bool isUnitSpeed(double speed)
{
    return std::abs(speed - 1.0) < 1e-9;
}

} // namespace

StretchedAudioStream::StretchedAudioStream(AudioDecoder *decoder, QObject *parent)
    : QIODevice(parent)
    , m_decoder(decoder)
    , m_channels(std::max(decoder->info().channels, 1))
    , m_clipFrames(decoder->info().frames)
{
    m_segments.push_back({});
}

StretchedAudioStream::~StretchedAudioStream() = default;

void StretchedAudioStream::setSampleFormat(QAudioFormat::SampleFormat format)
{
    m_sampleFormat = format == QAudioFormat::Int16 ? QAudioFormat::Int16 : QAudioFormat::Float;
}

int StretchedAudioStream::bytesPerFrame() const
{
    return m_channels * (m_sampleFormat == QAudioFormat::Int16 ? int(sizeof(qint16)) : int(sizeof(float)));
}

Result<void> StretchedAudioStream::restart(qint64 frame, double speed)
{
    m_map.clear();
    m_outputFrames = 0;
    m_failed = false;
    m_speed = std::clamp(speed, 0.5, 2.0);
    return anchorAt(frame);
}

Result<void> StretchedAudioStream::setSpeed(double speed)
{
    speed = std::clamp(speed, 0.5, 2.0);
    if (std::abs(speed - m_speed) < 1e-9)
        return {};
    // Re-anchor at the next frame to deliver: the stretcher starts afresh there,
    // so the position map stays exact instead of drifting through a ratio ramp.
    const double next = sourceFrameAt(m_outputFrames);
    m_speed = speed;
    if (m_finished)
        return {};
    return anchorAt(qint64(std::llround(next)));
}

Result<void> StretchedAudioStream::anchorAt(qint64 frame)
{
    frame = std::max<qint64>(frame, 0);
    if (m_clipFrames > 0)
        frame = std::min(frame, m_clipFrames);
    if (auto sought = m_decoder->seek(frame); !sought) {
        // Reported to the caller, not through errorOccurred().
        m_failed = m_finished = true;
        return sought.error();
    }
    m_cursor = m_decoder->position();
    m_inputFed = 0;
    m_stretchInput = 0.0;
    m_inputEnded = false;
    m_segments.clear();
    m_segments.push_back({0, m_cursor});
    if (isUnitSpeed(m_speed)) {
        m_stretcher.reset();
    } else if (!m_stretcher) {
        m_stretcher = std::make_unique<TimeStretcher>(m_decoder->info().sampleRate, m_channels, m_speed);
    } else {
        m_stretcher->setSpeed(m_speed);
        m_stretcher->reset();
    }
    if (m_map.empty())
        m_runStart = m_cursor;
    m_finished = false;
    return {};
}

void StretchedAudioStream::setLoop(qint64 start, qint64 end)
{
    if (end <= start)
        start = end = 0;
    m_loopStart = start;
    m_loopEnd = end;
}

double StretchedAudioStream::sourceFrameAt(qint64 outputFrame) const
{
    if (m_map.empty())
        return double(m_runStart);
    if (outputFrame <= m_map.front().outputStart)
        return m_map.front().sourceStart;
    auto after = std::upper_bound(m_map.begin(), m_map.end(), outputFrame,
                                  [](qint64 frame, const MapBlock &block) { return frame < block.outputStart; });
    const MapBlock &block = *std::prev(after);
    return block.sourceStart + double(std::min(outputFrame - block.outputStart, block.frames)) * block.step;
}

void StretchedAudioStream::forgetBefore(qint64 outputFrame)
{
    while (m_map.size() > 1 && m_map[1].outputStart <= outputFrame)
        m_map.pop_front();
}

qint64 StretchedAudioStream::bytesAvailable() const
{
    if (m_finished)
        return QIODevice::bytesAvailable();
    // Used by QAudioSink to shorten the pre-buffering of short clips: an estimate
    // of what is left (unbounded when looping), never zero while frames remain.
    if (m_loopEnd > m_loopStart || m_clipFrames <= 0)
        return std::numeric_limits<int>::max();
    const double remaining = double(std::max<qint64>(m_clipFrames - m_cursor, 0)) / m_speed
        + (m_stretcher ? decodeBlockFrames : 0);
    return std::max<qint64>(qint64(remaining), 1) * bytesPerFrame() + QIODevice::bytesAvailable();
}

qint64 StretchedAudioStream::readData(char *data, qint64 maxSize)
{
    const qint64 frames = maxSize / bytesPerFrame();
    if (frames <= 0 || m_finished)
        return 0;
    m_output.resize(size_t(frames * m_channels));
    const qint64 produced = produce(m_output.data(), frames);
    const qint64 samples = produced * m_channels;
    if (m_sampleFormat == QAudioFormat::Int16) {
        for (qint64 i = 0; i < samples; ++i) {
            const auto value = qint16(std::lround(std::clamp(m_output[size_t(i)], -1.0f, 1.0f) * 32767.0f));
            std::memcpy(data + i * qint64(sizeof(qint16)), &value, sizeof(qint16));
        }
    } else {
        std::memcpy(data, m_output.data(), size_t(samples) * sizeof(float));
    }
    return produced * bytesPerFrame();
}

qint64 StretchedAudioStream::writeData(const char *, qint64)
{
    return -1;
}

qint64 StretchedAudioStream::produce(float *out, qint64 frames)
{
    return m_stretcher ? produceStretched(out, frames) : produceDirect(out, frames);
}

qint64 StretchedAudioStream::produceDirect(float *out, qint64 frames)
{
    qint64 done = 0;
    while (done < frames && !m_finished) {
        bool ended = false;
        const qint64 got = decode(out + done * m_channels, std::min(frames - done, decodeBlockFrames), &ended);
        if (got > 0) {
            record(got, double(m_cursor - got), 1.0);
            done += got;
        }
        if (ended)
            m_finished = true;
    }
    return done;
}

qint64 StretchedAudioStream::produceStretched(float *out, qint64 frames)
{
    qint64 done = 0;
    int idleRounds = 0;
    while (done < frames && !m_failed) {
        if (const qint64 ready = m_stretcher->available(); ready > 0) {
            const qint64 wanted = framesBeforeNextSegment(std::min(ready, frames - done));
            const qint64 got = m_stretcher->retrieve(out + done * m_channels, wanted);
            record(got, sourceAtInput(m_stretchInput), m_speed);
            m_stretchInput += double(got) * m_speed;
            while (m_segments.size() > 1 && double(m_segments[1].inputIndex) <= m_stretchInput)
                m_segments.pop_front();
            done += got;
            continue;
        }
        if (m_inputEnded) {
            // Without threads the stretcher has all of its tail ready once given
            // the final block; a few empty rounds mean there is nothing more.
            if (m_stretcher->isFinished() || ++idleRounds > 4) {
                m_finished = true;
                break;
            }
            continue;
        }
        const qint64 wanted = std::clamp(m_stretcher->framesRequired(), qint64(64), decodeBlockFrames);
        m_decoded.resize(size_t(wanted * m_channels));
        bool ended = false;
        const qint64 got = decode(m_decoded.data(), wanted, &ended);
        if (m_failed)
            break;
        // Flag the clip's last block as final when it is known to be the last:
        // Rubber Band flushes its tail best from a final block with frames in it.
        const bool last = ended || (m_loopEnd <= m_loopStart && m_clipFrames > 0 && m_cursor >= m_clipFrames);
        m_stretcher->process(m_decoded.data(), got, last);
        m_inputFed += got;
        m_inputEnded = last;
    }
    if (m_failed)
        m_finished = true;
    return done;
}

qint64 StretchedAudioStream::decode(float *out, qint64 frames, bool *ended)
{
    *ended = false;
    // Two tries: the first may stop at the loop's end, the second reads after the wrap.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const qint64 wanted = std::min(frames, readBoundary() - m_cursor);
        if (wanted > 0) {
            const Result<qint64> got = m_decoder->read(out, wanted);
            if (!got) {
                fail(got.error().message);
                *ended = true;
                return 0;
            }
            if (*got > 0) {
                m_cursor += *got;
                return *got;
            }
        }
        if (!wrapToLoop())
            break;
    }
    *ended = true;
    return 0;
}

qint64 StretchedAudioStream::readBoundary() const
{
    if (m_loopEnd > m_loopStart && m_cursor <= m_loopEnd)
        return m_loopEnd;
    return m_clipFrames > 0 ? m_clipFrames : std::numeric_limits<qint64>::max();
}

bool StretchedAudioStream::wrapToLoop()
{
    if (m_loopEnd <= m_loopStart || m_failed)
        return false;
    if (auto sought = m_decoder->seek(m_loopStart); !sought) {
        fail(sought.error().message);
        return false;
    }
    m_cursor = m_decoder->position();
    if (m_stretcher)
        m_segments.push_back({m_inputFed, m_cursor});
    return true;
}

double StretchedAudioStream::sourceAtInput(double inputIndex) const
{
    auto after = std::upper_bound(m_segments.begin(), m_segments.end(), inputIndex,
                                  [](double index, const InputSegment &s) { return index < double(s.inputIndex); });
    const InputSegment &segment = after == m_segments.begin() ? m_segments.front() : *std::prev(after);
    return double(segment.sourceFrame) + (inputIndex - double(segment.inputIndex));
}

// A delivered block must not straddle a loop wrap in the stretcher's input,
// or the frames after the wrap would be mapped past the loop's end.
qint64 StretchedAudioStream::framesBeforeNextSegment(qint64 wanted) const
{
    for (const InputSegment &segment : m_segments) {
        if (double(segment.inputIndex) > m_stretchInput) {
            const auto room = qint64(std::ceil((double(segment.inputIndex) - m_stretchInput) / m_speed));
            return std::clamp<qint64>(room, 1, wanted);
        }
    }
    return wanted;
}

void StretchedAudioStream::record(qint64 frames, double sourceStart, double step)
{
    if (frames <= 0)
        return;
    if (!m_map.empty()) {
        MapBlock &last = m_map.back();
        if (last.step == step && std::abs(last.sourceStart + double(last.frames) * step - sourceStart) < 1e-3) {
            last.frames += frames;
            m_outputFrames += frames;
            return;
        }
    }
    m_map.push_back({m_outputFrames, frames, sourceStart, step});
    m_outputFrames += frames;
}

void StretchedAudioStream::fail(const QString &message)
{
    m_failed = true;
    m_finished = true;
    emit errorOccurred(message);
}

} // namespace kx
