// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/parquetfile.h"

#include "formats/parquet/columnchunkreader.h"
#include "formats/parquet/recordassembler.h"

#include <QBuffer>
#include <QFile>

#include <algorithm>

namespace kx {

using namespace parquet;

namespace {

Error unsupported(const QString &message) { return Error{Error::Code::Unsupported, message}; }

uint32_t le32(const char *p)
{
    return uint32_t(uint8_t(p[0])) | (uint32_t(uint8_t(p[1])) << 8) | (uint32_t(uint8_t(p[2])) << 16)
        | (uint32_t(uint8_t(p[3])) << 24);
}

} // namespace

ParquetFile::~ParquetFile() = default;

Result<std::unique_ptr<ParquetFile>> ParquetFile::open(const QString &path)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly))
        return Error{file->exists() ? Error::Code::Io : Error::Code::NotFound,
                     tr("cannot open parquet file %1: %2").arg(path, file->errorString())};
    return openDevice(std::move(file), path);
}

Result<std::unique_ptr<ParquetFile>> ParquetFile::fromBytes(const QByteArray &bytes, const QString &name)
{
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(bytes);
    buffer->open(QIODevice::ReadOnly);
    return openDevice(std::move(buffer), name);
}

Result<std::unique_ptr<ParquetFile>> ParquetFile::openDevice(std::unique_ptr<QIODevice> device, const QString &name)
{
    std::unique_ptr<ParquetFile> f(new ParquetFile);
    f->m_name = name;
    f->m_device = std::move(device);
    f->m_fileSize = f->m_device->size();
    Result<void> r = f->readFooter();
    if (!r)
        return r.error();
    return f;
}

Result<void> ParquetFile::readFooter()
{
    if (m_fileSize < 12)
        return Error::badInput(tr("%1: not a parquet file (%2 bytes, too small)").arg(m_name).arg(m_fileSize));
    m_device->seek(0);
    const QByteArray head = m_device->read(4);
    m_device->seek(m_fileSize - 8);
    const QByteArray tail = m_device->read(8);
    if (head.size() != 4 || tail.size() != 8)
        return Error::io(tr("%1: cannot read the parquet footer: %2").arg(m_name, m_device->errorString()));
    const QByteArray tailMagic = tail.mid(4);
    if (tailMagic == "PARE" || head == "PARE")
        return unsupported(tr("unsupported: encryption (%1 has an encrypted footer)").arg(m_name));
    if (head != "PAR1")
        return Error::badInput(tr("%1: not a parquet file (no PAR1 magic at byte offset 0)").arg(m_name));
    if (tailMagic != "PAR1")
        return Error::badInput(tr("%1: no PAR1 magic at byte offset %2 (truncated file?)").arg(m_name).arg(m_fileSize - 4));
    const qint64 footerLength = le32(tail.constData());
    if (footerLength > m_fileSize - 12)
        return Error::badInput(tr("%1: footer length %2 at byte offset %3 exceeds the file size %4")
                                   .arg(m_name).arg(footerLength).arg(m_fileSize - 8).arg(m_fileSize));
    const qint64 footerStart = m_fileSize - 8 - footerLength;
    m_device->seek(footerStart);
    const QByteArray footer = m_device->read(footerLength);
    if (footer.size() != footerLength)
        return Error::io(tr("%1: cannot read the parquet footer: %2").arg(m_name, m_device->errorString()));
    Result<FileMetaData> md = MetadataParser::parseFileMetaData(
        reinterpret_cast<const uint8_t *>(footer.constData()), size_t(footer.size()), footerStart);
    if (!md)
        return Error{md.error().code, tr("%1: %2").arg(m_name, md.error().message)};
    m_meta = std::move(*md);
    if (m_meta.encrypted)
        return unsupported(tr("unsupported: encryption (%1 has encrypted columns)").arg(m_name));
    Result<ParquetSchema> schema = ParquetSchema::build(m_meta.schema);
    if (!schema)
        return Error{schema.error().code, tr("%1: %2").arg(m_name, schema.error().message)};
    m_schema = std::move(*schema);
    if (m_meta.numRows < 0)
        return Error::badInput(tr("%1: footer claims %2 rows").arg(m_name).arg(m_meta.numRows));
    const size_t leafCount = m_schema.leaves().size();
    for (size_t g = 0; g < m_meta.rowGroups.size(); ++g) {
        const RowGroup &rg = m_meta.rowGroups[g];
        if (rg.numRows < 0)
            return Error::badInput(tr("%1: row group %2 claims %3 rows").arg(m_name).arg(g).arg(rg.numRows));
        if (rg.columns.size() != leafCount)
            return Error::badInput(tr("%1: row group %2 has %3 column chunks, the schema %4 columns")
                                       .arg(m_name).arg(g).arg(rg.columns.size()).arg(leafCount));
        for (size_t c = 0; c < leafCount; ++c) {
            const ColumnChunk &chunk = rg.columns[c];
            if (chunk.encrypted)
                return unsupported(tr("unsupported: encryption (%1 has encrypted columns)").arg(m_name));
            if (!chunk.hasMetaData)
                return Error::badInput(tr("%1: row group %2 column %3 has no metadata").arg(m_name).arg(g).arg(c));
            const ParquetSchemaNode &leaf = m_schema.node(m_schema.leaves()[c]);
            if (chunk.metaData.type != leaf.physicalType)
                return Error::badInput(tr("%1: row group %2 column \"%3\" has physical type %4, the schema says %5")
                                           .arg(m_name).arg(g).arg(leaf.path.join(QLatin1Char('.')))
                                           .arg(int(chunk.metaData.type)).arg(int(leaf.physicalType)));
        }
    }
    return {};
}

