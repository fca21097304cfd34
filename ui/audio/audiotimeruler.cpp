// SPDX-License-Identifier: GPL-3.0-or-later
#include "audiotimeruler.h"

#include "audioviewport.h"

#include <QPainter>

#include <array>
#include <cmath>

namespace kx {

namespace {

/** A ruler step: seconds between labelled ticks, and how many minor ticks divide it. */
struct RulerStep
{
    double seconds;
    int divisions;
};

constexpr std::array<RulerStep, 23> rulerSteps = {{
    {0.001, 5}, {0.002, 4}, {0.005, 5}, {0.01, 5}, {0.02, 4}, {0.05, 5}, {0.1, 5}, {0.2, 4},
    {0.5, 5}, {1, 5}, {2, 4}, {5, 5}, {10, 5}, {15, 3}, {30, 3}, {60, 6}, {120, 4}, {300, 5},
    {600, 5}, {900, 3}, {1800, 3}, {3600, 6}, {7200, 4},
}};

int labelDecimals(double step)
{
    return step < 0.01 ? 3 : step < 0.1 ? 2 : step < 1.0 ? 1 : 0;
}

/** The finest step whose labels stay apart at the viewport's zoom. */
RulerStep pickStep(const AudioViewport &viewport, const QFont &base)
{
    const double pixelsPerSecond = viewport.sampleRate() / viewport.framesPerPixel();
    // Short labels ("00:05") are narrower than the longest one: three quarters of it is enough room.
    const double minPixels = (AudioTimeRuler::labelWidth(base) + 12.0) * 0.75;
    for (const RulerStep &step : rulerSteps)
        if (step.seconds * pixelsPerSecond >= minPixels)
            return step;
    const double hours = std::ceil(minPixels / pixelsPerSecond / 3600.0);
    return {hours * 3600.0, 4};
}

QColor blend(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

} // namespace

QFont AudioTimeRuler::font(const QFont &base)
{
    QFont font = base;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

int AudioTimeRuler::height(const QFont &base)
{
    return QFontMetrics(font(base)).height() + 10;
}

double AudioTimeRuler::labelWidth(const QFont &base)
{
    return QFontMetrics(font(base)).horizontalAdvance(QStringLiteral("00:00:00.000"));
}

void AudioTimeRuler::paint(QPainter &painter, const QRect &rect, const AudioViewport &viewport,
                           const QPalette &palette, const QFont &base)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::WindowText);
    painter.fillRect(rect, blend(window, palette.color(QPalette::Base), 0.35));
    painter.fillRect(QRect(rect.left(), rect.bottom(), rect.width(), 1), blend(window, text, 0.25));
    if (viewport.frames() <= 0 || viewport.sampleRate() <= 0)
        return;

    const QFont rulerFont = font(base);
    const QFontMetrics metrics(rulerFont);
    painter.setFont(rulerFont);
    const RulerStep step = pickStep(viewport, base);
    const double minor = step.seconds / step.divisions;
    const int decimals = labelDecimals(step.seconds);
    const double widest = labelWidth(base) + 12.0;
    const double firstSecond = viewport.firstFrame() / viewport.sampleRate();
    const double clipEndX = viewport.xForFrame(double(viewport.frames()));
    const QColor tickColor = blend(window, text, 0.55);
    const QColor labelColor = blend(window, text, 0.85);

    for (qint64 i = qint64(std::floor(firstSecond / minor));; ++i) {
        const double seconds = double(i) * minor;
        const double x = std::round(viewport.xForFrame(seconds * viewport.sampleRate())) + 0.5;
        if (x > rect.right() || x > clipEndX + 0.5)
            break;
        if (x < rect.left() - widest)
            continue;
        painter.setPen(tickColor);
        if (i % step.divisions == 0) {
            painter.drawLine(QPointF(x, rect.top() + 3), QPointF(x, rect.bottom()));
            painter.setPen(labelColor);
            painter.drawText(QPointF(x + 4, rect.top() + 3 + metrics.ascent()), formatAudioTime(seconds, decimals));
        } else {
            painter.drawLine(QPointF(x, rect.bottom() - 4), QPointF(x, rect.bottom()));
        }
    }
}

void AudioTimeRuler::paintGrid(QPainter &painter, const QRect &rect, const AudioViewport &viewport,
                               const QPalette &palette, const QFont &base)
{
    if (viewport.frames() <= 0 || viewport.sampleRate() <= 0)
        return;
    const RulerStep step = pickStep(viewport, base);
    QColor color = palette.color(QPalette::Text);
    color.setAlphaF(0.07);
    painter.setPen(color);
    const double firstSecond = viewport.firstFrame() / viewport.sampleRate();
    for (qint64 i = qint64(std::floor(firstSecond / step.seconds));; ++i) {
        const double x = std::round(viewport.xForFrame(double(i) * step.seconds * viewport.sampleRate())) + 0.5;
        if (x > rect.right())
            break;
        if (x >= rect.left())
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()));
    }
}

} // namespace kx
