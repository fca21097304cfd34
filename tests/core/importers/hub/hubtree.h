// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace kx::test {

/** The real Hub parquet file (mteb/free-spoken-digit-dataset, test split) the Hub tests build layouts from. */
inline QString hubAudioParquet()
{
    return QStringLiteral(KX_SHARED_DATA "/hf-hub-parquet-samples/mteb--free-spoken-digit-dataset/data/"
                          "test-00000-of-00001.parquet");
}

/** A parquet file whose columns match no kind (id, bool_col, tinyint_col, …). */
inline QString unknownSchemaParquet()
{
    return QStringLiteral(KX_SHARED_DATA "/parquet-testing/data/alltypes_plain.parquet");
}

/** Makes @p root/@p relative a symlink to @p target (absolute or relative to the link), creating folders. */
inline bool linkInto(const QString &root, const QString &relative, const QString &target)
{
    const QString link = QDir(root).filePath(relative);
    if (!QDir().mkpath(QFileInfo(link).absolutePath()))
        return false;
    return QFile::link(target, link);
}

/** Writes @p text to @p root/@p relative, creating folders. */
inline bool writeInto(const QString &root, const QString &relative, const QByteArray &text)
{
    const QString path = QDir(root).filePath(relative);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

} // namespace kx::test