QString ParquetFile::keyValue(const QString &key) const
{
    const std::string k = key.toStdString();
    for (const KeyValue &kv : m_meta.keyValueMetadata)
        if (kv.key == k)
            return QString::fromUtf8(kv.value.data(), qsizetype(kv.value.size()));
    return {};
}

Result<Json> ParquetFile::huggingfaceMetadata() const
{
    for (const KeyValue &kv : m_meta.keyValueMetadata) {
        if (kv.key != "huggingface")
            continue;
        Json j = Json::parse(kv.value, nullptr, false);
        if (j.is_discarded())
            return Error::badInput(tr("%1: the \"huggingface\" metadata is not valid JSON").arg(m_name));
        return j;
    }
    return Error::notFound(tr("%1 has no \"huggingface\" metadata").arg(m_name));
}

Result<void> ParquetFile::readChunk(int rowGroup, int leafNode, ColumnData &out)
{
    const ParquetSchemaNode &leaf = m_schema.node(leafNode);
    const ColumnChunk &chunk = m_meta.rowGroups[size_t(rowGroup)].columns[size_t(leaf.leafIndex)];
    const ColumnMetaData &meta = chunk.metaData;
    const QString column = leaf.path.join(QLatin1Char('.'));
    if (!chunk.filePath.empty())
        return unsupported(tr("unsupported: column chunks in external files (%1, column \"%2\")").arg(m_name, column));
    if (meta.numValues == 0) {
        // An empty chunk (a row group of 0 rows): writers may leave its offsets unset.
        out = ColumnData();
        out.values.type = leaf.physicalType;
        out.values.typeLength = leaf.typeLength;
        return {};
    }
    // Some writers record dictionary_page_offset = 0 when there is none, so
    // only an offset before the first data page counts.
    int64_t start = meta.dataPageOffset;
    if (meta.dictionaryPageOffset && *meta.dictionaryPageOffset > 0 && *meta.dictionaryPageOffset < start)
        start = *meta.dictionaryPageOffset;
    const int64_t size = meta.totalCompressedSize;
    if (start < 4 || size < 0 || size > m_fileSize || start > m_fileSize - size)
        return Error::badInput(tr("%1: column \"%2\" of row group %3 spans bytes %4..%5, outside the file (%6 bytes)")
                                   .arg(m_name, column).arg(rowGroup).arg(start).arg(start + size).arg(m_fileSize));
    m_device->seek(start);
    m_chunkBuffer.resize(qsizetype(size));
    if (m_device->read(m_chunkBuffer.data(), size) != size)
        return Error::io(tr("%1: cannot read column \"%2\" at byte offset %3: %4")
                             .arg(m_name, column).arg(start).arg(m_device->errorString()));
    ColumnChunkReader reader(leaf, meta);
    Result<void> r = reader.read(reinterpret_cast<const uint8_t *>(m_chunkBuffer.constData()), size_t(size), start, out);
    if (!r)
        return Error{r.error().code, tr("%1: row group %2: %3").arg(m_name).arg(rowGroup).arg(r.error().message)};
    return {};
}

