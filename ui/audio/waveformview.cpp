// SPDX-License-Identifier: GPL-3.0-or-later
#include "waveformview.h"

#include "audio/peakpyramid.h"
#include "audioviewport.h"
#include "waveformsampleloader.h"

#include <QAction>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace kx {

namespace {

/**
 * Per-column min/max of @p block over @p columns columns of @p framesPerColumn
 * frames from @p first; @p channel -1 merges all channels. Columns outside
 * the block stay (0, 0).
 */
QList<PeakPair> blockPeaks(const SampleBlock &block, double first, double framesPerColumn, int columns, int channel)
{
    QList<PeakPair> out(columns);
    const int channels = block.channels;
    const int firstChannel = channel < 0 ? 0 : channel;
    const int lastChannel = channel < 0 ? channels - 1 : channel;
    for (int c = 0; c < columns; ++c) {
        qint64 from = qint64(std::floor(first + c * framesPerColumn));
        qint64 to = std::max(from + 1, qint64(std::floor(first + (c + 1) * framesPerColumn)));
        from = std::max(from, block.firstFrame);
        to = std::min(to, block.endFrame());
        if (from >= to)
            continue;
        float low = std::numeric_limits<float>::max();
        float high = std::numeric_limits<float>::lowest();
        for (qint64 f = from; f < to; ++f) {
            const float *frame = block.samples.constData() + (f - block.firstFrame) * channels;
            for (int ch = firstChannel; ch <= lastChannel; ++ch) {
                low = std::min(low, frame[ch]);
                high = std::max(high, frame[ch]);
            }
        }
        out[c] = {low, high};
    }
    return out;
}

/** Fills the envelope of @p peaks (one per device column from @p left), at least one device pixel thick. */
void fillEnvelope(QPainter &painter, const QList<PeakPair> &peaks, double left, qreal dpr, double centre,
                  double half, const QColor &color)
{
    const qsizetype n = peaks.size();
    if (n == 0)
        return;
    QPolygonF polygon(2 * n);
    const double minHalf = 0.5 / dpr;
    for (qsizetype i = 0; i < n; ++i) {
        const double x = left + (double(i) + 0.5) / dpr;
        double top = centre - std::clamp(peaks[i].max, -1.0f, 1.0f) * half;
        double bottom = centre - std::clamp(peaks[i].min, -1.0f, 1.0f) * half;
        if (bottom - top < 2 * minHalf) {
            const double mid = (top + bottom) / 2;
            top = mid - minHalf;
            bottom = mid + minHalf;
        }
        polygon[i] = QPointF(x, top);
        polygon[2 * n - 1 - i] = QPointF(x, bottom);
    }
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawPolygon(polygon);
}

} // namespace

WaveformView::WaveformView(QWidget *parent)
    : AudioTimelineView(parent)
    , m_samples(new WaveformSampleLoader(this))
{
    setAccessibleName(tr("Waveform"));
    updateDescription();
    connect(m_samples, &WaveformSampleLoader::loaded, this, [this] { invalidateContent(); });
}

WaveformView::~WaveformView() = default;

void WaveformView::setPeaks(std::shared_ptr<const PeakPyramid> peaks)
{
    m_peaks = std::move(peaks);
    AudioViewport *view = audioViewport();
    if (m_peaks && (view->frames() != m_peaks->frames() || view->sampleRate() != m_peaks->sampleRate()))
        view->setClip(m_peaks->frames(), m_peaks->sampleRate());
    updateDescription();
    invalidateContent();
    visibleRangeChanged();
}

void WaveformView::setSampleSource(AudioDecoderFactory factory)
{
    const bool enabled = bool(factory);
    m_samples->setFactory(std::move(factory));
    audioViewport()->setMinimumFramesPerPixel(enabled ? finestFramesPerPixel
                                                      : AudioViewport::defaultMinimumFramesPerPixel);
    invalidateContent();
    visibleRangeChanged();
}

void WaveformView::setChannelsMerged(bool merged)
{
    if (merged == m_merged)
        return;
    m_merged = merged;
    invalidateContent();
    Q_EMIT channelsMergedChanged(merged);
}

int WaveformView::laneCount() const
{
    if (!m_peaks || m_merged)
        return 1;
    return std::max(1, m_peaks->channels());
}

QRect WaveformView::laneRect(int lane) const
{
    const QRect content = contentRect();
    const int lanes = laneCount();
    const int top = content.top() + content.height() * lane / lanes;
    const int bottom = content.top() + content.height() * (lane + 1) / lanes;
    return QRect(content.left(), top, content.width(), bottom - top);
}

QColor WaveformView::waveformColor() const
{
    return isDarkPalette() ? QColor(0x4d, 0xa6, 0xff) : QColor(0x1f, 0x5f, 0xc4);
}

void WaveformView::updateDescription()
{
    if (!m_peaks || m_peaks->isEmpty()) {
        setAccessibleDescription(tr("No audio loaded"));
        return;
    }
    setAccessibleDescription(tr("Waveform of a clip of %1, %n channel(s) at %2 Hz. "
                                "Click to seek, drag to select, plus and minus to zoom.",
                                nullptr, m_peaks->channels())
                                 .arg(formatAudioTime(m_peaks->seconds()))
                                 .arg(m_peaks->sampleRate()));
}

void WaveformView::showEvent(QShowEvent *event)
{
    AudioTimelineView::showEvent(event);
    visibleRangeChanged();
}

