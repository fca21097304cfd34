// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace kx {

/**
 * Writes mono 16-bit PCM WAV files (a 44-byte RIFF/WAVE header, a "fmt " and a
 * "data" chunk, little-endian) with plain code, so the demo data needs no
 * audio tool or library to be written. Samples are floats in [-1, 1]: they
 * are scaled by 32768, rounded and clamped to the int16 range, so a value at
 * or past full scale becomes 32767 or -32768 — a hard clip, as a recorder
 * driven too hot produces. Pure functions; any thread.
 */
class PcmWavWriter final
{
    Q_DECLARE_TR_FUNCTIONS(kx::PcmWavWriter)

public:
    /** The whole file: header and samples. */
    static QByteArray encode(const QList<float> &samples, int sampleRate);
    /**
     * Writes encode() to @p path (through a QSaveFile: a failed write leaves
     * no partial file); the error names the file and the reason.
     */
    static Result<void> write(const QString &path, const QList<float> &samples, int sampleRate);
};

} // namespace kx
