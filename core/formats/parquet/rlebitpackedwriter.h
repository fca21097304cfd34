// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace kx::parquet {

/**
 * Encodes the Parquet RLE / bit-packed hybrid (definition and repetition
 * levels, dictionary indices); the counterpart of RleBitPackedDecoder.
 * Runs of 8 or more equal values become RLE runs, everything else is
 * bit-packed in groups of 8 (the last group padded with zeros, which readers
 * ignore because the page header gives the value count). Stateless.
 */
class RleBitPackedWriter final
{
public:
    /** Appends the encoding of @p count values of @p bitWidth bits (0..32) to @p out, with no length prefix. */
    static void encode(const uint8_t *values, size_t count, int bitWidth, std::string &out);
    static void encode(const uint32_t *values, size_t count, int bitWidth, std::string &out);
    /** The bits needed to store values up to @p maxValue (0 for 0). */
    static int bitWidthFor(uint32_t maxValue);
};

} // namespace kx::parquet
