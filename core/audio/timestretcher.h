// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <memory>
#include <vector>

namespace RubberBand {
class RubberBandStretcher;
}

namespace kx {

/**
 * Changes the speed of interleaved float audio and keeps its pitch: Rubber
 * Band's real-time stretcher, fed and drained in blocks of any size.
 *
 * Speed is source frames per output frame: 2.0 halves the duration, 0.5
 * doubles it. The output is aligned with the input — Rubber Band's start
 * padding and start delay are handled here — so after reset() output frame n
 * plays input frame n × speed. Changing the speed without a reset() takes
 * effect over the next few hundred frames.
 *
 * Processing runs on the caller's thread (Rubber Band's own threads are
 * disabled); use one instance per stream, from one thread at a time.
 */
class TimeStretcher final
{
    Q_DISABLE_COPY_MOVE(TimeStretcher)

public:
    /** @p speed is clamped to [0.25, 4]. */
    TimeStretcher(int sampleRate, int channels, double speed = 1.0);
    ~TimeStretcher();

    int sampleRate() const { return m_sampleRate; }
    int channels() const { return m_channels; }
    double speed() const { return m_speed; }
    void setSpeed(double speed);

    /** Forgets all input and output, keeping the speed. */
    void reset();

    /** How many input frames process() needs before more output becomes available. */
    qint64 framesRequired() const;
    /**
     * Feeds @p frames interleaved frames (any count; split internally).
     * @p final marks the end of the input: the stretcher then flushes its tail.
     * Give it with the last frames when possible: a final call without frames
     * flushes with a block of silence, which lengthens the output a little.
     */
    void process(const float *interleaved, qint64 frames, bool final = false);

    /** Output frames ready to retrieve now. */
    qint64 available();
    /** Copies up to @p frames interleaved output frames to @p out; returns how many. */
    qint64 retrieve(float *interleaved, qint64 frames);
    /** Whether the final input was given and all of its output retrieved. */
    bool isFinished();

private:
    void start();
    void dropStartDelay();
    qint64 retrievePlanar(qint64 frames);

    int m_sampleRate = 0;
    int m_channels = 0;
    double m_speed = 1.0;
    std::unique_ptr<RubberBand::RubberBandStretcher> m_stretcher;
    std::vector<std::vector<float>> m_planes;   ///< one de-interleaved block per channel
    std::vector<float *> m_planePointers;
    qint64 m_delayToDrop = 0;                   ///< output frames still to discard after a start
    bool m_finalGiven = false;
};

} // namespace kx
