// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector.h"

#include "formats/csvreader.h"
#include "formats/jsondocumentreader.h"
#include "formats/jsonlreader.h"
#include "formats/parquet/parquetfile.h"
#include "importers/hub/parquetkinddetector.h"
#include "importers/kinddetector.h"

#include <QFileInfo>
#include <QHash>

namespace kx {

namespace {

const char *typeName(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "integer";
    case Json::value_t::number_float: return "number";
    case Json::value_t::string: return "string";
    case Json::value_t::array: return "array";
    case Json::value_t::object: return "object";
    default: return "binary";
    }
}

/** Adds the keys of @p row and their types to @p schema; a non-object row counts as column "value". */
void noteSchema(Json &schema, const Json &row)
{
    const auto note = [&schema](const std::string &key, const Json &value) {
        Json &types = schema[key];
        if (!types.is_array())
            types = Json::array();
        const std::string type = typeName(value);
        if (std::find(types.begin(), types.end(), type) == types.end())
            types.push_back(type);
    };
    if (row.is_object()) {
        for (const auto &[key, value] : row.items())
            note(key, value);
    } else {
        note("value", row);
    }
}

bool looksLikeHeader(const CsvReader &csv)
{
    QStringList seen;
    for (int i = 0; i < csv.fieldCount(); ++i) {
        const QString name = csv.fieldString(i).trimmed();
        bool number = false;
        name.toDouble(&number);
        if (name.isEmpty() || number || seen.contains(name))
            return false;
        seen.append(name);
    }
    return true;
}

Result<void> inspectJsonl(const QString &path, int sample, InspectReport &report)
{
    JsonlReader reader(path);
    if (auto r = reader.open(); !r)
        return r;
    Json record;
    for (;;) {
        if (report.rowCount < sample) {
            auto more = reader.next(record);
            if (!more)
                return more.error();
            if (!*more)
                break;
            noteSchema(report.schema, record);
            report.rows.push_back(std::move(record));
        } else {
            auto more = reader.skip();
            if (!more)
                return more.error();
            if (!*more)
                break;
        }
        ++report.rowCount;
    }
    return {};
}

Result<void> inspectJson(const QString &path, int sample, InspectReport &report)
{
    auto doc = JsonDocumentReader::read(path);
    if (!doc)
        return doc.error();
    const Json *records = nullptr;
    if (doc->is_array())
        records = &*doc;
    else if (doc->is_object() && doc->contains("examples") && (*doc)["examples"].is_array())
        records = &(*doc)["examples"];
    if (!records) {
        report.rowCount = 1;
        if (sample > 0) {
            noteSchema(report.schema, *doc);
            report.rows.push_back(*doc);
        }
        return {};
    }
    report.rowCount = qint64(records->size());
    for (qint64 i = 0; i < qMin<qint64>(sample, report.rowCount); ++i) {
        const Json &row = (*records)[size_t(i)];
        noteSchema(report.schema, row);
        report.rows.push_back(row);
    }
    return {};
}

Result<void> inspectCsv(const QString &path, int sample, bool headerless, InspectReport &report)
{
    CsvReader csv(path);
    if (auto r = csv.open(); !r)
        return r;
    std::vector<std::string> keys;
    bool first = true;
    for (;;) {
        auto more = csv.next();
        if (!more)
            return more.error();
        if (!*more)
            break;
        if (first) {
            first = false;
            if (!headerless && looksLikeHeader(csv)) {
                for (int i = 0; i < csv.fieldCount(); ++i)
                    keys.push_back(ss(csv.fieldString(i).trimmed()));
                continue;
            }
        }
        if (report.rowCount < sample) {
            Json row = Json::object();
            for (int i = 0; i < csv.fieldCount(); ++i) {
                const QByteArrayView f = csv.field(i);
                const std::string key = size_t(i) < keys.size() ? keys[size_t(i)] : std::to_string(i);
                row[key] = std::string(f.data(), size_t(f.size()));
            }
            noteSchema(report.schema, row);
            report.rows.push_back(std::move(row));
        }
        ++report.rowCount;
    }
    return {};
}

/**
 * A readable type for schema node @p index: the leaf's physical and logical
 * type, or list<…>, map<…, …> and struct<name: …> for groups, so that an
 * Audio column reads "struct<bytes: BYTE_ARRAY, path: BYTE_ARRAY STRING>".
 */
QString describeNode(const ParquetSchema &schema, int index, int depth = 0)
{
    const ParquetSchemaNode &node = schema.node(index);
    if (node.isLeaf) {
        QString s = node.typeDescription();
        // A repeated leaf outside a LIST group is a legacy list of values.
        if (node.repetition == parquet::Repetition::Repeated)
            s = QStringLiteral("list<%1>").arg(s);
        return s;
    }
    // Deeply nested schemas are legal but unreadable in one line.
    if (depth > 4)
        return QStringLiteral("group");
    const auto child = [&](int i) { return describeNode(schema, node.children[size_t(i)], depth + 1); };
    if (node.isList() && node.children.size() == 1) {
        // LIST -> repeated group list -> element; older writers skip the middle group.
        const ParquetSchemaNode &repeated = schema.node(node.children[0]);
        if (!repeated.isLeaf && repeated.children.size() == 1)
            return QStringLiteral("list<%1>").arg(describeNode(schema, repeated.children[0], depth + 2));
        return QStringLiteral("list<%1>").arg(child(0));
    }
    if (node.isMap() && node.children.size() == 1) {
        const ParquetSchemaNode &kv = schema.node(node.children[0]);
        if (!kv.isLeaf && kv.children.size() == 2)
            return QStringLiteral("map<%1, %2>").arg(describeNode(schema, kv.children[0], depth + 2),
                                                      describeNode(schema, kv.children[1], depth + 2));
    }
    QStringList fields;
    for (int i = 0; i < int(node.children.size()); ++i)
        fields.append(schema.node(node.children[size_t(i)]).name + QStringLiteral(": ") + child(i));
    const QString s = QStringLiteral("struct<%1>").arg(fields.join(QStringLiteral(", ")));
    return node.repetition == parquet::Repetition::Repeated ? QStringLiteral("list<%1>").arg(s) : s;
}

Result<void> inspectParquet(const QString &path, int sample, InspectReport &report)
{
    // Binary values past this size (audio, images) are shown by size only:
    // a preview must never carry megabytes of base64 around.
    constexpr qint64 inlineLimit = 64;
    auto file = ParquetFile::open(path);
    if (!file)
        return file.error();
    ParquetFile &pq = **file;
    report.format = QStringLiteral("parquet");
    report.kind = ParquetKindDetector::kindOf(ParquetKindDetector::columnsOf(pq));
    const ParquetSchema &schema = pq.schema();
    for (int child : schema.root().children)
        report.schema[ss(schema.node(child).name)] = ss(describeNode(schema, child));
    report.rowCount = pq.rowCount();
    ParquetReadOptions options;
    options.inlineBinaryLimit = inlineLimit;
    QStringList topLevel;
    for (int child : schema.root().children)
        topLevel.append(schema.node(child).name);
    // Whole row groups are decoded, so read only as many as the sample needs.
    for (int g = 0; g < pq.rowGroupCount() && qint64(report.rows.size()) < sample; ++g) {
        if (pq.rowGroupRowCount(g) == 0)
            continue;
        // A column whose chunk decodes to more than this is left out: strings
        // are always decoded in full, and one 1 GiB value must not take the
        // machine's memory for a preview (parquet-testing large_string_map).
        constexpr qint64 columnLimit = qint64(256) << 20;
        QHash<QString, qint64> sizes;
        const auto &chunks = pq.metadata().rowGroups[size_t(g)].columns;
        for (int leaf : schema.leaves()) {
            const ParquetSchemaNode &node = schema.node(leaf);
            if (!node.path.isEmpty() && size_t(node.leafIndex) < chunks.size())
                sizes[node.path.first()] += chunks[size_t(node.leafIndex)].metaData.totalUncompressedSize;
        }
        QStringList projected;
        for (const QString &name : std::as_const(topLevel))
            if (sizes.value(name) <= columnLimit)
                projected.append(name);
        std::vector<Json> rows;
        if (projected.isEmpty()) {
            // Nothing small enough to decode: the rows hold only the placeholders.
            rows.resize(size_t(qMin(sample - qint64(report.rows.size()), pq.rowGroupRowCount(g))), Json::object());
        } else {
            auto batch = pq.readRowGroup(g, projected.size() == topLevel.size() ? QStringList() : projected, options);
            if (!batch)
                return batch.error();
            rows = std::move(batch->rows);
        }
        for (Json &row : rows) {
            if (qint64(report.rows.size()) >= sample)
                break;
            if (projected.size() != topLevel.size()) {
                Json full = Json::object(); // schema order, left-out columns as their size
                for (const QString &name : std::as_const(topLevel)) {
                    const std::string key = ss(name);
                    if (sizes.value(name) > columnLimit)
                        full[key] = Json{{"too_large", Json{{"column_chunk_size", sizes.value(name)}}}};
                    else if (row.contains(key))
                        full[key] = std::move(row[key]);
                }
                row = std::move(full);
            }
            report.rows.push_back(std::move(row));
        }
    }
    return {};
}

} // namespace

