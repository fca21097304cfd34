// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/rlebitpackeddecoder.h"

#include <algorithm>
#include <cstring>

namespace kx::parquet {

RleBitPackedDecoder::RleBitPackedDecoder(const uint8_t *data, size_t size, int bitWidth)
    : m_data(data), m_size(size), m_bitWidth(bitWidth)
{
}

bool RleBitPackedDecoder::nextRun()
{
    // ULEB128 run header.
    uint64_t header = 0;
    for (int shift = 0;; shift += 7) {
        if (m_pos >= m_size) {
            m_error = tr("RLE data ends inside a run header (byte %1 of %2)").arg(m_pos).arg(m_size);
            return false;
        }
        if (shift > 63) {
            m_error = tr("RLE run header longer than 10 bytes at byte %1").arg(m_pos);
            return false;
        }
        const uint8_t b = m_data[m_pos++];
        header |= uint64_t(b & 0x7f) << shift;
        if (!(b & 0x80))
            break;
    }
    if (header & 1) {
        const uint64_t groups = header >> 1;
        if (groups == 0 || groups > (uint64_t(1) << 40)) {
            m_error = tr("bad bit-packed run of %1 groups at byte %2").arg(groups).arg(m_pos);
            return false;
        }
        m_literal = groups * 8;
        m_bitPos = uint64_t(m_pos) * 8;
        const uint64_t bytes = groups * uint64_t(m_bitWidth);
        // A short final run is tolerated; decode() checks each value's bits.
        m_bitEnd = uint64_t(m_size) * 8;
        m_pos = size_t(std::min<uint64_t>(m_size, m_pos + bytes));
        return true;
    }
    m_repeat = header >> 1;
    if (m_repeat == 0) {
        m_error = tr("RLE run of length 0 at byte %1").arg(m_pos);
        return false;
    }
    const size_t bytes = size_t((m_bitWidth + 7) / 8);
    if (bytes > m_size - m_pos) {
        m_error = tr("RLE data ends inside a run value (byte %1 of %2)").arg(m_pos).arg(m_size);
        return false;
    }
    uint32_t v = 0;
    for (size_t i = 0; i < bytes; ++i)
        v |= uint32_t(m_data[m_pos + i]) << (8 * i);
    m_pos += bytes;
    m_value = int32_t(v);
    return true;
}

bool RleBitPackedDecoder::decode(int32_t *out, size_t count)
{
    if (m_bitWidth < 0 || m_bitWidth > 32) {
        m_error = tr("bit width %1 is out of range 0-32").arg(m_bitWidth);
        return false;
    }
    if (m_bitWidth == 0) {
        // Every value is zero and no bytes are needed (writers may still emit runs).
        std::fill(out, out + count, 0);
        return true;
    }
    const uint64_t mask = m_bitWidth == 32 ? 0xffffffffu : ((uint64_t(1) << m_bitWidth) - 1);
    size_t done = 0;
    while (done < count) {
        if (m_repeat > 0) {
            const size_t n = size_t(std::min<uint64_t>(m_repeat, count - done));
            std::fill(out + done, out + done + n, m_value);
            done += n;
            m_repeat -= n;
            continue;
        }
        if (m_literal > 0) {
            const size_t n = size_t(std::min<uint64_t>(m_literal, count - done));
            if (m_bitPos + uint64_t(n) * uint64_t(m_bitWidth) > m_bitEnd) {
                m_error = tr("bit-packed run ends past the data (%1 bytes)").arg(m_size);
                return false;
            }
            for (size_t i = 0; i < n; ++i) {
                const uint64_t byte = m_bitPos >> 3;
                const unsigned shift = unsigned(m_bitPos & 7);
                // Gather up to 5 bytes (32 bits + 7 bit offset) without reading past the end.
                uint64_t word = 0;
                const size_t avail = size_t(std::min<uint64_t>(8, uint64_t(m_size) - byte));
                std::memcpy(&word, m_data + byte, avail);
                out[done + i] = int32_t((word >> shift) & mask);
                m_bitPos += uint64_t(m_bitWidth);
            }
            done += n;
            m_literal -= n;
            continue;
        }
        if (!nextRun())
            return false;
    }
    return true;
}

bool RleBitPackedDecoder::decodeLegacyBitPacked(const uint8_t *data, size_t size, int bitWidth, int32_t *out,
                                                size_t count, size_t &consumed)
{
    if (bitWidth < 0 || bitWidth > 32)
        return false;
    const uint64_t bits = uint64_t(count) * uint64_t(bitWidth);
    consumed = size_t((bits + 7) / 8);
    if (consumed > size)
        return false;
    uint64_t bitPos = 0;
    for (size_t i = 0; i < count; ++i) {
        int32_t v = 0;
        for (int b = 0; b < bitWidth; ++b, ++bitPos) {
            const int bit = (data[bitPos >> 3] >> (7 - (bitPos & 7))) & 1;
            v = (v << 1) | bit;
        }
        out[i] = v;
    }
    return true;
}

} // namespace kx::parquet
