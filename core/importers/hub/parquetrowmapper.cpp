// SPDX-License-Identifier: GPL-3.0-or-later
#include "parquetrowmapper.h"

#include "importers/hub/parquetagentmapper.h"

#include <QFileInfo>

#include <algorithm>
#include <cctype>

namespace kx {

namespace {

/** A scalar as text: strings as they are, numbers and booleans as JSON writes them, null as empty. */
QString scalarText(const Json &v)
{
    if (v.is_string())
        return qs(v.get_ref<const std::string &>());
    if (v.is_null())
        return {};
    return qs(v.dump());
}

bool isStringList(const Json &v)
{
    return v.is_array() && std::all_of(v.begin(), v.end(), [](const Json &e) { return e.is_string(); });
}

QString restoreCommas(QString text)
{
    return text.replace(QLatin1String("_comma_"), QLatin1String(","));
}

const char *const transcriptColumns[] = {"text", "transcription", "transcript", "sentence", "normalized_text"};

} // namespace

ParquetRowMapper::ParquetRowMapper(QString kind, ParquetKindDetector::Columns columns, QString file,
                                   QString config, QString split)
    : m_kind(std::move(kind))
    , m_columns(std::move(columns))
    , m_file(std::move(file))
    , m_config(std::move(config))
    , m_split(std::move(split))
{
    // "<kind>_<file base name>_": shards of one split have distinct base names, so ids stay unique.
    m_idPrefix = m_kind + QLatin1Char('_') + QFileInfo(m_file).completeBaseName() + QLatin1Char('_');
    if (ParquetAgentMapper::handles(m_kind))
        m_agent = std::make_unique<ParquetAgentMapper>(m_kind, m_columns, m_file, m_config, m_split, m_idPrefix);
}

ParquetRowMapper::~ParquetRowMapper() = default;

QStringList ParquetRowMapper::projection() const
{
    const auto present = [this](QStringList wanted) {
        wanted.erase(std::remove_if(wanted.begin(), wanted.end(),
                                    [this](const QString &c) { return !m_columns.names.contains(c); }),
                     wanted.end());
        return wanted;
    };
    if (m_agent)
        return m_agent->projection();
    if (m_kind == QLatin1String("gsm8k"))
        return {QStringLiteral("question"), QStringLiteral("answer")};
    if (m_kind == QLatin1String("mmlu"))
        return {QStringLiteral("question"), QStringLiteral("subject"), QStringLiteral("choices"), QStringLiteral("answer")};
    if (m_kind == QLatin1String("bbh"))
        return {QStringLiteral("input"), QStringLiteral("target")};
    if (m_kind == QLatin1String("personachat"))
        return present({QStringLiteral("personality"), QStringLiteral("candidates"), QStringLiteral("history"),
                        QStringLiteral("conv_id")});
    if (m_kind == QLatin1String("empathetic"))
        return present({QStringLiteral("conv_id"), QStringLiteral("context"), QStringLiteral("prompt"),
                        QStringLiteral("speaker_idx"), QStringLiteral("utterance"), QStringLiteral("selfeval"),
                        QStringLiteral("tags")});
    // Audio kinds: every column but the audio bytes, so that import never decodes them.
    QStringList columns;
    for (const QString &c : m_columns.names)
        columns.append(c == m_columns.audioColumn ? c + QStringLiteral(".path") : c);
    return columns;
}

Error ParquetRowMapper::rowError(qint64 fileRow, const QString &reason) const
{
    return Error::badInput(tr("%1: row %2: %3").arg(m_file).arg(fileRow).arg(reason));
}

Result<QString> ParquetRowMapper::text(const Json &row, const char *column, qint64 fileRow) const
{
    const auto it = row.find(column);
    if (it == row.end() || !it->is_string())
        return rowError(fileRow, tr("\"%1\" is missing or not a string").arg(QLatin1String(column)));
    return qs(it->get_ref<const std::string &>());
}

TestScenario ParquetRowMapper::base(const QString &namePrefix, qint64 fileRow) const
{
    TestScenario s;
    s.id = m_idPrefix + QString::number(fileRow);
    s.name = namePrefix + QLatin1Char(' ') + m_split + QLatin1Char(' ') + QString::number(fileRow);
    s.category = Category::Benchmark;
    s.provenance.sourceFile = m_file;
    s.provenance.config = m_config;
    s.provenance.split = m_split;
    s.provenance.row = fileRow;
    s.messages = {ChatMessage{QStringLiteral("user"), QString(), Json::object()}};
    return s;
}

QString ParquetRowMapper::labelOf(const QString &column, const Json &value) const
{
    const Json feature = m_columns.features.value(ss(column), Json());
    if (value.is_number_integer() && feature.is_object() && feature.value("_type", std::string()) == "ClassLabel") {
        const Json names = feature.value("names", Json());
        const auto index = value.get<qint64>();
        if (names.is_array() && index >= 0 && index < qint64(names.size()) && names[size_t(index)].is_string())
            return qs(names[size_t(index)].get<std::string>());
    }
    return scalarText(value);
}

Json ParquetRowMapper::audioReference(const Json &row, int rowGroup, qint64 rowInGroup) const
{
    Json ref = Json::object();
    ref["parquet"] = ss(m_file);
    ref["row_group"] = rowGroup;
    ref["row"] = rowInGroup;
    ref["column"] = ss(m_columns.audioColumn + QStringLiteral(".bytes"));
    const Json audio = row.value(ss(m_columns.audioColumn), Json());
    const QString path = audio.is_object() ? scalarText(audio.value("path", Json())) : QString();
    if (!path.isEmpty()) {
        ref["path"] = ss(path);
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (!suffix.isEmpty())
            ref["format"] = ss(suffix);
    }
    return ref;
}

Result<void> ParquetRowMapper::mapAudio(const Json &row, int rowGroup, qint64 rowInGroup, qint64 fileRow,
                                        TestScenario &s)
{
    s.expectedCapabilities = {QStringLiteral("speech_recognition"), QStringLiteral("voice_input")};
    Json audio = audioReference(row, rowGroup, rowInGroup);
    if (m_kind == QLatin1String("librispeech") || m_kind == QLatin1String("vctk")) {
        auto transcript = text(row, "text", fileRow);
        if (!transcript)
            return transcript.error();
        s.messages[0].content = *transcript;
        s.evaluationCriteria["expected_transcript"] = ss(*transcript);
        const char *const librispeech[] = {"speaker_id", "chapter_id", "id"};
        const char *const vctk[] = {"speaker_id", "text_id", "age", "gender", "accent", "region"};
        const bool isLibri = m_kind == QLatin1String("librispeech");
        const auto begin = isLibri ? std::begin(librispeech) : std::begin(vctk);
        const auto end = isLibri ? std::end(librispeech) : std::end(vctk);
        for (auto key = begin; key != end; ++key) {
            const QString value = labelOf(QLatin1String(*key), row.value(*key, Json()));
            audio[std::string(*key) == "id" ? "utterance_id" : *key] = ss(value);
        }
        if (!isLibri)
            s.expectedCapabilities.append(QStringLiteral("accent_robustness"));
        s.name = (isLibri ? QStringLiteral("LibriSpeech ") : QStringLiteral("VCTK "))
                 + scalarText(row.value(isLibri ? "id" : "text_id", Json()));
        s.audio = std::move(audio);
        return {};
    }

    // Any other audio table: the transcript when there is one, the ClassLabels as expected labels.
    QString transcript;
    for (const char *c : transcriptColumns) {
        if (const auto it = row.find(c); it != row.end() && it->is_string()) {
            transcript = qs(it->get_ref<const std::string &>());
            break;
        }
    }
    Json columns = Json::object();
    for (auto it = row.begin(); it != row.end(); ++it) {
        const QString column = qs(it.key());
        if (column == m_columns.audioColumn || it->is_structured())
            continue;
        const Json feature = m_columns.features.value(it.key(), Json());
        if (feature.is_object() && feature.value("_type", std::string()) == "ClassLabel")
            s.evaluationCriteria["expected_" + it.key()] = ss(labelOf(column, *it));
        columns[it.key()] = *it;
    }
    if (!transcript.isEmpty())
        s.evaluationCriteria["expected_transcript"] = ss(transcript);
    s.messages[0].content = transcript.isEmpty() ? tr("(audio %1)").arg(scalarText(audio.value("path", Json())))
                                                 : transcript;
    s.provenance.extra["columns"] = std::move(columns);
    s.audio = std::move(audio);
    return {};
}

Result<void> ParquetRowMapper::mapConversation(const Json &row, qint64 fileRow, QList<TestScenario> &out)
{
    const bool empathetic = m_kind == QLatin1String("empathetic");
    const QString convId = scalarText(row.value("conv_id", Json()));
    // PersonaChat rows without conv_id stand alone; rows of a conversation grow its history, the last one wins.
    const bool sameConversation = m_open && !convId.isEmpty() && convId == m_convId;
    if (!sameConversation)
        finish(out);

    if (empathetic) {
        auto utterance = text(row, "utterance", fileRow);
        if (!utterance)
            return utterance.error();
        const QString speaker = scalarText(row.value("speaker_idx", Json()));
        if (!sameConversation) {
            m_current = base(QStringLiteral("EmpatheticDialogues"), fileRow);
            m_current.name = QStringLiteral("EmpatheticDialogues ") + convId;
            m_current.messages.clear();
            m_current.category = Category::Synthetic;
            m_current.expectedCapabilities = {QStringLiteral("empathy"), QStringLiteral("emotional_awareness"),
                                              QStringLiteral("multi_turn_conversation")};
            m_current.evaluationCriteria["emotion"] = ss(scalarText(row.value("context", Json())));
            m_current.evaluationCriteria["situation"] = ss(restoreCommas(scalarText(row.value("prompt", Json()))));
            m_current.evaluationCriteria["empathy"] = 1.0;
            m_firstSpeaker = speaker;
        }
        const bool user = speaker == m_firstSpeaker;
        m_current.messages.append(ChatMessage{user ? QStringLiteral("user") : QStringLiteral("assistant"),
                                              restoreCommas(*utterance), Json::object()});
    } else {
        const Json personality = row.value("personality", Json());
        const Json history = row.value("history", Json());
        const Json candidates = row.value("candidates", Json());
        if (!isStringList(personality))
            return rowError(fileRow, tr("\"personality\" is missing or not a list of strings"));
        if (!isStringList(history))
            return rowError(fileRow, tr("\"history\" is missing or not a list of strings"));
        if (!isStringList(candidates) || candidates.empty())
            return rowError(fileRow, tr("\"candidates\" is missing, empty or not a list of strings"));
        const qint64 firstRow = sameConversation ? m_current.provenance.row : fileRow;
        m_current = base(QStringLiteral("PersonaChat"), firstRow);
        m_current.messages.clear();
        m_current.category = Category::Synthetic;
        m_current.expectedCapabilities = {QStringLiteral("persona_consistency"), QStringLiteral("memory_recall")};
        for (const Json &sentence : personality)
            m_current.memoryRequirements.append(qs(sentence.get_ref<const std::string &>()).trimmed());
        // The partner opens and the persona holder answers: counted from the end, the last turn is the user's.
        const size_t n = history.size();
        for (size_t t = 0; t < n; ++t) {
            const bool user = (n - 1 - t) % 2 == 0;
            m_current.messages.append(ChatMessage{user ? QStringLiteral("user") : QStringLiteral("assistant"),
                                                  qs(history[t].get_ref<const std::string &>()), Json::object()});
        }
        m_current.evaluationCriteria["expected_response"] = candidates.back();
        m_current.evaluationCriteria["persona_consistency"] = 1.0;
    }
    m_convId = convId;
    m_open = true;
    return {};
}

Result<void> ParquetRowMapper::map(const Json &row, int rowGroup, qint64 rowInGroup, qint64 fileRow,
                                   QList<TestScenario> &out)
{
    if (!row.is_object())
        return rowError(fileRow, tr("the row is not a record"));
    if (m_agent)
        return m_agent->map(row, fileRow, out);
    if (m_kind == QLatin1String("empathetic") || m_kind == QLatin1String("personachat"))
        return mapConversation(row, fileRow, out);

    if (m_kind == QLatin1String("gsm8k")) {
        auto question = text(row, "question", fileRow);
        auto answer = question ? text(row, "answer", fileRow) : Result<QString>(question.error());
        if (!answer)
            return answer.error();
        const qsizetype mark = answer->lastIndexOf(QLatin1String("####"));
        if (mark < 0)
            return rowError(fileRow, tr("\"answer\" has no final \"####\" line"));
        TestScenario s = base(QStringLiteral("GSM8K"), fileRow);
        s.expectedCapabilities = {QStringLiteral("mathematical_reasoning"), QStringLiteral("multi_step_reasoning")};
        s.messages[0].content = *question;
        s.evaluationCriteria["expected_answer"] = ss(answer->mid(mark + 4).trimmed());
        s.evaluationCriteria["exact_match"] = 1.0;
        s.evaluationCriteria["reference_solution"] = ss(*answer);
        out.append(std::move(s));
        return {};
    }
    if (m_kind == QLatin1String("mmlu")) {
        auto question = text(row, "question", fileRow);
        if (!question)
            return question.error();
        const Json choices = row.value("choices", Json());
        if (!isStringList(choices) || choices.empty() || choices.size() > 26)
            return rowError(fileRow, tr("\"choices\" is not a list of 1 to 26 strings"));
        const Json answer = row.value("answer", Json());
        // The Hub stores the answer as a ClassLabel index (0 = A); older exports as the letter.
        qint64 index = -1;
        if (answer.is_number_integer())
            index = answer.get<qint64>();
        else if (answer.is_string() && answer.get<std::string>().size() == 1)
            index = answer.get<std::string>()[0] - 'A';
        if (index < 0 || index >= qint64(choices.size()))
            return rowError(fileRow, tr("\"answer\" %1 is not one of the %2 choices")
                                         .arg(qs(answer.dump())).arg(choices.size()));
        const QString subject = scalarText(row.value("subject", Json()));
        TestScenario s = base(QStringLiteral("MMLU ") + subject, fileRow);
        s.expectedCapabilities = {QStringLiteral("knowledge_recall"), QStringLiteral("multiple_choice")};
        QString content = *question;
        for (size_t i = 0; i < choices.size(); ++i)
            content += QLatin1Char('\n') + QChar(char16_t(u'A' + i)) + QLatin1String(". ")
                       + qs(choices[i].get_ref<const std::string &>());
        s.messages[0].content = content;
        s.evaluationCriteria["expected_answer"] = std::string(1, char('A' + index));
        s.evaluationCriteria["exact_match"] = 1.0;
        s.evaluationCriteria["choices"] = choices;
        s.provenance.extra["subject"] = ss(subject);
        out.append(std::move(s));
        return {};
    }
    if (m_kind == QLatin1String("bbh")) {
        auto input = text(row, "input", fileRow);
        if (!input)
            return input.error();
        const Json target = row.value("target", Json());
        if (target.is_null())
            return rowError(fileRow, tr("\"target\" is missing"));
        TestScenario s = base(QStringLiteral("BBH ") + m_config, fileRow);
        s.expectedCapabilities = {QStringLiteral("complex_reasoning")};
        s.messages[0].content = *input;
        s.evaluationCriteria["expected_answer"] = ss(scalarText(target));
        s.evaluationCriteria["exact_match"] = 1.0;
        out.append(std::move(s));
        return {};
    }
    // librispeech, vctk, audio
    TestScenario s = base(m_kind == QLatin1String("audio") ? QStringLiteral("Audio") : m_kind, fileRow);
    if (auto r = mapAudio(row, rowGroup, rowInGroup, fileRow, s); !r)
        return r.error();
    out.append(std::move(s));
    return {};
}

void ParquetRowMapper::finish(QList<TestScenario> &out)
{
    if (m_agent)
        m_agent->finish(out);
    if (!m_open)
        return;
    out.append(std::move(m_current));
    m_current = TestScenario();
    m_open = false;
}

} // namespace kx
