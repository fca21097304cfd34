// SPDX-License-Identifier: GPL-3.0-or-later
#include "spectrogramview.h"

#include "audio/spectrogram.h"
#include "audioviewport.h"

#include <QLocale>
#include <QPainter>
#include <QtConcurrent>

#include <algorithm>
#include <array>
#include <cmath>

namespace kx {

namespace {

// Magma (matplotlib, CC0) sampled at nine points; colourAt() interpolates between them.
constexpr std::array<QRgb, 9> magmaStops = {0xff000004, 0xff1c1044, 0xff4f127b, 0xff812581, 0xffb5367a,
                                            0xffe55064, 0xfffb8761, 0xfffec287, 0xfffcfdbf};

/** 256 colours of the map, built once. */
const std::array<QRgb, 256> &colourTable()
{
    static const std::array<QRgb, 256> table = [] {
        std::array<QRgb, 256> out{};
        for (int i = 0; i < 256; ++i) {
            const double position = i / 255.0 * (magmaStops.size() - 1);
            const int low = std::min(int(position), int(magmaStops.size()) - 2);
            const double t = position - low;
            const QRgb a = magmaStops[low];
            const QRgb b = magmaStops[low + 1];
            out[i] = qRgb(int(std::lround(qRed(a) * (1 - t) + qRed(b) * t)),
                          int(std::lround(qGreen(a) * (1 - t) + qGreen(b) * t)),
                          int(std::lround(qBlue(a) * (1 - t) + qBlue(b) * t)));
        }
        return out;
    }();
    return table;
}

/** About 25 ms of the clip, to the nearest power of two: the usual window for speech. */
int automaticFftSize(int sampleRate)
{
    if (sampleRate <= 0)
        return 1024;
    const int size = 1 << int(std::lround(std::log2(sampleRate * 0.025)));
    return std::clamp(size, Spectrogram::minFftSize, Spectrogram::maxFftSize);
}

/** Runs on the worker: analyses [first, end) in @p columns columns and colours the result. */
SpectrogramImage computeImage(const AudioDecoderFactory &factory, qint64 first, qint64 end, int columns,
                              int fftSize, float floorDb, float topDb, const std::shared_ptr<std::atomic<bool>> &cancel)
{
    SpectrogramImage out;
    out.firstFrame = first;
    out.endFrame = end;
    out.fftSize = fftSize;
    auto decoder = factory();
    if (!decoder) {
        out.error = decoder.error().message;
        return out;
    }
    WorkControl control;
    control.cancelled = [cancel] { return cancel->load(); };
    const auto spectrogram = Spectrogram::compute(**decoder, first, end, columns, fftSize, control);
    if (!spectrogram) {
        if (spectrogram.error().code != Error::Code::Cancelled)
            out.error = spectrogram.error().message;
        return out;
    }
    const int bins = spectrogram->bins();
    out.sampleRate = spectrogram->sampleRate();
    out.image = QImage(spectrogram->columns(), bins, QImage::Format_RGB32);
    const auto &table = colourTable();
    const float range = std::max(1.0f, topDb - floorDb);
    for (int c = 0; c < spectrogram->columns(); ++c) {
        const float *levels = spectrogram->column(c);
        for (int bin = 0; bin < bins; ++bin) {
            const float t = std::clamp((levels[bin] - floorDb) / range, 0.0f, 1.0f);
            reinterpret_cast<QRgb *>(out.image.scanLine(bins - 1 - bin))[c] = table[int(t * 255.0f + 0.5f)];
        }
    }
    return out;
}

} // namespace

SpectrogramView::SpectrogramView(QWidget *parent)
    : AudioTimelineView(parent)
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    setAccessibleName(tr("Spectrogram"));
    updateDescription();
    m_pool.setMaxThreadCount(1);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(120);
    connect(&m_debounce, &QTimer::timeout, this, &SpectrogramView::start);
    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(300);
    connect(&m_busyDelay, &QTimer::timeout, this, [this] {
        m_showBusy = true;
        viewport()->update();
    });
    connect(&m_watcher, &QFutureWatcher<SpectrogramImage>::finished, this, &SpectrogramView::finished);
}

SpectrogramView::~SpectrogramView()
{
    m_cancel->store(true);
    m_pool.waitForDone();
}

