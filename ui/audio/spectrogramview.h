// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audiodecoderfactory.h"
#include "audiotimelineview.h"

#include <QFutureWatcher>
#include <QImage>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

namespace kx {

/** A rendered spectrogram of frames [firstFrame, endFrame): one image column per analysis column, top row = Nyquist. */
struct SpectrogramImage
{
    QImage image;
    qint64 firstFrame = 0;
    qint64 endFrame = 0;
    int fftSize = 0;
    int sampleRate = 0;
    QString error;  ///< set when the computation failed; the image is then null
};

/**
 * The spectrogram of the visible part of a clip (a kx::Spectrogram, coloured
 * with a magma-like map from floorDb to topDb), on the same time axis as the
 * waveform: it shares an AudioViewport and AudioTimelineView's ruler,
 * playhead, selection, zoom and seek.
 *
 * Only the visible span is analysed, one column per pixel, on a worker
 * thread with a decoder of its own from the factory the owner supplies; a
 * zoom or scroll recomputes it once the view has been still for a moment
 * (debounced), and until the new image arrives the previous one is drawn
 * stretched to where its frames now are, so zooming feels immediate. A newer
 * request cancels the one in flight.
 *
 * Frequencies run linearly from 0 Hz (bottom) to the Nyquist frequency
 * (top), labelled on the left edge.
 */
class SpectrogramView final : public AudioTimelineView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpectrogramView)

public:
    explicit SpectrogramView(QWidget *parent = nullptr);
    ~SpectrogramView() override;

    /**
     * The clip to analyse: @p factory opens a decoder on it (on a worker
     * thread); @p info gives its length and rate, and the viewport is set to
     * that clip when they differ from its own. An empty factory clears.
     */
    void setSource(AudioDecoderFactory factory, const AudioInfo &info);
    void clear() { setSource({}, {}); }

    /** The FFT length: a power of two, or 0 (the default) for about 25 ms of the clip. */
    void setFftSize(int size);
    /** The FFT length in use for the current clip. */
    int effectiveFftSize() const;

    /** The levels mapped to the darkest and the brightest colour (defaults -100 and -10 dBFS). */
    void setLevelRange(float floorDb, float topDb);
    float floorDb() const { return m_floorDb; }
    float topDb() const { return m_topDb; }

    bool isComputing() const { return m_watcher.isRunning() || m_debounce.isActive(); }
    /** The image shown now (null before the first one arrives). */
    const SpectrogramImage &currentImage() const { return m_image; }
    /** The y (viewport coordinates) where @p hz is drawn. */
    double yForFrequency(double hz) const;
    /** The colour of level @p t in [0, 1] (0 = floorDb, 1 = topDb). */
    static QRgb colourAt(double t);

Q_SIGNALS:
    /** A new image is shown. */
    void spectrogramUpdated();
    /** Computing failed; @p message names the clip and the reason (also shown in the view). */
    void errorOccurred(const QString &message);

protected:
    void paintContent(QPainter &painter, const QRect &rect) override;
    void paintOverlay(QPainter &painter, const QRect &rect) override;
    QColor selectionColor() const override;
    QColor playheadColor() const override;
    void visibleRangeChanged() override;
    void showEvent(QShowEvent *event) override;

private:
    void schedule();
    void start();
    void finished();
    void paintFrequencyAxis(QPainter &painter, const QRect &rect) const;
    void updateDescription();

    AudioDecoderFactory m_factory;
    AudioInfo m_info;
    int m_fftSize = 0;
    float m_floorDb = -100.0f;
    float m_topDb = -10.0f;
    SpectrogramImage m_image;
    // What the running (or last) computation covers, to skip identical requests.
    qint64 m_requestFirst = -1;
    qint64 m_requestEnd = -1;
    int m_requestColumns = 0;
    bool m_showBusy = false;
    QTimer m_debounce;
    QTimer m_busyDelay;
    QThreadPool m_pool;
    QFutureWatcher<SpectrogramImage> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace kx
