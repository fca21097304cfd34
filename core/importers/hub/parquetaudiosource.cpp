// SPDX-License-Identifier: GPL-3.0-or-later
#include "parquetaudiosource.h"

#include "formats/parquet/parquetfile.h"

#include <QFile>

namespace kx {

ParquetAudioSource::ParquetAudioSource() = default;
ParquetAudioSource::~ParquetAudioSource() = default;

bool ParquetAudioSource::isParquetReference(const Json &reference)
{
    return reference.is_object() && reference.contains("parquet") && reference["parquet"].is_string();
}

Result<QByteArray> ParquetAudioSource::read(const Json &reference)
{
    if (!reference.is_object())
        return Error::badInput(tr("the audio reference is not an object"));
    if (!isParquetReference(reference)) {
        const Json path = reference.value("path", Json());
        if (!path.is_string())
            return Error::badInput(tr("the audio reference has neither \"parquet\" nor \"path\""));
        QFile file(qs(path.get<std::string>()));
        if (!file.open(QIODevice::ReadOnly))
            return Error::io(tr("%1: cannot read the audio: %2").arg(file.fileName(), file.errorString()));
        return file.readAll();
    }
    const QString name = qs(reference["parquet"].get<std::string>());
    const Json group = reference.value("row_group", Json());
    const Json row = reference.value("row", Json());
    const Json column = reference.value("column", Json("audio.bytes"));
    if (!group.is_number_integer() || !row.is_number_integer() || !column.is_string())
        return Error::badInput(tr("%1: the audio reference needs integer \"row_group\" and \"row\" and a \"column\"")
                                   .arg(name));
    if (!m_file || m_fileName != name) {
        m_file.reset();
        auto opened = ParquetFile::open(name);
        if (!opened)
            return opened.error();
        m_file = std::move(*opened);
        m_fileName = name;
    }
    const int g = group.get<int>();
    const qint64 r = row.get<qint64>();
    if (g < 0 || g >= m_file->rowGroupCount() || r < 0 || r >= m_file->rowGroupRowCount(g))
        return Error::badInput(tr("%1: row group %2, row %3: no such row").arg(name).arg(g).arg(r));
    auto bytes = m_file->readBinaryCell(g, r, qs(column.get<std::string>()));
    if (!bytes)
        return bytes.error();
    return std::move(*bytes);
}

} // namespace kx
