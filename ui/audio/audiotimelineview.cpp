// SPDX-License-Identifier: GPL-3.0-or-later
#include "audiotimelineview.h"

#include "audiotimeruler.h"
#include "audioviewport.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QGestureEvent>
#include <QMenu>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPinchGesture>
#include <QScrollBar>

#include <cmath>

namespace kx {

AudioTimelineView::AudioTimelineView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_ownViewport(new AudioViewport(this))
    , m_viewport(m_ownViewport)
    , m_placeholder(tr("No audio"))
{
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->grabGesture(Qt::PinchGesture);
    viewport()->setCursor(Qt::IBeamCursor);
    setMinimumSize(160, 90);

    m_loopAction = new QAction(tr("Loop Selection"), this);
    m_loopAction->setShortcut(QKeySequence(Qt::Key_L));
    m_loopAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_loopAction->setEnabled(false);
    addAction(m_loopAction);
    connect(m_loopAction, &QAction::triggered, this, [this] {
        if (m_viewport->hasSelection())
            Q_EMIT loopRequested(m_viewport->selectionStart(), m_viewport->selectionEnd());
    });

    connectViewport();
}

AudioTimelineView::~AudioTimelineView() = default;

void AudioTimelineView::setAudioViewport(AudioViewport *viewport)
{
    if (!viewport)
        viewport = m_ownViewport;
    if (viewport == m_viewport)
        return;
    disconnect(m_viewport, nullptr, this, nullptr);
    m_viewport = viewport;
    connectViewport();
    if (isVisible())
        m_viewport->setWidth(this->viewport()->width());
    onViewChanged();
    onSelectionChanged();
}

void AudioTimelineView::connectViewport()
{
    connect(m_viewport, &AudioViewport::viewChanged, this, &AudioTimelineView::onViewChanged);
    connect(m_viewport, &AudioViewport::playheadChanged, this, &AudioTimelineView::onPlayheadChanged);
    connect(m_viewport, &AudioViewport::selectionChanged, this, &AudioTimelineView::onSelectionChanged);
    syncScrollBar();
}

int AudioTimelineView::rulerHeight() const
{
    return AudioTimeRuler::height(font());
}

QRect AudioTimelineView::contentRect() const
{
    const QRect all = viewport()->rect();
    return all.adjusted(0, rulerHeight(), 0, 0);
}

void AudioTimelineView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    invalidateContent();
}

void AudioTimelineView::setPlayhead(qint64 frame)
{
    m_viewport->setPlayhead(frame);
}

double AudioTimelineView::zoomAnchorX() const
{
    const QPoint cursor = viewport()->mapFromGlobal(QCursor::pos());
    if (viewport()->rect().contains(cursor))
        return cursor.x();
    const double playheadX = m_viewport->xForFrame(double(m_viewport->playhead()));
    if (playheadX >= 0 && playheadX <= m_viewport->width())
        return playheadX;
    return m_viewport->width() / 2.0;
}

void AudioTimelineView::zoomIn()
{
    m_viewport->zoomBy(M_SQRT2, zoomAnchorX());
}

void AudioTimelineView::zoomOut()
{
    m_viewport->zoomBy(M_SQRT1_2, zoomAnchorX());
}

void AudioTimelineView::zoomToFit()
{
    m_viewport->fitAll();
}

void AudioTimelineView::invalidateContent()
{
    m_cacheValid = false;
    viewport()->update();
}

bool AudioTimelineView::isDarkPalette() const
{
    return palette().color(QPalette::Base).lightnessF() < 0.5;
}

QColor AudioTimelineView::playheadColor() const
{
    return isDarkPalette() ? QColor(0xff, 0x63, 0x69) : QColor(0xd9, 0x2d, 0x35);
}

QColor AudioTimelineView::selectionColor() const
{
    QColor color = palette().color(QPalette::Highlight);
    color.setAlphaF(isDarkPalette() ? 0.30 : 0.22);
    return color;
}

void AudioTimelineView::onViewChanged()
{
    m_cacheValid = false;
    syncScrollBar();
    viewport()->update();
    visibleRangeChanged();
}

void AudioTimelineView::onSelectionChanged()
{
    m_loopAction->setEnabled(m_viewport->hasSelection());
    viewport()->update();
}

void AudioTimelineView::onPlayheadChanged(qint64 frame)
{
    // Only the strips under the old and the new playhead change.
    updateStrip(m_drawnPlayheadX);
    updateStrip(m_viewport->xForFrame(double(frame)));
}

