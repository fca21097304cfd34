// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/parquet/parquetmetadata.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kx::parquet {

/**
 * The decoded non-null values of one column chunk (or of a dictionary), in
 * one typed vector per physical type so decoding never allocates per value.
 * BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY and INT96 values share one byte buffer
 * with an offsets vector (offsets.size() == size() + 1). A plain value type.
 */
struct ColumnValues
{
    PhysicalType type = PhysicalType::Int32;
    int32_t typeLength = 0;

    std::vector<uint8_t> bools;
    std::vector<int32_t> i32;
    std::vector<int64_t> i64;
    std::vector<float> f32;
    std::vector<double> f64;
    std::string bytes;
    std::vector<uint64_t> offsets = {0};

    bool usesBytes() const
    {
        return type == PhysicalType::ByteArray || type == PhysicalType::FixedLenByteArray
            || type == PhysicalType::Int96;
    }

    size_t size() const
    {
        switch (type) {
        case PhysicalType::Boolean: return bools.size();
        case PhysicalType::Int32: return i32.size();
        case PhysicalType::Int64: return i64.size();
        case PhysicalType::Float: return f32.size();
        case PhysicalType::Double: return f64.size();
        default: return offsets.size() - 1;
        }
    }

    std::string_view binary(size_t i) const
    {
        return std::string_view(bytes.data() + offsets[i], size_t(offsets[i + 1] - offsets[i]));
    }

    void appendBinary(const char *data, size_t len)
    {
        bytes.append(data, len);
        offsets.push_back(bytes.size());
    }

    /** Appends value @p i of @p dict (same type); @p i must be in range. */
    void appendFrom(const ColumnValues &dict, size_t i)
    {
        switch (type) {
        case PhysicalType::Boolean: bools.push_back(dict.bools[i]); break;
        case PhysicalType::Int32: i32.push_back(dict.i32[i]); break;
        case PhysicalType::Int64: i64.push_back(dict.i64[i]); break;
        case PhysicalType::Float: f32.push_back(dict.f32[i]); break;
        case PhysicalType::Double: f64.push_back(dict.f64[i]); break;
        default: {
            const std::string_view v = dict.binary(i);
            appendBinary(v.data(), v.size());
        }
        }
    }
};

} // namespace kx::parquet