void SpectrogramView::setSource(AudioDecoderFactory factory, const AudioInfo &info)
{
    m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_factory = std::move(factory);
    m_info = m_factory ? info : AudioInfo{};
    m_image = {};
    m_requestFirst = m_requestEnd = -1;
    m_requestColumns = 0;
    AudioViewport *view = audioViewport();
    if (m_factory && (view->frames() != info.frames || view->sampleRate() != info.sampleRate))
        view->setClip(info.frames, info.sampleRate);
    updateDescription();
    invalidateContent();
    schedule();
}

void SpectrogramView::setFftSize(int size)
{
    if (size != 0 && (size < Spectrogram::minFftSize || size > Spectrogram::maxFftSize || (size & (size - 1)) != 0))
        return;
    m_fftSize = size;
    m_requestFirst = m_requestEnd = -1;
    schedule();
}

int SpectrogramView::effectiveFftSize() const
{
    return m_fftSize > 0 ? m_fftSize : automaticFftSize(m_info.sampleRate);
}

void SpectrogramView::setLevelRange(float floorDb, float topDb)
{
    if (!(topDb > floorDb))
        return;
    m_floorDb = floorDb;
    m_topDb = topDb;
    m_requestFirst = m_requestEnd = -1;
    schedule();
}

QRgb SpectrogramView::colourAt(double t)
{
    return colourTable()[std::clamp(int(t * 255.0 + 0.5), 0, 255)];
}

double SpectrogramView::yForFrequency(double hz) const
{
    // Image row r (bin bins-1-r) covers [r, r+1) × height/bins: a bin is drawn at its row's centre.
    const QRect rect = contentRect();
    const int fft = m_image.image.isNull() ? effectiveFftSize() : m_image.fftSize;
    const int rate = m_image.image.isNull() ? m_info.sampleRate : m_image.sampleRate;
    if (rate <= 0)
        return rect.bottom();
    const int bins = fft / 2 + 1;
    const double bin = hz * fft / rate;
    return rect.top() + (bins - 0.5 - bin) * rect.height() / bins;
}

void SpectrogramView::updateDescription()
{
    if (!m_factory) {
        setAccessibleDescription(tr("No audio loaded"));
        return;
    }
    setAccessibleDescription(tr("Spectrogram of a clip of %1 at %2 Hz, 0 Hz at the bottom to %3 Hz at the top. "
                                "Click to seek, drag to select, plus and minus to zoom.")
                                 .arg(formatAudioTime(m_info.seconds()))
                                 .arg(m_info.sampleRate)
                                 .arg(m_info.sampleRate / 2));
}

void SpectrogramView::visibleRangeChanged()
{
    schedule();
}

void SpectrogramView::showEvent(QShowEvent *event)
{
    AudioTimelineView::showEvent(event);
    schedule();
}

void SpectrogramView::schedule()
{
    if (m_factory)
        m_debounce.start();
}

void SpectrogramView::start()
{
    const AudioViewport *view = audioViewport();
    // Hidden behind the waveform: nothing to draw; showEvent() asks again.
    if (!m_factory || view->frames() <= 0 || !isVisible())
        return;
    const qint64 first = std::max<qint64>(0, qint64(std::floor(view->firstFrame())));
    const qint64 end = std::min<qint64>(view->frames(), qint64(std::ceil(view->endFrame())));
    if (end <= first)
        return;
    // One column per logical pixel (up to 1.5 per pixel on HiDPI screens): the
    // image is stretched to the height anyway, and sparse columns cost a seek each.
    const double scale = std::min<qreal>(viewport()->devicePixelRatioF(), 1.5);
    const int columns = std::clamp(int(std::ceil((end - first) / view->framesPerPixel() * scale)), 1, 2400);
    if (first == m_requestFirst && end == m_requestEnd && columns == m_requestColumns)
        return;
    m_requestFirst = first;
    m_requestEnd = end;
    m_requestColumns = columns;
    m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_watcher.setFuture(QtConcurrent::run(&m_pool, computeImage, m_factory, first, end, columns, effectiveFftSize(),
                                          m_floorDb, m_topDb, m_cancel));
    if (!m_busyDelay.isActive() && !m_showBusy)
        m_busyDelay.start();
}

