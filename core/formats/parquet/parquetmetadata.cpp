// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/parquetmetadata.h"

#include "formats/parquet/thriftcompactreader.h"

namespace kx::parquet {

namespace {

using T = ThriftCompactReader;

// Each parser reads one struct; unknown fields are skipped so newer writers'
// additions (statistics, page indexes, geospatial data) never break reading.
// A field whose wire type does not match what parquet.thrift declares is
// skipped too, the way the reference Thrift runtimes do.

bool isInt(uint8_t t) { return t == T::I32 || t == T::I16 || t == T::Byte || t == T::I64; }

int64_t readInt(T &r, uint8_t t)
{
    if (t == T::Byte)
        return r.readByte();
    return t == T::I64 ? r.readI64() : r.readI32();
}

template<typename F>
void readStruct(T &r, F &&onField)
{
    if (!r.beginStruct())
        return;
    int16_t id = 0;
    uint8_t t = 0;
    while (r.readFieldHeader(id, t)) {
        if (!onField(id, t))
            r.skip(t);
    }
    r.endStruct();
}

template<typename F>
void readList(T &r, F &&onElement)
{
    uint8_t et = 0;
    int32_t n = 0;
    if (!r.readListHeader(et, n))
        return;
    for (int32_t i = 0; i < n && !r.failed(); ++i)
        onElement(et);
}

void readKeyValues(T &r, std::vector<KeyValue> &out)
{
    readList(r, [&](uint8_t et) {
        if (et != T::Struct) {
            r.skip(et);
            return;
        }
        KeyValue kv;
        readStruct(r, [&](int16_t id, uint8_t t) {
            if (t != T::Binary)
                return false;
            (id == 1 ? kv.key : kv.value) = r.readString();
            return id == 1 || id == 2;
        });
        out.push_back(std::move(kv));
    });
}

TimeUnit readTimeUnit(T &r)
{
    TimeUnit unit = TimeUnit::None;
    readStruct(r, [&](int16_t id, uint8_t t) {
        if (t == T::Struct && id >= 1 && id <= 3)
            unit = TimeUnit(id);
        return false; // skip the empty struct itself
    });
    return unit;
}

void readLogicalType(T &r, LogicalType &lt)
{
    readStruct(r, [&](int16_t id, uint8_t t) {
        if (t != T::Struct)
            return false;
        lt.kind = id;
        switch (id) {
        case LogicalType::Decimal:
            readStruct(r, [&](int16_t f, uint8_t ft) {
                if (!isInt(ft))
                    return false;
                (f == 1 ? lt.scale : lt.precision) = int32_t(readInt(r, ft));
                return f == 1 || f == 2;
            });
            return true;
        case LogicalType::Time:
        case LogicalType::Timestamp:
            readStruct(r, [&](int16_t f, uint8_t ft) {
                if (f == 1 && (ft == T::BoolTrue || ft == T::BoolFalse)) {
                    lt.adjustedToUtc = r.boolFromFieldType(ft);
                    return true;
                }
                if (f == 2 && ft == T::Struct) {
                    lt.unit = readTimeUnit(r);
                    return true;
                }
                return false;
            });
            return true;
        case LogicalType::Integer:
            readStruct(r, [&](int16_t f, uint8_t ft) {
                if (f == 1 && isInt(ft)) {
                    lt.bitWidth = int8_t(readInt(r, ft));
                    return true;
                }
                if (f == 2 && (ft == T::BoolTrue || ft == T::BoolFalse)) {
                    lt.isSigned = r.boolFromFieldType(ft);
                    return true;
                }
                return false;
            });
            return true;
        default:
            return false; // no parameters we use: skip the struct
        }
    });
}

void readSchemaElement(T &r, SchemaElement &e)
{
    readStruct(r, [&](int16_t id, uint8_t t) {
        if (id == 4 && t == T::Binary) {
            e.name = r.readString();
            return true;
        }
        if (id == 10 && t == T::Struct) {
            readLogicalType(r, e.logicalType);
            return true;
        }
        if (!isInt(t))
            return false;
        const int64_t v = readInt(r, t);
        switch (id) {
        case 1: e.type = PhysicalType(v); break;
        case 2: e.typeLength = int32_t(v); break;
        case 3: e.repetition = Repetition(v); break;
        case 5: e.numChildren = int32_t(v); break;
        case 6: e.convertedType = ConvertedType(v); break;
        case 7: e.scale = int32_t(v); break;
        case 8: e.precision = int32_t(v); break;
        default: break; // field_id (9) and newer integer fields
        }
        return true;
    });
}

void readColumnMetaData(T &r, ColumnMetaData &m)
{
    readStruct(r, [&](int16_t id, uint8_t t) {
        switch (id) {
        case 2:
            if (t != T::List)
                return false;
            readList(r, [&](uint8_t et) {
                if (isInt(et))
                    m.encodings.push_back(Encoding(readInt(r, et)));
                else
                    r.skip(et);
            });
            return true;
        case 3:
            if (t != T::List)
                return false;
            readList(r, [&](uint8_t et) {
                if (et == T::Binary)
                    m.pathInSchema.push_back(r.readString());
                else
                    r.skip(et);
            });
            return true;
        case 8:
            if (t != T::List)
                return false;
            readKeyValues(r, m.keyValueMetadata);
            return true;
        default:
            break;
        }
        if (!isInt(t))
            return false;
        const int64_t v = readInt(r, t);
        switch (id) {
        case 1: m.type = PhysicalType(v); break;
        case 4: m.codec = Codec(v); break;
        case 5: m.numValues = v; break;
        case 6: m.totalUncompressedSize = v; break;
        case 7: m.totalCompressedSize = v; break;
        case 9: m.dataPageOffset = v; break;
        case 11: m.dictionaryPageOffset = v; break;
        default: break;
        }
        return true;
    });
}

void readColumnChunk(T &r, ColumnChunk &c)
{
    readStruct(r, [&](int16_t id, uint8_t t) {
        if (id == 1 && t == T::Binary) {
            c.filePath = r.readString();
            return true;
        }
        if (id == 2 && isInt(t)) {
            c.fileOffset = readInt(r, t);
            return true;
        }
        if (id == 3 && t == T::Struct) {
            c.hasMetaData = true;
            readColumnMetaData(r, c.metaData);
            return true;
        }
        if (id == 8 || id == 9)
            c.encrypted = true; // crypto_metadata / encrypted_column_metadata
        return false;
    });
}

void readRowGroup(T &r, RowGroup &g)
{
    readStruct(r, [&](int16_t id, uint8_t t) {
        if (id == 1 && t == T::List) {
            readList(r, [&](uint8_t et) {
                if (et != T::Struct) {
                    r.skip(et);
                    return;
                }
                g.columns.emplace_back();
                readColumnChunk(r, g.columns.back());
            });
            return true;
        }
        if (!isInt(t))
            return false;
        const int64_t v = readInt(r, t);
        if (id == 2)
            g.totalByteSize = v;
        else if (id == 3)
            g.numRows = v;
        return true;
    });
}

} // namespace

Result<FileMetaData> MetadataParser::parseFileMetaData(const uint8_t *data, size_t size, int64_t fileOffset)
{
    T r(data, size, fileOffset);
    FileMetaData md;
    readStruct(r, [&](int16_t id, uint8_t t) {
        switch (id) {
        case 2:
            if (t != T::List)
                return false;
            readList(r, [&](uint8_t et) {
                if (et != T::Struct) {
                    r.skip(et);
                    return;
                }
                md.schema.emplace_back();
                readSchemaElement(r, md.schema.back());
            });
            return true;
        case 4:
            if (t != T::List)
                return false;
            readList(r, [&](uint8_t et) {
                if (et != T::Struct) {
                    r.skip(et);
                    return;
                }
                md.rowGroups.emplace_back();
                readRowGroup(r, md.rowGroups.back());
            });
            return true;
        case 5:
            if (t != T::List)
                return false;
            readKeyValues(r, md.keyValueMetadata);
            return true;
        case 6:
            if (t != T::Binary)
                return false;
            md.createdBy = r.readString();
            return true;
        case 8:
            md.encrypted = true;
            return false;
        default:
            break;
        }
        if (!isInt(t))
            return false;
        const int64_t v = readInt(r, t);
        if (id == 1)
            md.version = int32_t(v);
        else if (id == 3)
            md.numRows = v;
        return true;
    });
    if (r.failed())
        return Error::badInput(tr("parquet footer: %1").arg(r.errorMessage()));
    return md;
}

Result<PageHeader> MetadataParser::parsePageHeader(const uint8_t *data, size_t size, int64_t fileOffset,
                                                   size_t &headerSize)
{
    T r(data, size, fileOffset);
    PageHeader h;
    bool sawType = false;
    readStruct(r, [&](int16_t id, uint8_t t) {
        if (id == 5 && t == T::Struct) {
            DataPageHeader d;
            readStruct(r, [&](int16_t f, uint8_t ft) {
                if (!isInt(ft))
                    return false;
                const int64_t v = readInt(r, ft);
                switch (f) {
                case 1: d.numValues = int32_t(v); break;
                case 2: d.encoding = Encoding(v); break;
                case 3: d.definitionLevelEncoding = Encoding(v); break;
                case 4: d.repetitionLevelEncoding = Encoding(v); break;
                default: break;
                }
                return true;
            });
            h.dataPage = d;
            return true;
        }
        if (id == 7 && t == T::Struct) {
            DictionaryPageHeader d;
            readStruct(r, [&](int16_t f, uint8_t ft) {
                if (!isInt(ft))
                    return false;
                const int64_t v = readInt(r, ft);
                if (f == 1)
                    d.numValues = int32_t(v);
                else if (f == 2)
                    d.encoding = Encoding(v);
                return true;
            });
            h.dictionaryPage = d;
            return true;
        }
        if (id == 8 && t == T::Struct) {
            DataPageHeaderV2 d;
            readStruct(r, [&](int16_t f, uint8_t ft) {
                if (f == 7 && (ft == T::BoolTrue || ft == T::BoolFalse)) {
                    d.isCompressed = r.boolFromFieldType(ft);
                    return true;
                }
                if (!isInt(ft))
                    return false;
                const int64_t v = readInt(r, ft);
                switch (f) {
                case 1: d.numValues = int32_t(v); break;
                case 2: d.numNulls = int32_t(v); break;
                case 3: d.numRows = int32_t(v); break;
                case 4: d.encoding = Encoding(v); break;
                case 5: d.definitionLevelsByteLength = int32_t(v); break;
                case 6: d.repetitionLevelsByteLength = int32_t(v); break;
                default: break;
                }
                return true;
            });
            h.dataPageV2 = d;
            return true;
        }
        if (!isInt(t))
            return false;
        const int64_t v = readInt(r, t);
        if (id == 1) {
            h.type = PageType(v);
            sawType = true;
        } else if (id == 2) {
            h.uncompressedPageSize = int32_t(v);
        } else if (id == 3) {
            h.compressedPageSize = int32_t(v);
        }
        return true;
    });
    if (r.failed())
        return Error::badInput(tr("parquet page header: %1").arg(r.errorMessage()));
    if (!sawType)
        return Error::badInput(tr("parquet page header at byte offset %1 has no page type").arg(fileOffset));
    if (h.compressedPageSize < 0 || h.uncompressedPageSize < 0)
        return Error::badInput(tr("parquet page header at byte offset %1 has a negative page size").arg(fileOffset));
    headerSize = r.position();
    return h;
}

} // namespace kx::parquet