void AudioTimelineView::updateStrip(double x)
{
    if (x < -8 || x > viewport()->width() + 8)
        return;
    viewport()->update(QRect(int(std::floor(x)) - 7, 0, 15, viewport()->height()));
}

void AudioTimelineView::updateHover(double x)
{
    if (x < 0)
        return;
    updateStrip(x);
    viewport()->update(hoverLabelRect(x).toAlignedRect().adjusted(-1, -1, 1, 1));
}

void AudioTimelineView::syncScrollBar()
{
    // Changing the range may show or hide the bar, which resizes the viewport
    // and lands back here; the outer call finishes the job.
    if (m_syncingScrollBar)
        return;
    m_syncingScrollBar = true;
    QScrollBar *bar = horizontalScrollBar();
    for (int pass = 0; pass < 3; ++pass) {
        const double fpp = m_viewport->framesPerPixel();
        const double frames = double(m_viewport->frames());
        const double span = m_viewport->width() * fpp;
        // A QScrollBar counts in int: past 10^9 steps a step covers more than a pixel.
        m_scrollUnit = std::max(fpp, frames / 1.0e9);
        bar->setRange(0, int(std::ceil(std::max(0.0, frames - span) / m_scrollUnit)));
        bar->setPageStep(std::max(1, int(span / m_scrollUnit)));
        bar->setSingleStep(std::max(1, bar->pageStep() / 20));
        bar->setValue(int(std::llround(m_viewport->firstFrame() / m_scrollUnit)));
        if (viewport()->width() == m_viewport->width() || !isVisible())
            break;
        m_viewport->setWidth(viewport()->width());
    }
    m_syncingScrollBar = false;
}

void AudioTimelineView::scrollContentsBy(int, int)
{
    if (m_syncingScrollBar)
        return;
    m_viewport->scrollTo(horizontalScrollBar()->value() * m_scrollUnit);
}

void AudioTimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    m_cacheValid = false;
    if (isVisible())
        m_viewport->setWidth(viewport()->width());
}

void AudioTimelineView::showEvent(QShowEvent *event)
{
    QAbstractScrollArea::showEvent(event);
    m_viewport->setWidth(viewport()->width());
    syncScrollBar();
}

void AudioTimelineView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::StyleChange)
        invalidateContent();
}

void AudioTimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QRect all = viewport()->rect();
    const qreal dpr = viewport()->devicePixelRatioF();
    const QSize deviceSize = (QSizeF(all.size()) * dpr).toSize();
    if (!m_cacheValid || m_cache.size() != deviceSize || !qFuzzyCompare(m_cache.devicePixelRatio(), dpr)) {
        m_cache = QPixmap(deviceSize);
        m_cache.setDevicePixelRatio(dpr);
        m_cache.fill(palette().color(QPalette::Base));
        QPainter cachePainter(&m_cache);
        AudioTimeRuler::paint(cachePainter, QRect(0, 0, all.width(), rulerHeight()), *m_viewport, palette(), font());
        const QRect content = contentRect();
        if (m_viewport->frames() > 0) {
            cachePainter.save();
            cachePainter.setClipRect(content);
            paintContent(cachePainter, content);
            cachePainter.restore();
        } else {
            cachePainter.setPen(palette().color(QPalette::PlaceholderText));
            cachePainter.drawText(content, Qt::AlignCenter, m_placeholder);
        }
        m_cacheValid = true;
    }
    painter.drawPixmap(0, 0, m_cache);
    if (m_viewport->frames() > 0) {
        paintSelection(painter, all);
        paintHover(painter, all);
        paintPlayhead(painter, all);
    }
    paintOverlay(painter, contentRect());
    if (hasFocus()) {
        // Keyboard focus: the ruler's lower edge turns the highlight colour.
        painter.fillRect(QRect(0, rulerHeight() - 2, all.width(), 2), palette().color(QPalette::Highlight));
    }
}

void AudioTimelineView::paintOverlay(QPainter &, const QRect &)
{
}

void AudioTimelineView::paintTimeGrid(QPainter &painter, const QRect &rect) const
{
    AudioTimeRuler::paintGrid(painter, rect, *m_viewport, palette(), font());
}

