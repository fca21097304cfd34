// SPDX-License-Identifier: GPL-3.0-or-later
#include "audioclipopener.h"

#include <QDateTime>
#include <QFileInfo>

namespace kx {

namespace {

QString stringValue(const Json &reference, const char *key)
{
    const auto it = reference.find(key);
    return it != reference.end() && it->is_string() ? qs(it->get<std::string>()) : QString();
}

} // namespace

bool AudioClipOpener::isReference(const Json &reference)
{
    return reference.is_object() && (ParquetAudioSource::isParquetReference(reference)
                                     || (reference.contains("path") && reference["path"].is_string()));
}

Result<QString> AudioClipOpener::cacheKey(const Json &reference)
{
    if (!isReference(reference))
        return Error::badInput(tr("the audio reference has neither \"parquet\" nor \"path\""));
    const bool parquet = ParquetAudioSource::isParquetReference(reference);
    const QString file = stringValue(reference, parquet ? "parquet" : "path");
    const QFileInfo fi(file);
    if (!fi.isFile())
        return Error::notFound(tr("%1: no such file").arg(file));
    QString key = QStringLiteral("%1|%2|%3").arg(fi.absoluteFilePath()).arg(fi.size())
                      .arg(fi.lastModified().toMSecsSinceEpoch());
    if (parquet)
        key += QStringLiteral("|%1|%2|%3").arg(reference.value("row_group", 0)).arg(reference.value("row", qint64(0)))
                   .arg(qs(reference.value("column", std::string("audio.bytes"))));
    return key;
}

QString AudioClipOpener::label(const Json &reference)
{
    if (ParquetAudioSource::isParquetReference(reference))
        return tr("%1, row group %2, row %3")
            .arg(QFileInfo(stringValue(reference, "parquet")).fileName())
            .arg(reference.value("row_group", 0))
            .arg(reference.value("row", qint64(0)));
    return QFileInfo(stringValue(reference, "path")).fileName();
}

Result<std::unique_ptr<AudioDecoder>> AudioClipOpener::open(const Json &reference)
{
    if (!isReference(reference))
        return Error::badInput(tr("the audio reference has neither \"parquet\" nor \"path\""));
    if (!ParquetAudioSource::isParquetReference(reference))
        return AudioDecoder::openFile(stringValue(reference, "path"));
    auto bytes = m_parquet.read(reference);
    if (!bytes)
        return bytes.error();
    const QString where = tr("%1 row group %2 row %3 column %4")
                              .arg(stringValue(reference, "parquet"))
                              .arg(reference.value("row_group", 0))
                              .arg(reference.value("row", qint64(0)))
                              .arg(qs(reference.value("column", std::string("audio.bytes"))));
    return AudioDecoder::openBytes(std::move(*bytes), where);
}

} // namespace kx
