// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace kx {

/**
 * The shared time axis of the audio views: which frames are visible (first
 * frame and frames per pixel over a width in pixels), the selection and the
 * playhead. The waveform and the spectrogram of one clip share one
 * AudioViewport, so switching between them keeps the position, the zoom and
 * the selection.
 *
 * Frames are frames of the clip (samples per channel). The first visible
 * frame is fractional so that zooming down to single samples still scrolls
 * smoothly by one pixel. The zoom runs from the whole clip in the width
 * (maximumFramesPerPixel) down to minimumFramesPerPixel, which defaults to
 * defaultMinimumFramesPerPixel: a view that can draw single samples lowers it.
 *
 * GUI thread only. Every setter clamps its input and emits only on a change.
 */
class AudioViewport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudioViewport)

public:
    /** The finest zoom by default: one pyramid bucket (PeakPyramid::baseFramesPerBucket) per pixel. */
    static constexpr double defaultMinimumFramesPerPixel = 256.0;

    explicit AudioViewport(QObject *parent = nullptr);

    /** A new clip of @p frames frames at @p sampleRate: shows all of it, clears the selection and the playhead. */
    void setClip(qint64 frames, int sampleRate);
    qint64 frames() const { return m_frames; }
    int sampleRate() const { return m_sampleRate; }
    double seconds() const { return m_sampleRate > 0 ? double(m_frames) / m_sampleRate : 0.0; }

    /** The width in pixels the frames are spread over (set by the visible view on resize). */
    void setWidth(int pixels);
    int width() const { return m_width; }

    double firstFrame() const { return m_first; }
    double framesPerPixel() const { return m_framesPerPixel; }
    /** One past the last visible frame; may lie past the clip's end when the clip is shorter than the view. */
    double endFrame() const { return m_first + m_width * m_framesPerPixel; }
    /** Whether the view shows the whole clip and keeps doing so when the width changes. */
    bool isFitted() const { return m_fitted; }

    double minimumFramesPerPixel() const { return m_minimumFramesPerPixel; }
    /** Lowers (or raises) the finest zoom; the current zoom is clamped to it. */
    void setMinimumFramesPerPixel(double framesPerPixel);
    /** The whole clip in the width (never below the minimum). */
    double maximumFramesPerPixel() const;

    /** The x (pixels from the left edge) of @p frame; may be outside [0, width]. */
    double xForFrame(double frame) const { return (frame - m_first) / m_framesPerPixel; }
    /** The frame under @p x, clamped to [0, frames]. */
    qint64 frameAtX(double x) const;

    /** Shows frames from @p firstFrame at @p framesPerPixel, both clamped. */
    void setView(double firstFrame, double framesPerPixel);
    /** Scrolls so that @p firstFrame is at the left edge (clamped). */
    void scrollTo(double firstFrame);
    void scrollByPixels(double pixels);
    /** Zooms in (@p factor > 1) or out (< 1) keeping the frame under @p anchorX where it is. */
    void zoomBy(double factor, double anchorX);
    /** Shows the whole clip. */
    void fitAll();
    /** Scrolls, without zooming, so that [@p start, @p end) is visible when it fits (else its start). */
    void ensureVisible(qint64 start, qint64 end);

    bool hasSelection() const { return m_selectionEnd > m_selectionStart; }
    qint64 selectionStart() const { return m_selectionStart; }
    qint64 selectionEnd() const { return m_selectionEnd; }
    /** Selects [min, max) of the two frames, clamped to the clip; an empty range clears. */
    void setSelection(qint64 start, qint64 end);
    void clearSelection() { setSelection(0, 0); }

    qint64 playhead() const { return m_playhead; }
    /**
     * Moves the playhead. With @p follow, when the playhead was visible and
     * the new one is not, the view pages so that it is near the left edge
     * again: playback is followed, but a user who scrolled away is left alone.
     */
    void setPlayhead(qint64 frame, bool follow = true);

Q_SIGNALS:
    /** The first frame, the zoom or the width changed. */
    void viewChanged();
    void selectionChanged(qint64 start, qint64 end);
    void playheadChanged(qint64 frame);
    /** setClip() was called: a different clip (or none) is shown. */
    void clipChanged();

private:
    /** Clamps and stores; true when the first frame or the zoom moved (the caller emits). */
    bool apply(double first, double framesPerPixel, bool fitted);

    qint64 m_frames = 0;
    int m_sampleRate = 0;
    int m_width = 1;
    double m_first = 0.0;
    double m_framesPerPixel = defaultMinimumFramesPerPixel;
    double m_minimumFramesPerPixel = defaultMinimumFramesPerPixel;
    bool m_fitted = true;
    qint64 m_selectionStart = 0;
    qint64 m_selectionEnd = 0;
    qint64 m_playhead = 0;
};

/**
 * @p seconds as "mm:ss.t" (or "h:mm:ss.t" from an hour), with @p decimals
 * digits after the second (0–3). Negative values read as 0.
 */
QString formatAudioTime(double seconds, int decimals = 1);

} // namespace kx
