// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariocodec.h"

#include "model/humanreview.h"

#include "sqlitestatement.h"

namespace kx {

namespace {

constexpr qsizetype kPreviewLength = 160;

// A hand-written JSON string writer: the import encodes several strings per row
// and going through a Json tree for them costs more than the SQLite insert.
void appendJsonString(std::string &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    out.push_back('"');
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
            if (c < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out.append("\\u00");
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 0xf]);
            } else {
                out.push_back(ch);
            }
        }
    }
    out.push_back('"');
}

void writeStringArray(std::string &out, const QStringList &list)
{
    out.assign(1, '[');
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i)
            out.push_back(',');
        appendJsonString(out, list.at(i));
    }
    out.push_back(']');
}

void writeJoined(std::string &out, const QStringList &list)
{
    out.clear();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i)
            out.push_back('\n');
        const QByteArray utf8 = list.at(i).toUtf8();
        out.append(utf8.constData(), size_t(utf8.size()));
    }
}

void writeObject(std::string &out, const Json &j)
{
    if (j.is_object() && j.empty())
        out.assign("{}");
    else
        out = dumpCompact(j);
}

void assignUtf8(std::string &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    out.assign(utf8.constData(), size_t(utf8.size()));
}

Result<Json> parseColumn(const SqliteStatement &stmt, int column, qint64 rowId, const char *name)
{
    const std::string_view text = stmt.columnUtf8(column);
    Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded())
        return Error::database(ScenarioCodec::tr("scenario row %1: the stored \"%2\" is not valid JSON")
                                   .arg(rowId)
                                   .arg(QLatin1String(name)));
    return j;
}

} // namespace

const char *const ScenarioCodec::selectColumns =
    "s.rowid, s.uid, s.name, s.category, s.status, s.messages, s.memory_requirements, s.capabilities, "
    "s.criteria, s.provenance, s.audio, s.review, s.extra";

void ScenarioCodec::encode(const TestScenario &s, EncodedScenario &out)
{
    assignUtf8(out.uid, s.id);
    assignUtf8(out.name, s.name);
    assignUtf8(out.category, categoryKey(s.category));
    assignUtf8(out.status, reviewStatusKey(s.status));
    out.turns = s.messages.size();
    assignUtf8(out.preview, preview(s));

    out.messages.assign(1, '[');
    out.ftsMessages.clear();
    for (qsizetype i = 0; i < s.messages.size(); ++i) {
        const ChatMessage &m = s.messages.at(i);
        if (i) {
            out.messages.push_back(',');
            out.ftsMessages.push_back('\n');
        }
        if (m.extra.empty()) {
            out.messages.append("{\"role\":");
            appendJsonString(out.messages, m.role);
            out.messages.append(",\"content\":");
            appendJsonString(out.messages, m.content);
            out.messages.push_back('}');
        } else {
            // Rare: keep exactly TestScenario::toJson's key order and overwrite rules.
            Json o = Json::object();
            o["role"] = ss(m.role);
            o["content"] = ss(m.content);
            for (const auto &[k, v] : m.extra.items())
                o[k] = v;
            out.messages.append(dumpCompact(o));
        }
        const QByteArray content = m.content.toUtf8();
        out.ftsMessages.append(content.constData(), size_t(content.size()));
    }
    out.messages.push_back(']');

    writeStringArray(out.memoryRequirements, s.memoryRequirements);
    writeJoined(out.ftsMemory, s.memoryRequirements);
    writeStringArray(out.capabilities, s.expectedCapabilities);
    out.capabilityList.resize(size_t(s.expectedCapabilities.size()));
    for (qsizetype i = 0; i < s.expectedCapabilities.size(); ++i)
        assignUtf8(out.capabilityList[size_t(i)], s.expectedCapabilities.at(i));
    writeObject(out.criteria, s.evaluationCriteria);
    writeObject(out.provenance, s.provenance.toJson());
    if (s.audio.is_null())
        out.audio.clear();
    else
        out.audio = dumpCompact(s.audio);
    writeObject(out.review, s.review);
    writeObject(out.extra, s.extra);
}

