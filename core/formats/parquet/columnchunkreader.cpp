// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/columnchunkreader.h"

#include "formats/parquet/pagedecompressor.h"
#include "formats/parquet/rlebitpackeddecoder.h"
#include "formats/parquet/valuedecoder.h"

#include <cstring>

namespace kx::parquet {

namespace {

// A page announcing more values than this is treated as corrupt: it keeps a
// hostile header from making the reader allocate gigabytes of levels.
constexpr int64_t kMaxPageValues = int64_t(1) << 26;

int bitWidth(int maxLevel)
{
    int w = 0;
    while ((1 << w) <= maxLevel)
        ++w;
    return w;
}

} // namespace

ColumnChunkReader::ColumnChunkReader(const ParquetSchemaNode &leaf, const ColumnMetaData &meta)
    : m_leaf(leaf), m_meta(meta)
{
}

Error ColumnChunkReader::pageError(int64_t offset, const QString &reason) const
{
    const QString column = m_leaf.path.join(QLatin1Char('.'));
    const QString msg = tr("column \"%1\", page at byte offset %2: %3").arg(column).arg(offset).arg(reason);
    if (reason.startsWith(QLatin1String("unsupported:")))
        return Error{Error::Code::Unsupported, tr("unsupported: %1").arg(msg)};
    return Error::badInput(msg);
}

Result<void> ColumnChunkReader::read(const uint8_t *chunk, size_t size, int64_t fileOffset, ColumnData &out)
{
    out = ColumnData();
    out.values.type = m_leaf.physicalType;
    out.values.typeLength = m_leaf.typeLength;
    if (m_meta.numValues < 0 || m_meta.numValues > (int64_t(1) << 31))
        return pageError(fileOffset, tr("column chunk claims %1 values").arg(m_meta.numValues));
    size_t pos = 0;
    while (pos < size && int64_t(out.levelCount) < m_meta.numValues) {
        const int64_t offset = fileOffset + int64_t(pos);
        size_t headerSize = 0;
        Result<PageHeader> header = MetadataParser::parsePageHeader(chunk + pos, size - pos, offset, headerSize);
        if (!header)
            return pageError(offset, header.error().message);
        const PageHeader &h = *header;
        pos += headerSize;
        if (size_t(h.compressedPageSize) > size - pos)
            return pageError(offset, tr("page of %1 bytes extends past the column chunk (%2 bytes left)")
                                         .arg(h.compressedPageSize).arg(size - pos));
        const uint8_t *body = chunk + pos;
        pos += size_t(h.compressedPageSize);
        Result<void> r;
        switch (h.type) {
        case PageType::DictionaryPage: r = readDictionary(h, body, offset); break;
        case PageType::DataPage: r = readDataPageV1(h, body, offset, out); break;
        case PageType::DataPageV2: r = readDataPageV2(h, body, offset, out); break;
        default: break; // index pages and unknown page types carry no values
        }
        if (!r)
            return r;
    }
    if (int64_t(out.levelCount) != m_meta.numValues)
        return pageError(fileOffset, tr("column chunk holds %1 values, its metadata says %2")
                                         .arg(out.levelCount).arg(m_meta.numValues));
    return {};
}

Result<void> ColumnChunkReader::readDictionary(const PageHeader &h, const uint8_t *body, int64_t offset)
{
    if (!h.dictionaryPage)
        return pageError(offset, tr("dictionary page without a dictionary page header"));
    if (m_hasDictionary)
        return pageError(offset, tr("second dictionary page in one column chunk"));
    const DictionaryPageHeader &d = *h.dictionaryPage;
    if (d.encoding != Encoding::Plain && d.encoding != Encoding::PlainDictionary)
        return pageError(offset, tr("unsupported: dictionary page encoding %1").arg(int(d.encoding)));
    if (d.numValues < 0 || int64_t(d.numValues) > int64_t(h.uncompressedPageSize) * 8 + 8)
        return pageError(offset, tr("dictionary page claims %1 values in %2 bytes")
                                     .arg(d.numValues).arg(h.uncompressedPageSize));
    Result<void> r = PageDecompressor::decompress(m_meta.codec, body, size_t(h.compressedPageSize),
                                                  size_t(h.uncompressedPageSize), m_buffer, offset);
    if (!r)
        return pageError(offset, r.error().message);
    m_dictionary = ColumnValues();
    m_dictionary.type = m_leaf.physicalType;
    m_dictionary.typeLength = m_leaf.typeLength;
    QString error;
    if (!ValueDecoder::decodePlain(m_buffer.data(), m_buffer.size(), size_t(d.numValues), m_dictionary, error))
        return pageError(offset, error);
    m_hasDictionary = true;
    return {};
}

Result<void> ColumnChunkReader::decodeLevels(Encoding encoding, int maxLevel, const uint8_t *data, size_t size,
                                             size_t count, bool lengthPrefixed, size_t &consumed,
                                             std::vector<int16_t> &out, int64_t offset, const QString &what)
{
    m_scratch.resize(count);
    const int width = bitWidth(maxLevel);
    if (encoding == Encoding::Rle) {
        size_t len = size;
        size_t start = 0;
        if (lengthPrefixed) {
            if (size < 4)
                return pageError(offset, tr("%1 levels lack their 4-byte length").arg(what));
            uint32_t l = 0;
            std::memcpy(&l, data, 4);
            if (l > size - 4)
                return pageError(offset, tr("%1 levels claim %2 bytes, %3 left").arg(what).arg(l).arg(size - 4));
            len = l;
            start = 4;
        }
        RleBitPackedDecoder rle(data + start, len, width);
        if (!rle.decode(m_scratch.data(), count))
            return pageError(offset, tr("%1 levels: %2").arg(what, rle.errorMessage()));
        consumed = start + len;
    } else if (encoding == Encoding::BitPacked) {
        if (!RleBitPackedDecoder::decodeLegacyBitPacked(data, size, width, m_scratch.data(), count, consumed))
            return pageError(offset, tr("%1 levels: BIT_PACKED data is truncated").arg(what));
    } else {
        return pageError(offset, tr("unsupported: %1 level encoding %2").arg(what).arg(int(encoding)));
    }
    const size_t old = out.size();
    out.resize(old + count);
    for (size_t i = 0; i < count; ++i) {
        const int32_t v = m_scratch[i];
        if (v < 0 || v > maxLevel)
            return pageError(offset, tr("%1 level %2 exceeds the maximum %3").arg(what).arg(v).arg(maxLevel));
        out[old + i] = int16_t(v);
    }
    return {};
}

Result<void> ColumnChunkReader::decodeValues(Encoding encoding, const uint8_t *data, size_t size,
                                             size_t levelsStart, size_t count, int64_t offset, ColumnData &out)
{
    // The first entry of a chunk must start a record.
    if (m_leaf.maxRepetitionLevel > 0 && levelsStart == 0 && count > 0 && out.repetitionLevels[0] != 0)
        return pageError(offset, tr("the column chunk does not start at a record boundary (repetition level %1)")
                                     .arg(out.repetitionLevels[0]));
    size_t nonNull = count;
    if (m_leaf.maxDefinitionLevel > 0) {
        nonNull = 0;
        const int16_t max = int16_t(m_leaf.maxDefinitionLevel);
        for (size_t i = levelsStart; i < levelsStart + count; ++i)
            nonNull += out.definitionLevels[i] == max;
    }
    QString error;
    bool unsupported = false;
    if (!ValueDecoder::decode(encoding, data, size, nonNull, m_hasDictionary ? &m_dictionary : nullptr, out.values,
                              error, unsupported))
        return pageError(offset, error);
    out.levelCount += count;
    return {};
}

Result<void> ColumnChunkReader::readDataPageV1(const PageHeader &h, const uint8_t *body, int64_t offset,
                                               ColumnData &out)
{
    if (!h.dataPage)
        return pageError(offset, tr("data page without a data page header"));
    const DataPageHeader &d = *h.dataPage;
    if (d.numValues < 0 || d.numValues > kMaxPageValues
        || int64_t(out.levelCount) + d.numValues > m_meta.numValues)
        return pageError(offset, tr("data page claims %1 values (%2 of the chunk's %3 already read)")
                                     .arg(d.numValues).arg(out.levelCount).arg(m_meta.numValues));
    Result<void> r = PageDecompressor::decompress(m_meta.codec, body, size_t(h.compressedPageSize),
                                                  size_t(h.uncompressedPageSize), m_buffer, offset);
    if (!r)
        return pageError(offset, r.error().message);
    const size_t count = size_t(d.numValues);
    const uint8_t *p = m_buffer.data();
    size_t left = m_buffer.size();
    size_t consumed = 0;
    if (m_leaf.maxRepetitionLevel > 0) {
        r = decodeLevels(d.repetitionLevelEncoding, m_leaf.maxRepetitionLevel, p, left, count, true, consumed,
                         out.repetitionLevels, offset, tr("repetition"));
        if (!r)
            return r;
        p += consumed;
        left -= consumed;
    }
    if (m_leaf.maxDefinitionLevel > 0) {
        r = decodeLevels(d.definitionLevelEncoding, m_leaf.maxDefinitionLevel, p, left, count, true, consumed,
                         out.definitionLevels, offset, tr("definition"));
        if (!r)
            return r;
        p += consumed;
        left -= consumed;
    }
    return decodeValues(d.encoding, p, left, out.levelCount, count, offset, out);
}

Result<void> ColumnChunkReader::readDataPageV2(const PageHeader &h, const uint8_t *body, int64_t offset,
                                               ColumnData &out)
{
    if (!h.dataPageV2)
        return pageError(offset, tr("data page v2 without a data page v2 header"));
    const DataPageHeaderV2 &d = *h.dataPageV2;
    if (d.numValues < 0 || d.numValues > kMaxPageValues
        || int64_t(out.levelCount) + d.numValues > m_meta.numValues)
        return pageError(offset, tr("data page claims %1 values (%2 of the chunk's %3 already read)")
                                     .arg(d.numValues).arg(out.levelCount).arg(m_meta.numValues));
    const int64_t repLen = d.repetitionLevelsByteLength;
    const int64_t defLen = d.definitionLevelsByteLength;
    if (repLen < 0 || defLen < 0 || repLen + defLen > h.compressedPageSize || repLen + defLen > h.uncompressedPageSize)
        return pageError(offset, tr("level lengths %1 + %2 exceed the page size %3")
                                     .arg(repLen).arg(defLen).arg(h.compressedPageSize));
    const size_t count = size_t(d.numValues);
    size_t consumed = 0;
    Result<void> r;
    // v2 levels are never compressed and carry no length prefix.
    if (m_leaf.maxRepetitionLevel > 0) {
        r = decodeLevels(Encoding::Rle, m_leaf.maxRepetitionLevel, body, size_t(repLen), count, false, consumed,
                         out.repetitionLevels, offset, tr("repetition"));
        if (!r)
            return r;
    }
    if (m_leaf.maxDefinitionLevel > 0) {
        r = decodeLevels(Encoding::Rle, m_leaf.maxDefinitionLevel, body + repLen, size_t(defLen), count, false,
                         consumed, out.definitionLevels, offset, tr("definition"));
        if (!r)
            return r;
    }
    const uint8_t *values = body + repLen + defLen;
    const size_t compressedSize = size_t(h.compressedPageSize - repLen - defLen);
    const size_t uncompressedSize = size_t(h.uncompressedPageSize - repLen - defLen);
    if (d.isCompressed && m_meta.codec != Codec::Uncompressed) {
        r = PageDecompressor::decompress(m_meta.codec, values, compressedSize, uncompressedSize, m_buffer, offset);
        if (!r)
            return pageError(offset, r.error().message);
        return decodeValues(d.encoding, m_buffer.data(), m_buffer.size(), out.levelCount, count, offset, out);
    }
    return decodeValues(d.encoding, values, compressedSize, out.levelCount, count, offset, out);
}

} // namespace kx::parquet
