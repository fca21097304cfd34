// SPDX-License-Identifier: GPL-3.0-or-later
#include "spectrogram.h"

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mutex>
#include <numbers>
#include <vector>

namespace kx {

namespace {

/** FFTW's planner keeps global state: making and destroying plans must never overlap. */
std::mutex &plannerMutex()
{
    static std::mutex mutex;
    return mutex;
}

/** One real-to-complex transform of a fixed size with its own aligned buffers. */
class RealFft
{
public:
    explicit RealFft(int size) : m_size(size)
    {
        m_in = fftwf_alloc_real(size_t(size));
        m_out = fftwf_alloc_complex(size_t(size / 2 + 1));
        std::lock_guard lock(plannerMutex());
        m_plan = fftwf_plan_dft_r2c_1d(size, m_in, m_out, FFTW_ESTIMATE | FFTW_DESTROY_INPUT);
    }
    ~RealFft()
    {
        {
            std::lock_guard lock(plannerMutex());
            if (m_plan)
                fftwf_destroy_plan(m_plan);
        }
        fftwf_free(m_in);
        fftwf_free(m_out);
    }
    RealFft(const RealFft &) = delete;
    RealFft &operator=(const RealFft &) = delete;

    bool isValid() const { return m_plan && m_in && m_out; }
    float *input() { return m_in; }
    const fftwf_complex *output() const { return m_out; }
    // The new-array execute: thread-safe, unlike planning.
    void run() { fftwf_execute_dft_r2c(m_plan, m_in, m_out); }

private:
    int m_size;
    float *m_in = nullptr;
    fftwf_complex *m_out = nullptr;
    fftwf_plan m_plan = nullptr;
};

/**
 * The mono samples of a sliding window of the clip. Frames before 0 or past the
 * stream's end read as silence. Moving forward keeps what overlaps, reads the
 * gap when it is short and seeks over it when it is long.
 */
class MonoWindow
{
public:
    MonoWindow(AudioDecoder &decoder, int size)
        : m_decoder(decoder), m_channels(decoder.info().channels), m_size(size),
          m_streamEnd(decoder.info().frames), m_samples(size_t(size), 0.0f),
          m_chunk(size_t(std::max(size, 4096)) * size_t(m_channels))
    {
    }

    const std::vector<float> &samples() const { return m_samples; }

    /** Makes samples() hold frames [start, start + size). */
    Result<void> moveTo(qint64 start)
    {
        qint64 kept = 0;
        if (m_valid && start >= m_start && start < m_start + m_size) {
            kept = m_start + m_size - start;
            std::memmove(m_samples.data(), m_samples.data() + (start - m_start), size_t(kept) * sizeof(float));
        }
        m_start = start;
        m_valid = true;
        return fill(start + kept, int(kept));
    }

private:
    /** Fills m_samples[at..size) with frames [from, from + size - at). */
    Result<void> fill(qint64 from, int at)
    {
        const qint64 to = m_start + m_size;
        // Silence before the stream.
        while (at < m_size && from < 0) {
            m_samples[size_t(at++)] = 0.0f;
            ++from;
        }
        if (at < m_size && from < m_streamEnd) {
            if (auto moved = reach(from); !moved)
                return moved;
            while (at < m_size) {
                const qint64 want = std::min<qint64>(to - from, qint64(m_chunk.size()) / m_channels);
                auto got = m_decoder.read(m_chunk.data(), want);
                if (!got)
                    return got.error();
                if (*got == 0)
                    break;
                mixDown(*got, at);
                at += int(*got);
                from += *got;
            }
        }
        // Silence past the end (or where the stream stopped early).
        std::fill(m_samples.begin() + at, m_samples.end(), 0.0f);
        return {};
    }

    /** Puts the decoder at @p frame: reads through a short gap, seeks over a long one. */
    Result<void> reach(qint64 frame)
    {
        const qint64 gap = frame - m_decoder.position();
        const qint64 readRatherThanSeek = std::max<qint64>(4 * qint64(m_size), 16384);
        if (gap == 0)
            return {};
        if (gap < 0 || gap > readRatherThanSeek)
            return m_decoder.seek(frame);
        qint64 left = gap;
        while (left > 0) {
            auto got = m_decoder.read(m_chunk.data(), std::min<qint64>(left, qint64(m_chunk.size()) / m_channels));
            if (!got)
                return got.error();
            if (*got == 0)
                break;
            left -= *got;
        }
        return {};
    }

