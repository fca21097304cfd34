// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/parquet/parquetmetadata.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QFile>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kx {

namespace parquet {
class ParquetColumnWriter;
}

/** One top-level field of a ParquetWriterSchema. Every level is OPTIONAL, as Arrow writes nullable fields. */
struct ParquetWriterField
{
    enum class Kind {
        String,     ///< optional binary (STRING)
        StringList, ///< 3-level LIST of optional strings
        StructList, ///< 3-level LIST of optional structs of optional strings (structFields)
    };
    QString name;
    Kind kind = Kind::String;
    QStringList structFields; ///< StructList only: the struct's string fields, in order
};

/** The top-level fields of a file ParquetWriter writes. */
struct ParquetWriterSchema
{
    std::vector<ParquetWriterField> fields;
};

/**
 * One value of a row, for the field at the same position in the schema.
 * String: @ref text; StringList: @ref items; StructList: @ref records (one
 * entry per list element, one optional string per struct field). @ref null
 * makes the whole field null; an empty list is not null.
 */
struct ParquetCell
{
    bool null = false;
    std::string text;                                             ///< UTF-8
    std::vector<std::optional<std::string>> items;                ///< nullopt: a null element
    std::vector<std::vector<std::optional<std::string>>> records; ///< nullopt: a null struct field
};
using ParquetRow = std::vector<ParquetCell>;

/** Tuning of ParquetWriter; the defaults suit Hugging Face style datasets. */
struct ParquetWriterOptions
{
    qint64 rowGroupRows = 10000;              ///< a row group is flushed every this many rows
    qint64 rowGroupBytes = 256LL << 20;       ///< ... or once its buffered pages pass this many bytes
    qint64 pageSizeBytes = 1LL << 20;         ///< data pages are cut (at a row boundary) past this size
    qint64 dictionaryLimitBytes = 1LL << 20;  ///< a column chunk's dictionary past this falls back to PLAIN
    bool dictionary = true;                   ///< RLE_DICTIONARY-encode string columns
    parquet::Codec codec = parquet::Codec::Snappy; ///< Snappy or Uncompressed
    QString createdBy = QStringLiteral("kairix-workbench parquet writer");
};

/**
 * Writes a Parquet file row by row with bounded memory: rows are encoded
 * into per-column pages as they arrive and a row group is written every
 * ParquetWriterOptions::rowGroupRows rows, so memory holds one row group.
 * Output: data pages v1, SNAPPY, string columns RLE_DICTIONARY with a PLAIN
 * dictionary page, levels RLE / bit-packed hybrid, no statistics, STRING and
 * LIST logical types (with the legacy UTF8 / LIST converted types).
 *
 * The file is written to `path + ".partial"` and renamed to @p path only by a
 * successful close(), replacing an existing file; abort(), a failed write or
 * destroying the writer unclosed removes the partial file, so a failed export
 * leaves nothing. Not thread-safe; use from one thread.
 */
class ParquetWriter final
{
    Q_DECLARE_TR_FUNCTIONS(kx::ParquetWriter)
    Q_DISABLE_COPY_MOVE(ParquetWriter)

public:
    ~ParquetWriter();

    /** Creates `path + ".partial"`; fails on an empty schema, duplicate names or when the file cannot be created. */
    static Result<std::unique_ptr<ParquetWriter>> create(const QString &path, const ParquetWriterSchema &schema,
                                                         const ParquetWriterOptions &options = ParquetWriterOptions());

    /** Adds (or replaces) a footer key-value entry, e.g. "huggingface"; call any time before close(). */
    void setKeyValue(const QString &key, const QString &value);
    /** Appends one row; @p row has one cell per schema field. May write a row group. */
    Result<void> writeRow(const ParquetRow &row);
    /** Writes the last row group and the footer, then renames the file into place. */
    Result<void> close();
    /** Discards the partial file; later calls fail. */
    void abort();

    qint64 rowsWritten() const { return m_totalRows; }
    /** Bytes written to the file so far (the whole file after close()). */
    qint64 bytesWritten() const { return m_offset; }
    const QString &path() const { return m_path; }

private:
    struct Leaf;
    struct ChunkMeta;
    struct RowGroupMeta;

    ParquetWriter();
    Result<void> flushRowGroup();
    Result<void> writeBytes(const char *data, qint64 size);
    std::string footer() const;
    Error fail(Error error);

    QString m_path;
    QFile m_file;
    ParquetWriterSchema m_schema;
    ParquetWriterOptions m_options;
    std::vector<Leaf> m_leaves;
    std::vector<int> m_firstLeaf; ///< per field, its first leaf index
    std::vector<RowGroupMeta> m_rowGroups;
    std::vector<std::pair<std::string, std::string>> m_keyValues;
    qint64 m_offset = 0;
    qint64 m_groupRows = 0;
    qint64 m_totalRows = 0;
    bool m_finished = false; ///< closed, aborted or failed
};

} // namespace kx