void SpectrogramView::finished()
{
    if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0)
        return;
    SpectrogramImage result = m_watcher.result();
    // A result for a span other than the last request: a newer one is queued behind it.
    if (result.firstFrame != m_requestFirst || result.endFrame != m_requestEnd)
        return;
    m_busyDelay.stop();
    m_showBusy = false;
    if (!result.error.isEmpty()) {
        m_image = std::move(result);
        invalidateContent();
        Q_EMIT errorOccurred(m_image.error);
        return;
    }
    if (result.image.isNull())
        return;  // cancelled
    m_image = std::move(result);
    invalidateContent();
    Q_EMIT spectrogramUpdated();
}

QColor SpectrogramView::selectionColor() const
{
    return QColor(255, 255, 255, 56);
}

QColor SpectrogramView::playheadColor() const
{
    // Bright on every colour of the map, dark purple included.
    return QColor(0x5c, 0xe1, 0xe6);
}

void SpectrogramView::paintContent(QPainter &painter, const QRect &rect)
{
    painter.fillRect(rect, QColor::fromRgb(colourAt(0.0)));
    const AudioViewport *view = audioViewport();
    if (!m_image.image.isNull()) {
        const double left = rect.left() + view->xForFrame(double(m_image.firstFrame));
        const double right = rect.left() + view->xForFrame(double(m_image.endFrame));
        painter.save();
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(QRectF(left, rect.top(), right - left, rect.height()), m_image.image);
        painter.restore();
    }
    paintFrequencyAxis(painter, rect);
}

void SpectrogramView::paintFrequencyAxis(QPainter &painter, const QRect &rect) const
{
    const int rate = m_image.image.isNull() ? m_info.sampleRate : m_image.sampleRate;
    if (rate <= 0)
        return;
    QFont font = this->font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.8);
    const QFontMetrics metrics(font);
    painter.setFont(font);
    const double nyquist = rate / 2.0;
    const double pixelsPerHz = rect.height() / nyquist;
    // The finest step that keeps the labels two text lines apart.
    const std::array<double, 10> steps = {50, 100, 200, 500, 1000, 2000, 4000, 5000, 10000, 20000};
    double step = steps.back();
    for (const double candidate : steps) {
        if (candidate * pixelsPerHz >= metrics.height() * 2.8) {
            step = candidate;
            break;
        }
    }
    const QColor text(0xf0, 0xf0, 0xf0);
    const QColor backdrop(0, 0, 0, 120);
    for (double hz = step; hz < nyquist; hz += step) {
        const double y = std::round(yForFrequency(hz)) + 0.5;
        if (y < rect.top() + metrics.height())
            break;
        const QString label = hz >= 1000 ? tr("%1 kHz").arg(QLocale().toString(hz / 1000.0, 'g', 3)) : tr("%1 Hz").arg(QLocale().toString(hz, 'f', 0));
        const QRectF box(rect.left() + 8, y - metrics.height() / 2.0, metrics.horizontalAdvance(label) + 8,
                         metrics.height());
        painter.fillRect(box, backdrop);
        painter.setPen(QColor(255, 255, 255, 150));
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.left() + 6, y));
        painter.setPen(text);
        painter.drawText(box, Qt::AlignCenter, label);
    }
}

void SpectrogramView::paintOverlay(QPainter &painter, const QRect &rect)
{
    QString note;
    if (!m_image.error.isEmpty())
        note = m_image.error;
    else if (m_showBusy && m_watcher.isRunning())
        note = tr("Computing spectrogram…");
    if (note.isEmpty())
        return;
    const QFontMetrics metrics(font());
    const QString shown = metrics.elidedText(note, Qt::ElideMiddle, rect.width() - 40);
    const QRect box(rect.right() - metrics.horizontalAdvance(shown) - 24, rect.top() + 8,
                    metrics.horizontalAdvance(shown) + 16, metrics.height() + 8);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0, 0, 0, 170));
    painter.drawRoundedRect(box, 4, 4);
    painter.setPen(m_image.error.isEmpty() ? QColor(0xf0, 0xf0, 0xf0) : QColor(0xff, 0x8a, 0x80));
    painter.drawText(box, Qt::AlignCenter, shown);
    painter.restore();
}

} // namespace kx
