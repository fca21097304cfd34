// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kx {

/**
 * Writes the Thrift compact protocol, the encoding of the Parquet footer and
 * page headers; the counterpart of ThriftCompactReader. Appends to a
 * caller-owned std::string that must outlive the writer. Field ids inside one
 * struct must be written in increasing order (the compact protocol stores the
 * delta). Writing cannot fail. Not thread-safe.
 */
class ThriftCompactWriter final
{
public:
    /** Compact protocol type ids, as in ThriftCompactReader::Type. */
    enum Type : uint8_t {
        Stop = 0, BoolTrue = 1, BoolFalse = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6,
        Double = 7, Binary = 8, List = 9, Set = 10, Map = 11, Struct = 12,
    };

    explicit ThriftCompactWriter(std::string &out) : m_out(out) {}

    /** Starts a top-level struct (or a struct that is a list element). */
    void beginStruct();
    /** Writes the STOP field and leaves the struct. */
    void endStruct();

    void fieldI32(int16_t id, int32_t value);
    void fieldI64(int16_t id, int64_t value);
    void fieldBool(int16_t id, bool value);
    void fieldBinary(int16_t id, std::string_view value);
    /** A struct-valued field: writes the header and enters it; close with endStruct(). */
    void fieldStructBegin(int16_t id);
    /** A list-valued field header; then write @p size elements with the list*() calls. */
    void fieldListBegin(int16_t id, Type elementType, int32_t size);

    void listI32(int32_t value) { writeVarint(zigzag(value)); }
    void listBinary(std::string_view value);
    /** A struct list element: enter it, close with endStruct(). */
    void listStructBegin() { beginStruct(); }

private:
    void fieldHeader(int16_t id, uint8_t type);
    void writeVarint(uint64_t v);
    static uint64_t zigzag(int64_t v) { return (uint64_t(v) << 1) ^ uint64_t(v >> 63); }

    std::string &m_out;
    std::vector<int16_t> m_lastIds; // the enclosing structs' last field ids
    int16_t m_lastId = 0;
};

} // namespace kx
