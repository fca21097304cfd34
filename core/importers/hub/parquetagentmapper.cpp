// SPDX-License-Identifier: GPL-3.0-or-later
#include "parquetagentmapper.h"

#include <QRegularExpression>

#include <algorithm>

namespace kx {

namespace {

QString stringAt(const Json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? qs(it->get_ref<const std::string &>()) : QString();
}

/** A scalar as text: strings as they are, other values as compact JSON, null as empty. */
QString textOf(const Json &v)
{
    if (v.is_string())
        return qs(v.get_ref<const std::string &>());
    return v.is_null() ? QString() : qs(v.dump());
}

/** Hub exports sometimes keep nested fields as JSON text: such a string is parsed, anything else returned as is. */
Json parsedIfText(const Json &v)
{
    if (!v.is_string())
        return v;
    Json parsed = Json::parse(v.get_ref<const std::string &>(), nullptr, false);
    return parsed.is_discarded() ? v : parsed;
}

/**
 * Adds the sentences of a WoW `checked_sentence` to @p memory: a {key: sentence}
 * object, a map decoded as [{key, value}], JSON text of either, or a plain sentence.
 */
void addCheckedSentences(const Json &checked, QStringList &memory)
{
    const auto add = [&memory](const std::string &key, const Json &sentence) {
        if (!sentence.is_string() || key.find("no_passages_used") != std::string::npos)
            return;
        const QString text = qs(sentence.get_ref<const std::string &>()).trimmed();
        if (!text.isEmpty() && text != QLatin1String("no_passages_used") && !memory.contains(text))
            memory.append(text);
    };
    const Json value = parsedIfText(checked);
    if (value.is_object()) {
        for (const auto &[key, sentence] : value.items())
            add(key, sentence);
    } else if (value.is_array()) {
        for (const Json &entry : value) {
            if (entry.is_object())
                add(entry.value("key", std::string()), entry.value("value", Json()));
        }
    } else if (value.is_string()) {
        add(std::string(), value);
    }
}

} // namespace

ParquetAgentMapper::ParquetAgentMapper(QString kind, ParquetKindDetector::Columns columns, QString file,
                                       QString config, QString split, QString idPrefix)
    : m_kind(std::move(kind))
    , m_columns(std::move(columns))
    , m_file(std::move(file))
    , m_config(std::move(config))
    , m_split(std::move(split))
    , m_idPrefix(std::move(idPrefix))
{
}

bool ParquetAgentMapper::handles(const QString &kind)
{
    return kind == QLatin1String("wow") || kind == QLatin1String("toolbench") || kind == QLatin1String("webshop");
}

QStringList ParquetAgentMapper::projection() const
{
    QStringList wanted;
    if (m_kind == QLatin1String("wow")) {
        wanted = {QStringLiteral("chosen_topic"), QStringLiteral("persona"),  QStringLiteral("dialog"),
                  QStringLiteral("speaker"),      QStringLiteral("text"),     QStringLiteral("checked_sentence"),
                  QStringLiteral("dialog_id"),    QStringLiteral("conv_id"),  QStringLiteral("episode_id")};
    } else if (m_kind == QLatin1String("toolbench")) {
        wanted = {QStringLiteral("query"), QStringLiteral("query_id"), QStringLiteral("api_list"),
                  QStringLiteral("relevant APIs"), QStringLiteral("id"), QStringLiteral("conversations")};
    } else {
        wanted = {QStringLiteral("instruction"), QStringLiteral("asin"), QStringLiteral("instruction_attributes"),
                  QStringLiteral("instruction_options"), QStringLiteral("price_upper")};
    }
    // Only what the file has: an absent name would make the whole row group read fail.
    wanted.erase(std::remove_if(wanted.begin(), wanted.end(),
                                [this](const QString &c) { return !m_columns.names.contains(c); }),
                 wanted.end());
    return wanted;
}

Error ParquetAgentMapper::rowError(qint64 fileRow, const QString &reason) const
{
    return Error::badInput(tr("%1: row %2: %3").arg(m_file).arg(fileRow).arg(reason));
}

TestScenario ParquetAgentMapper::base(const QString &name, qint64 fileRow) const
{
    TestScenario s;
    s.id = m_idPrefix + QString::number(fileRow);
    s.name = name;
    s.provenance.sourceFile = m_file;
    s.provenance.config = m_config;
    s.provenance.split = m_split;
    s.provenance.row = fileRow;
    if (m_kind == QLatin1String("wow")) {
        s.category = Category::Synthetic;
        s.expectedCapabilities = {QStringLiteral("knowledge_grounding"), QStringLiteral("factual_recall")};
    } else {
        s.category = Category::ToolUsage;
        s.expectedCapabilities = m_kind == QLatin1String("toolbench")
            ? QStringList{QStringLiteral("tool_selection"), QStringLiteral("api_calling"),
                          QStringLiteral("multi_step_planning")}
            : QStringList{QStringLiteral("web_navigation"), QStringLiteral("tool_selection")};
    }
    return s;
}

Result<void> ParquetAgentMapper::map(const Json &row, qint64 fileRow, QList<TestScenario> &out)
{
    if (!row.is_object())
        return rowError(fileRow, tr("the row is not a record"));
    if (m_kind == QLatin1String("wow"))
        return m_columns.names.contains(QLatin1String("dialog")) ? mapWowDialog(row, fileRow, out)
                                                                 : mapWowTurn(row, fileRow, out);
    if (m_kind == QLatin1String("toolbench"))
        return mapToolBench(row, fileRow, out);
    return mapWebShop(row, fileRow, out);
}

Result<void> ParquetAgentMapper::mapWowDialog(const Json &row, qint64 fileRow, QList<TestScenario> &out)
{
    const Json turns = parsedIfText(row.value("dialog", Json()));
    if (!turns.is_array() || turns.empty())
        return rowError(fileRow, tr("\"dialog\" is missing, empty or not a list"));
    const QString topic = stringAt(row, "chosen_topic");
    TestScenario s = base(topic.isEmpty() ? QStringLiteral("Wizard of Wikipedia %1").arg(fileRow)
                                          : QStringLiteral("Wizard of Wikipedia: %1").arg(topic),
                          fileRow);
    if (!topic.isEmpty())
        s.memoryRequirements.append(QStringLiteral("Topic: ") + topic);
    for (size_t t = 0; t < turns.size(); ++t) {
        const Json &turn = turns[t];
        if (!turn.is_object() || !turn.contains("text") || !turn["text"].is_string())
            return rowError(fileRow, tr("turn %1 of \"dialog\" has no \"text\" string").arg(t));
        const bool wizard = stringAt(turn, "speaker").contains(QLatin1String("Wizard"));
        s.messages.append(ChatMessage{wizard ? QStringLiteral("assistant") : QStringLiteral("user"),
                                      qs(turn["text"].get_ref<const std::string &>()), Json::object()});
        if (wizard && turn.contains("checked_sentence"))
            addCheckedSentences(turn["checked_sentence"], s.memoryRequirements);
    }
    s.evaluationCriteria["knowledge_grounding"] = 1.0;
    if (!topic.isEmpty())
        s.evaluationCriteria["topic"] = ss(topic);
    if (row.contains("persona") && !row["persona"].is_null())
        s.extra["apprentice_persona"] = row["persona"];
    out.append(std::move(s));
    return {};
}

Result<void> ParquetAgentMapper::mapWowTurn(const Json &row, qint64 fileRow, QList<TestScenario> &out)
{
    const auto text = row.find("text");
    if (text == row.end() || !text->is_string())
        return rowError(fileRow, tr("\"text\" is missing or not a string"));
    const QString topic = stringAt(row, "chosen_topic");
    const Json persona = row.value("persona", Json());
    // The dialog key: an id column when the copy has one, else the dialog's topic and persona.
    QString key;
    for (const char *idColumn : {"dialog_id", "conv_id", "episode_id"}) {
        if (row.contains(idColumn)) {
            key = textOf(row[idColumn]);
            break;
        }
    }
    if (key.isEmpty())
        key = topic + QChar(0x1f) + textOf(persona);
    if (!m_open || key != m_dialogKey) {
        finish(out);
        m_current = base(topic.isEmpty() ? QStringLiteral("Wizard of Wikipedia %1").arg(fileRow)
                                         : QStringLiteral("Wizard of Wikipedia: %1").arg(topic),
                         fileRow);
        if (!topic.isEmpty()) {
            m_current.memoryRequirements.append(QStringLiteral("Topic: ") + topic);
            m_current.evaluationCriteria["topic"] = ss(topic);
        }
        m_current.evaluationCriteria["knowledge_grounding"] = 1.0;
        if (!persona.is_null())
            m_current.extra["apprentice_persona"] = persona;
        m_dialogKey = key;
        m_turn = 0;
        m_open = true;
    }
    const bool wizard = row.contains("speaker") ? stringAt(row, "speaker").contains(QLatin1String("Wizard"))
                                                : m_turn % 2 == 1;
    m_current.messages.append(ChatMessage{wizard ? QStringLiteral("assistant") : QStringLiteral("user"),
                                          qs(text->get_ref<const std::string &>()), Json::object()});
    if (wizard && row.contains("checked_sentence"))
        addCheckedSentences(row["checked_sentence"], m_current.memoryRequirements);
    ++m_turn;
    return {};
}

Result<void> ParquetAgentMapper::mapToolBench(const Json &row, qint64 fileRow, QList<TestScenario> &out)
{
    TestScenario s = base(QStringLiteral("ToolBench %1 %2").arg(m_config).arg(fileRow), fileRow);
    QString query;
    if (row.contains("conversations")) {
        static const QRegularExpression action(QStringLiteral("Action:\\s*([^\\n]+)\\s*\\nAction Input:\\s*(.*)"),
                                               QRegularExpression::DotMatchesEverythingOption);
        const Json turns = parsedIfText(row["conversations"]);
        if (!turns.is_array())
            return rowError(fileRow, tr("\"conversations\" is not a list"));
        Json calls = Json::array();
        for (const Json &turn : turns) {
            const QString from = stringAt(turn, "from");
            const QString value = stringAt(turn, "value");
            if (from == QLatin1String("system")) {
                s.extra["system_prompt"] = ss(value);
            } else if (from == QLatin1String("user") && query.isEmpty()) {
                query = value.trimmed();
            } else if (from == QLatin1String("assistant")) {
                const auto m = action.match(value);
                if (m.hasMatch() && m.captured(1).trimmed() != QLatin1String("Finish"))
                    calls.push_back(Json::object({{"name", ss(m.captured(1).trimmed())},
                                                  {"arguments", ss(m.captured(2).trimmed())}}));
            }
        }
        s.evaluationCriteria["expected_tool_calls"] = std::move(calls);
        s.provenance.extra["toolllama_id"] = row.value("id", Json());
    } else {
        query = stringAt(row, "query").trimmed();
        const Json apis = parsedIfText(row.value("api_list", Json()));
        s.extra["available_apis"] = apis.is_null() ? Json::array() : apis;
        const Json relevant = parsedIfText(row.value("relevant APIs", Json()));
        if (relevant.is_array()) {
            Json calls = Json::array();
            for (const Json &pair : relevant) {
                if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
                    return rowError(fileRow, tr("a \"relevant APIs\" entry must be [tool, api]"));
                calls.push_back(Json::object({{"tool", pair[0]}, {"api", pair[1]}}));
            }
            s.evaluationCriteria["expected_tool_calls"] = std::move(calls);
        }
        if (row.contains("query_id") && !row["query_id"].is_null())
            s.provenance.extra["query_id"] = row["query_id"];
    }
    if (query.isEmpty())
        return rowError(fileRow, tr("the query is missing or empty"));
    s.messages = {ChatMessage{QStringLiteral("user"), query, Json::object()}};
    out.append(std::move(s));
    return {};
}

Result<void> ParquetAgentMapper::mapWebShop(const Json &row, qint64 fileRow, QList<TestScenario> &out)
{
    const QString instruction = stringAt(row, "instruction").trimmed();
    if (instruction.isEmpty())
        return rowError(fileRow, tr("\"instruction\" is missing, empty or not a string"));
    TestScenario s = base(QStringLiteral("WebShop %1 %2").arg(m_config).arg(fileRow), fileRow);
    s.messages = {ChatMessage{QStringLiteral("user"), instruction, Json::object()}};
    const auto present = [&row](const char *column) { return row.contains(column) && !row[column].is_null(); };
    if (present("asin") || present("instruction_attributes") || present("instruction_options")) {
        Json c = Json::object();
        c["target_asin"] = row.value("asin", Json());
        const Json attributes = parsedIfText(row.value("instruction_attributes", Json()));
        const Json options = parsedIfText(row.value("instruction_options", Json()));
        c["goal_attributes"] = attributes.is_null() ? Json::array() : attributes;
        c["goal_options"] = options.is_null() ? Json::array() : options;
        if (present("price_upper"))
            c["price_upper"] = row["price_upper"];
        s.evaluationCriteria = std::move(c);
    } else {
        s.evaluationCriteria = Json::object({{"task_success", 1.0}});
    }
    out.append(std::move(s));
    return {};
}

void ParquetAgentMapper::finish(QList<TestScenario> &out)
{
    if (!m_open)
        return;
    out.append(std::move(m_current));
    m_current = TestScenario();
    m_open = false;
}

} // namespace kx
