// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audiodecoderfactory.h"
#include "audiotimelineview.h"

#include <memory>

namespace kx {

class PeakPyramid;
class WaveformSampleLoader;

/**
 * The waveform of a clip: one lane per channel (or all channels merged into
 * one), each the min/max envelope of the samples under every device pixel,
 * read from a PeakPyramid. Painting asks the pyramid for exactly the visible
 * columns, from the level that matches the zoom, so a one-hour clip paints
 * as fast as a one-second one; the result is cached until the view changes.
 *
 * Zoom runs from the whole clip down to PeakPyramid::baseFramesPerBucket
 * frames per pixel. With a sample source (setSampleSource) it goes on down to
 * finestFramesPerPixel: below one bucket per pixel the view reads the visible
 * samples on a worker thread and draws their exact envelope, and below one
 * frame per pixel the samples themselves, joined by lines, with dots once
 * they are far enough apart. Until those samples arrive it draws the bucket
 * envelope, which is correct but blocky.
 *
 * Interaction (zoom, scroll, seek, selection, loop) is AudioTimelineView's.
 */
class WaveformView final : public AudioTimelineView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaveformView)

public:
    /** The finest zoom with a sample source: 16 pixels per frame. */
    static constexpr double finestFramesPerPixel = 1.0 / 16.0;

    explicit WaveformView(QWidget *parent = nullptr);
    ~WaveformView() override;

    /**
     * The peaks to draw; null shows nothing. When the pyramid's length or
     * rate differ from the viewport's clip, the viewport is set to it
     * (whole clip, no selection, playhead at 0).
     */
    void setPeaks(std::shared_ptr<const PeakPyramid> peaks);
    const std::shared_ptr<const PeakPyramid> &peaks() const { return m_peaks; }

    /**
     * Where to read samples for zoom finer than the pyramid (called on a
     * worker thread). Lowers the viewport's finest zoom to
     * finestFramesPerPixel; an empty factory puts it back to the pyramid's.
     */
    void setSampleSource(AudioDecoderFactory factory);

    /** Draws all channels in one lane (the default for mono only). */
    void setChannelsMerged(bool merged);
    bool channelsMerged() const { return m_merged; }

    int laneCount() const;
    /** Lane @p lane's area in viewport() coordinates (for tests and tooltips). */
    QRect laneRect(int lane) const;
    /** The fill colour of the envelope in the current palette. */
    QColor waveformColor() const;

Q_SIGNALS:
    void channelsMergedChanged(bool merged);

protected:
    void paintContent(QPainter &painter, const QRect &rect) override;
    void visibleRangeChanged() override;
    void showEvent(QShowEvent *event) override;
    void fillContextMenu(QMenu &menu) override;

private:
    void paintLane(QPainter &painter, const QRect &lane, int channel, const QString &label);
    void updateDescription();

    std::shared_ptr<const PeakPyramid> m_peaks;
    WaveformSampleLoader *m_samples = nullptr;
    bool m_merged = false;
};

} // namespace kx
