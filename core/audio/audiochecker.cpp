// SPDX-License-Identifier: GPL-3.0-or-later
#include "audiochecker.h"

#include "model/audiocheckflags.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace kx {

namespace {

/** Frames read per decoder call: small enough to stay in cache, large enough to keep calls cheap. */
constexpr qint64 blockFrames = 8192;

/**
 * The running sums of one pass over a clip, fed block by block: level,
 * clipping runs per channel, and the 10 ms windows for silence and the
 * speaking span. Holds no samples.
 */
class LevelMeter
{
public:
    LevelMeter(int channels, int sampleRate)
        : m_channels(channels)
        , m_windowFrames(std::max<qint64>(1, std::llround(sampleRate * AudioChecker::silenceWindowSeconds)))
        , m_runs(size_t(channels), 0)
    {
    }

    void add(const float *samples, qint64 frames)
    {
        for (qint64 f = 0; f < frames; ++f) {
            double frameSquares = 0.0;
            for (int c = 0; c < m_channels; ++c) {
                const float x = samples[f * m_channels + c];
                const float magnitude = std::fabs(x);
                m_peak = std::max(m_peak, magnitude);
                frameSquares += double(x) * double(x);
                if (magnitude >= AudioChecker::clipLevel) {
                    ++m_runs[size_t(c)];
                } else {
                    endRun(c);
                }
            }
            m_sumSquares += frameSquares;
            m_windowSquares += frameSquares;
            if (++m_windowFill == m_windowFrames)
                endWindow();
        }
        m_frames += frames;
    }

    /** Closes the open clipping runs and the last, partial window. */
    void finish()
    {
        for (int c = 0; c < m_channels; ++c)
            endRun(c);
        if (m_windowFill > 0)
            endWindow();
    }

    qint64 frames() const { return m_frames; }
    double peak() const { return m_peak; }
    double rms() const
    {
        const qint64 samples = m_frames * m_channels;
        return samples > 0 ? std::sqrt(m_sumSquares / double(samples)) : 0.0;
    }
    double clippedRatio() const
    {
        const qint64 samples = m_frames * m_channels;
        return samples > 0 ? double(m_clipped) / double(samples) : 0.0;
    }
    double silenceRatio() const { return m_windows > 0 ? double(m_silentWindows) / double(m_windows) : 1.0; }
    /** Frames from the start of the first non-silent window to the end of the last one; 0 without any. */
    qint64 speakingFrames() const
    {
        if (m_firstVoiced < 0)
            return 0;
        const qint64 end = std::min(m_frames, (m_lastVoiced + 1) * m_windowFrames);
        return end - m_firstVoiced * m_windowFrames;
    }

private:
    void endRun(int channel)
    {
        qint64 &run = m_runs[size_t(channel)];
        if (run >= AudioChecker::minClipRun)
            m_clipped += run;
        run = 0;
    }

    void endWindow()
    {
        const double meanSquare = m_windowSquares / double(m_windowFill * m_channels);
        // Compare squares: RMS < 10^(dB/20)  <=>  mean square < 10^(dB/10).
        static const double silentMeanSquare = std::pow(10.0, AudioChecker::silenceDbfs / 10.0);
        if (meanSquare < silentMeanSquare) {
            ++m_silentWindows;
        } else {
            if (m_firstVoiced < 0)
                m_firstVoiced = m_windows;
            m_lastVoiced = m_windows;
        }
        ++m_windows;
        m_windowSquares = 0.0;
        m_windowFill = 0;
    }

    const int m_channels;
    const qint64 m_windowFrames;
    std::vector<qint64> m_runs; ///< current run of full-scale samples, per channel
    qint64 m_frames = 0;
    qint64 m_clipped = 0;
    float m_peak = 0.0f;
    double m_sumSquares = 0.0;
    double m_windowSquares = 0.0;
    qint64 m_windowFill = 0;
    qint64 m_windows = 0;
    qint64 m_silentWindows = 0;
    qint64 m_firstVoiced = -1;
    qint64 m_lastVoiced = -1;
};

/** The per-clip flags from the measured values (RateOutlier is AudioOutliers' job). */
AudioCheck::Flags clipFlags(const AudioCheck &c)
{
    AudioCheck::Flags flags;
    if (c.clippedRatio > AudioChecker::clippedRatioLimit)
        flags |= AudioCheck::Flag::Clipping;
    if (c.silenceRatio >= AudioChecker::silenceRatioLimit)
        flags |= AudioCheck::Flag::Silent;
    if (c.rmsDbfs < AudioChecker::quietRmsDbfs)
        flags |= AudioCheck::Flag::TooQuiet;
    if (c.seconds < AudioChecker::minSeconds)
        flags |= AudioCheck::Flag::TooShort;
    return flags;
}

} // namespace

