// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/parquet/columnvalues.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <vector>

namespace kx::parquet {

/**
 * Decoders of Parquet's delta encodings: DELTA_BINARY_PACKED (INT32/INT64),
 * DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY (incremental / front coding).
 * Stateless; every read is bounds-checked and fails with a message instead
 * of reading past @p size. Arithmetic wraps as the spec requires.
 */
class DeltaDecoders final
{
    Q_DECLARE_TR_FUNCTIONS(kx::parquet::DeltaDecoders)

public:
    /**
     * Decodes a DELTA_BINARY_PACKED stream. The stream's own value count is
     * used; it must not exceed @p maxValues (a bound the caller knows, such as
     * the page's value count) so corrupt headers cannot allocate without
     * limit. @p consumed receives the bytes used, where the next stream starts.
     */
    static bool decodeBinaryPacked(const uint8_t *data, size_t size, size_t maxValues, std::vector<int64_t> &out,
                                   size_t &consumed, QString &error);

    /** Appends @p count DELTA_LENGTH_BYTE_ARRAY values to @p out. */
    static bool decodeLengthByteArray(const uint8_t *data, size_t size, size_t count, ColumnValues &out,
                                      QString &error);

    /** Appends @p count DELTA_BYTE_ARRAY values to @p out (FLBA values must have the fixed length). */
    static bool decodeByteArray(const uint8_t *data, size_t size, size_t count, ColumnValues &out, QString &error);
};

} // namespace kx::parquet
