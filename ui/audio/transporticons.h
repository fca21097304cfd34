// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>

namespace kx {

/** The glyphs of the audio transport bar. */
enum class TransportGlyph { Play, Pause, Stop, Loop, Volume, Waveform, Spectrogram };

/**
 * @p glyph drawn in @p color as a crisp vector icon (16 and 32 pixels, so it
 * stays sharp on HiDPI screens): the transport's icons then look the same on
 * every platform and icon theme, and follow a dark palette.
 */
QIcon transportIcon(TransportGlyph glyph, const QColor &color);

} // namespace kx