Json InspectReport::toJson() const
{
    Json j = Json::object();
    j["format"] = ss(format);
    j["kind"] = ss(kind);
    j["schema"] = schema;
    j["row_count"] = rowCount;
    j["rows"] = rows;
    return j;
}

Result<InspectReport> Inspector::inspect(const QString &path, int rows)
{
    if (QFileInfo(path).isDir())
        return Error::badInput(tr("%1: is a folder; inspect one of its files").arg(path));
    if (path.endsWith(QLatin1String(".parquet"), Qt::CaseInsensitive)) {
        InspectReport report;
        if (auto r = inspectParquet(path, qMax(0, rows), report); !r)
            return r.error();
        return report;
    }
    auto detection = KindDetector::detect(path);
    if (!detection)
        return detection.error();
    InspectReport report;
    report.format = detection->format;
    report.kind = detection->kind;
    const int sample = qMax(0, rows);
    Result<void> r;
    if (report.format == QLatin1String("jsonl"))
        r = inspectJsonl(path, sample, report);
    else if (report.format == QLatin1String("json"))
        r = inspectJson(path, sample, report);
    else
        r = inspectCsv(path, sample, report.kind == QLatin1String("mmlu"), report);
    if (!r)
        return r.error();
    return report;
}

} // namespace kx
