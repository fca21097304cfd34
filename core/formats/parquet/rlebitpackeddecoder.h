// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdint>

namespace kx::parquet {

/**
 * Decodes Parquet's RLE / bit-packed hybrid encoding (definition and
 * repetition levels, dictionary indices, RLE booleans) for bit widths 0–32.
 * Reads from a caller-owned byte range that must outlive the decoder; every
 * read is bounds-checked. A bit-packed run cut short at the end of the data
 * is accepted as long as the values actually asked for are present. Not
 * thread-safe.
 */
class RleBitPackedDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(kx::parquet::RleBitPackedDecoder)

public:
    RleBitPackedDecoder(const uint8_t *data, size_t size, int bitWidth);

    /**
     * Decodes exactly @p count values into @p out. Returns false (with
     * errorMessage() set) when the data ends first or is malformed.
     */
    bool decode(int32_t *out, size_t count);
    const QString &errorMessage() const { return m_error; }

    /**
     * Decodes the deprecated BIT_PACKED level encoding (MSB-first, no runs) of
     * @p count values; @p consumed receives ceil(count * bitWidth / 8).
     */
    static bool decodeLegacyBitPacked(const uint8_t *data, size_t size, int bitWidth, int32_t *out, size_t count,
                                      size_t &consumed);

private:
    bool nextRun();

    const uint8_t *m_data;
    size_t m_size;
    size_t m_pos = 0;
    int m_bitWidth;
    // The current run: RLE (m_repeat values of m_value) or bit-packed
    // (m_literal values starting at bit m_bitPos of the data).
    uint64_t m_repeat = 0;
    int32_t m_value = 0;
    uint64_t m_literal = 0;
    uint64_t m_bitPos = 0;
    uint64_t m_bitEnd = 0;
    QString m_error;
};

} // namespace kx::parquet
