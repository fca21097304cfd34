// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/parquetwriter.h"

#include "formats/parquet/parquetcolumnwriter.h"
#include "formats/parquet/thriftcompactwriter.h"
#include "util/jsonqt.h"

#include <QSet>

#include <cstring>

namespace kx {

using parquet::Codec;
using parquet::Encoding;
using parquet::ParquetColumnWriter;

struct ParquetWriter::Leaf
{
    std::vector<std::string> path;
    int maxDef = 0;
    int maxRep = 0;
    std::unique_ptr<ParquetColumnWriter> writer;
};

struct ParquetWriter::ChunkMeta
{
    std::vector<std::string> path;
    qint64 offset = 0;           ///< first page: the dictionary page when there is one
    qint64 dataPageOffset = 0;
    bool hasDictionary = false;
    qint64 numValues = 0;
    qint64 uncompressedSize = 0;
    qint64 compressedSize = 0;
    std::vector<Encoding> encodings;
};

struct ParquetWriter::RowGroupMeta
{
    std::vector<ChunkMeta> columns;
    qint64 numRows = 0;
    qint64 uncompressedSize = 0;
    qint64 compressedSize = 0;
};

namespace {
constexpr char kMagic[] = "PAR1";
constexpr int kFieldNull = 0, kListEmpty = 1; // definition levels shared by every LIST leaf
}

ParquetWriter::ParquetWriter() = default;

ParquetWriter::~ParquetWriter()
{
    if (!m_finished)
        abort();
}

Result<std::unique_ptr<ParquetWriter>> ParquetWriter::create(const QString &path, const ParquetWriterSchema &schema,
                                                             const ParquetWriterOptions &options)
{
    if (schema.fields.empty())
        return Error::badInput(tr("%1: a parquet schema needs at least one field").arg(path));
    QSet<QString> names;
    for (const ParquetWriterField &f : schema.fields) {
        if (f.name.isEmpty() || names.contains(f.name))
            return Error::badInput(tr("%1: empty or duplicate field name \"%2\"").arg(path, f.name));
        if (f.kind == ParquetWriterField::Kind::StructList && f.structFields.isEmpty())
            return Error::badInput(tr("%1: field \"%2\" is a list of structs without fields").arg(path, f.name));
        names.insert(f.name);
    }
    if (options.codec != Codec::Snappy && options.codec != Codec::Uncompressed)
        return Error{Error::Code::Unsupported, tr("%1: unsupported: writing codec %2").arg(path).arg(int(options.codec))};

    std::unique_ptr<ParquetWriter> w(new ParquetWriter());
    w->m_path = path;
    w->m_schema = schema;
    w->m_options = options;
    w->m_options.rowGroupRows = std::max<qint64>(1, options.rowGroupRows);
    for (const ParquetWriterField &f : schema.fields) {
        w->m_firstLeaf.push_back(int(w->m_leaves.size()));
        const std::string name = ss(f.name);
        auto addLeaf = [&](std::vector<std::string> leafPath, int maxDef, int maxRep) {
            Leaf leaf;
            leaf.path = std::move(leafPath);
            leaf.maxDef = maxDef;
            leaf.maxRep = maxRep;
            leaf.writer = std::make_unique<ParquetColumnWriter>(maxDef, maxRep, options.codec, options.pageSizeBytes,
                                                                options.dictionaryLimitBytes, options.dictionary);
            w->m_leaves.push_back(std::move(leaf));
        };
        switch (f.kind) {
        case ParquetWriterField::Kind::String: addLeaf({name}, 1, 0); break;
        case ParquetWriterField::Kind::StringList: addLeaf({name, "list", "element"}, 3, 1); break;
        case ParquetWriterField::Kind::StructList:
            for (const QString &sub : f.structFields)
                addLeaf({name, "list", "element", ss(sub)}, 4, 1);
            break;
        }
    }

    w->m_file.setFileName(path + QStringLiteral(".partial"));
    if (!w->m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error::io(tr("%1: cannot create the file: %2").arg(w->m_file.fileName(), w->m_file.errorString()));
    if (auto r = w->writeBytes(kMagic, 4); !r)
        return r.error();
    return w;
}

void ParquetWriter::setKeyValue(const QString &key, const QString &value)
{
    const std::string k = ss(key);
    for (auto &kv : m_keyValues) {
        if (kv.first == k) {
            kv.second = ss(value);
            return;
        }
    }
    m_keyValues.emplace_back(k, ss(value));
}

Error ParquetWriter::fail(Error error)
{
    abort();
    return error;
}

void ParquetWriter::abort()
{
    m_finished = true;
    if (m_file.isOpen())
        m_file.close();
    if (m_file.exists())
        m_file.remove();
}

Result<void> ParquetWriter::writeBytes(const char *data, qint64 size)
{
    if (m_file.write(data, size) != size)
        return fail(Error::io(tr("%1: write failed at byte %2: %3").arg(m_file.fileName()).arg(m_offset)
                                  .arg(m_file.errorString())));
    m_offset += size;
    return {};
}

Result<void> ParquetWriter::writeRow(const ParquetRow &row)
{
    if (m_finished)
        return Error::io(tr("%1: the parquet writer is already closed").arg(m_path));
    if (row.size() != m_schema.fields.size())
        return Error::badInput(tr("%1: row %2 has %3 values, the schema has %4 fields")
                                   .arg(m_path).arg(m_totalRows).arg(row.size()).arg(m_schema.fields.size()));
    for (size_t i = 0; i < row.size(); ++i) {
        const ParquetCell &cell = row[i];
        const ParquetWriterField &field = m_schema.fields[i];
        Leaf *leaves = &m_leaves[size_t(m_firstLeaf[i])];
        switch (field.kind) {
        case ParquetWriterField::Kind::String:
            leaves[0].writer->add(cell.null ? 0 : 1, 0, cell.text);
            break;
        case ParquetWriterField::Kind::StringList:
            if (cell.null || cell.items.empty()) {
                leaves[0].writer->add(cell.null ? kFieldNull : kListEmpty, 0);
                break;
            }
            for (size_t k = 0; k < cell.items.size(); ++k) {
                const auto &item = cell.items[k];
                leaves[0].writer->add(item ? 3 : 2, k == 0 ? 0 : 1, item ? std::string_view(*item) : std::string_view());
            }
            break;
        case ParquetWriterField::Kind::StructList: {
            const size_t n = size_t(field.structFields.size());
            for (size_t s = 0; s < n; ++s) {
                if (cell.null || cell.records.empty()) {
                    leaves[s].writer->add(cell.null ? kFieldNull : kListEmpty, 0);
                    continue;
                }
                for (size_t k = 0; k < cell.records.size(); ++k) {
                    const auto &rec = cell.records[k];
                    // A record with fewer values than fields: the missing ones are null (def 3).
                    const bool present = s < rec.size() && rec[s].has_value();
                    leaves[s].writer->add(present ? 4 : 3, k == 0 ? 0 : 1,
                                          present ? std::string_view(*rec[s]) : std::string_view());
                }
            }
            break;
        }
        }
    }
    for (Leaf &leaf : m_leaves)
        leaf.writer->endRow();
    ++m_groupRows;
    ++m_totalRows;
    bool full = m_groupRows >= m_options.rowGroupRows;
    if (!full && m_groupRows % 256 == 0) {
        // Long strings can make a row group large long before its row count is reached.
        qint64 buffered = 0;
        for (const Leaf &leaf : m_leaves)
            buffered += leaf.writer->bufferedBytes();
        full = buffered >= m_options.rowGroupBytes;
    }
    return full ? flushRowGroup() : Result<void>();
}

Result<void> ParquetWriter::flushRowGroup()
{
    if (m_groupRows == 0)
        return {};
    RowGroupMeta group;
    group.numRows = m_groupRows;
    for (Leaf &leaf : m_leaves) {
        parquet::WrittenColumnChunk chunk = leaf.writer->finishChunk();
        ChunkMeta meta;
        meta.path = leaf.path;
        meta.offset = m_offset;
        meta.hasDictionary = chunk.dictionaryPageSize >= 0;
        meta.dataPageOffset = m_offset + std::max<qint64>(0, chunk.dictionaryPageSize);
        meta.numValues = chunk.numValues;
        meta.uncompressedSize = chunk.uncompressedSize;
        meta.compressedSize = qint64(chunk.bytes.size());
        meta.encodings = std::move(chunk.encodings);
        if (auto r = writeBytes(chunk.bytes.data(), qint64(chunk.bytes.size())); !r)
            return r;
        group.uncompressedSize += meta.uncompressedSize;
        group.compressedSize += meta.compressedSize;
        group.columns.push_back(std::move(meta));
    }
    m_rowGroups.push_back(std::move(group));
    m_groupRows = 0;
    return {};
}

Result<void> ParquetWriter::close()
{
    if (m_finished)
        return Error::io(tr("%1: the parquet writer is already closed").arg(m_path));
    if (auto r = flushRowGroup(); !r)
        return r;
    const std::string meta = footer();
    if (auto r = writeBytes(meta.data(), qint64(meta.size())); !r)
        return r;
    char tail[8];
    const uint32_t len = uint32_t(meta.size());
    for (int b = 0; b < 4; ++b)
        tail[b] = char(uint8_t(len >> (8 * b)));
    memcpy(tail + 4, kMagic, 4);
    if (auto r = writeBytes(tail, 8); !r)
        return r;
    if (!m_file.flush())
        return fail(Error::io(tr("%1: flush failed: %2").arg(m_file.fileName(), m_file.errorString())));
    m_file.close();
    if (QFile::exists(m_path) && !QFile::remove(m_path))
        return fail(Error::io(tr("%1: cannot replace the existing file").arg(m_path)));
    if (!m_file.rename(m_path))
        return fail(Error::io(tr("%1: cannot rename %2 into place: %3")
                                  .arg(m_path, m_file.fileName(), m_file.errorString())));
    m_finished = true;
    return {};
}

std::string ParquetWriter::footer() const
{
    std::string out;
    ThriftCompactWriter w(out);
    auto stringType = [&] {
        w.fieldI32(1, int32_t(parquet::PhysicalType::ByteArray));
    };
    auto annotateString = [&] {
        w.fieldI32(6, int32_t(parquet::ConvertedType::Utf8));
        w.fieldStructBegin(10); // LogicalType union
        w.fieldStructBegin(1);  // STRING
        w.endStruct();
        w.endStruct();
    };
    auto element = [&](parquet::Repetition rep, const std::string &name, int children, bool isList) {
        w.listStructBegin();
        w.fieldI32(3, int32_t(rep));
        w.fieldBinary(4, name);
        w.fieldI32(5, children);
        if (isList) {
            w.fieldI32(6, int32_t(parquet::ConvertedType::List));
            w.fieldStructBegin(10);
            w.fieldStructBegin(3); // LIST
            w.endStruct();
            w.endStruct();
        }
        w.endStruct();
    };
    auto stringLeaf = [&](const std::string &name) {
        w.listStructBegin();
        stringType();
        w.fieldI32(3, int32_t(parquet::Repetition::Optional));
        w.fieldBinary(4, name);
        annotateString();
        w.endStruct();
    };

    w.beginStruct();
    w.fieldI32(1, 2);
    size_t elements = 1;
    for (const ParquetWriterField &f : m_schema.fields)
        elements += f.kind == ParquetWriterField::Kind::String ? 1
                  : f.kind == ParquetWriterField::Kind::StringList ? 3 : 3 + size_t(f.structFields.size());
    w.fieldListBegin(2, ThriftCompactWriter::Struct, int32_t(elements));
    w.listStructBegin(); // root
    w.fieldBinary(4, "schema");
    w.fieldI32(5, int32_t(m_schema.fields.size()));
    w.endStruct();
    for (const ParquetWriterField &f : m_schema.fields) {
        const std::string name = ss(f.name);
        if (f.kind == ParquetWriterField::Kind::String) {
            stringLeaf(name);
            continue;
        }
        element(parquet::Repetition::Optional, name, 1, true);
        element(parquet::Repetition::Repeated, "list", 1, false);
        if (f.kind == ParquetWriterField::Kind::StringList) {
            stringLeaf("element");
        } else {
            element(parquet::Repetition::Optional, "element", int(f.structFields.size()), false);
            for (const QString &sub : f.structFields)
                stringLeaf(ss(sub));
        }
    }
    w.fieldI64(3, m_totalRows);
    w.fieldListBegin(4, ThriftCompactWriter::Struct, int32_t(m_rowGroups.size()));
    for (const RowGroupMeta &g : m_rowGroups) {
        w.listStructBegin();
        w.fieldListBegin(1, ThriftCompactWriter::Struct, int32_t(g.columns.size()));
        for (const ChunkMeta &c : g.columns) {
            w.listStructBegin();
            w.fieldI64(2, c.offset);
            w.fieldStructBegin(3);
            w.fieldI32(1, int32_t(parquet::PhysicalType::ByteArray));
            w.fieldListBegin(2, ThriftCompactWriter::I32, int32_t(c.encodings.size()));
            for (Encoding e : c.encodings)
                w.listI32(int32_t(e));
            w.fieldListBegin(3, ThriftCompactWriter::Binary, int32_t(c.path.size()));
            for (const std::string &p : c.path)
                w.listBinary(p);
            w.fieldI32(4, int32_t(m_options.codec));
            w.fieldI64(5, c.numValues);
            w.fieldI64(6, c.uncompressedSize);
            w.fieldI64(7, c.compressedSize);
            w.fieldI64(9, c.dataPageOffset);
            if (c.hasDictionary)
                w.fieldI64(11, c.offset);
            w.endStruct();
            w.endStruct();
        }
        w.fieldI64(2, g.uncompressedSize);
        w.fieldI64(3, g.numRows);
        w.fieldI64(5, g.columns.empty() ? 0 : g.columns.front().offset);
        w.fieldI64(6, g.compressedSize);
        w.endStruct();
    }
    if (!m_keyValues.empty()) {
        w.fieldListBegin(5, ThriftCompactWriter::Struct, int32_t(m_keyValues.size()));
        for (const auto &kv : m_keyValues) {
            w.listStructBegin();
            w.fieldBinary(1, kv.first);
            w.fieldBinary(2, kv.second);
            w.endStruct();
        }
    }
    w.fieldBinary(6, ss(m_options.createdBy));
    w.endStruct();
    return out;
}

} // namespace kx
