// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/parquet/columnvalues.h"
#include "formats/parquet/parquetschema.h"
#include "util/result.h"

#include <QCoreApplication>

#include <vector>

namespace kx::parquet {

/** One decoded column chunk: Dremel levels plus the non-null values. */
struct ColumnData
{
    std::vector<int16_t> definitionLevels; ///< empty when the column's max definition level is 0
    std::vector<int16_t> repetitionLevels; ///< empty when the column's max repetition level is 0
    size_t levelCount = 0;                 ///< number of level entries (= values incl. nulls)
    ColumnValues values;
};

/**
 * Decodes every page of one column chunk (dictionary page, data pages v1 and
 * v2, index pages skipped) from the chunk's bytes, already read from the file.
 * Checks that levels stay within the schema's maximum, that the chunk starts
 * on a record boundary and that the pages hold the value count the metadata
 * promises. Errors name the page's file offset. Not thread-safe (it keeps
 * scratch buffers between pages); one reader per thread.
 */
class ColumnChunkReader final
{
    Q_DECLARE_TR_FUNCTIONS(kx::parquet::ColumnChunkReader)

public:
    ColumnChunkReader(const ParquetSchemaNode &leaf, const ColumnMetaData &meta);

    /** Decodes @p size bytes at @p chunk, which start at @p fileOffset in the file. */
    Result<void> read(const uint8_t *chunk, size_t size, int64_t fileOffset, ColumnData &out);

private:
    Result<void> readDictionary(const PageHeader &h, const uint8_t *body, int64_t offset);
    Result<void> readDataPageV1(const PageHeader &h, const uint8_t *body, int64_t offset, ColumnData &out);
    Result<void> readDataPageV2(const PageHeader &h, const uint8_t *body, int64_t offset, ColumnData &out);
    Result<void> decodeLevels(Encoding encoding, int maxLevel, const uint8_t *data, size_t size, size_t count,
                              bool lengthPrefixed, size_t &consumed, std::vector<int16_t> &out, int64_t offset,
                              const QString &what);
    Result<void> decodeValues(Encoding encoding, const uint8_t *data, size_t size, size_t levelsStart,
                              size_t count, int64_t offset, ColumnData &out);
    Error pageError(int64_t offset, const QString &reason) const;

    const ParquetSchemaNode &m_leaf;
    const ColumnMetaData &m_meta;
    ColumnValues m_dictionary;
    bool m_hasDictionary = false;
    std::vector<uint8_t> m_buffer;  // decompressed page
    std::vector<int32_t> m_scratch; // levels before narrowing to int16
};

} // namespace kx::parquet