    void mixDown(qint64 frames, int at)
    {
        float *out = m_samples.data() + at;
        const float *in = m_chunk.data();
        if (m_channels == 1) {
            std::memcpy(out, in, size_t(frames) * sizeof(float));
            return;
        }
        const float scale = 1.0f / float(m_channels);
        for (qint64 f = 0; f < frames; ++f) {
            float sum = 0.0f;
            for (int c = 0; c < m_channels; ++c)
                sum += in[f * m_channels + c];
            out[f] = sum * scale;
        }
    }

    AudioDecoder &m_decoder;
    const int m_channels;
    const int m_size;
    const qint64 m_streamEnd;
    qint64 m_start = 0;
    bool m_valid = false;
    std::vector<float> m_samples;
    std::vector<float> m_chunk;   // interleaved frames as decoded
};

} // namespace

Result<Spectrogram> Spectrogram::compute(AudioDecoder &decoder, qint64 firstFrame, qint64 endFrame, int columns,
                                         int fftSize, const WorkControl &control)
{
    const AudioInfo &info = decoder.info();
    if (columns < 1)
        return Error::badInput(tr("%1: a spectrogram needs at least one column, not %2").arg(decoder.label()).arg(columns));
    if (endFrame <= firstFrame)
        return Error::badInput(tr("%1: empty span of frames [%2, %3) for a spectrogram")
                                   .arg(decoder.label()).arg(firstFrame).arg(endFrame));
    if (fftSize < minFftSize || fftSize > maxFftSize || (fftSize & (fftSize - 1)) != 0)
        return Error::badInput(tr("%1: FFT size %2 is not a power of two between %3 and %4")
                                   .arg(decoder.label()).arg(fftSize).arg(minFftSize).arg(maxFftSize));
    if (info.channels < 1 || info.sampleRate < 1)
        return Error::badInput(tr("%1: no audio stream to analyse").arg(decoder.label()));

    RealFft fft(fftSize);
    if (!fft.isValid())
        return Error::io(tr("%1: cannot set up an FFT of size %2").arg(decoder.label()).arg(fftSize));

    Spectrogram s;
    s.m_columns = columns;
    s.m_bins = fftSize / 2 + 1;
    s.m_fftSize = fftSize;
    s.m_sampleRate = info.sampleRate;
    s.m_firstFrame = firstFrame;
    s.m_endFrame = endFrame;
    s.m_db.resize(qsizetype(columns) * s.m_bins);

    // Periodic Hann window; its sum (fftSize / 2) is the coherent gain that
    // brings a full-scale sine to 0 dB once the one-sided spectrum is doubled.
    std::vector<float> window(size_t(fftSize), 0.0f);
    double windowSum = 0.0;
    for (int n = 0; n < fftSize; ++n) {
        window[size_t(n)] = float(0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * n / fftSize));
        windowSum += window[size_t(n)];
    }
    const double edgeScale = 1.0 / windowSum;   // DC and Nyquist have no mirror image
    const double innerScale = 2.0 / windowSum;
    const float floorPower = std::pow(10.0f, floorDb / 10.0f);

    MonoWindow samples(decoder, fftSize);
    for (int c = 0; c < columns; ++c) {
        if (control.isCancelled())
            return Error::cancelled(tr("%1: spectrogram cancelled at column %2 of %3").arg(decoder.label()).arg(c).arg(columns));
        if (auto moved = samples.moveTo(s.columnCentre(c) - fftSize / 2); !moved)
            return moved.error();
        const float *in = samples.samples().data();
        float *fftIn = fft.input();
        for (int n = 0; n < fftSize; ++n)
            fftIn[n] = in[n] * window[size_t(n)];
        fft.run();
        const fftwf_complex *out = fft.output();
        float *db = s.m_db.data() + qsizetype(c) * s.m_bins;
        for (int b = 0; b < s.m_bins; ++b) {
            const double scale = (b == 0 || b == s.m_bins - 1) ? edgeScale : innerScale;
            const double re = out[b][0] * scale, im = out[b][1] * scale;
            const float power = float(re * re + im * im);
            // NaN samples (a damaged float file) read as the floor, not as NaN.
            db[b] = power > floorPower ? 10.0f * std::log10(power) : floorDb;
        }
        control.report(c + 1, columns);
    }
    return s;
}

qint64 Spectrogram::columnCentre(int column) const
{
    if (m_columns <= 0)
        return m_firstFrame;
    const qint64 span = m_endFrame - m_firstFrame;
    // (2c + 1) × span / (2 × columns), in integers: exact and the same on every platform.
    return m_firstFrame + (span * (2 * qint64(column) + 1)) / (2 * qint64(m_columns));
}

int Spectrogram::loudestBin(int column) const
{
    const float *values = this->column(column);
    return int(std::max_element(values, values + m_bins) - values);
}

} // namespace kx
