// SPDX-License-Identifier: GPL-3.0-or-later
#include "toolbenchimporter.h"

#include "formats/jsondocumentreader.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace kx {

namespace {

QString stringAt(const Json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? qs(it->get_ref<const std::string &>()) : QString();
}

TestScenario baseScenario(const QString &file, const QString &group)
{
    TestScenario s;
    s.category = Category::ToolUsage;
    s.expectedCapabilities = {QStringLiteral("tool_selection"), QStringLiteral("api_calling"),
                              QStringLiteral("multi_step_planning")};
    s.provenance.sourceFile = file;
    s.provenance.config = group;
    return s;
}

/** The calls of the winning chain: the last train_messages conversation, without the closing "Finish". */
Json callsOfChain(const Json &messages)
{
    Json calls = Json::array();
    if (!messages.is_array())
        return calls;
    for (const Json &m : messages) {
        if (!m.is_object())
            continue;
        const auto call = m.find("function_call");
        if (call == m.end() || !call->is_object())
            continue;
        const QString name = stringAt(*call, "name");
        if (name.isEmpty() || name == QLatin1String("Finish"))
            continue;
        calls.push_back(Json::object({{"name", ss(name)}, {"arguments", ss(stringAt(*call, "arguments"))}}));
    }
    return calls;
}

} // namespace

QString ToolBenchImporter::groupOf(const QString &file)
{
    static const QRegularExpression group(QStringLiteral("^(G\\d+)_(query|answer)"));
    const QFileInfo info(file);
    for (const QString &name : {info.completeBaseName(), info.absoluteDir().dirName()}) {
        const auto m = group.match(name);
        if (m.hasMatch())
            return m.captured(1);
    }
    return info.completeBaseName();
}

QString ToolBenchImporter::defaultName(const QString &, const QStringList &files) const
{
    return files.size() == 1 ? QStringLiteral("ToolBench ") + groupOf(files.first()) : QStringLiteral("ToolBench");
}

