// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/deltadecoders.h"

#include <algorithm>
#include <cstring>

namespace kx::parquet {

namespace {

bool readUleb(const uint8_t *data, size_t size, size_t &pos, uint64_t &v)
{
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= size)
            return false;
        const uint8_t b = data[pos++];
        v |= uint64_t(b & 0x7f) << shift;
        if (!(b & 0x80))
            return true;
    }
    return false;
}

bool readZigZag(const uint8_t *data, size_t size, size_t &pos, int64_t &v)
{
    uint64_t u = 0;
    if (!readUleb(data, size, pos, u))
        return false;
    v = int64_t((u >> 1) ^ (~(u & 1) + 1));
    return true;
}

// Reads @p bw (1–64) bits LSB-first at @p bitPos; the caller has checked
// that they lie inside the data.
uint64_t readBits(const uint8_t *data, size_t size, uint64_t bitPos, int bw)
{
    const size_t byte = size_t(bitPos >> 3);
    const unsigned shift = unsigned(bitPos & 7);
    uint64_t lo = 0;
    std::memcpy(&lo, data + byte, std::min<size_t>(8, size - byte));
    uint64_t v = lo >> shift;
    if (shift + unsigned(bw) > 64 && byte + 8 < size)
        v |= uint64_t(data[byte + 8]) << (64 - shift);
    return bw == 64 ? v : v & ((uint64_t(1) << bw) - 1);
}

} // namespace

bool DeltaDecoders::decodeBinaryPacked(const uint8_t *data, size_t size, size_t maxValues, std::vector<int64_t> &out,
                                       size_t &consumed, QString &error)
{
    size_t pos = 0;
    uint64_t blockSize = 0, miniblocks = 0, total = 0;
    int64_t first = 0;
    if (!readUleb(data, size, pos, blockSize) || !readUleb(data, size, pos, miniblocks)
        || !readUleb(data, size, pos, total) || !readZigZag(data, size, pos, first)) {
        error = tr("DELTA_BINARY_PACKED header is truncated");
        return false;
    }
    if (blockSize == 0 || blockSize % 128 != 0 || blockSize > (1u << 20) || miniblocks == 0
        || blockSize % miniblocks != 0 || (blockSize / miniblocks) % 32 != 0) {
        error = tr("DELTA_BINARY_PACKED header has block size %1 with %2 miniblocks").arg(blockSize).arg(miniblocks);
        return false;
    }
    if (total > maxValues) {
        error = tr("DELTA_BINARY_PACKED stream claims %1 values, at most %2 expected").arg(total).arg(maxValues);
        return false;
    }
    out.clear();
    out.reserve(size_t(total));
    if (total == 0) {
        consumed = pos;
        return true;
    }
    out.push_back(first);
    uint64_t last = uint64_t(first);
    const uint64_t perMini = blockSize / miniblocks;
    while (out.size() < total) {
        int64_t minDelta = 0;
        if (!readZigZag(data, size, pos, minDelta) || miniblocks > size - pos) {
            error = tr("DELTA_BINARY_PACKED block header is truncated at byte %1").arg(pos);
            return false;
        }
        const uint8_t *widths = data + pos;
        pos += size_t(miniblocks);
        for (uint64_t m = 0; m < miniblocks && out.size() < total; ++m) {
            const int bw = widths[m];
            if (bw > 64) {
                error = tr("DELTA_BINARY_PACKED miniblock bit width %1 exceeds 64").arg(bw);
                return false;
            }
            const uint64_t n = std::min<uint64_t>(perMini, total - out.size());
            const uint64_t needBits = n * uint64_t(bw);
            if ((needBits + 7) / 8 > size - pos) {
                error = tr("DELTA_BINARY_PACKED miniblock is truncated at byte %1").arg(pos);
                return false;
            }
            const uint64_t base = uint64_t(pos) * 8;
            for (uint64_t i = 0; i < n; ++i) {
                const uint64_t packed = bw == 0 ? 0 : readBits(data, size, base + i * uint64_t(bw), bw);
                last = last + uint64_t(minDelta) + packed; // wraps, as the spec requires
                out.push_back(int64_t(last));
            }
            // Miniblocks are padded to full size; a writer that left the final
            // padding out is tolerated by clamping to the data.
            pos = size_t(std::min<uint64_t>(size, pos + perMini * uint64_t(bw) / 8));
        }
    }
    consumed = pos;
    return true;
}

bool DeltaDecoders::decodeLengthByteArray(const uint8_t *data, size_t size, size_t count, ColumnValues &out,
                                          QString &error)
{
    std::vector<int64_t> lengths;
    size_t pos = 0;
    if (!decodeBinaryPacked(data, size, count, lengths, pos, error))
        return false;
    if (lengths.size() < count) {
        error = tr("DELTA_LENGTH_BYTE_ARRAY holds %1 lengths, %2 values expected").arg(lengths.size()).arg(count);
        return false;
    }
    for (size_t i = 0; i < count; ++i) {
        const int64_t len = lengths[i];
        if (len < 0 || uint64_t(len) > size - pos) {
            error = tr("DELTA_LENGTH_BYTE_ARRAY value %1 has length %2, %3 bytes left").arg(i).arg(len).arg(size - pos);
            return false;
        }
        out.appendBinary(reinterpret_cast<const char *>(data + pos), size_t(len));
        pos += size_t(len);
    }
    return true;
}

bool DeltaDecoders::decodeByteArray(const uint8_t *data, size_t size, size_t count, ColumnValues &out,
                                    QString &error)
{
    std::vector<int64_t> prefixes;
    size_t pos = 0;
    if (!decodeBinaryPacked(data, size, count, prefixes, pos, error))
        return false;
    if (prefixes.size() < count) {
        error = tr("DELTA_BYTE_ARRAY holds %1 prefix lengths, %2 values expected").arg(prefixes.size()).arg(count);
        return false;
    }
    ColumnValues suffixes;
    suffixes.type = PhysicalType::ByteArray;
    if (!decodeLengthByteArray(data + pos, size - pos, count, suffixes, error))
        return false;
    std::string previous;
    for (size_t i = 0; i < count; ++i) {
        const int64_t prefix = prefixes[i];
        if (prefix < 0 || uint64_t(prefix) > previous.size()) {
            error = tr("DELTA_BYTE_ARRAY value %1 has prefix length %2 but the previous value has %3 bytes")
                        .arg(i).arg(prefix).arg(previous.size());
            return false;
        }
        previous.resize(size_t(prefix));
        const std::string_view suffix = suffixes.binary(i);
        previous.append(suffix.data(), suffix.size());
        if (out.type == PhysicalType::FixedLenByteArray && previous.size() != size_t(out.typeLength)) {
            error = tr("DELTA_BYTE_ARRAY value %1 has %2 bytes, the fixed length is %3")
                        .arg(i).arg(previous.size()).arg(out.typeLength);
            return false;
        }
        out.appendBinary(previous.data(), previous.size());
    }
    return true;
}

} // namespace kx::parquet
