// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/audiodecoder.h"
#include "util/cancellation.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>

namespace kx {

/**
 * Short-time magnitude spectrum of a span of a clip, for the spectrogram view:
 * @c columns() FFTs across frames [firstFrame(), endFrame()), each of
 * fftSize() frames (Hann window, channels mixed to mono) centred on its
 * column, giving bins() = fftSize / 2 + 1 magnitudes from 0 Hz to Nyquist in
 * dBFS (a full-scale sine reads 0 dB), clamped to floorDb.
 *
 * A value type: cheap to move, safe to hand from a worker thread to the GUI.
 * compute() is headless and meant to run off the GUI thread (QtConcurrent),
 * with its own decoder: FFTW plans are made under a process-wide lock, the
 * transforms then run on per-call buffers, so several computations may run
 * at once on different threads.
 */
class Spectrogram final
{
    Q_DECLARE_TR_FUNCTIONS(kx::Spectrogram)

public:
    /** The lowest level reported: silence, and anything quieter, reads this. */
    static constexpr float floorDb = -120.0f;
    /** fftSize must be a power of two in [minFftSize, maxFftSize]. */
    static constexpr int minFftSize = 32;
    static constexpr int maxFftSize = 65536;

    Spectrogram() = default;

    /**
     * Computes @p columns columns over frames [@p firstFrame, @p endFrame) of
     * @p decoder; frames before 0 or past the stream's end count as silence.
     * Column c is centred on frame firstFrame + (c + 0.5) × span / columns.
     * When the columns are sparse (far apart compared with @p fftSize) the
     * decoder seeks to each one; when dense it reads the span once, in order.
     * The decoder's position afterwards is unspecified.
     *
     * Reports progress in columns through @p control and stops with
     * Error::Code::Cancelled when asked. BadInput for columns < 1, an empty
     * span, or an fftSize that is not a power of two in range; decoder errors
     * are passed through.
     */
    static Result<Spectrogram> compute(AudioDecoder &decoder, qint64 firstFrame, qint64 endFrame, int columns,
                                       int fftSize = 1024, const WorkControl &control = {});

    int columns() const { return m_columns; }
    /** Frequency bins per column: fftSize / 2 + 1 (0 when empty). */
    int bins() const { return m_bins; }
    int fftSize() const { return m_fftSize; }
    int sampleRate() const { return m_sampleRate; }
    qint64 firstFrame() const { return m_firstFrame; }
    qint64 endFrame() const { return m_endFrame; }
    bool isEmpty() const { return m_columns == 0; }

    /** The level of @p bin in @p column, in dBFS, in [floorDb, about 0]. Both indexes must be in range. */
    float dB(int column, int bin) const { return m_db[qsizetype(column) * m_bins + bin]; }
    /** The bins() values of @p column, lowest frequency first. */
    const float *column(int column) const { return m_db.constData() + qsizetype(column) * m_bins; }
    /** The centre frequency of @p bin in Hz: bin × sampleRate / fftSize. */
    double binFrequency(int bin) const { return m_fftSize > 0 ? double(bin) * m_sampleRate / m_fftSize : 0.0; }
    /** The frame the window of @p column is centred on. */
    qint64 columnCentre(int column) const;
    /** The bin with the highest level in @p column (the lowest such bin on ties). */
    int loudestBin(int column) const;

private:
    int m_columns = 0;
    int m_bins = 0;
    int m_fftSize = 0;
    int m_sampleRate = 0;
    qint64 m_firstFrame = 0;
    qint64 m_endFrame = 0;
    // m_db[column * m_bins + bin]
    QList<float> m_db;
};

} // namespace kx