Result<qint64> ToolBenchImporter::convertFile(const QString &file, ScenarioSink &sink,
                                              ImportProgress &progress) const
{
    auto doc = JsonDocumentReader::read(file);
    if (!doc)
        return doc.error();
    progress.beginFile();
    const QString group = groupOf(file);
    // Answer files repeat names across groups (G1_answer/10_… and G2_answer/10_…): the group keeps ids unique.
    const QString base = QFileInfo(file).completeBaseName();
    const QString idPrefix = QStringLiteral("toolbench_") + (base.startsWith(group) ? base : group + QLatin1Char('_') + base)
                             + QLatin1Char('_');
    const auto recordError = [&file](qint64 row, const QString &reason) {
        return Error::badInput(tr("%1: record %2: %3").arg(file).arg(row).arg(reason));
    };
    qint64 added = 0;
    const auto addScenario = [&](TestScenario &s, qint64 row, const QString &query) -> Result<void> {
        s.id = idPrefix + QString::number(row);
        s.name = QStringLiteral("ToolBench %1 %2").arg(group).arg(row);
        s.provenance.row = row;
        s.messages = {ChatMessage{QStringLiteral("user"), query, Json::object()}};
        if (auto r = sink.add(s); !r)
            return r.error();
        ++added;
        return {};
    };

    if (doc->is_object()) {
        const auto generation = doc->find("answer_generation");
        if (generation == doc->end()) {
            // A cached API response (toolenv/response_examples) holds no task: nothing to add.
            if (doc->contains("api_list"))
                return qint64(0);
            return recordError(0, tr("neither a query list, an answer tree nor a conversation list"));
        }
        if (!generation->is_object())
            return recordError(0, tr("\"answer_generation\" is not an object"));
        const QString query = stringAt(*generation, "query").trimmed();
        if (query.isEmpty())
            return recordError(0, tr("\"answer_generation.query\" is missing or empty"));
        TestScenario s = baseScenario(file, group);
        s.extra["available_apis"] = generation->value("function", Json::array());
        Json criteria = Json::object();
        const auto train = generation->find("train_messages");
        criteria["expected_tool_calls"] = train != generation->end() && train->is_array() && !train->empty()
                                              ? callsOfChain(train->back())
                                              : Json::array();
        // final_answer is itself JSON text {"return_type", "final_answer"}; keep the answer text.
        const QString finalText = stringAt(*generation, "final_answer");
        const Json final = Json::parse(ss(finalText), nullptr, false);
        criteria["final_answer"] = final.is_object() && final.contains("final_answer") ? final["final_answer"]
                                                                                        : Json(ss(finalText));
        criteria["finish_type"] = ss(stringAt(*generation, "finish_type"));
        // Written as a JSON boolean by some releases and as the string "True" by others.
        const Json valid = generation->value("valid_data", Json());
        criteria["valid_data"] = valid.is_boolean() ? valid.get<bool>()
                                                    : stringAt(*generation, "valid_data") == QLatin1String("True");
        s.evaluationCriteria = std::move(criteria);
        const QString queryId = QFileInfo(file).completeBaseName().section(QLatin1Char('_'), 0, 0);
        s.provenance.extra["query_id"] = ss(queryId);
        if (auto r = addScenario(s, 0, query); !r)
            return r.error();
        progress.endFile(QFileInfo(file).size());
        return added;
    }

    if (!doc->is_array())
        return recordError(0, tr("the document is neither an array nor an object"));
    static const QRegularExpression action(QStringLiteral("Action:\\s*([^\\n]+)\\s*\\nAction Input:\\s*(.*)"),
                                           QRegularExpression::DotMatchesEverythingOption);
    for (size_t i = 0; i < doc->size(); ++i) {
        const Json &record = (*doc)[i];
        const qint64 row = qint64(i);
        if (!record.is_object())
            return recordError(row, tr("a ToolBench record must be a JSON object"));
        TestScenario s = baseScenario(file, group);
        QString query;
        if (record.contains("conversations")) {
            const Json &turns = record["conversations"];
            if (!turns.is_array())
                return recordError(row, tr("\"conversations\" is not an array"));
            Json calls = Json::array();
            for (const Json &turn : turns) {
                const QString from = stringAt(turn, "from");
                const QString value = stringAt(turn, "value");
                if (from == QLatin1String("system"))
                    s.extra["system_prompt"] = ss(value);
                else if (from == QLatin1String("user") && query.isEmpty())
                    query = value.trimmed();
                else if (from == QLatin1String("assistant")) {
                    const auto m = action.match(value);
                    if (m.hasMatch() && m.captured(1).trimmed() != QLatin1String("Finish"))
                        calls.push_back(Json::object({{"name", ss(m.captured(1).trimmed())},
                                                      {"arguments", ss(m.captured(2).trimmed())}}));
                }
            }
            s.evaluationCriteria["expected_tool_calls"] = std::move(calls);
            s.provenance.extra["toolllama_id"] = record.value("id", Json());
        } else {
            query = stringAt(record, "query").trimmed();
            s.extra["available_apis"] = record.value("api_list", Json::array());
            const auto relevant = record.find("relevant APIs");
            if (relevant != record.end() && relevant->is_array()) {
                Json calls = Json::array();
                for (const Json &pair : *relevant) {
                    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
                        return recordError(row, tr("a \"relevant APIs\" entry must be [tool, api]"));
                    calls.push_back(Json::object({{"tool", pair[0]}, {"api", pair[1]}}));
                }
                s.evaluationCriteria["expected_tool_calls"] = std::move(calls);
            }
            if (record.contains("query_id"))
                s.provenance.extra["query_id"] = record["query_id"];
        }
        if (query.isEmpty())
            return recordError(row, tr("the query is missing or empty"));
        if (auto r = addScenario(s, row, query); !r)
            return r.error();
        if (!progress.update(0))
            return cancelledError(file);
    }
    return finishFile(file, added, progress, QFileInfo(file).size());
}

} // namespace kx
