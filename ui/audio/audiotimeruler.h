// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QPalette>
#include <QRect>

class QPainter;

namespace kx {

class AudioViewport;

/**
 * The time ruler of the audio views: labelled ticks in mm:ss at a step that
 * suits the zoom (from milliseconds to hours, labels never closer than their
 * own width), minor ticks between them, and the matching faint grid for the
 * content below. Stateless; x = 0 is the viewport's left edge.
 */
class AudioTimeRuler final
{
public:
    AudioTimeRuler() = delete;

    /** The ruler's font: @p base a little smaller. */
    static QFont font(const QFont &base);
    /** The ruler's height for @p base. */
    static int height(const QFont &base);
    /** The width of the longest label ("h:mm:ss.mmm") in the ruler's font. */
    static double labelWidth(const QFont &base);

    /** Paints the ruler of @p viewport into @p rect. */
    static void paint(QPainter &painter, const QRect &rect, const AudioViewport &viewport, const QPalette &palette,
                      const QFont &base);
    /** Faint vertical lines at the labelled ticks, over @p rect. */
    static void paintGrid(QPainter &painter, const QRect &rect, const AudioViewport &viewport,
                          const QPalette &palette, const QFont &base);
};

} // namespace kx
