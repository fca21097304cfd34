// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractScrollArea>
#include <QPixmap>

class QAction;
class QMenu;

namespace kx {

class AudioViewport;

/**
 * The common part of the audio views (waveform, spectrogram): a time ruler on
 * top, the content below it, a horizontal scroll bar, and the interaction
 * that both views share through one AudioViewport.
 *
 * - Ctrl+wheel, +/- and pinch zoom around the mouse cursor; Ctrl+0 shows the
 *   whole clip; the wheel, the scroll bar, ←/→ and Home/End scroll.
 * - A click seeks (seekRequested; the playhead moves at once); a drag selects
 *   (selectionChanged, drawn shaded); Shift+click extends the selection;
 *   a click keeps the selection, so one can jump around inside a looped
 *   phrase; Escape clears it. L (or the context menu) asks to loop it.
 * - The playhead is drawn over the content and follows playback.
 *
 * The ruler and the content are painted once into a cached pixmap (at the
 * device pixel ratio) and redrawn only when the view, the size, the palette
 * or the data change; the playhead, the selection and the hover line are
 * drawn over it, so playback repaints two thin strips per frame.
 */
class AudioTimelineView : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudioTimelineView)

public:
    explicit AudioTimelineView(QWidget *parent = nullptr);
    ~AudioTimelineView() override;

    /** The shared time axis; by default one the view owns. Never null. */
    AudioViewport *audioViewport() const { return m_viewport; }
    /** Uses @p viewport (not owned; null: back to the view's own) and follows its changes. */
    void setAudioViewport(AudioViewport *viewport);

    /** Where the content is drawn: below the ruler, in viewport() coordinates. */
    QRect contentRect() const;
    int rulerHeight() const;

    /** What the view says without a clip ("No audio" by default; may be empty, e.g. while loading). */
    void setPlaceholderText(const QString &text);

    /** Moves the playhead (shorthand for audioViewport()->setPlayhead). */
    void setPlayhead(qint64 frame);
    /** "Loop selection" (L): emits loopRequested for the selection; disabled without one. */
    QAction *loopSelectionAction() const { return m_loopAction; }

    /** Zoom steps of √2, around the mouse cursor when it is over the view, else the playhead or the centre. */
    void zoomIn();
    void zoomOut();
    void zoomToFit();

Q_SIGNALS:
    /** The user clicked at @p frame (a seek request for the player). */
    void seekRequested(qint64 frame);
    /** The user dragged (or cleared) a selection; an empty range means none. */
    void selectionChanged(qint64 start, qint64 end);
    /** The user asked to loop [@p start, @p end). */
    void loopRequested(qint64 start, qint64 end);

protected:
    /** Paints the content (everything but the ruler and the overlays) into @p rect; logical coordinates. */
    virtual void paintContent(QPainter &painter, const QRect &rect) = 0;
    /** Paints over everything, uncached (e.g. a "computing" note). */
    virtual void paintOverlay(QPainter &painter, const QRect &rect);
    /** The tint of the selection over this content. */
    virtual QColor selectionColor() const;
    /** Called when the view moved, zoomed or resized (after the cache is dropped). */
    virtual void visibleRangeChanged() {}
    /** Adds the view's own entries to the context menu, after the common ones. */
    virtual void fillContextMenu(QMenu &menu) { Q_UNUSED(menu) }

    /** Drops the cached content so that the next paint calls paintContent again. */
    void invalidateContent();
    /** Faint vertical lines at the ruler's major ticks, for content that wants them. */
    void paintTimeGrid(QPainter &painter, const QRect &rect) const;
    /** Whether the palette is dark (a dark Base colour). */
    bool isDarkPalette() const;
    /** The playhead's colour over this content. */
    virtual QColor playheadColor() const;

    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void connectViewport();
    void onViewChanged();
    void onPlayheadChanged(qint64 frame);
    void onSelectionChanged();
    void syncScrollBar();
    void updateStrip(double x);
    void updateHover(double x);
    QRectF hoverLabelRect(double x) const;
    double zoomAnchorX() const;
    void paintPlayhead(QPainter &painter, const QRect &rect);
    void paintSelection(QPainter &painter, const QRect &rect) const;
    void paintHover(QPainter &painter, const QRect &rect) const;

    AudioViewport *m_ownViewport = nullptr;
    AudioViewport *m_viewport = nullptr;
    QAction *m_loopAction = nullptr;
    QString m_placeholder;
    QPixmap m_cache;
    bool m_cacheValid = false;
    double m_scrollUnit = 1.0;  ///< frames per scroll bar step
    bool m_syncingScrollBar = false;
    double m_drawnPlayheadX = -1.0;
    double m_hoverX = -1.0;
    // Mouse press: where, and the selection anchor while dragging.
    bool m_pressed = false;
    bool m_dragging = false;
    double m_pressX = 0.0;
    qint64 m_anchorFrame = 0;
};

} // namespace kx