Result<TestScenario> ScenarioCodec::decode(const SqliteStatement &stmt, int first)
{
    const qint64 rowId = stmt.columnInt(first);
    TestScenario s;
    s.id = stmt.columnText(first + 1);
    s.name = stmt.columnText(first + 2);
    const auto category = categoryFromKey(stmt.columnText(first + 3));
    const auto status = reviewStatusFromKey(stmt.columnText(first + 4));
    if (!category || !status)
        return Error::database(tr("scenario row %1: unknown category or review status").arg(rowId));
    s.category = *category;
    s.status = *status;

    auto messages = parseColumn(stmt, first + 5, rowId, "messages");
    if (!messages)
        return messages.error();
    if (!messages->is_array())
        return Error::database(tr("scenario row %1: the stored \"messages\" is not an array").arg(rowId));
    s.messages.reserve(qsizetype(messages->size()));
    for (const Json &m : *messages) {
        if (!m.is_object())
            return Error::database(tr("scenario row %1: a stored message is not an object").arg(rowId));
        ChatMessage msg;
        for (const auto &[key, value] : m.items()) {
            if (key == "role" && value.is_string())
                msg.role = qs(value.get_ref<const std::string &>());
            else if (key == "content" && value.is_string())
                msg.content = qs(value.get_ref<const std::string &>());
            else
                msg.extra[key] = value;
        }
        s.messages.append(std::move(msg));
    }

    auto memory = parseColumn(stmt, first + 6, rowId, "memory_requirements");
    auto capabilities = parseColumn(stmt, first + 7, rowId, "capabilities");
    auto criteria = parseColumn(stmt, first + 8, rowId, "criteria");
    auto provenance = parseColumn(stmt, first + 9, rowId, "provenance");
    auto review = parseColumn(stmt, first + 11, rowId, "review");
    auto extra = parseColumn(stmt, first + 12, rowId, "extra");
    for (const auto *r : {&memory, &capabilities, &criteria, &provenance, &review, &extra})
        if (!*r)
            return r->error();
    s.memoryRequirements = toStringList(*memory);
    s.expectedCapabilities = toStringList(*capabilities);
    s.evaluationCriteria = std::move(criteria.value());
    auto p = Provenance::fromJson(*provenance);
    if (!p)
        return Error::database(tr("scenario row %1: %2").arg(rowId).arg(p.error().message));
    s.provenance = std::move(p.value());
    if (!stmt.columnIsNull(first + 10)) {
        auto audio = parseColumn(stmt, first + 10, rowId, "audio");
        if (!audio)
            return audio.error();
        s.audio = std::move(audio.value());
    }
    s.review = std::move(review.value());
    s.extra = std::move(extra.value());
    return s;
}

QString ScenarioCodec::preview(const TestScenario &scenario)
{
    const ChatMessage *pick = nullptr;
    for (auto it = scenario.messages.crbegin(); it != scenario.messages.crend(); ++it) {
        if (it->role == QLatin1String("user")) {
            pick = &*it;
            break;
        }
    }
    if (!pick && !scenario.messages.isEmpty())
        pick = &scenario.messages.constLast();
    if (!pick)
        return {};
    // Only the head is shown, so do not simplify a whole long document.
    return pick->content.left(kPreviewLength * 2).simplified().left(kPreviewLength);
}

Result<ScenarioIndexWriter> ScenarioIndexWriter::prepare(sqlite3 *db)
{
    ScenarioIndexWriter w;
    auto fts = SqliteStatement::prepare(db, "INSERT INTO scenario_fts (rowid, name, messages, memory) VALUES (?1, ?2, ?3, ?4)");
    if (!fts)
        return fts.error();
    auto capability = SqliteStatement::prepare(
        db, "INSERT OR IGNORE INTO scenario_capabilities (scenario_id, capability) VALUES (?1, ?2)");
    if (!capability)
        return capability.error();
    auto humanReview = SqliteStatement::prepare(
        db, "INSERT OR REPLACE INTO human_reviews (scenario_id, reviewer, verdict, clarity, complexity, coverage, "
            "realism, comment, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!humanReview)
        return humanReview.error();
    w.m_fts = std::move(*fts);
    w.m_capability = std::move(*capability);
    w.m_humanReview = std::move(*humanReview);
    return w;
}

Result<void> ScenarioIndexWriter::add(qint64 rowId, const EncodedScenario &row)
{
    m_fts.bind(1, rowId);
    m_fts.bindStatic(2, row.name);
    m_fts.bindStatic(3, row.ftsMessages);
    m_fts.bindStatic(4, row.ftsMemory);
    if (auto r = m_fts.exec(); !r)
        return r;
    for (const std::string &capability : row.capabilityList) {
        m_capability.bind(1, rowId);
        m_capability.bindStatic(2, capability);
        if (auto r = m_capability.exec(); !r)
            return r;
    }
    return addHumanReviews(rowId, row);
}

Result<void> ScenarioIndexWriter::addHumanReviews(qint64 rowId, const EncodedScenario &row)
{
    if (row.review.find("\"reviews\"") == std::string::npos)
        return {};
    const Json review = Json::parse(row.review, nullptr, false);
    const auto reviews = review.is_object() ? review.find("reviews") : review.end();
    if (review.is_discarded() || reviews == review.end() || !reviews->is_object())
        return {};
    for (const auto &[name, entry] : reviews->items()) {
        auto parsed = HumanReview::fromJson(qs(name), entry);
        if (!parsed)
            return Error::badInput(ScenarioCodec::tr("scenario \"%1\": %2").arg(qs(row.uid), parsed.error().message));
        m_humanReview.bind(1, rowId);
        m_humanReview.bind(2, parsed->reviewer);
        m_humanReview.bind(3, parsed->verdict ? reviewStatusKey(*parsed->verdict) : QString());
        for (Criterion c : allCriteria) {
            const int column = 4 + int(c);
            if (const auto v = parsed->score(c))
                m_humanReview.bind(column, *v);
            else
                m_humanReview.bindNull(column);
        }
        m_humanReview.bind(8, parsed->comment);
        m_humanReview.bind(9, parsed->at.isValid() ? parsed->at.toUTC().toString(Qt::ISODateWithMs) : QString());
        if (auto r = m_humanReview.exec(); !r)
            return r;
    }
    return {};
}

} // namespace kx
