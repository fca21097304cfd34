// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/audiodecoder.h"
#include "util/result.h"

#include <QAudioDevice>
#include <QObject>

#include <memory>

namespace kx {

/**
 * Plays one clip through Qt Multimedia (QAudioSink) from an AudioDecoder,
 * with speed 0.5–2× at the original pitch (Rubber Band time-stretching),
 * seek, a looping selection, volume and a choice of output device.
 *
 * Positions are frames of the source clip (not of the stretched output), so
 * a view can draw the playhead over the clip's own waveform: at 2× speed the
 * position advances twice as fast as the wall clock.
 *
 * Lives on the GUI thread; decoding and stretching happen as the sink pulls,
 * a few thousand frames at a time (StretchedAudioStream, TimeStretcher). At
 * exactly 1× the decoded samples reach the sink untouched. The sink gets
 * Float (else Int16) samples at the clip's own rate and channel count; a
 * device that takes neither is reported through errorOccurred().
 *
 * Reaching the clip's end (without a loop) stops and returns to the start.
 * Pause, seek and a device switch restart the sink's stream, so what was
 * queued for the old position is dropped, never heard late.
 */
class AudioPlayer final : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Playing, Paused };
    Q_ENUM(State)

    static constexpr double minimumSpeed = 0.5;
    static constexpr double maximumSpeed = 2.0;

    explicit AudioPlayer(QObject *parent = nullptr);
    ~AudioPlayer() override;

    /** Stops and replaces the clip. The player owns @p decoder from now on. */
    void setSource(std::unique_ptr<AudioDecoder> decoder);
    /** Stops and forgets the clip. */
    void clearSource();
    bool hasSource() const;
    /** Sample rate, channels and length of the clip; empty without one. */
    AudioInfo info() const;

    State state() const { return m_state; }
    /**
     * The source frame being heard now: what the sink reports as played (its
     * clock, bounded by what it has taken from its buffer), mapped back
     * through the speed and the loop to the clip's frames, not what was decoded.
     */
    qint64 position() const;
    double positionSeconds() const;
    double speed() const { return m_speed; }
    float volume() const { return m_volume; }
    QAudioDevice device() const { return m_device; }
    /** The looping selection as [start, end) frames; start == end when none. */
    qint64 loopStart() const { return m_loopStart; }
    qint64 loopEnd() const { return m_loopEnd; }

public slots:
    void play();
    void pause();
    /** Pauses when playing, plays otherwise. */
    void togglePlayPause();
    /** Stops and returns to the start (or to the loop's start). */
    void stop();
    /**
     * Moves to @p frame (clamped to the clip), sample-accurately. From a frame
     * outside the loop, playback wraps to the loop's start at the loop's end
     * (or, past it, at the clip's end).
     */
    void seek(qint64 frame);
    void seekSeconds(double seconds);
    /** Clamped to [minimumSpeed, maximumSpeed]; takes effect within one audio buffer. */
    void setSpeed(double speed);
    /** Linear, 0–1. */
    void setVolume(float volume);
    /** Switches output device, keeping position and state. A null device means the system default. */
    void setDevice(const QAudioDevice &device);
    /**
     * Plays [startFrame, endFrame) over and over; an empty range clears the
     * loop. A position outside the new loop moves to its start.
     */
    void setLoop(qint64 startFrame, qint64 endFrame);
    void clearLoop();

signals:
    void stateChanged(kx::AudioPlayer::State state);
    /** Emitted about every 30 ms while playing, and on every seek. */
    void positionChanged(qint64 frame);
    void speedChanged(double speed);
    void volumeChanged(float volume);
    void loopChanged(qint64 startFrame, qint64 endFrame);
    void sourceChanged();
    /** Decoding or the audio device failed; the message names the clip and the reason. */
    void errorOccurred(const QString &message);

private:
    struct Private;
    void setState(State state);
    bool startAt(qint64 frame);
    void haltSink();
    void dropSink();
    qint64 heardOutputFrames() const;
    qint64 clampFrame(qint64 frame) const;
    void tick();
    void finishPlayback();
    void fail(const QString &message);

    std::unique_ptr<Private> d;
    State m_state = State::Stopped;
    double m_speed = 1.0;
    float m_volume = 1.0f;
    QAudioDevice m_device;
    qint64 m_loopStart = 0;
    qint64 m_loopEnd = 0;
};

} // namespace kx
