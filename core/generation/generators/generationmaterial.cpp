// SPDX-License-Identifier: GPL-3.0-or-later
#include "generationmaterial.h"

#include "store/workspacestore.h"
#include "util/jsonqt.h"

#include <QFile>

namespace kx {

namespace {

const QString materialPath = QStringLiteral(":/prompts/offline-material.json");

Result<QStringList> stringList(const Json &root, const char *key)
{
    const auto it = root.find(key);
    if (it == root.end() || !it->is_array())
        return Error::badInput(GenerationMaterial::tr("%1: key \"%2\" must be an array of strings")
                                   .arg(materialPath, QLatin1String(key)));
    QStringList out;
    for (const Json &item : *it) {
        if (!item.is_string())
            return Error::badInput(GenerationMaterial::tr("%1: key \"%2\" must be an array of strings")
                                       .arg(materialPath, QLatin1String(key)));
        out.append(qs(item.get_ref<const std::string &>()));
    }
    return out;
}

/** The expected answer of an imported question: "B. text" for multiple choice, else the answer itself. */
QString answerOf(const TestScenario &s)
{
    const Json &c = s.evaluationCriteria;
    const auto expected = c.find("expected_answer");
    if (expected == c.end() || !expected->is_string())
        return QString();
    const QString answer = qs(expected->get_ref<const std::string &>());
    const auto choices = c.find("choices");
    if (choices != c.end() && choices->is_array() && answer.size() == 1) {
        const int k = answer.at(0).unicode() - 'A';
        if (k >= 0 && k < int(choices->size()) && (*choices)[size_t(k)].is_string())
            return answer + QStringLiteral(". ") + qs((*choices)[size_t(k)].get_ref<const std::string &>());
    }
    return answer;
}

QString lastUserMessage(const TestScenario &s)
{
    for (auto it = s.messages.crbegin(); it != s.messages.crend(); ++it) {
        if (it->role == QLatin1String("user"))
            return it->content;
    }
    return QString();
}

/** Visits up to @p limit scenarios of @p datasetIds, one page of rows at a time. */
Result<void> visitSample(const WorkspaceStore &store, const QList<qint64> &datasetIds, int limit,
                         const std::function<void(const TestScenario &)> &visit)
{
    if (datasetIds.isEmpty() || limit <= 0)
        return {};
    ScenarioFilter filter;
    filter.datasetIds = datasetIds;
    const auto rows = store.page(filter, ScenarioSort{}, PageCursor{}, limit);
    if (!rows)
        return rows.error();
    for (const ScenarioRow &row : *rows) {
        const auto s = store.scenario(row.rowId);
        if (!s)
            return s.error();
        visit(*s);
    }
    return {};
}

} // namespace

Result<GenerationMaterial> GenerationMaterial::builtIn()
{
    QFile file(materialPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(tr("%1: cannot read the built-in material: %2").arg(materialPath, file.errorString()));
    const QByteArray bytes = file.readAll();
    const Json root = Json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    if (root.is_discarded() || !root.is_object())
        return Error::badInput(tr("%1: not a JSON object").arg(materialPath));

    GenerationMaterial m;
    const std::pair<const char *, QStringList *> lists[] = {
        {"agent_profiles", &m.agentProfiles}, {"personas", &m.personas},
        {"facts", &m.facts}, {"domains", &m.domains},
        {"questions", &m.questions}, {"answers", &m.answers},
        {"user_utterances", &m.userUtterances}, {"assistant_utterances", &m.assistantUtterances},
        {"recall_questions", &m.recallQuestions}};
    for (const auto &[key, target] : lists) {
        auto list = stringList(root, key);
        if (!list)
            return list.error();
        if (list->isEmpty())
            return Error::badInput(tr("%1: key \"%2\" is empty").arg(materialPath, QLatin1String(key)));
        *target = std::move(*list);
    }
    if (m.answers.size() != m.questions.size())
        return Error::badInput(tr("%1: \"answers\" must have one entry per question").arg(materialPath));
    for (int i = 0; i < m.personas.size(); ++i)
        m.personaSources.append(QString());
    for (int i = 0; i < m.questions.size(); ++i)
        m.questionSources.append(QString());
    return m;
}

Result<GenerationMaterial> GenerationMaterial::fromWorkspace(const WorkspaceStore &store, int limit)
{
    const auto datasets = store.datasets();
    if (!datasets)
        return datasets.error();
    QList<qint64> personaSets;
    QList<qint64> questionSets;
    for (const TestDataset &d : *datasets) {
        if (d.kind == QLatin1String("personachat"))
            personaSets.append(d.id);
        else if (d.kind == QLatin1String("mmlu") || d.kind == QLatin1String("gsm8k") || d.kind == QLatin1String("bbh"))
            questionSets.append(d.id);
    }

    GenerationMaterial m;
    auto r = visitSample(store, personaSets, limit, [&m](const TestScenario &s) {
        if (s.memoryRequirements.isEmpty())
            return;
        m.personas.append(s.memoryRequirements.join(QLatin1Char(' ')));
        m.personaSources.append(s.id);
        for (const QString &sentence : s.memoryRequirements) {
            if (!sentence.isEmpty() && !m.facts.contains(sentence))
                m.facts.append(sentence);
        }
    });
    if (!r)
        return r.error();
    r = visitSample(store, questionSets, limit, [&m](const TestScenario &s) {
        const QString question = lastUserMessage(s);
        if (question.trimmed().isEmpty())
            return;
        m.questions.append(question);
        m.answers.append(answerOf(s));
        m.questionSources.append(s.id);
    });
    if (!r)
        return r.error();
    return m;
}

GenerationMaterial GenerationMaterial::withFallback(const GenerationMaterial &fallback) const
{
    GenerationMaterial m = *this;
    auto fill = [](QStringList &list, const QStringList &from) { if (list.isEmpty()) list = from; };
    fill(m.agentProfiles, fallback.agentProfiles);
    if (m.personas.isEmpty()) {
        m.personas = fallback.personas;
        m.personaSources = fallback.personaSources;
    }
    // Facts need at least three for a memory-recall scenario.
    if (m.facts.size() < 3)
        m.facts += fallback.facts;
    fill(m.domains, fallback.domains);
    if (m.questions.isEmpty()) {
        m.questions = fallback.questions;
        m.answers = fallback.answers;
        m.questionSources = fallback.questionSources;
    }
    fill(m.userUtterances, fallback.userUtterances);
    fill(m.assistantUtterances, fallback.assistantUtterances);
    fill(m.recallQuestions, fallback.recallQuestions);
    return m;
}

} // namespace kx
