// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QCoreApplication>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kx::parquet {

// Enum values are the numbers of parquet.thrift; unknown numbers are kept as they are.
enum class PhysicalType : int32_t {
    Boolean = 0, Int32 = 1, Int64 = 2, Int96 = 3, Float = 4, Double = 5, ByteArray = 6, FixedLenByteArray = 7,
};
enum class Repetition : int32_t { Required = 0, Optional = 1, Repeated = 2 };
enum class ConvertedType : int32_t {
    None = -1, Utf8 = 0, Map = 1, MapKeyValue = 2, List = 3, Enum = 4, Decimal = 5, Date = 6,
    TimeMillis = 7, TimeMicros = 8, TimestampMillis = 9, TimestampMicros = 10,
    Uint8 = 11, Uint16 = 12, Uint32 = 13, Uint64 = 14, Int8 = 15, Int16 = 16, Int32 = 17, Int64 = 18,
    Json = 19, Bson = 20, Interval = 21,
};
enum class Codec : int32_t { Uncompressed = 0, Snappy = 1, Gzip = 2, Lzo = 3, Brotli = 4, Lz4 = 5, Zstd = 6, Lz4Raw = 7 };
enum class Encoding : int32_t {
    Plain = 0, PlainDictionary = 2, Rle = 3, BitPacked = 4, DeltaBinaryPacked = 5, DeltaLengthByteArray = 6,
    DeltaByteArray = 7, RleDictionary = 8, ByteStreamSplit = 9,
};
enum class PageType : int32_t { DataPage = 0, IndexPage = 1, DictionaryPage = 2, DataPageV2 = 3 };
enum class TimeUnit : int32_t { None = 0, Millis = 1, Micros = 2, Nanos = 3 };

/** The LogicalType union of parquet.thrift; `kind` is the union's field id (0: absent). */
struct LogicalType
{
    enum Kind : int16_t {
        Absent = 0, String = 1, Map = 2, List = 3, Enum = 4, Decimal = 5, Date = 6, Time = 7, Timestamp = 8,
        Integer = 10, Unknown = 11, Json = 12, Bson = 13, Uuid = 14, Float16 = 15, Variant = 16,
        Geometry = 17, Geography = 18,
    };
    int16_t kind = Absent;
    int32_t scale = 0;
    int32_t precision = 0;
    bool adjustedToUtc = false;
    TimeUnit unit = TimeUnit::None;
    int8_t bitWidth = 0;
    bool isSigned = true;
};

struct SchemaElement
{
    std::optional<PhysicalType> type;
    int32_t typeLength = 0;
    std::optional<Repetition> repetition;
    std::string name;
    int32_t numChildren = 0;
    ConvertedType convertedType = ConvertedType::None;
    int32_t scale = 0;
    int32_t precision = 0;
    LogicalType logicalType;
};

struct KeyValue
{
    std::string key;
    std::string value;
};

struct ColumnMetaData
{
    PhysicalType type = PhysicalType::Boolean;
    std::vector<Encoding> encodings;
    std::vector<std::string> pathInSchema;
    Codec codec = Codec::Uncompressed;
    int64_t numValues = 0;
    int64_t totalUncompressedSize = 0;
    int64_t totalCompressedSize = 0;
    std::vector<KeyValue> keyValueMetadata;
    int64_t dataPageOffset = 0;
    std::optional<int64_t> dictionaryPageOffset;
};

struct ColumnChunk
{
    std::string filePath;
    int64_t fileOffset = 0;
    bool hasMetaData = false;
    bool encrypted = false;
    ColumnMetaData metaData;
};

struct RowGroup
{
    std::vector<ColumnChunk> columns;
    int64_t totalByteSize = 0;
    int64_t numRows = 0;
};

struct FileMetaData
{
    int32_t version = 0;
    std::vector<SchemaElement> schema;
    int64_t numRows = 0;
    std::vector<RowGroup> rowGroups;
    std::vector<KeyValue> keyValueMetadata;
    std::string createdBy;
    bool encrypted = false; ///< encryption_algorithm is set (plaintext footer mode)
};

struct DataPageHeader
{
    int32_t numValues = 0;
    Encoding encoding = Encoding::Plain;
    Encoding definitionLevelEncoding = Encoding::Rle;
    Encoding repetitionLevelEncoding = Encoding::Rle;
};

struct DataPageHeaderV2
{
    int32_t numValues = 0;
    int32_t numNulls = 0;
    int32_t numRows = 0;
    Encoding encoding = Encoding::Plain;
    int32_t definitionLevelsByteLength = 0;
    int32_t repetitionLevelsByteLength = 0;
    bool isCompressed = true;
};

struct DictionaryPageHeader
{
    int32_t numValues = 0;
    Encoding encoding = Encoding::Plain;
};

struct PageHeader
{
    PageType type = PageType::DataPage;
    int32_t uncompressedPageSize = 0;
    int32_t compressedPageSize = 0;
    std::optional<DataPageHeader> dataPage;
    std::optional<DictionaryPageHeader> dictionaryPage;
    std::optional<DataPageHeaderV2> dataPageV2;
};

/**
 * Parses Thrift-encoded Parquet metadata. Stateless; safe from any thread.
 * Offsets in error messages are file offsets (the caller passes where the
 * bytes start in the file).
 */
class MetadataParser final
{
    Q_DECLARE_TR_FUNCTIONS(kx::parquet::MetadataParser)

public:
    /** Parses the footer's FileMetaData from @p size bytes at @p data. */
    static Result<FileMetaData> parseFileMetaData(const uint8_t *data, size_t size, int64_t fileOffset);
    /**
     * Parses one PageHeader at the start of @p data; @p headerSize receives the
     * number of bytes it took.
     */
    static Result<PageHeader> parsePageHeader(const uint8_t *data, size_t size, int64_t fileOffset,
                                              size_t &headerSize);
};

} // namespace kx::parquet