void AudioTimelineView::paintSelection(QPainter &painter, const QRect &rect) const
{
    if (!m_viewport->hasSelection())
        return;
    const double left = std::max(-2.0, m_viewport->xForFrame(double(m_viewport->selectionStart())));
    const double right = std::min(rect.width() + 2.0, m_viewport->xForFrame(double(m_viewport->selectionEnd())));
    if (right < 0 || left > rect.width())
        return;
    const int ruler = rulerHeight();
    QColor band = palette().color(QPalette::Highlight);
    band.setAlphaF(0.4);
    painter.fillRect(QRectF(left, 0, right - left, ruler - 1), band);
    painter.fillRect(QRectF(left, ruler, right - left, rect.height() - ruler), selectionColor());
    QColor edge = palette().color(QPalette::Highlight);
    painter.setPen(QPen(edge, 1.0));
    painter.drawLine(QPointF(std::round(left) + 0.5, 0), QPointF(std::round(left) + 0.5, rect.height()));
    painter.drawLine(QPointF(std::round(right) - 0.5, 0), QPointF(std::round(right) - 0.5, rect.height()));
}

QRectF AudioTimelineView::hoverLabelRect(double x) const
{
    const double width = AudioTimeRuler::labelWidth(font()) + 10.0;
    const double left = std::clamp(x - width / 2, 0.0, std::max(0.0, viewport()->width() - width));
    return QRectF(left, 1, width, rulerHeight() - 3);
}

void AudioTimelineView::paintHover(QPainter &painter, const QRect &rect) const
{
    if (m_hoverX < 0 || m_hoverX > rect.width() || m_viewport->sampleRate() <= 0 || m_pressed)
        return;
    const double x = std::round(m_hoverX) + 0.5;
    QColor line = palette().color(QPalette::Text);
    line.setAlphaF(0.35);
    painter.setPen(QPen(line, 1.0, Qt::DashLine));
    painter.drawLine(QPointF(x, rulerHeight()), QPointF(x, rect.height()));

    // The time under the cursor, in the ruler, to the millisecond when zoomed in far enough to matter.
    const double seconds = double(m_viewport->frameAtX(m_hoverX)) / m_viewport->sampleRate();
    const double pixelsPerSecond = m_viewport->sampleRate() / m_viewport->framesPerPixel();
    const int decimals = pixelsPerSecond >= 1000 ? 3 : pixelsPerSecond >= 100 ? 2 : 1;
    const QRectF box = hoverLabelRect(x);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::ToolTipBase));
    painter.drawRoundedRect(box, 3, 3);
    painter.setFont(AudioTimeRuler::font(font()));
    painter.setPen(palette().color(QPalette::ToolTipText));
    painter.drawText(box, Qt::AlignCenter, formatAudioTime(seconds, decimals));
    painter.restore();
}

void AudioTimelineView::paintPlayhead(QPainter &painter, const QRect &rect)
{
    const double x = m_viewport->xForFrame(double(m_viewport->playhead()));
    m_drawnPlayheadX = x;
    if (x < -6 || x > rect.width() + 6)
        return;
    const qreal dpr = viewport()->devicePixelRatioF();
    // Snap to a device pixel so the line stays crisp on any scale.
    const double lineX = (std::round(x * dpr) + 0.5) / dpr;
    const int ruler = rulerHeight();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(playheadColor(), 1.5));
    painter.drawLine(QPointF(lineX, ruler - 1), QPointF(lineX, rect.height()));
    // A small downward triangle in the ruler marks it even where the waveform is loud.
    const double size = 5.5;
    const QPointF tip(lineX, ruler - 1);
    const QPointF marker[3] = {tip, QPointF(lineX - size, ruler - 1 - size * 1.4),
                               QPointF(lineX + size, ruler - 1 - size * 1.4)};
    painter.setPen(Qt::NoPen);
    painter.setBrush(playheadColor());
    painter.drawPolygon(marker, 3);
    painter.restore();
}

void AudioTimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_viewport->frames() <= 0) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_pressed = true;
    updateHover(m_hoverX);
    m_dragging = false;
    m_pressX = event->position().x();
    m_anchorFrame = m_viewport->frameAtX(m_pressX);
    if (event->modifiers() & Qt::ShiftModifier) {
        // Extend the selection (or start one at the playhead) from its far end.
        const qint64 at = m_anchorFrame;
        const qint64 start = m_viewport->hasSelection() ? m_viewport->selectionStart() : m_viewport->playhead();
        const qint64 end = m_viewport->hasSelection() ? m_viewport->selectionEnd() : m_viewport->playhead();
        m_anchorFrame = std::abs(at - start) > std::abs(at - end) ? start : end;
        m_dragging = true;
        m_viewport->setSelection(m_anchorFrame, at);
        Q_EMIT selectionChanged(m_viewport->selectionStart(), m_viewport->selectionEnd());
    }
    event->accept();
}

void AudioTimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const double x = event->position().x();
    updateHover(m_hoverX);
    m_hoverX = x;
    updateHover(x);
    if (!m_pressed)
        return;
    if (!m_dragging && std::abs(x - m_pressX) < QApplication::startDragDistance())
        return;
    m_dragging = true;
    // Dragging past an edge scrolls that way, so a selection can grow beyond the view.
    if (x < 0)
        m_viewport->scrollByPixels(x);
    else if (x > viewport()->width())
        m_viewport->scrollByPixels(x - viewport()->width());
    m_viewport->setSelection(m_anchorFrame, m_viewport->frameAtX(x));
    Q_EMIT selectionChanged(m_viewport->selectionStart(), m_viewport->selectionEnd());
}

void AudioTimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    m_pressed = false;
    updateHover(m_hoverX);
    if (!m_dragging) {
        const qint64 frame = m_viewport->frameAtX(event->position().x());
        m_viewport->setPlayhead(frame, false);
        Q_EMIT seekRequested(frame);
    }
    m_dragging = false;
}

void AudioTimelineView::leaveEvent(QEvent *event)
{
    QAbstractScrollArea::leaveEvent(event);
    updateHover(m_hoverX);
    m_hoverX = -1.0;
}

void AudioTimelineView::wheelEvent(QWheelEvent *event)
{
    if (m_viewport->frames() <= 0) {
        event->ignore();
        return;
    }
    event->accept();
    if (event->modifiers() & Qt::ControlModifier) {
        const double notches = event->angleDelta().y() / 120.0;
        if (notches != 0.0)
            m_viewport->zoomBy(std::pow(2.0, notches * 0.5), event->position().x());
        return;
    }
    // Touchpads give pixels; wheels give notches, each a tenth of the view.
    const QPoint pixels = event->pixelDelta();
    if (!pixels.isNull()) {
        m_viewport->scrollByPixels(-(pixels.x() != 0 ? pixels.x() : pixels.y()));
        return;
    }
    const QPoint angle = event->angleDelta();
    const double notches = (angle.x() != 0 ? angle.x() : angle.y()) / 120.0;
    m_viewport->scrollByPixels(-notches * m_viewport->width() / 10.0);
}

void AudioTimelineView::keyPressEvent(QKeyEvent *event)
{
    const int width = m_viewport->width();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
        if (!(event->modifiers() & Qt::ControlModifier)) {
            event->ignore();
            return;
        }
        zoomToFit();
        break;
    case Qt::Key_Left:
        m_viewport->scrollByPixels(-width / 10.0);
        break;
    case Qt::Key_Right:
        m_viewport->scrollByPixels(width / 10.0);
        break;
    case Qt::Key_PageUp:
        m_viewport->scrollByPixels(-width * 0.9);
        break;
    case Qt::Key_PageDown:
        m_viewport->scrollByPixels(width * 0.9);
        break;
    case Qt::Key_Home:
        m_viewport->scrollTo(0.0);
        break;
    case Qt::Key_End:
        m_viewport->scrollTo(double(m_viewport->frames()));
        break;
    case Qt::Key_Escape:
        if (!m_viewport->hasSelection()) {
            event->ignore();
            return;
        }
        m_viewport->clearSelection();
        Q_EMIT selectionChanged(0, 0);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void AudioTimelineView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(m_loopAction);
    QAction *clear = menu.addAction(tr("Clear Selection"), this, [this] {
        m_viewport->clearSelection();
        Q_EMIT selectionChanged(0, 0);
    });
    clear->setEnabled(m_viewport->hasSelection());
    menu.addSeparator();
    menu.addAction(tr("Zoom In"), this, [this] { zoomIn(); });
    menu.addAction(tr("Zoom Out"), this, [this] { zoomOut(); });
    menu.addAction(tr("Show Whole Clip"), this, [this] { zoomToFit(); });
    fillContextMenu(menu);
    menu.exec(event->globalPos());
}

bool AudioTimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            m_viewport->zoomBy(1.0 + gesture->value(), gesture->position().x());
            return true;
        }
    } else if (event->type() == QEvent::Gesture) {
        auto *gestures = static_cast<QGestureEvent *>(event);
        if (auto *pinch = static_cast<QPinchGesture *>(gestures->gesture(Qt::PinchGesture))) {
            if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged) {
                const QPoint centre = viewport()->mapFromGlobal(pinch->centerPoint().toPoint());
                m_viewport->zoomBy(pinch->scaleFactor(), centre.x());
            }
            gestures->accept(pinch);
            return true;
        }
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace kx
