// SPDX-License-Identifier: GPL-3.0-or-later
#include "adversarialgenerator.h"

#include "generation/generators/answershape.h"
#include "generation/generators/materialpicks.h"

namespace kx {

namespace {
QString kindLabel(const QString &kind)
{
    if (kind == QLatin1String("memory_contradiction"))
        return AdversarialGenerator::tr("Memory Contradiction");
    if (kind == QLatin1String("context_overflow"))
        return AdversarialGenerator::tr("Context Overflow");
    if (kind == QLatin1String("temporal_consistency"))
        return AdversarialGenerator::tr("Temporal Consistency");
    if (kind == QLatin1String("multi_agent_confusion"))
        return AdversarialGenerator::tr("Multi-Agent Confusion");
    return kind;
}
} // namespace

Result<ChatRequest> AdversarialGenerator::buildRequest(int index, const GenerationOptions &options) const
{
    const Json p = parameters(options);
    const QStringList kinds = toStringList(p.value("kinds", Json::array()));
    if (kinds.isEmpty())
        return Error::badInput(tr("adversarial: the \"kinds\" parameter is empty"));
    const QString kind = kinds.at(index % kinds.size());
    const Json cases = p.value("cases", Json::object()).value(ss(kind), Json::array());
    if (!cases.is_array() || cases.empty())
        return Error::badInput(tr("adversarial: the \"cases\" parameter has no example of kind \"%1\"").arg(kind));
    const Json &example = cases[size_t(index / kinds.size()) % cases.size()];
    if (!example.is_object())
        return Error::badInput(tr("adversarial: an example case of kind \"%1\" is not an object").arg(kind));
    const QString description = qs(p.value("kind_descriptions", Json::object()).value(ss(kind), std::string()));

    Json inputs = Json::object();
    inputs["kind"] = ss(kind);
    inputs["example"] = example;
    inputs["filler_turns"] = p.value("overflow_filler_turns", 40);
    return makeRequest({{QStringLiteral("kind"), kind},
                        {QStringLiteral("kind_description"), description},
                        {QStringLiteral("example"), qs(example.dump(2))}},
                       inputs, options);
}

Result<Json> AdversarialGenerator::validate(const Json &answer) const
{
    if (auto r = AnswerShape::object(answer, tr("the adversarial answer")); !r)
        return r.error();
    if (auto r = AnswerShape::string(answer, "kind"); !r)
        return r.error();
    if (auto r = AnswerShape::messages(answer, "setup", 1); !r)
        return r.error();
    if (auto r = AnswerShape::string(answer, "question"); !r)
        return r.error();
    if (auto r = AnswerShape::strings(answer, "memories", 1); !r)
        return r.error();
    if (auto r = AnswerShape::string(answer, "expected_handling"); !r)
        return r.error();
    return answer;
}

Result<QList<TestScenario>> AdversarialGenerator::scenariosFrom(const Json &answer, int index, const Json &inputs,
                                                                const GenerationOptions &options) const
{
    // The kind asked for decides capabilities and criteria, whatever the model wrote back.
    const std::string kind = inputs.value("kind", std::string());
    const Json p = parameters(options);

    TestScenario s = baseScenario(index, -1, Category::Adversarial, options, {});
    s.name = tr("%1 %2").arg(kindLabel(qs(kind))).arg(index);
    s.messages = *AnswerShape::messages(answer, "setup", 1);
    s.messages.append(ChatMessage{QStringLiteral("user"), *AnswerShape::string(answer, "question"), Json::object()});
    s.memoryRequirements = *AnswerShape::strings(answer, "memories", 1);
    s.expectedCapabilities = toStringList(p.value("capabilities", Json::object()).value(kind, Json::array()));
    if (s.expectedCapabilities.isEmpty())
        s.expectedCapabilities = {QStringLiteral("edge_case_handling")};
    const Json c = p.value("criteria", Json::object()).value(kind, Json::object());
    s.evaluationCriteria = c.is_object() ? c : Json::object();
    s.evaluationCriteria["handling"] = answer["expected_handling"];
    s.extra["adversarial_kind"] = kind;
    return QList<TestScenario>{s};
}

Result<Json> AdversarialGenerator::composeOffline(const Json &inputs, const GenerationMaterial &material,
                                                  DemoRandom &random) const
{
    const Json example = inputs.is_object() ? inputs.value("example", Json()) : Json();
    if (!example.is_object())
        return Error::badInput(tr("adversarial: the request carries no example case for the offline backend"));
    const std::string kind = inputs.value("kind", std::string());
    const QStringList memories = toStringList(example.value("memories", Json::array()));

    Json setup = Json::array();
    for (int i = 0; i < memories.size(); ++i)
        setup.push_back({{"role", "system"}, {"content", ss(QStringLiteral("Memory %1: %2").arg(i + 1).arg(memories.at(i)))}});
    if (kind == "context_overflow") {
        // The key fact is buried under a long stretch of unrelated small talk.
        const QString domain = MaterialPicks::one(random, material.domains);
        const int filler = std::max(1, inputs.value("filler_turns", 40));
        for (int t = 0; t < filler; ++t) {
            const int k = MaterialPicks::index(random, material.userUtterances.size());
            QString user = material.userUtterances.at(k);
            QString assistant = material.assistantUtterances.at(k % material.assistantUtterances.size());
            setup.push_back({{"role", "user"}, {"content", ss(user.replace(QStringLiteral("{domain}"), domain))}});
            setup.push_back({{"role", "assistant"}, {"content", ss(assistant.replace(QStringLiteral("{domain}"), domain))}});
        }
    }
    Json answer = Json::object();
    answer["kind"] = kind;
    answer["setup"] = std::move(setup);
    answer["question"] = example.value("question", std::string());
    answer["memories"] = fromStringList(memories);
    answer["expected_handling"] = example.value("expected_handling", std::string());
    return answer;
}

} // namespace kx