void WaveformView::visibleRangeChanged()
{
    const AudioViewport *view = audioViewport();
    if (!m_peaks || !m_samples->hasFactory() || view->framesPerPixel() >= PeakPyramid::baseFramesPerBucket
        || !isVisible())
        return;
    m_samples->request(qint64(std::floor(view->firstFrame())), qint64(std::ceil(view->endFrame())) + 1);
}

void WaveformView::fillContextMenu(QMenu &menu)
{
    if (!m_peaks || m_peaks->channels() < 2)
        return;
    menu.addSeparator();
    QAction *merge = menu.addAction(tr("Merge Channels"), this, [this](bool on) { setChannelsMerged(on); });
    merge->setCheckable(true);
    merge->setChecked(m_merged);
}

void WaveformView::paintContent(QPainter &painter, const QRect &rect)
{
    const QPalette &pal = palette();
    painter.fillRect(rect, pal.color(QPalette::Base));
    paintTimeGrid(painter, rect);
    if (!m_peaks || m_peaks->isEmpty())
        return;

    // Past the clip's end (a short clip in a wide view): a quieter background.
    const double endX = rect.left() + audioViewport()->xForFrame(double(m_peaks->frames()));
    if (endX < rect.right()) {
        QColor past = pal.color(QPalette::Window);
        past.setAlphaF(0.6);
        painter.fillRect(QRectF(endX, rect.top(), rect.right() + 1 - endX, rect.height()), past);
    }

    const int lanes = laneCount();
    const int channels = m_peaks->channels();
    for (int lane = 0; lane < lanes; ++lane) {
        QString label;
        if (lanes == 1 && channels > 1)
            label = tr("Mix");
        else if (channels == 2)
            label = lane == 0 ? tr("L") : tr("R");
        else if (channels > 2)
            label = QString::number(lane + 1);
        paintLane(painter, laneRect(lane), lanes == 1 ? -1 : lane, label);
        if (lane > 0) {
            QColor separator = pal.color(QPalette::Mid);
            painter.fillRect(QRect(rect.left(), laneRect(lane).top(), rect.width(), 1), separator);
        }
    }
}

void WaveformView::paintLane(QPainter &painter, const QRect &lane, int channel, const QString &label)
{
    const AudioViewport *view = audioViewport();
    const qreal dpr = painter.device()->devicePixelRatioF();
    const double centre = lane.top() + lane.height() / 2.0;
    const double half = std::max(1.0, lane.height() / 2.0 - 3.0);
    painter.save();
    painter.setClipRect(lane);
    painter.setRenderHint(QPainter::Antialiasing);

    QColor zero = palette().color(QPalette::Text);
    zero.setAlphaF(0.18);
    painter.fillRect(QRectF(lane.left(), centre - 0.5 / dpr, lane.width(), 1.0 / dpr), zero);

    const double fpp = view->framesPerPixel();
    const double first = view->firstFrame();
    const double framesPerColumn = fpp / dpr;
    // Columns up to the clip's end only: the pyramid pads with silence past it.
    const double visibleFrames = std::min(double(m_peaks->frames()) - first, lane.width() * fpp);
    const int columns = std::max(0, int(std::ceil(visibleFrames / framesPerColumn)));
    const SampleBlock &block = m_samples->block();
    const qint64 lastFrame = qint64(std::ceil(first + columns * framesPerColumn));
    const bool fromSamples = fpp < PeakPyramid::baseFramesPerBucket && block.covers(qint64(first), lastFrame);
    const QColor color = waveformColor();

    if (fromSamples && framesPerColumn < 1.0) {
        // Single samples: a line through them, and dots once they are 6 pixels apart.
        const qint64 from = std::max(block.firstFrame, qint64(std::floor(first)) - 1);
        const qint64 to = std::min(block.endFrame(), lastFrame + 2);
        QPolygonF line;
        line.reserve(to - from);
        const int firstChannel = channel < 0 ? 0 : channel;
        const int lastChannel = channel < 0 ? block.channels - 1 : channel;
        for (qint64 f = from; f < to; ++f) {
            const float *frame = block.samples.constData() + (f - block.firstFrame) * block.channels;
            float sum = 0.0f;
            for (int ch = firstChannel; ch <= lastChannel; ++ch)
                sum += frame[ch];
            const float value = sum / float(lastChannel - firstChannel + 1);
            line.append(QPointF(lane.left() + view->xForFrame(double(f)), centre - std::clamp(value, -1.0f, 1.0f) * half));
        }
        painter.setPen(QPen(color, 1.4));
        painter.setBrush(Qt::NoBrush);
        painter.drawPolyline(line);
        if (1.0 / fpp >= 6.0) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(color);
            for (const QPointF &point : std::as_const(line))
                painter.drawEllipse(point, 2.2, 2.2);
        }
    } else if (columns > 0) {
        const QList<PeakPair> peaks =
            fromSamples ? blockPeaks(block, first, framesPerColumn, columns, channel)
                        : m_peaks->range(qint64(first), qint64(std::llround(first + columns * framesPerColumn)), columns,
                                         channel);
        fillEnvelope(painter, peaks, lane.left(), dpr, centre, half, color);
    }

    if (!label.isEmpty()) {
        QFont font = this->font();
        font.setBold(true);
        if (font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * 0.8);
        painter.setFont(font);
        QColor text = palette().color(QPalette::Text);
        text.setAlphaF(0.55);
        painter.setPen(text);
        painter.drawText(lane.adjusted(6, 3, -6, -3), Qt::AlignLeft | Qt::AlignTop, label);
    }
    painter.restore();
}

} // namespace kx
