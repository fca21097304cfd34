// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/valuedecoder.h"

#include "formats/parquet/deltadecoders.h"
#include "formats/parquet/rlebitpackeddecoder.h"

#include <cstring>

namespace kx::parquet {

namespace {

template<typename V>
bool copyFixed(const uint8_t *data, size_t size, size_t count, std::vector<V> &out)
{
    if (count == 0)
        return true; // data may be null for an empty section
    if (count > size / sizeof(V))
        return false;
    const size_t old = out.size();
    out.resize(old + count);
    std::memcpy(out.data() + old, data, count * sizeof(V)); // parquet PLAIN is little-endian
    return true;
}

} // namespace

bool ValueDecoder::decodePlain(const uint8_t *data, size_t size, size_t count, ColumnValues &out, QString &error)
{
    if (count == 0)
        return true; // data may be null for an empty section
    bool ok = true;
    switch (out.type) {
    case PhysicalType::Boolean: {
        if ((count + 7) / 8 > size) {
            ok = false;
            break;
        }
        const size_t old = out.bools.size();
        out.bools.resize(old + count);
        for (size_t i = 0; i < count; ++i)
            out.bools[old + i] = (data[i >> 3] >> (i & 7)) & 1;
        break;
    }
    case PhysicalType::Int32: ok = copyFixed(data, size, count, out.i32); break;
    case PhysicalType::Int64: ok = copyFixed(data, size, count, out.i64); break;
    case PhysicalType::Float: ok = copyFixed(data, size, count, out.f32); break;
    case PhysicalType::Double: ok = copyFixed(data, size, count, out.f64); break;
    case PhysicalType::Int96:
    case PhysicalType::FixedLenByteArray: {
        const size_t width = out.type == PhysicalType::Int96 ? 12 : size_t(out.typeLength);
        if (width > 0 && count > size / width) {
            ok = false;
            break;
        }
        out.bytes.append(reinterpret_cast<const char *>(data), width * count);
        out.offsets.reserve(out.offsets.size() + count);
        uint64_t at = out.offsets.back();
        for (size_t i = 0; i < count; ++i)
            out.offsets.push_back(at += width);
        break;
    }
    case PhysicalType::ByteArray: {
        size_t pos = 0;
        out.offsets.reserve(out.offsets.size() + count);
        for (size_t i = 0; i < count; ++i) {
            if (size - pos < 4) {
                ok = false;
                break;
            }
            uint32_t len = 0;
            std::memcpy(&len, data + pos, 4);
            pos += 4;
            if (len > size - pos) {
                error = tr("PLAIN byte array %1 has length %2, only %3 bytes left").arg(i).arg(len).arg(size - pos);
                return false;
            }
            out.appendBinary(reinterpret_cast<const char *>(data + pos), len);
            pos += len;
        }
        break;
    }
    default:
        error = tr("unsupported: physical type %1").arg(int(out.type));
        return false;
    }
    if (!ok)
        error = tr("PLAIN data of %1 bytes is too short for %2 values").arg(size).arg(count);
    return ok;
}

bool ValueDecoder::decodeByteStreamSplit(const uint8_t *data, size_t size, size_t count, ColumnValues &out,
                                         QString &error)
{
    size_t width = 0;
    switch (out.type) {
    case PhysicalType::Float:
    case PhysicalType::Int32: width = 4; break;
    case PhysicalType::Double:
    case PhysicalType::Int64: width = 8; break;
    case PhysicalType::FixedLenByteArray: width = size_t(out.typeLength); break;
    default:
        error = tr("unsupported: BYTE_STREAM_SPLIT for physical type %1").arg(int(out.type));
        return false;
    }
    if (width == 0 || count > size / width) {
        error = tr("BYTE_STREAM_SPLIT data of %1 bytes is too short for %2 values").arg(size).arg(count);
        return false;
    }
    // The streams span the whole section: byte b of value i is at b * n + i,
    // where n is the number of values the section holds.
    const size_t n = size / width;
    std::vector<uint8_t> tmp(width * count);
    for (size_t i = 0; i < count; ++i)
        for (size_t b = 0; b < width; ++b)
            tmp[i * width + b] = data[b * n + i];
    return decodePlain(tmp.data(), tmp.size(), count, out, error);
}

bool ValueDecoder::decode(Encoding encoding, const uint8_t *data, size_t size, size_t count,
                          const ColumnValues *dictionary, ColumnValues &out, QString &error, bool &unsupported)
{
    unsupported = false;
    switch (encoding) {
    case Encoding::Plain:
        return decodePlain(data, size, count, out, error);
    case Encoding::PlainDictionary:
    case Encoding::RleDictionary: {
        if (!dictionary) {
            error = tr("dictionary-encoded page without a dictionary page");
            return false;
        }
        if (count == 0)
            return true;
        if (size < 1) {
            error = tr("dictionary indices: missing bit width byte");
            return false;
        }
        const int bitWidth = data[0];
        if (bitWidth > 32) {
            error = tr("dictionary indices: bit width %1 exceeds 32").arg(bitWidth);
            return false;
        }
        std::vector<int32_t> indices(count);
        RleBitPackedDecoder rle(data + 1, size - 1, bitWidth);
        if (!rle.decode(indices.data(), count)) {
            error = tr("dictionary indices: %1").arg(rle.errorMessage());
            return false;
        }
        const size_t dictSize = dictionary->size();
        for (size_t i = 0; i < count; ++i) {
            const uint32_t idx = uint32_t(indices[i]);
            if (idx >= dictSize) {
                error = tr("dictionary index %1 is out of range (dictionary holds %2 values)").arg(idx).arg(dictSize);
                return false;
            }
            out.appendFrom(*dictionary, idx);
        }
        return true;
    }
    case Encoding::Rle: {
        if (out.type != PhysicalType::Boolean)
            break;
        // RLE booleans carry a 4-byte length prefix, like v1 levels.
        if (size < 4) {
            error = tr("RLE boolean data lacks its length prefix");
            return false;
        }
        uint32_t len = 0;
        std::memcpy(&len, data, 4);
        if (len > size - 4) {
            error = tr("RLE boolean length %1 exceeds the %2 bytes left").arg(len).arg(size - 4);
            return false;
        }
        std::vector<int32_t> bits(count);
        RleBitPackedDecoder rle(data + 4, len, 1);
        if (!rle.decode(bits.data(), count)) {
            error = tr("RLE booleans: %1").arg(rle.errorMessage());
            return false;
        }
        for (int32_t b : bits)
            out.bools.push_back(uint8_t(b != 0));
        return true;
    }
    case Encoding::DeltaBinaryPacked: {
        if (out.type != PhysicalType::Int32 && out.type != PhysicalType::Int64)
            break;
        std::vector<int64_t> values;
        size_t consumed = 0;
        if (!DeltaDecoders::decodeBinaryPacked(data, size, count, values, consumed, error))
            return false;
        if (values.size() < count) {
            error = tr("DELTA_BINARY_PACKED holds %1 values, %2 expected").arg(values.size()).arg(count);
            return false;
        }
        if (out.type == PhysicalType::Int64) {
            out.i64.insert(out.i64.end(), values.begin(), values.begin() + qsizetype(count));
        } else {
            out.i32.reserve(out.i32.size() + count);
            for (size_t i = 0; i < count; ++i)
                out.i32.push_back(int32_t(uint32_t(uint64_t(values[i]))));
        }
        return true;
    }
    case Encoding::DeltaLengthByteArray:
        if (out.type != PhysicalType::ByteArray)
            break;
        return DeltaDecoders::decodeLengthByteArray(data, size, count, out, error);
    case Encoding::DeltaByteArray:
        if (out.type != PhysicalType::ByteArray && out.type != PhysicalType::FixedLenByteArray)
            break;
        return DeltaDecoders::decodeByteArray(data, size, count, out, error);
    case Encoding::ByteStreamSplit:
        return decodeByteStreamSplit(data, size, count, out, error);
    default:
        unsupported = true;
        error = tr("unsupported: value encoding %1").arg(int(encoding));
        return false;
    }
    unsupported = true;
    error = tr("unsupported: value encoding %1 for physical type %2").arg(int(encoding)).arg(int(out.type));
    return false;
}

} // namespace kx::parquet
