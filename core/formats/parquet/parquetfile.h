// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/parquet/parquetmetadata.h"
#include "formats/parquet/parquetschema.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace kx {

namespace parquet {
struct ColumnData;
}

/** The rows of one row group, decoded to JSON objects keyed by top-level field. */
struct ParquetRowGroupBatch
{
    int rowGroup = 0;
    qint64 firstRow = 0;     ///< index in the file of rows[0]
    std::vector<Json> rows;
};

/** How ParquetFile::readRowGroup() turns values into JSON. */
struct ParquetReadOptions
{
    /**
     * Binary (non-string) values longer than this many bytes become
     * {"bytes_ref": {"size": n}} instead of {"bytes_base64": …}; fetch them
     * with readBinaryCell(). -1 (default): always inline.
     */
    qint64 inlineBinaryLimit = -1;
};

/**
 * A Parquet file opened for reading, with the project's own decoder (no
 * Arrow). open() reads and validates only the footer: magic "PAR1" at both
 * ends, footer length within the file, schema and row group metadata.
 * readRowGroup() then decodes one row group at a time, only the projected
 * columns, so memory is bounded by a row group, never the file.
 *
 * Supported: all physical types; PLAIN, dictionary, RLE, the delta encodings
 * and BYTE_STREAM_SPLIT; data pages v1 and v2; UNCOMPRESSED, SNAPPY, GZIP,
 * ZSTD, BROTLI, LZ4_RAW and LZ4 (Hadoop-framed or raw block); nested lists,
 * maps and structs. Value mapping to JSON: see parquet::LeafValueConverter.
 * Anything else fails with an Error of code Unsupported whose message starts
 * with "unsupported: " (encrypted files: "unsupported: encryption"). Page
 * checksums are not verified.
 *
 * Owns its device. Not thread-safe: use one ParquetFile per thread.
 */
class ParquetFile final
{
    Q_DECLARE_TR_FUNCTIONS(kx::ParquetFile)
    Q_DISABLE_COPY_MOVE(ParquetFile)

public:
    using ReadOptions = ParquetReadOptions;

    ~ParquetFile();

    /** Opens @p path and reads its footer. */
    static Result<std::unique_ptr<ParquetFile>> open(const QString &path);
    /** Opens an in-memory file (a copy of @p bytes is kept); @p name is used in messages. */
    static Result<std::unique_ptr<ParquetFile>> fromBytes(const QByteArray &bytes,
                                                          const QString &name = QStringLiteral("<memory>"));

    const QString &fileName() const { return m_name; }
    const ParquetSchema &schema() const { return m_schema; }
    const parquet::FileMetaData &metadata() const { return m_meta; }
    /** Row count from the footer. */
    qint64 rowCount() const { return m_meta.numRows; }
    int rowGroupCount() const { return int(m_meta.rowGroups.size()); }
    qint64 rowGroupRowCount(int index) const { return m_meta.rowGroups[size_t(index)].numRows; }
    /** The value of key-value metadata entry @p key; empty when absent. */
    QString keyValue(const QString &key) const;
    /** The "huggingface" metadata entry parsed as JSON (NotFound when absent). */
    Result<Json> huggingfaceMetadata() const;

    /**
     * Decodes row group @p index. @p columns selects top-level fields or
     * dotted paths ("audio.bytes"); empty selects all. Unknown names fail
     * with NotFound.
     */
    Result<ParquetRowGroupBatch> readRowGroup(int index, const QStringList &columns = {},
                                              const ParquetReadOptions &options = ParquetReadOptions());

    /**
     * The raw bytes of the BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY leaf @p columnPath
     * in row @p row (0-based within the row group) of row group @p rowGroup,
     * for columns that are not inside a list. The last decoded column chunk is
     * cached, so reading a column's cells in turn decodes it once.
     */
    Result<QByteArray> readBinaryCell(int rowGroup, qint64 row, const QString &columnPath);

private:
    ParquetFile() = default;
    static Result<std::unique_ptr<ParquetFile>> openDevice(std::unique_ptr<QIODevice> device, const QString &name);
    Result<void> readFooter();
    Result<void> readChunk(int rowGroup, int leafNode, parquet::ColumnData &out);

    QString m_name;
    std::unique_ptr<QIODevice> m_device;
    qint64 m_fileSize = 0;
    parquet::FileMetaData m_meta;
    ParquetSchema m_schema;
    QByteArray m_chunkBuffer;
    // readBinaryCell's cache: the last decoded (row group, leaf) chunk.
    int m_cachedRowGroup = -1;
    int m_cachedLeaf = -1;
    std::unique_ptr<parquet::ColumnData> m_cached;
};

} // namespace kx