Result<ParquetRowGroupBatch> ParquetFile::readRowGroup(int index, const QStringList &columns,
                                                       const ReadOptions &options)
{
    if (index < 0 || index >= rowGroupCount())
        return Error::notFound(tr("%1: no row group %2 (the file has %3)").arg(m_name).arg(index).arg(rowGroupCount()));
    // Resolve the projection to leaves, keeping schema order.
    std::vector<bool> selected(m_schema.nodes().size(), columns.isEmpty());
    for (const QString &c : columns) {
        const int node = m_schema.find(c);
        if (node <= 0)
            return Error::notFound(tr("%1: no column \"%2\"").arg(m_name, c));
        selected[size_t(node)] = true;
    }
    std::vector<int> leafNodes;
    std::vector<int> topLevel;
    for (int leafNode : m_schema.leaves()) {
        int top = leafNode;
        bool take = false;
        for (int n = leafNode; n > 0; n = m_schema.node(n).parent) {
            take = take || selected[size_t(n)];
            if (m_schema.node(n).parent == 0)
                top = n;
        }
        if (!take)
            continue;
        leafNodes.push_back(leafNode);
        if (std::find(topLevel.begin(), topLevel.end(), top) == topLevel.end())
            topLevel.push_back(top);
    }
    const int64_t numRows = m_meta.rowGroups[size_t(index)].numRows;
    std::vector<ColumnData> data(leafNodes.size());
    std::vector<RecordAssembler::Leaf> leaves;
    for (size_t i = 0; i < leafNodes.size(); ++i) {
        Result<void> r = readChunk(index, leafNodes[i], data[i]);
        if (!r)
            return r.error();
        // Every row has at least one level entry per column; checking this
        // first keeps a corrupt row count from sizing the row vector.
        if (int64_t(data[i].levelCount) < numRows)
            return Error::badInput(tr("%1: row group %2 claims %3 rows but column \"%4\" holds %5 values")
                                       .arg(m_name).arg(index).arg(numRows)
                                       .arg(m_schema.node(leafNodes[i]).path.join(QLatin1Char('.')))
                                       .arg(data[i].levelCount));
        leaves.push_back({leafNodes[i], &data[i]});
    }
    ParquetRowGroupBatch batch;
    batch.rowGroup = index;
    for (int g = 0; g < index; ++g)
        batch.firstRow += m_meta.rowGroups[size_t(g)].numRows;
    Result<void> r = RecordAssembler::assemble(m_schema, leaves, topLevel, numRows, options.inlineBinaryLimit,
                                               batch.rows);
    if (!r)
        return Error{r.error().code, tr("%1: row group %2: %3").arg(m_name).arg(index).arg(r.error().message)};
    return batch;
}

Result<QByteArray> ParquetFile::readBinaryCell(int rowGroup, qint64 row, const QString &columnPath)
{
    if (rowGroup < 0 || rowGroup >= rowGroupCount())
        return Error::notFound(tr("%1: no row group %2").arg(m_name).arg(rowGroup));
    const int node = m_schema.find(columnPath);
    if (node <= 0 || !m_schema.node(node).isLeaf)
        return Error::notFound(tr("%1: no leaf column \"%2\"").arg(m_name, columnPath));
    const ParquetSchemaNode &leaf = m_schema.node(node);
    if (leaf.physicalType != PhysicalType::ByteArray && leaf.physicalType != PhysicalType::FixedLenByteArray)
        return Error::badInput(tr("%1: column \"%2\" does not hold bytes").arg(m_name, columnPath));
    if (leaf.maxRepetitionLevel > 0)
        return unsupported(tr("unsupported: reading a cell of column \"%1\", which lies inside a list").arg(columnPath));
    if (row < 0 || row >= rowGroupRowCount(rowGroup))
        return Error::notFound(tr("%1: row group %2 has no row %3").arg(m_name).arg(rowGroup).arg(row));
    if (!m_cached || m_cachedRowGroup != rowGroup || m_cachedLeaf != node) {
        m_cached = std::make_unique<ColumnData>();
        m_cachedRowGroup = -1;
        Result<void> r = readChunk(rowGroup, node, *m_cached);
        if (!r)
            return r.error();
        m_cachedRowGroup = rowGroup;
        m_cachedLeaf = node;
    }
    const ColumnData &d = *m_cached;
    if (size_t(row) >= d.levelCount)
        return Error::badInput(tr("%1: column \"%2\" holds only %3 values").arg(m_name, columnPath).arg(d.levelCount));
    size_t valueIndex = size_t(row);
    if (!d.definitionLevels.empty()) {
        const int16_t max = int16_t(leaf.maxDefinitionLevel);
        if (d.definitionLevels[size_t(row)] != max)
            return Error::notFound(tr("%1: column \"%2\" is null in row %3").arg(m_name, columnPath).arg(row));
        valueIndex = size_t(std::count(d.definitionLevels.begin(), d.definitionLevels.begin() + row, max));
    }
    if (valueIndex >= d.values.size())
        return Error::badInput(tr("%1: column \"%2\" has fewer values than levels").arg(m_name, columnPath));
    const std::string_view v = d.values.binary(valueIndex);
    return QByteArray(v.data(), qsizetype(v.size()));
}

} // namespace kx
