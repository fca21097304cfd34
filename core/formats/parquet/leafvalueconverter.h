// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/parquet/columnvalues.h"
#include "formats/parquet/parquetschema.h"
#include "util/jsonqt.h"

namespace kx::parquet {

/**
 * Turns one decoded leaf value into JSON according to the column's logical
 * (or legacy converted) type, chosen once per column so the per-value path is
 * a single switch:
 * - BOOLEAN → bool; integers → numbers (unsigned types read as unsigned);
 * - STRING/UTF8/ENUM/JSON byte arrays → strings;
 * - DATE → "YYYY-MM-DD"; TIMESTAMP (millis/micros/nanos) and INT96 →
 *   "YYYY-MM-DDTHH:MM:SS.fff…" with 3/6/9 fraction digits (9 for INT96) and a
 *   trailing "Z" when adjusted to UTC; TIME stays a number of units;
 * - DECIMAL (INT32, INT64, fixed or variable bytes) → exact decimal string;
 * - FLOAT16 → number; UUID → canonical 8-4-4-4-12 string;
 * - other byte arrays → {"bytes_base64": "…"}, or, when the value is longer
 *   than @p inlineBinaryLimit (≥ 0), {"bytes_ref": {"size": n}} so the caller
 *   fetches it later with ParquetFile::readBinaryCell().
 * A plain value type; thread-safe for concurrent const use.
 */
class LeafValueConverter final
{
public:
    LeafValueConverter(const ParquetSchemaNode &leaf, qint64 inlineBinaryLimit);

    Json convert(const ColumnValues &values, size_t i) const;

    /** Formats @p unscaled big-endian two's-complement bytes as a decimal with @p scale digits. */
    static std::string decimalFromBytes(const char *data, size_t size, int scale);
    static std::string decimalFromInt(int64_t unscaled, int scale);
    /** "YYYY-MM-DD" for days since 1970-01-01 (proleptic Gregorian). */
    static std::string dateFromDays(int64_t days);
    /** ISO date-time for @p days since the epoch plus @p nanosOfDay, with @p digits fraction digits. */
    static std::string timestamp(int64_t days, int64_t nanosOfDay, int digits, bool utc);

private:
    enum class Kind {
        Bool, Int32, UInt32, Int64, UInt64, Float, Double, String, Binary, Date, TimestampMillis,
        TimestampMicros, TimestampNanos, Int96, DecimalInt32, DecimalInt64, DecimalBytes, Float16, Uuid,
    };
    Kind m_kind = Kind::Int32;
    int m_scale = 0;
    bool m_utc = false;
    qint64 m_inlineBinaryLimit = -1;
};

} // namespace kx::parquet
