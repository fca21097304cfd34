// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/scenarioparquetwriter.h"

namespace kx {

namespace {

// Column order; writeScenario() fills m_row by these indices.
enum Column { Id, Name, CategoryCol, Messages, MemoryRequirements, ExpectedCapabilities, EvaluationCriteria,
              ProvenanceCol, Status, Audio, ColumnCount };

Json stringFeature()
{
    Json j = Json::object();
    j["dtype"] = "string";
    j["_type"] = "Value";
    return j;
}

Json listFeature(Json feature)
{
    Json j = Json::object();
    j["feature"] = std::move(feature);
    j["_type"] = "List";
    return j;
}

void setText(ParquetCell &cell, const QString &s)
{
    cell.null = false;
    cell.text = ss(s);
}

void setList(ParquetCell &cell, const QStringList &list)
{
    cell.null = false;
    cell.items.resize(size_t(list.size()));
    for (qsizetype i = 0; i < list.size(); ++i)
        cell.items[size_t(i)] = ss(list[i]);
}

QString textOf(const Json &v)
{
    return v.is_string() ? qs(v.get_ref<const std::string &>()) : QString();
}

} // namespace

ParquetWriterSchema ScenarioParquetWriter::schema()
{
    using K = ParquetWriterField::Kind;
    ParquetWriterSchema s;
    s.fields = {
        {QStringLiteral("id"), K::String, {}},
        {QStringLiteral("name"), K::String, {}},
        {QStringLiteral("category"), K::String, {}},
        {QStringLiteral("messages"), K::StructList, {QStringLiteral("role"), QStringLiteral("content")}},
        {QStringLiteral("memory_requirements"), K::StringList, {}},
        {QStringLiteral("expected_capabilities"), K::StringList, {}},
        {QStringLiteral("evaluation_criteria"), K::String, {}},
        {QStringLiteral("provenance"), K::String, {}},
        {QStringLiteral("status"), K::String, {}},
        {QStringLiteral("audio"), K::String, {}},
    };
    return s;
}

Json ScenarioParquetWriter::huggingfaceMetadata()
{
    Json features = Json::object();
    for (const ParquetWriterField &f : schema().fields) {
        const std::string name = ss(f.name);
        switch (f.kind) {
        case ParquetWriterField::Kind::String: features[name] = stringFeature(); break;
        case ParquetWriterField::Kind::StringList: features[name] = listFeature(stringFeature()); break;
        case ParquetWriterField::Kind::StructList: {
            Json record = Json::object();
            for (const QString &sub : f.structFields)
                record[ss(sub)] = stringFeature();
            features[name] = listFeature(std::move(record));
            break;
        }
        }
    }
    Json info = Json::object();
    info["features"] = std::move(features);
    Json root = Json::object();
    root["info"] = std::move(info);
    return root;
}

ScenarioParquetWriter::ScenarioParquetWriter(std::unique_ptr<ParquetWriter> writer)
    : m_writer(std::move(writer))
    , m_row(ColumnCount)
{
}

Result<std::unique_ptr<ScenarioParquetWriter>> ScenarioParquetWriter::create(const QString &path,
                                                                             const ParquetWriterOptions &options)
{
    auto writer = ParquetWriter::create(path, schema(), options);
    if (!writer)
        return writer.error();
    writer.value()->setKeyValue(QStringLiteral("huggingface"), qs(dumpCompact(huggingfaceMetadata())));
    return std::unique_ptr<ScenarioParquetWriter>(new ScenarioParquetWriter(std::move(writer.value())));
}

Result<void> ScenarioParquetWriter::writeScenario(const TestScenario &s)
{
    setText(m_row[Id], s.id);
    setText(m_row[Name], s.name);
    setText(m_row[CategoryCol], categoryKey(s.category));
    ParquetCell &messages = m_row[Messages];
    messages.null = false;
    messages.records.resize(size_t(s.messages.size()));
    for (qsizetype i = 0; i < s.messages.size(); ++i) {
        auto &rec = messages.records[size_t(i)];
        rec.resize(2);
        rec[0] = ss(s.messages[i].role);
        rec[1] = ss(s.messages[i].content);
    }
    setList(m_row[MemoryRequirements], s.memoryRequirements);
    setList(m_row[ExpectedCapabilities], s.expectedCapabilities);
    m_row[EvaluationCriteria].null = false;
    m_row[EvaluationCriteria].text = dumpCompact(s.evaluationCriteria);
    m_row[ProvenanceCol].null = false;
    m_row[ProvenanceCol].text = dumpCompact(s.provenance.toJson());
    setText(m_row[Status], reviewStatusKey(s.status));
    m_row[Audio].null = s.audio.is_null();
    m_row[Audio].text = s.audio.is_null() ? std::string() : dumpCompact(s.audio);
    return m_writer->writeRow(m_row);
}

Result<TestScenario> ScenarioParquetWriter::scenarioFromRow(const Json &row)
{
    if (!row.is_object())
        return Error::badInput(tr("a scenario row must be an object"));
    TestScenario s;
    s.id = textOf(row.value("id", Json()));
    s.name = textOf(row.value("name", Json()));
    const QString category = textOf(row.value("category", Json()));
    const auto cat = categoryFromKey(category);
    if (!cat)
        return Error::badInput(tr("scenario %1: unknown category \"%2\"").arg(s.id, category));
    s.category = *cat;
    const Json messages = row.value("messages", Json());
    if (messages.is_array()) {
        for (const Json &m : messages) {
            if (!m.is_object())
                return Error::badInput(tr("scenario %1: a message is not an object").arg(s.id));
            s.messages.append(ChatMessage{textOf(m.value("role", Json())), textOf(m.value("content", Json())),
                                          Json::object()});
        }
    }
    const Json memory = row.value("memory_requirements", Json());
    if (memory.is_array())
        s.memoryRequirements = toStringList(memory);
    const Json caps = row.value("expected_capabilities", Json());
    if (caps.is_array())
        s.expectedCapabilities = toStringList(caps);
    auto parseText = [&](const char *key, Json &out) -> Result<void> {
        const Json v = row.value(key, Json());
        if (!v.is_string())
            return {};
        out = Json::parse(v.get_ref<const std::string &>(), nullptr, false);
        if (out.is_discarded())
            return Error::badInput(tr("scenario %1: column %2 is not valid JSON").arg(s.id, QLatin1String(key)));
        return {};
    };
    if (auto r = parseText("evaluation_criteria", s.evaluationCriteria); !r)
        return r.error();
    Json provenance;
    if (auto r = parseText("provenance", provenance); !r)
        return r.error();
    if (provenance.is_object()) {
        auto p = Provenance::fromJson(provenance);
        if (!p)
            return p.error();
        s.provenance = std::move(p.value());
    }
    if (auto r = parseText("audio", s.audio); !r)
        return r.error();
    const QString status = textOf(row.value("status", Json()));
    const auto st = reviewStatusFromKey(status);
    if (!st)
        return Error::badInput(tr("scenario %1: unknown review status \"%2\"").arg(s.id, status));
    s.status = *st;
    return s;
}

} // namespace kx
