// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector.h"

#include "formats/csvreader.h"
#include "formats/jsondocumentreader.h"
#include "formats/jsonlreader.h"
#include "importers/kinddetector.h"

#include <QFileInfo>

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
