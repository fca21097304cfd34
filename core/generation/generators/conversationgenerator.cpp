// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversationgenerator.h"

#include "generation/generators/answershape.h"
#include "generation/generators/materialpicks.h"

namespace kx {

Result<ChatRequest> ConversationGenerator::buildRequest(int index, const GenerationOptions &options) const
{
    const Json p = parameters(options);
    const int minTurns = p.value("min_turns", 5);
    const int maxTurns = p.value("max_turns", 20);
    const int every = p.value("memory_every", 3);
    if (minTurns < 1 || maxTurns < minTurns || every < 1)
        return Error::badInput(tr("conversation: the length range must be 1 <= min_turns <= max_turns "
                                  "and memory_every >= 1 (got %1–%2, %3)").arg(minTurns).arg(maxTurns).arg(every));
    QStringList domains = toStringList(p.value("domains", Json::array()));
    if (domains.isEmpty())
        domains = options.material.domains;
    if (domains.isEmpty())
        return Error::badInput(tr("conversation: no domain given and the material has none"));

    DemoRandom random = randomFor(options, index);
    const QString domain = MaterialPicks::one(random, domains);
    const int turns = minTurns + random.below(maxTurns - minTurns + 1);
    const QString traits = qs(p.value("agent_traits", std::string()));

    Json inputs = Json::object();
    inputs["domain"] = ss(domain);
    inputs["turns"] = turns;
    inputs["memory_every"] = every;
    return makeRequest({{QStringLiteral("domain"), domain},
                        {QStringLiteral("turns"), QString::number(turns)},
                        {QStringLiteral("memory_every"), QString::number(every)},
                        {QStringLiteral("agent_traits"), traits}},
                       inputs, options);
}

Result<Json> ConversationGenerator::validate(const Json &answer) const
{
    if (auto r = AnswerShape::object(answer, tr("the conversation answer")); !r)
        return r.error();
    if (auto r = AnswerShape::string(answer, "domain"); !r)
        return r.error();
    if (auto r = AnswerShape::string(answer, "context"); !r)
        return r.error();
    if (auto r = AnswerShape::strings(answer, "objectives", 1); !r)
        return r.error();
    const auto messages = AnswerShape::messages(answer, "messages", 2);
    if (!messages)
        return messages.error();
    if (messages->first().role != QLatin1String("user"))
        return Error::badInput(tr("answer: \"messages\" must start with a user message"));
    if (auto r = AnswerShape::strings(answer, "memory_points", 1); !r)
        return r.error();
    return answer;
}

Result<QList<TestScenario>> ConversationGenerator::scenariosFrom(const Json &answer, int index, const Json & /*inputs*/,
                                                                 const GenerationOptions &options) const
{
    const Json p = parameters(options);
    TestScenario s = baseScenario(index, -1, Category::Synthetic, options, {});
    const QString domain = *AnswerShape::string(answer, "domain");
    s.name = tr("Synthetic Conversation %1 (%2)").arg(index).arg(domain);
    s.messages = *AnswerShape::messages(answer, "messages", 2);
    s.memoryRequirements = *AnswerShape::strings(answer, "memory_points", 1);
    s.expectedCapabilities = toStringList(p.value("expected_capabilities", Json::array()));
    s.evaluationCriteria = criteria(options);
    s.extra["domain"] = answer["domain"];
    s.extra["context"] = answer["context"];
    s.extra["objectives"] = answer["objectives"];
    return QList<TestScenario>{s};
}

Result<Json> ConversationGenerator::composeOffline(const Json &inputs, const GenerationMaterial &material,
                                                   DemoRandom &random) const
{
    if (!inputs.is_object() || !inputs.contains("domain"))
        return Error::badInput(tr("conversation: the request carries no domain for the offline backend"));
    const QString domain = qs(inputs.value("domain", std::string()));
    const int turns = std::max(1, inputs.value("turns", 5));
    const int every = std::max(1, inputs.value("memory_every", 3));
    const QList<int> facts = MaterialPicks::distinct(random, material.facts.size(), (turns + every - 1) / every);

    Json messages = Json::array();
    Json points = Json::array();
    for (int t = 0; t < turns; ++t) {
        const int k = t == 0 ? 0 : 1 + random.below(int(material.userUtterances.size()) - 1);
        QString user = material.userUtterances.at(k);
        QString assistant = material.assistantUtterances.at(k % material.assistantUtterances.size());
        // The seed injects a memory point when turn % 3 == 0: turn 0, 3, 6, …
        if (t % every == 0 && t / every < facts.size()) {
            const QString fact = material.facts.at(facts.at(t / every));
            user += QStringLiteral(" For context: ") + fact;
            assistant = QStringLiteral("Thanks, I'll keep that in mind. ") + assistant;
            points.push_back(ss(fact));
        }
        messages.push_back({{"role", "user"}, {"content", ss(user.replace(QStringLiteral("{domain}"), domain))}});
        messages.push_back(
            {{"role", "assistant"}, {"content", ss(assistant.replace(QStringLiteral("{domain}"), domain))}});
    }
    Json answer = Json::object();
    answer["domain"] = ss(domain);
    answer["context"] = ss(QStringLiteral("A user asks the agent for help with %1.").arg(domain));
    answer["objectives"] = Json::array({ss(QStringLiteral("get practical advice on %1").arg(domain)),
                                        "have the agent remember personal details"});
    answer["messages"] = std::move(messages);
    answer["memory_points"] = std::move(points);
    return answer;
}

} // namespace kx
