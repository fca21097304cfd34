// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/thriftcompactreader.h"

#include <cstring>

namespace kx {

namespace {
// Deep enough for every real Parquet structure (the footer nests about 6
// levels); shallow enough that a hostile header cannot exhaust the stack.
constexpr int kMaxDepth = 64;
} // namespace

ThriftCompactReader::ThriftCompactReader(const uint8_t *data, size_t size, int64_t baseOffset)
    : m_data(data), m_size(size), m_base(baseOffset)
{
}

void ThriftCompactReader::fail(const QString &reason)
{
    if (m_failed)
        return;
    m_failed = true;
    m_error = tr("thrift: %1 at byte offset %2").arg(reason).arg(offset());
}

bool ThriftCompactReader::need(size_t n)
{
    if (m_failed)
        return false;
    if (n > m_size - m_pos) {
        fail(tr("unexpected end of data (need %1 bytes, %2 left)").arg(n).arg(m_size - m_pos));
        return false;
    }
    return true;
}

uint64_t ThriftCompactReader::readVarint()
{
    uint64_t result = 0;
    for (int shift = 0; shift < 70; shift += 7) {
        if (!need(1))
            return 0;
        const uint8_t b = m_data[m_pos++];
        if (shift < 64)
            result |= uint64_t(b & 0x7f) << shift;
        if (!(b & 0x80))
            return result;
    }
    fail(tr("varint longer than 10 bytes"));
    return 0;
}

int32_t ThriftCompactReader::readI32()
{
    const uint64_t v = readVarint();
    const uint32_t u = uint32_t(v);
    return int32_t((u >> 1) ^ (~(u & 1) + 1));
}

int64_t ThriftCompactReader::readI64()
{
    const uint64_t u = readVarint();
    return int64_t((u >> 1) ^ (~(u & 1) + 1));
}

int8_t ThriftCompactReader::readByte()
{
    if (!need(1))
        return 0;
    return int8_t(m_data[m_pos++]);
}

double ThriftCompactReader::readDouble()
{
    if (!need(8))
        return 0;
    double d;
    std::memcpy(&d, m_data + m_pos, 8); // compact protocol doubles are little-endian
    m_pos += 8;
    return d;
}

std::string ThriftCompactReader::readString()
{
    const uint64_t len = readVarint();
    if (m_failed || !need(len))
        return {};
    std::string s(reinterpret_cast<const char *>(m_data + m_pos), size_t(len));
    m_pos += size_t(len);
    return s;
}

bool ThriftCompactReader::beginStruct()
{
    if (m_failed)
        return false;
    if (++m_depth > kMaxDepth) {
        fail(tr("structures nested deeper than %1").arg(kMaxDepth));
        return false;
    }
    m_lastField.push_back(m_lastId);
    m_lastId = 0;
    return true;
}

void ThriftCompactReader::endStruct()
{
    if (!m_lastField.empty()) {
        m_lastId = m_lastField.back();
        m_lastField.pop_back();
    }
    --m_depth;
}

bool ThriftCompactReader::readFieldHeader(int16_t &fieldId, uint8_t &type)
{
    if (!need(1))
        return false;
    const uint8_t b = m_data[m_pos++];
    type = b & 0x0f;
    if (type == Stop)
        return false;
    const int delta = b >> 4;
    if (delta != 0)
        fieldId = int16_t(m_lastId + delta);
    else
        fieldId = readI16();
    m_lastId = fieldId;
    if (type > Struct) {
        fail(tr("invalid field type %1").arg(type));
        return false;
    }
    return !m_failed;
}

bool ThriftCompactReader::readListHeader(uint8_t &elementType, int32_t &size)
{
    if (!need(1))
        return false;
    const uint8_t b = m_data[m_pos++];
    elementType = b & 0x0f;
    uint64_t n = b >> 4;
    if (n == 15)
        n = readVarint();
    if (m_failed)
        return false;
    // Every element takes at least one byte, so a larger count is corrupt.
    if (n > m_size - m_pos) {
        fail(tr("list of %1 elements exceeds the %2 bytes left").arg(n).arg(m_size - m_pos));
        return false;
    }
    size = int32_t(n);
    return true;
}

void ThriftCompactReader::skip(uint8_t type)
{
    if (m_failed)
        return;
    switch (type) {
    case BoolTrue:
    case BoolFalse:
        return; // the value is in the field header
    case Byte:
        readByte();
        return;
    case I16:
    case I32:
    case I64:
        readVarint();
        return;
    case Double:
        if (need(8))
            m_pos += 8;
        return;
    case Binary: {
        const uint64_t len = readVarint();
        if (need(len))
            m_pos += size_t(len);
        return;
    }
    case List:
    case Set: {
        uint8_t et = 0;
        int32_t n = 0;
        if (!readListHeader(et, n))
            return;
        if (!beginStruct()) // counts nesting depth
            return;
        for (int32_t i = 0; i < n && !m_failed; ++i) {
            if (et == BoolTrue || et == BoolFalse)
                readByte(); // list booleans take one byte each
            else
                skip(et);
        }
        endStruct();
        return;
    }
    case Map: {
        const uint64_t n = readVarint();
        if (n == 0 || m_failed)
            return;
        const uint8_t kv = uint8_t(readByte());
        if (n > m_size - m_pos) {
            fail(tr("map of %1 entries exceeds the data left").arg(n));
            return;
        }
        if (!beginStruct())
            return;
        for (uint64_t i = 0; i < n && !m_failed; ++i) {
            for (uint8_t t : {uint8_t(kv >> 4), uint8_t(kv & 0x0f)}) {
                if (t == BoolTrue || t == BoolFalse)
                    readByte();
                else
                    skip(t);
            }
        }
        endStruct();
        return;
    }
    case Struct: {
        if (!beginStruct())
            return;
        int16_t id = 0;
        uint8_t t = 0;
        while (readFieldHeader(id, t))
            skip(t);
        endStruct();
        return;
    }
    default:
        fail(tr("invalid type %1").arg(type));
    }
}

} // namespace kx
