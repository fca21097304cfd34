// SPDX-License-Identifier: GPL-3.0-or-later
#include "transporticons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <array>

namespace kx {

namespace {

/** Draws @p glyph on a 16 × 16 unit square. */
void drawGlyph(QPainter &p, TransportGlyph glyph, const QColor &color)
{
    QPen stroke(color, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (glyph) {
    case TransportGlyph::Play: {
        const QPointF triangle[3] = {{4.0, 2.5}, {13.5, 8.0}, {4.0, 13.5}};
        p.setPen(QPen(color, 1.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(color);
        p.drawPolygon(triangle, 3);
        break;
    }
    case TransportGlyph::Pause:
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawRoundedRect(QRectF(3.5, 2.5, 3.3, 11.0), 0.8, 0.8);
        p.drawRoundedRect(QRectF(9.2, 2.5, 3.3, 11.0), 0.8, 0.8);
        break;
    case TransportGlyph::Stop:
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawRoundedRect(QRectF(3.0, 3.0, 10.0, 10.0), 1.5, 1.5);
        break;
    case TransportGlyph::Loop: {
        QPainterPath top;
        top.moveTo(2.8, 9.0);
        top.lineTo(2.8, 6.5);
        top.quadTo(2.8, 4.2, 5.2, 4.2);
        top.lineTo(11.5, 4.2);
        QPainterPath bottom;
        bottom.moveTo(13.2, 7.0);
        bottom.lineTo(13.2, 9.5);
        bottom.quadTo(13.2, 11.8, 10.8, 11.8);
        bottom.lineTo(4.5, 11.8);
        p.setPen(stroke);
        p.setBrush(Qt::NoBrush);
        p.drawPath(top);
        p.drawPath(bottom);
        const QPointF right[3] = {{11.0, 1.6}, {14.2, 4.2}, {11.0, 6.8}};
        const QPointF left[3] = {{5.0, 9.2}, {1.8, 11.8}, {5.0, 14.4}};
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawPolygon(right, 3);
        p.drawPolygon(left, 3);
        break;
    }
    case TransportGlyph::Volume: {
        const QPointF speaker[6] = {{1.5, 6.0}, {4.5, 6.0}, {8.5, 2.5}, {8.5, 13.5}, {4.5, 10.0}, {1.5, 10.0}};
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawPolygon(speaker, 6);
        p.setPen(QPen(color, 1.3, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        p.drawArc(QRectF(6.5, 5.0, 6.0, 6.0), -50 * 16, 100 * 16);
        p.drawArc(QRectF(4.5, 2.0, 11.0, 12.0), -50 * 16, 100 * 16);
        break;
    }
    case TransportGlyph::Waveform: {
        constexpr std::array<double, 7> heights = {3, 7, 12, 6, 13, 8, 4};
        p.setPen(QPen(color, 1.4, Qt::SolidLine, Qt::RoundCap));
        for (size_t i = 0; i < heights.size(); ++i) {
            const double x = 2.0 + 2.0 * double(i);
            p.drawLine(QPointF(x, 8.0 - heights[i] / 2), QPointF(x, 8.0 + heights[i] / 2));
        }
        break;
    }
    case TransportGlyph::Spectrogram: {
        // A 4 × 4 grid whose cells fade with height, like a spectrum's energy.
        constexpr std::array<std::array<double, 4>, 4> levels = {{
            {0.25, 0.5, 0.3, 0.2},
            {0.5, 0.8, 0.45, 0.35},
            {0.8, 1.0, 0.7, 0.55},
            {1.0, 0.9, 1.0, 0.8},
        }};
        p.setPen(Qt::NoPen);
        for (int row = 0; row < 4; ++row) {
            for (int col = 0; col < 4; ++col) {
                QColor cell = color;
                cell.setAlphaF(levels[row][col]);
                p.setBrush(cell);
                p.drawRoundedRect(QRectF(1.5 + col * 3.4, 1.5 + row * 3.4, 2.8, 2.8), 0.5, 0.5);
            }
        }
        break;
    }
    }
}

} // namespace

QIcon transportIcon(TransportGlyph glyph, const QColor &color)
{
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size / 16.0, size / 16.0);
        drawGlyph(painter, glyph, color);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace kx
