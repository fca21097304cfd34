// SPDX-License-Identifier: GPL-3.0-or-later
#include "pcmwavwriter.h"

#include <QSaveFile>
#include <QtEndian>

#include <algorithm>
#include <cmath>

namespace kx {

namespace {

void put16(QByteArray &out, quint16 v)
{
    char bytes[2];
    qToLittleEndian(v, bytes);
    out.append(bytes, 2);
}

void put32(QByteArray &out, quint32 v)
{
    char bytes[4];
    qToLittleEndian(v, bytes);
    out.append(bytes, 4);
}

} // namespace

QByteArray PcmWavWriter::encode(const QList<float> &samples, int sampleRate)
{
    constexpr quint16 channels = 1, bitsPerSample = 16, blockAlign = channels * bitsPerSample / 8;
    const quint32 dataBytes = quint32(samples.size()) * blockAlign;
    QByteArray out;
    out.reserve(44 + qsizetype(dataBytes));
    out.append("RIFF", 4);
    put32(out, 36 + dataBytes);
    out.append("WAVE", 4);
    out.append("fmt ", 4);
    put32(out, 16);                        // size of the fmt chunk
    put16(out, 1);                         // PCM
    put16(out, channels);
    put32(out, quint32(sampleRate));
    put32(out, quint32(sampleRate) * blockAlign); // bytes per second
    put16(out, blockAlign);
    put16(out, bitsPerSample);
    out.append("data", 4);
    put32(out, dataBytes);
    for (const float v : samples) {
        const double scaled = std::round(double(v) * 32768.0);
        put16(out, quint16(qint16(std::clamp(scaled, -32768.0, 32767.0))));
    }
    return out;
}

Result<void> PcmWavWriter::write(const QString &path, const QList<float> &samples, int sampleRate)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::io(tr("%1: cannot write: %2").arg(path, file.errorString()));
    const QByteArray bytes = encode(samples, sampleRate);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error::io(tr("%1: cannot write: %2").arg(path, file.errorString()));
    return {};
}

} // namespace kx
