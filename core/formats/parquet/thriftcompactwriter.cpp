// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/thriftcompactwriter.h"

namespace kx {

void ThriftCompactWriter::beginStruct()
{
    m_lastIds.push_back(m_lastId);
    m_lastId = 0;
}

void ThriftCompactWriter::endStruct()
{
    m_out.push_back(char(Stop));
    m_lastId = m_lastIds.empty() ? 0 : m_lastIds.back();
    if (!m_lastIds.empty())
        m_lastIds.pop_back();
}

void ThriftCompactWriter::fieldHeader(int16_t id, uint8_t type)
{
    const int delta = int(id) - int(m_lastId);
    if (delta > 0 && delta <= 15) {
        m_out.push_back(char(uint8_t(delta << 4) | type));
    } else {
        // Long form: the type byte, then the id as a zigzag varint (i16).
        m_out.push_back(char(type));
        writeVarint(zigzag(id));
    }
    m_lastId = id;
}

void ThriftCompactWriter::writeVarint(uint64_t v)
{
    while (v >= 0x80) {
        m_out.push_back(char(uint8_t(v) | 0x80));
        v >>= 7;
    }
    m_out.push_back(char(uint8_t(v)));
}

void ThriftCompactWriter::fieldI32(int16_t id, int32_t value)
{
    fieldHeader(id, I32);
    writeVarint(zigzag(value));
}

void ThriftCompactWriter::fieldI64(int16_t id, int64_t value)
{
    fieldHeader(id, I64);
    writeVarint(zigzag(value));
}

void ThriftCompactWriter::fieldBool(int16_t id, bool value)
{
    // Booleans in fields carry their value in the header's type nibble.
    fieldHeader(id, value ? BoolTrue : BoolFalse);
}

void ThriftCompactWriter::fieldBinary(int16_t id, std::string_view value)
{
    fieldHeader(id, Binary);
    listBinary(value);
}

void ThriftCompactWriter::listBinary(std::string_view value)
{
    writeVarint(value.size());
    m_out.append(value.data(), value.size());
}

void ThriftCompactWriter::fieldStructBegin(int16_t id)
{
    fieldHeader(id, Struct);
    beginStruct();
}

void ThriftCompactWriter::fieldListBegin(int16_t id, Type elementType, int32_t size)
{
    fieldHeader(id, List);
    if (size < 15) {
        m_out.push_back(char(uint8_t(size << 4) | elementType));
    } else {
        m_out.push_back(char(0xF0 | elementType));
        writeVarint(uint64_t(size));
    }
}

} // namespace kx
