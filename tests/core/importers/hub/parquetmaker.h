// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/parquet/parquetwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QString>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace kx::test {

/** A string field of a writer schema. */
inline ParquetWriterField stringField(const char *name)
{
    return ParquetWriterField{QString::fromUtf8(name), ParquetWriterField::Kind::String, {}};
}

/** A list<string> field. */
inline ParquetWriterField listField(const char *name)
{
    return ParquetWriterField{QString::fromUtf8(name), ParquetWriterField::Kind::StringList, {}};
}

/** A list<struct<string…>> field with @p members. */
inline ParquetWriterField structListField(const char *name, QStringList members)
{
    return ParquetWriterField{QString::fromUtf8(name), ParquetWriterField::Kind::StructList, std::move(members)};
}

/** A string cell. */
inline ParquetCell text(const std::string &value)
{
    ParquetCell c;
    c.text = value;
    return c;
}

/** A null cell. */
inline ParquetCell null()
{
    ParquetCell c;
    c.null = true;
    return c;
}

/** A list<string> cell. */
inline ParquetCell items(std::initializer_list<std::string> values)
{
    ParquetCell c;
    for (const std::string &v : values)
        c.items.emplace_back(v);
    return c;
}

/** A list<struct> cell: one inner list per element, one string per struct member. */
inline ParquetCell records(std::initializer_list<std::vector<std::optional<std::string>>> values)
{
    ParquetCell c;
    c.records.assign(values.begin(), values.end());
    return c;
}

/**
 * Writes @p rows to @p path (folders created) with ParquetWriter, cutting a
 * row group every @p rowGroupRows rows. Returns an empty string, or the error.
 */
inline QString writeParquet(const QString &path, std::vector<ParquetWriterField> fields,
                            const std::vector<ParquetRow> &rows, qint64 rowGroupRows = 10000)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return QStringLiteral("cannot create the folder of ") + path;
    ParquetWriterOptions options;
    options.rowGroupRows = rowGroupRows;
    ParquetWriterSchema schema;
    schema.fields = std::move(fields);
    auto writer = ParquetWriter::create(path, schema, options);
    if (!writer)
        return writer.error().message;
    for (const ParquetRow &row : rows) {
        if (auto r = (*writer)->writeRow(row); !r)
            return r.error().message;
    }
    if (auto r = (*writer)->close(); !r)
        return r.error().message;
    return {};
}

} // namespace kx::test
