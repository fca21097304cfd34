// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace kx {

/**
 * A bounds-checked reader of the Thrift compact protocol, the encoding of the
 * Parquet footer and page headers. It reads from a caller-owned byte range
 * that must outlive the reader.
 *
 * Errors are sticky: the first failed read records a message naming the byte
 * offset (relative to @p baseOffset, i.e. a file offset when the caller passes
 * one) and every later read returns zero values. Callers check failed() at
 * the end of a struct or inside loops. Lists may never claim more elements
 * than bytes remain, and nesting is capped, so hostile input cannot make the
 * reader allocate or recurse without bound. Not thread-safe.
 */
class ThriftCompactReader final
{
    Q_DECLARE_TR_FUNCTIONS(kx::ThriftCompactReader)

public:
    /** Compact protocol type ids (the low nibble of a field header). */
    enum Type : uint8_t {
        Stop = 0, BoolTrue = 1, BoolFalse = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6,
        Double = 7, Binary = 8, List = 9, Set = 10, Map = 11, Struct = 12,
    };

    ThriftCompactReader(const uint8_t *data, size_t size, int64_t baseOffset = 0);

    bool failed() const { return m_failed; }
    const QString &errorMessage() const { return m_error; }
    /** Bytes consumed so far. */
    size_t position() const { return m_pos; }
    /** Absolute offset of the next byte (baseOffset + position()). */
    int64_t offset() const { return m_base + int64_t(m_pos); }

    /** Records an error at the current offset (first error wins). */
    void fail(const QString &reason);

    /** Enters a struct: field ids restart from 0. Fails past the nesting limit. */
    bool beginStruct();
    void endStruct();
    /** Reads a field header; returns false at the STOP field or on error. */
    bool readFieldHeader(int16_t &fieldId, uint8_t &type);
    /** The value of a boolean field, whose value is carried by the header type. */
    bool boolFromFieldType(uint8_t type) const { return type == BoolTrue; }

    int32_t readI32();
    int64_t readI64();
    int16_t readI16() { return int16_t(readI32()); }
    int8_t readByte();
    double readDouble();
    std::string readString();
    /** Reads a list header; @p size is bounded by the bytes that remain. */
    bool readListHeader(uint8_t &elementType, int32_t &size);
    /** A boolean list element (one byte each in lists). */
    bool readListBool() { return readByte() == BoolTrue; }

    /** Skips a value of @p type, recursing into containers. */
    void skip(uint8_t type);

private:
    uint64_t readVarint();
    bool need(size_t n);

    const uint8_t *m_data;
    size_t m_size;
    size_t m_pos = 0;
    int64_t m_base;
    std::vector<int16_t> m_lastField;
    int16_t m_lastId = 0;
    int m_depth = 0;
    bool m_failed = false;
    QString m_error;
};

} // namespace kx
