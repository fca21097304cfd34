// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/rlebitpackedwriter.h"

namespace kx::parquet {

namespace {

void writeVarint(uint64_t v, std::string &out)
{
    while (v >= 0x80) {
        out.push_back(char(uint8_t(v) | 0x80));
        v >>= 7;
    }
    out.push_back(char(uint8_t(v)));
}

template<typename T>
size_t runLength(const T *values, size_t count, size_t i)
{
    size_t j = i + 1;
    while (j < count && values[j] == values[i])
        ++j;
    return j - i;
}

// True when at least 8 equal values start at i: worth ending a bit-packed run for.
template<typename T>
bool longRunAt(const T *values, size_t count, size_t i)
{
    if (i + 8 > count)
        return false;
    for (size_t k = 1; k < 8; ++k)
        if (values[i + k] != values[i])
            return false;
    return true;
}

template<typename T>
void encodeImpl(const T *values, size_t count, int bitWidth, std::string &out)
{
    const int valueBytes = (bitWidth + 7) / 8;
    size_t i = 0;
    while (i < count) {
        const size_t run = runLength(values, count, i);
        if (run >= 8) {
            writeVarint(uint64_t(run) << 1, out);
            const uint32_t v = uint32_t(values[i]);
            for (int b = 0; b < valueBytes; ++b)
                out.push_back(char(uint8_t(v >> (8 * b))));
            i += run;
            continue;
        }
        // Bit-packed groups of 8 until a long run starts on a group boundary.
        const size_t start = i;
        size_t groups = 0;
        do {
            i += 8;
            ++groups;
        } while (i < count && !longRunAt(values, count, i));
        writeVarint((uint64_t(groups) << 1) | 1, out);
        uint64_t acc = 0;
        int bits = 0;
        for (size_t k = start; k < start + groups * 8; ++k) {
            const uint64_t v = k < count ? uint64_t(uint32_t(values[k])) : 0;
            acc |= v << bits;
            bits += bitWidth;
            while (bits >= 8) {
                out.push_back(char(uint8_t(acc)));
                acc >>= 8;
                bits -= 8;
            }
        }
        // groups * 8 * bitWidth is a multiple of 8 bits, so nothing is left over.
        if (i > count)
            i = count;
    }
}

} // namespace

void RleBitPackedWriter::encode(const uint8_t *values, size_t count, int bitWidth, std::string &out)
{
    encodeImpl(values, count, bitWidth, out);
}

void RleBitPackedWriter::encode(const uint32_t *values, size_t count, int bitWidth, std::string &out)
{
    encodeImpl(values, count, bitWidth, out);
}

int RleBitPackedWriter::bitWidthFor(uint32_t maxValue)
{
    int w = 0;
    while (maxValue) {
        ++w;
        maxValue >>= 1;
    }
    return w;
}

} // namespace kx::parquet