Result<AudioCheck> AudioChecker::check(AudioDecoder &decoder, const QString &transcript, const WorkControl &control)
{
    const AudioInfo info = decoder.info();
    AudioCheck result;
    result.sampleRate = info.sampleRate;
    result.channels = info.channels;
    result.seconds = info.seconds();
    if (info.sampleRate <= 0 || info.channels <= 0) {
        result.flags = AudioCheck::Flag::Undecodable;
        result.error = tr("%1: no audio stream (%2 Hz, %3 channels)")
                           .arg(decoder.label()).arg(info.sampleRate).arg(info.channels);
        return result;
    }

    LevelMeter meter(info.channels, info.sampleRate);
    std::vector<float> block(size_t(blockFrames * info.channels));
    const qint64 start = decoder.position();
    const qint64 total = std::max<qint64>(0, info.frames - start);
    while (true) {
        if (control.isCancelled())
            return Error::cancelled(tr("%1: check cancelled").arg(decoder.label()));
        const auto read = decoder.read(block.data(), blockFrames);
        if (!read) {
            result.flags = AudioCheck::Flag::Undecodable;
            result.error = read.error().message;
            return result;
        }
        if (*read == 0)
            break;
        meter.add(block.data(), *read);
        control.report(meter.frames(), total);
    }
    meter.finish();

    // The frames actually decoded, not the header's promise, give the duration.
    result.seconds = double(meter.frames()) / info.sampleRate;
    result.peakDbfs = toDbfs(meter.peak());
    result.rmsDbfs = toDbfs(meter.rms());
    result.clippedRatio = meter.clippedRatio();
    result.silenceRatio = meter.silenceRatio();
    const int characters = spokenCharacterCount(transcript);
    const qint64 speaking = meter.speakingFrames();
    if (characters > 0 && speaking > 0)
        result.charsPerSecond = characters / (double(speaking) / info.sampleRate);
    result.flags = clipFlags(result);
    return result;
}

Result<AudioCheck> AudioChecker::checkFile(const QString &path, const QString &transcript, const WorkControl &control)
{
    auto decoder = AudioDecoder::openFile(path);
    if (!decoder)
        return undecodable(decoder.error().message);
    return check(**decoder, transcript, control);
}

AudioCheck AudioChecker::undecodable(const QString &error)
{
    AudioCheck c;
    c.flags = AudioCheck::Flag::Undecodable;
    c.error = error;
    return c;
}

int AudioChecker::spokenCharacterCount(const QString &transcript)
{
    return int(std::count_if(transcript.cbegin(), transcript.cend(),
                             [](QChar ch) { return ch.isLetterOrNumber(); }));
}

double AudioChecker::toDbfs(double amplitude)
{
    if (!(amplitude > 0.0))
        return floorDbfs;
    return std::max(floorDbfs, 20.0 * std::log10(amplitude));
}

Json AudioChecker::toJson(const AudioCheck &check)
{
    Json j = Json::object();
    j["seconds"] = check.seconds;
    j["sample_rate"] = check.sampleRate;
    j["channels"] = check.channels;
    j["peak_dbfs"] = check.peakDbfs;
    j["rms_dbfs"] = check.rmsDbfs;
    j["clipped_ratio"] = check.clippedRatio;
    j["silence_ratio"] = check.silenceRatio;
    j["chars_per_second"] = std::isfinite(check.charsPerSecond) ? Json(check.charsPerSecond) : Json(nullptr);
    j["rate_z"] = check.rateZ;
    j["suspicion"] = check.suspicion;
    j["flags"] = fromStringList(AudioCheckFlags::keys(check.flags));
    if (check.flags.testFlag(AudioCheck::Flag::Undecodable))
        j["error"] = ss(check.error);
    return j;
}

} // namespace kx
