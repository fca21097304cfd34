// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/leafvalueconverter.h"

#include <QByteArray>

#include <cmath>
#include <cstdio>
#include <cstring>

namespace kx::parquet {

namespace {

float halfToFloat(uint16_t h)
{
    const int sign = (h >> 15) & 1;
    const int exp = (h >> 10) & 0x1f;
    const int mant = h & 0x3ff;
    float v;
    if (exp == 0)
        v = std::ldexp(float(mant), -24);
    else if (exp == 31)
        v = mant ? std::nanf("") : INFINITY;
    else
        v = std::ldexp(float(mant | 0x400), exp - 25);
    return sign ? -v : v;
}

std::string insertPoint(std::string digits, bool negative, int scale)
{
    if (scale > 0) {
        if (digits.size() <= size_t(scale))
            digits.insert(0, size_t(scale) + 1 - digits.size(), '0');
        digits.insert(digits.size() - size_t(scale), 1, '.');
    } else if (scale < 0 && digits != "0") {
        digits.append(size_t(-scale), '0');
    }
    return negative ? "-" + digits : digits;
}

} // namespace

LeafValueConverter::LeafValueConverter(const ParquetSchemaNode &leaf, qint64 inlineBinaryLimit)
    : m_scale(qBound(-1000, leaf.scale, 1000)), m_inlineBinaryLimit(inlineBinaryLimit)
{
    const LogicalType &lt = leaf.logicalType;
    const ConvertedType ct = leaf.convertedType;
    const bool decimal = leaf.isDecimal();
    switch (leaf.physicalType) {
    case PhysicalType::Boolean:
        m_kind = Kind::Bool;
        break;
    case PhysicalType::Int32:
        if (decimal)
            m_kind = Kind::DecimalInt32;
        else if (lt.kind == LogicalType::Date || ct == ConvertedType::Date)
            m_kind = Kind::Date;
        else if ((lt.kind == LogicalType::Integer && !lt.isSigned) || ct == ConvertedType::Uint8
                 || ct == ConvertedType::Uint16 || ct == ConvertedType::Uint32)
            m_kind = Kind::UInt32;
        else
            m_kind = Kind::Int32;
        break;
    case PhysicalType::Int64:
        m_utc = lt.kind == LogicalType::Timestamp ? lt.adjustedToUtc : true;
        if (decimal)
            m_kind = Kind::DecimalInt64;
        else if (lt.kind == LogicalType::Timestamp)
            m_kind = lt.unit == TimeUnit::Millis ? Kind::TimestampMillis
                : lt.unit == TimeUnit::Nanos     ? Kind::TimestampNanos
                                                 : Kind::TimestampMicros;
        else if (ct == ConvertedType::TimestampMillis)
            m_kind = Kind::TimestampMillis;
        else if (ct == ConvertedType::TimestampMicros)
            m_kind = Kind::TimestampMicros;
        else if ((lt.kind == LogicalType::Integer && !lt.isSigned) || ct == ConvertedType::Uint64)
            m_kind = Kind::UInt64;
        else
            m_kind = Kind::Int64;
        break;
    case PhysicalType::Int96:
        m_kind = Kind::Int96;
        break;
    case PhysicalType::Float:
        m_kind = Kind::Float;
        break;
    case PhysicalType::Double:
        m_kind = Kind::Double;
        break;
    case PhysicalType::ByteArray:
    case PhysicalType::FixedLenByteArray:
        if (decimal)
            m_kind = Kind::DecimalBytes;
        else if (lt.kind == LogicalType::String || lt.kind == LogicalType::Enum || lt.kind == LogicalType::Json
                 || ct == ConvertedType::Utf8 || ct == ConvertedType::Enum || ct == ConvertedType::Json)
            m_kind = Kind::String;
        else if (lt.kind == LogicalType::Float16 && leaf.typeLength == 2)
            m_kind = Kind::Float16;
        else if (lt.kind == LogicalType::Uuid && leaf.typeLength == 16)
            m_kind = Kind::Uuid;
        else
            m_kind = Kind::Binary;
        break;
    }
}

Json LeafValueConverter::convert(const ColumnValues &v, size_t i) const
{
    switch (m_kind) {
    case Kind::Bool: return bool(v.bools[i]);
    case Kind::Int32: return v.i32[i];
    case Kind::UInt32: return uint32_t(v.i32[i]);
    case Kind::Int64: return v.i64[i];
    case Kind::UInt64: return uint64_t(v.i64[i]);
    case Kind::Float: return double(v.f32[i]);
    case Kind::Double: return v.f64[i];
    case Kind::Date: return dateFromDays(v.i32[i]);
    case Kind::DecimalInt32: return decimalFromInt(v.i32[i], m_scale);
    case Kind::DecimalInt64: return decimalFromInt(v.i64[i], m_scale);
    case Kind::TimestampMillis:
    case Kind::TimestampMicros:
    case Kind::TimestampNanos: {
        const int64_t perSecond = m_kind == Kind::TimestampMillis ? 1000 : m_kind == Kind::TimestampMicros ? 1000000
                                                                                                          : 1000000000;
        const int64_t perDay = perSecond * 86400;
        const int64_t t = v.i64[i];
        int64_t days = t / perDay;
        int64_t rest = t % perDay;
        if (rest < 0) {
            rest += perDay;
            --days;
        }
        const int digits = m_kind == Kind::TimestampMillis ? 3 : m_kind == Kind::TimestampMicros ? 6 : 9;
        return timestamp(days, rest * (1000000000 / perSecond), digits, m_utc);
    }
    case Kind::Int96: {
        // 8 bytes of nanoseconds within the day, then the Julian day number.
        const std::string_view b = v.binary(i);
        int64_t nanos = 0;
        int32_t julian = 0;
        std::memcpy(&nanos, b.data(), 8);
        std::memcpy(&julian, b.data() + 8, 4);
        return timestamp(int64_t(julian) - 2440588, nanos, 9, false);
    }
    case Kind::String: {
        const std::string_view s = v.binary(i);
        return std::string(s);
    }
    case Kind::DecimalBytes: {
        const std::string_view s = v.binary(i);
        // No real decimal needs more than 64 bytes (precision > 150 digits);
        // the conversion is quadratic, so longer values stay raw bytes.
        if (s.size() <= 64)
            return decimalFromBytes(s.data(), s.size(), m_scale);
        [[fallthrough]];
    }
    case Kind::Float16: {
        const std::string_view s = v.binary(i);
        return double(halfToFloat(uint16_t(uint8_t(s[0]) | (uint8_t(s[1]) << 8))));
    }
    case Kind::Uuid: {
        const std::string_view s = v.binary(i);
        const QByteArray hex = QByteArray(s.data(), 16).toHex();
        std::string out(hex.constData(), 32);
        for (size_t at : {20, 16, 12, 8})
            out.insert(at, 1, '-');
        return out;
    }
    case Kind::Binary: {
        const std::string_view s = v.binary(i);
        if (m_inlineBinaryLimit >= 0 && qint64(s.size()) > m_inlineBinaryLimit)
            return Json{{"bytes_ref", Json{{"size", s.size()}}}};
        const QByteArray b64 = QByteArray::fromRawData(s.data(), qsizetype(s.size())).toBase64();
        return Json{{"bytes_base64", std::string(b64.constData(), size_t(b64.size()))}};
    }
    }
    return nullptr;
}

std::string LeafValueConverter::decimalFromInt(int64_t unscaled, int scale)
{
    const bool negative = unscaled < 0;
    const uint64_t mag = negative ? uint64_t(0) - uint64_t(unscaled) : uint64_t(unscaled);
    return insertPoint(std::to_string(mag), negative, scale);
}

std::string LeafValueConverter::decimalFromBytes(const char *data, size_t size, int scale)
{
    if (size == 0)
        return "0";
    std::vector<uint8_t> mag(reinterpret_cast<const uint8_t *>(data), reinterpret_cast<const uint8_t *>(data) + size);
    const bool negative = mag[0] & 0x80;
    if (negative) { // two's complement → magnitude
        for (uint8_t &b : mag)
            b = uint8_t(~b);
        for (size_t k = mag.size(); k-- > 0;)
            if (++mag[k] != 0)
                break;
    }
    std::string digits;
    // Repeated division by 10 of the big-endian magnitude.
    size_t start = 0;
    while (start < mag.size()) {
        unsigned rem = 0;
        for (size_t k = start; k < mag.size(); ++k) {
            const unsigned cur = (rem << 8) | mag[k];
            mag[k] = uint8_t(cur / 10);
            rem = cur % 10;
        }
        digits.push_back(char('0' + rem));
        while (start < mag.size() && mag[start] == 0)
            ++start;
    }
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();
    std::string forward(digits.rbegin(), digits.rend());
    return insertPoint(forward.empty() ? "0" : forward, negative && forward != "0", scale);
}

std::string LeafValueConverter::dateFromDays(int64_t days)
{
    // Howard Hinnant's civil_from_days.
    const int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const int64_t m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2)
        ++y;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y), static_cast<long long>(m),
                  static_cast<long long>(d));
    return buf;
}

std::string LeafValueConverter::timestamp(int64_t days, int64_t nanosOfDay, int digits, bool utc)
{
    // INT96 writers keep nanosOfDay within a day, but corrupt data may not.
    days += nanosOfDay / 86400000000000LL;
    nanosOfDay %= 86400000000000LL;
    if (nanosOfDay < 0) {
        nanosOfDay += 86400000000000LL;
        --days;
    }
    const int64_t secs = nanosOfDay / 1000000000;
    int64_t frac = nanosOfDay % 1000000000;
    for (int k = digits; k < 9; ++k)
        frac /= 10;
    char buf[96];
    std::snprintf(buf, sizeof buf, "T%02lld:%02lld:%02lld.%0*lld%s", static_cast<long long>(secs / 3600),
                  static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60), digits,
                  static_cast<long long>(frac), utc ? "Z" : "");
    return dateFromDays(days) + buf;
}

} // namespace kx::parquet
