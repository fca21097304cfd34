// SPDX-License-Identifier: GPL-3.0-or-later
#include "fusiongenerator.h"

#include "generation/generators/answershape.h"
#include "generation/generators/materialpicks.h"

#include <QRegularExpression>

namespace kx {

namespace {
QString at(const QStringList &list, int i) { return i < list.size() ? list.at(i) : QString(); }
} // namespace

Result<ChatRequest> FusionGenerator::buildRequest(int index, const GenerationOptions &options) const
{
    const GenerationMaterial &m = options.material;
    if (m.personas.isEmpty() || m.questions.isEmpty())
        return Error::badInput(tr("fusion: the material needs personas and questions (it has %1 and %2)")
                                   .arg(m.personas.size()).arg(m.questions.size()));
    DemoRandom random = randomFor(options, index);
    const int persona = index % int(m.personas.size());
    const int question = MaterialPicks::index(random, m.questions.size());

    Json inputs = Json::object();
    inputs["persona"] = ss(m.personas.at(persona));
    inputs["question"] = ss(m.questions.at(question));
    inputs["answer"] = ss(at(m.answers, question));
    inputs["parents"] = fromStringList({at(m.personaSources, persona), at(m.questionSources, question)});
    const QString answer = at(m.answers, question);
    return makeRequest({{QStringLiteral("persona"), m.personas.at(persona)},
                        {QStringLiteral("question"), m.questions.at(question)},
                        {QStringLiteral("answer"), answer.isEmpty() ? tr("(not known)") : answer}},
                       inputs, options);
}

Result<Json> FusionGenerator::validate(const Json &answer) const
{
    if (auto r = AnswerShape::object(answer, tr("the fusion answer")); !r)
        return r.error();
    if (auto r = AnswerShape::strings(answer, "persona", 1); !r)
        return r.error();
    if (auto r = AnswerShape::string(answer, "question"); !r)
        return r.error();
    if (auto r = AnswerShape::string(answer, "expected_answer"); !r)
        return r.error();
    return answer;
}

Result<QList<TestScenario>> FusionGenerator::scenariosFrom(const Json &answer, int index, const Json &inputs,
                                                           const GenerationOptions &options) const
{
    const Json p = parameters(options);

    TestScenario s = baseScenario(index, -1, Category::Synthetic, options, toStringList(inputs.value("parents", Json::array())));
    s.name = QStringLiteral("hybrid_persona_knowledge_%1").arg(index);
    const QStringList persona = *AnswerShape::strings(answer, "persona", 1);
    s.messages = {ChatMessage{QStringLiteral("system"),
                              QStringLiteral("You have this persona: ") + persona.join(QLatin1Char(' ')),
                              Json::object()},
                  ChatMessage{QStringLiteral("user"), *AnswerShape::string(answer, "question"), Json::object()}};
    s.memoryRequirements = persona;
    s.expectedCapabilities = toStringList(p.value("expected_capabilities", Json::array()));
    s.evaluationCriteria = criteria(options);
    s.evaluationCriteria["expected_answer"] = answer["expected_answer"];
    return QList<TestScenario>{s};
}

Result<Json> FusionGenerator::composeOffline(const Json &inputs, const GenerationMaterial &,
                                             DemoRandom &) const
{
    if (!inputs.is_object() || !inputs.contains("persona") || !inputs.contains("question"))
        return Error::badInput(tr("fusion: the request carries no persona or question for the offline backend"));
    // Sentences end with . ! or ? followed by a space; the persona keeps its own wording.
    static const QRegularExpression sentenceEnd(QStringLiteral("(?<=[.!?])\\s+"));
    QStringList sentences = qs(inputs.value("persona", std::string())).split(sentenceEnd, Qt::SkipEmptyParts);
    const QString answerText = qs(inputs.value("answer", std::string()));
    Json answer = Json::object();
    answer["persona"] = fromStringList(sentences);
    answer["question"] = inputs["question"];
    answer["expected_answer"] = answerText.isEmpty() ? std::string("(reference answer not known)") : ss(answerText);
    return answer;
}

} // namespace kx
