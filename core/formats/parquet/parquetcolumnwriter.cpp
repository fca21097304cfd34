// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/parquetcolumnwriter.h"

#include "formats/parquet/rlebitpackedwriter.h"
#include "formats/parquet/thriftcompactwriter.h"

#include <snappy-c.h>

#include <algorithm>

namespace kx::parquet {

namespace {

void appendLe32(std::string &out, uint32_t v)
{
    for (int b = 0; b < 4; ++b)
        out.push_back(char(uint8_t(v >> (8 * b))));
}

// Levels of a v1 data page: a 4-byte little-endian length, then the hybrid encoding.
void appendLevels(std::string &out, const std::vector<uint8_t> &levels, int maxLevel)
{
    const size_t lengthAt = out.size();
    appendLe32(out, 0);
    RleBitPackedWriter::encode(levels.data(), levels.size(), RleBitPackedWriter::bitWidthFor(uint32_t(maxLevel)), out);
    const uint32_t length = uint32_t(out.size() - lengthAt - 4);
    for (int b = 0; b < 4; ++b)
        out[lengthAt + size_t(b)] = char(uint8_t(length >> (8 * b)));
}

} // namespace

ParquetColumnWriter::ParquetColumnWriter(int maxDefinitionLevel, int maxRepetitionLevel, Codec codec,
                                         int64_t pageSizeBytes, int64_t dictionaryLimitBytes, bool useDictionary)
    : m_maxDef(maxDefinitionLevel)
    , m_maxRep(maxRepetitionLevel)
    , m_codec(codec)
    , m_pageSize(std::max<int64_t>(pageSizeBytes, 1))
    , m_dictLimit(dictionaryLimitBytes)
    , m_useDictionary(useDictionary)
    , m_plainMode(!useDictionary)
{
}

void ParquetColumnWriter::add(int def, int rep, std::string_view value)
{
    if (m_maxDef > 0)
        m_defs.push_back(uint8_t(def));
    if (m_maxRep > 0)
        m_reps.push_back(uint8_t(rep));
    ++m_numValues;
    ++m_pageLevels;
    if (def != m_maxDef)
        return;
    if (!m_plainMode) {
        // Heterogeneous lookup needs C++20 transparent hashing; one key copy per value is cheap next to snappy.
        m_scratch.assign(value.data(), value.size());
        auto it = m_dict.find(m_scratch);
        if (it == m_dict.end()) {
            if (int64_t(m_dictPlain.size() + value.size() + 4) > m_dictLimit) {
                fallBackToPlain();
            } else {
                it = m_dict.emplace(m_scratch, uint32_t(m_dictEntries.size())).first;
                m_dictEntries.push_back(&it->first);
                appendLe32(m_dictPlain, uint32_t(value.size()));
                m_dictPlain.append(value.data(), value.size());
            }
        }
        if (!m_plainMode) {
            m_indices.push_back(it->second);
            return;
        }
    }
    appendLe32(m_plain, uint32_t(value.size()));
    m_plain.append(value.data(), value.size());
}

void ParquetColumnWriter::fallBackToPlain()
{
    // The open page may be mid-row, and pages are only cut at row boundaries,
    // so its values are re-encoded as PLAIN instead of flushing it early.
    for (uint32_t index : m_indices) {
        const std::string &s = *m_dictEntries[index];
        appendLe32(m_plain, uint32_t(s.size()));
        m_plain.append(s);
    }
    m_indices.clear();
    m_plainMode = true;
}

void ParquetColumnWriter::endRow()
{
    const size_t levels = m_pageLevels;
    const int64_t estimate = int64_t(m_plain.size() + m_indices.size() * 2 + levels / 4);
    if (estimate >= m_pageSize || levels >= 100000)
        flushPage();
}

void ParquetColumnWriter::appendPage(PageType type, const std::string &body, int32_t numValues, Encoding encoding)
{
    const std::string *stored = &body;
    if (m_codec == Codec::Snappy) {
        size_t length = snappy_max_compressed_length(body.size());
        m_compressed.resize(length);
        snappy_compress(body.data(), body.size(), m_compressed.data(), &length);
        m_compressed.resize(length);
        stored = &m_compressed;
    }
    std::string header;
    ThriftCompactWriter w(header);
    w.beginStruct();
    w.fieldI32(1, int32_t(type));
    w.fieldI32(2, int32_t(body.size()));
    w.fieldI32(3, int32_t(stored->size()));
    if (type == PageType::DictionaryPage) {
        w.fieldStructBegin(7);
        w.fieldI32(1, numValues);
        w.fieldI32(2, int32_t(Encoding::Plain));
        w.endStruct();
    } else {
        w.fieldStructBegin(5);
        w.fieldI32(1, numValues);
        w.fieldI32(2, int32_t(encoding));
        w.fieldI32(3, int32_t(Encoding::Rle));
        w.fieldI32(4, int32_t(Encoding::Rle));
        w.endStruct();
    }
    w.endStruct();
    m_uncompressed += int64_t(header.size() + body.size());
    m_pages += header;
    m_pages += *stored;
}

void ParquetColumnWriter::flushPage()
{
    const size_t levels = m_pageLevels;
    if (levels == 0)
        return;
    std::string body;
    body.reserve(m_plain.size() + m_indices.size() * 2 + levels / 2 + 16);
    if (m_maxRep > 0)
        appendLevels(body, m_reps, m_maxRep);
    if (m_maxDef > 0)
        appendLevels(body, m_defs, m_maxDef);
    Encoding encoding = Encoding::Plain;
    if (!m_plainMode) {
        // Width 0 is legal for a one-entry dictionary, but some readers mishandle it: use at least 1.
        const int width = std::max(1, RleBitPackedWriter::bitWidthFor(uint32_t(std::max<size_t>(m_dictEntries.size(), 1) - 1)));
        body.push_back(char(width));
        RleBitPackedWriter::encode(m_indices.data(), m_indices.size(), width, body);
        encoding = Encoding::RleDictionary;
        m_dictPagesWritten = true;
    } else {
        body += m_plain;
        m_plainPagesWritten = true;
    }
    appendPage(PageType::DataPage, body, int32_t(levels), encoding);
    m_defs.clear();
    m_reps.clear();
    m_indices.clear();
    m_plain.clear();
    m_pageLevels = 0;
}

WrittenColumnChunk ParquetColumnWriter::finishChunk()
{
    flushPage();
    WrittenColumnChunk out;
    out.numValues = m_numValues;
    if (m_dictPagesWritten) {
        std::string dataPages = std::move(m_pages);
        m_pages.clear();
        appendPage(PageType::DictionaryPage, m_dictPlain, int32_t(m_dictEntries.size()), Encoding::Plain);
        out.dictionaryPageSize = int64_t(m_pages.size());
        m_pages += dataPages;
        out.encodings.push_back(Encoding::Plain); // the dictionary page
        out.encodings.push_back(Encoding::Rle);
        out.encodings.push_back(Encoding::RleDictionary);
    } else {
        out.encodings.push_back(Encoding::Plain);
        out.encodings.push_back(Encoding::Rle);
    }
    std::sort(out.encodings.begin(), out.encodings.end());
    out.encodings.erase(std::unique(out.encodings.begin(), out.encodings.end()), out.encodings.end());
    out.bytes = std::move(m_pages);
    out.uncompressedSize = m_uncompressed;

    // Reset for the next row group: each chunk has its own dictionary.
    m_pages.clear();
    m_dict.clear();
    m_dictEntries.clear();
    m_dictPlain.clear();
    m_dictPagesWritten = m_plainPagesWritten = false;
    m_plainMode = !m_useDictionary;
    m_numValues = 0;
    m_uncompressed = 0;
    return out;
}

} // namespace kx::parquet
