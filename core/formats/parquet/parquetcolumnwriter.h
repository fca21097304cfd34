// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/parquet/parquetmetadata.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kx::parquet {

/** What ParquetColumnWriter::finishChunk() produced for one column chunk. */
struct WrittenColumnChunk
{
    std::string bytes;                ///< dictionary page (if any) then the data pages, ready to append
    int64_t dictionaryPageSize = -1;  ///< bytes of the dictionary page at the front; -1: none
    int64_t numValues = 0;            ///< level entries, nulls included
    int64_t uncompressedSize = 0;     ///< page headers plus uncompressed page bodies
    std::vector<Encoding> encodings;
};

/**
 * Buffers and encodes one BYTE_ARRAY (UTF-8 string) leaf column of one row
 * group: Dremel levels as RLE / bit-packed hybrid, values RLE_DICTIONARY with
 * a PLAIN dictionary page, falling back to PLAIN once the dictionary passes
 * its byte limit (earlier pages keep their dictionary indices, as parquet-mr
 * and Arrow do). Data pages are v1, cut at row boundaries once they pass the
 * page size, and compressed with SNAPPY or left uncompressed. Memory is one
 * row group's compressed pages plus one page. Not thread-safe.
 */
class ParquetColumnWriter final
{
public:
    ParquetColumnWriter(int maxDefinitionLevel, int maxRepetitionLevel, Codec codec, int64_t pageSizeBytes,
                        int64_t dictionaryLimitBytes, bool useDictionary);

    /** One level entry; the value is stored only when @p def equals the maximum definition level. */
    void add(int def, int rep, std::string_view value = {});
    /** Marks the end of a row: the only place where a page may be cut. */
    void endRow();
    /** Flushes the last page and returns the chunk; the writer is then empty for the next row group. */
    WrittenColumnChunk finishChunk();
    /** Bytes buffered so far (compressed pages plus the open page), for memory accounting. */
    int64_t bufferedBytes() const { return int64_t(m_pages.size() + m_plain.size() + m_indices.size() * 4); }

private:
    void flushPage();
    void fallBackToPlain();
    void appendPage(PageType type, const std::string &body, int32_t numValues, Encoding encoding);

    const int m_maxDef;
    const int m_maxRep;
    const Codec m_codec;
    const int64_t m_pageSize;
    const int64_t m_dictLimit;
    const bool m_useDictionary;

    // The open page.
    std::vector<uint8_t> m_defs;
    std::vector<uint8_t> m_reps;
    std::vector<uint32_t> m_indices; // dictionary mode
    std::string m_plain;             // PLAIN mode: 4-byte length + bytes per value
    bool m_plainMode = false;
    size_t m_pageLevels = 0;

    // The chunk.
    std::unordered_map<std::string, uint32_t> m_dict;
    std::vector<const std::string *> m_dictEntries; // index -> key (map nodes never move)
    std::string m_dictPlain;
    bool m_dictPagesWritten = false;
    bool m_plainPagesWritten = false;
    std::string m_pages;
    int64_t m_numValues = 0;
    int64_t m_uncompressed = 0;

    std::string m_scratch;
    std::string m_compressed;
};

} // namespace kx::parquet
