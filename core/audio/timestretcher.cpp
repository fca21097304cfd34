// SPDX-License-Identifier: GPL-3.0-or-later
#include "timestretcher.h"

#include <rubberband/RubberBandStretcher.h>

#include <algorithm>

namespace kx {

namespace {

/** Frames handed to Rubber Band per process()/retrieve() call. */
constexpr qint64 blockFrames = 1024;

using RubberBand::RubberBandStretcher;

/**
 * Real time (input in blocks, ratio changeable on the fly); the R3 "finer"
 * engine with its short window: R2 smears a steady tone (a 440 Hz sine loses
 * most of its energy at 440 Hz), R3's standard window costs six times as much
 * CPU (48 kHz stereo at 2×: about a quarter of a core, enough to starve the
 * sink on a loaded two-core machine), the short window keeps R3's quality for
 * speech at a fraction of that. No internal threads (the caller's thread does
 * the work, so the output is deterministic); channels processed together to
 * keep the stereo image.
 */
constexpr RubberBandStretcher::Options stretcherOptions = RubberBandStretcher::OptionProcessRealTime
    | RubberBandStretcher::OptionEngineFiner | RubberBandStretcher::OptionWindowShort | RubberBandStretcher::OptionThreadingNever
    | RubberBandStretcher::OptionChannelsTogether;

} // namespace

TimeStretcher::TimeStretcher(int sampleRate, int channels, double speed)
    : m_sampleRate(std::max(sampleRate, 1))
    , m_channels(std::max(channels, 1))
    , m_speed(std::clamp(speed, 0.25, 4.0))
    , m_stretcher(std::make_unique<RubberBandStretcher>(size_t(m_sampleRate), size_t(m_channels), stretcherOptions,
                                                        1.0 / m_speed))
    , m_planes(size_t(m_channels), std::vector<float>(size_t(blockFrames)))
{
    for (auto &plane : m_planes)
        m_planePointers.push_back(plane.data());
    m_stretcher->setMaxProcessSize(size_t(blockFrames));
    start();
}

TimeStretcher::~TimeStretcher() = default;

void TimeStretcher::setSpeed(double speed)
{
    m_speed = std::clamp(speed, 0.25, 4.0);
    m_stretcher->setTimeRatio(1.0 / m_speed);
}

void TimeStretcher::reset()
{
    m_stretcher->reset();
    m_stretcher->setTimeRatio(1.0 / m_speed);
    start();
}

// In real-time mode Rubber Band neither pads nor compensates its delay: feed the
// preferred amount of silence first and drop the start delay from the output,
// so that output and input line up from the first frame.
void TimeStretcher::start()
{
    m_finalGiven = false;
    qint64 pad = qint64(m_stretcher->getPreferredStartPad());
    for (auto &plane : m_planes)
        std::fill(plane.begin(), plane.end(), 0.0f);
    while (pad > 0) {
        const qint64 n = std::min(pad, blockFrames);
        m_stretcher->process(m_planePointers.data(), size_t(n), false);
        pad -= n;
    }
    m_delayToDrop = qint64(m_stretcher->getStartDelay());
}

qint64 TimeStretcher::framesRequired() const
{
    return qint64(m_stretcher->getSamplesRequired());
}

void TimeStretcher::process(const float *interleaved, qint64 frames, bool final)
{
    if (frames <= 0 && final) {
        // A final call without frames flushes less than the input's whole tail;
        // a block of silence after it makes sure the last frames come out.
        for (auto &plane : m_planes)
            std::fill(plane.begin(), plane.end(), 0.0f);
        m_stretcher->process(m_planePointers.data(), size_t(blockFrames), true);
        m_finalGiven = true;
        return;
    }
    qint64 done = 0;
    do {
        const qint64 n = std::min(frames - done, blockFrames);
        const float *in = interleaved + done * m_channels;
        for (qint64 i = 0; i < n; ++i) {
            for (int c = 0; c < m_channels; ++c)
                m_planes[size_t(c)][size_t(i)] = in[i * m_channels + c];
        }
        done += n;
        m_stretcher->process(m_planePointers.data(), size_t(n), final && done == frames);
    } while (done < frames);
    m_finalGiven = m_finalGiven || final;
}

void TimeStretcher::dropStartDelay()
{
    while (m_delayToDrop > 0 && m_stretcher->available() > 0) {
        const qint64 dropped = retrievePlanar(std::min(m_delayToDrop, blockFrames));
        if (dropped <= 0)
            break;
        m_delayToDrop -= dropped;
    }
}

qint64 TimeStretcher::available()
{
    dropStartDelay();
    if (m_delayToDrop > 0)
        return 0;
    return std::max(m_stretcher->available(), 0);
}

qint64 TimeStretcher::retrievePlanar(qint64 frames)
{
    const qint64 n = std::min<qint64>({frames, blockFrames, std::max(m_stretcher->available(), 0)});
    if (n <= 0)
        return 0;
    return qint64(m_stretcher->retrieve(m_planePointers.data(), size_t(n)));
}

qint64 TimeStretcher::retrieve(float *interleaved, qint64 frames)
{
    dropStartDelay();
    if (m_delayToDrop > 0)
        return 0;
    qint64 done = 0;
    while (done < frames) {
        const qint64 got = retrievePlanar(frames - done);
        if (got <= 0)
            break;
        float *out = interleaved + done * m_channels;
        for (qint64 i = 0; i < got; ++i) {
            for (int c = 0; c < m_channels; ++c)
                out[i * m_channels + c] = m_planes[size_t(c)][size_t(i)];
        }
        done += got;
    }
    return done;
}

bool TimeStretcher::isFinished()
{
    return m_finalGiven && m_stretcher->available() < 0;
}

} // namespace kx
