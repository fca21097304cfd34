// SPDX-License-Identifier: GPL-3.0-or-later
#include "memoryrecallgenerator.h"

#include "generation/generators/answershape.h"
#include "generation/generators/materialpicks.h"

namespace kx {

Result<ChatRequest> MemoryRecallGenerator::buildRequest(int index, const GenerationOptions &options) const
{
    const Json p = parameters(options);
    const int factCount = std::max(3, p.value("facts_per_scenario", 3));
    const int turns = std::max(factCount, p.value("history_turns", 4));
    const GenerationMaterial &m = options.material;
    if (m.agentProfiles.isEmpty())
        return Error::badInput(tr("memory: the material has no agent profile"));
    if (m.facts.size() < factCount)
        return Error::badInput(tr("memory: the material has %1 facts, %2 are needed").arg(m.facts.size()).arg(factCount));

    DemoRandom random = randomFor(options, index);
    const QString profile = MaterialPicks::one(random, m.agentProfiles);
    QStringList facts;
    for (int k : MaterialPicks::distinct(random, m.facts.size(), factCount))
        facts.append(m.facts.at(k));

    Json inputs = Json::object();
    inputs["agent_profile"] = ss(profile);
    inputs["facts"] = fromStringList(facts);
    inputs["history_turns"] = turns;
    QString factLines;
    for (const QString &f : facts)
        factLines += QStringLiteral("- ") + f + QLatin1Char('\n');
    return makeRequest({{QStringLiteral("agent_profile"), profile},
                        {QStringLiteral("facts"), factLines.trimmed()},
                        {QStringLiteral("history_turns"), QString::number(turns)}},
                       inputs, options);
}

Result<Json> MemoryRecallGenerator::validate(const Json &answer) const
{
    if (auto r = AnswerShape::object(answer, tr("the memory-recall answer")); !r)
        return r.error();
    if (auto r = AnswerShape::messages(answer, "history", 2); !r)
        return r.error();
    auto points = AnswerShape::strings(answer, "memory_points", 3);
    if (!points)
        return points.error();
    if (points->size() != 3)
        return Error::badInput(tr("answer: \"memory_points\" must hold exactly 3 strings, it has %1").arg(points->size()));
    if (auto r = AnswerShape::string(answer, "question"); !r)
        return r.error();
    if (auto r = AnswerShape::strings(answer, "required_memories", 3); !r)
        return r.error();
    if (auto r = AnswerShape::strings(answer, "expected_elements", 1); !r)
        return r.error();
    return answer;
}

Result<QList<TestScenario>> MemoryRecallGenerator::scenariosFrom(const Json &answer, int index, const Json &inputs,
                                                                 const GenerationOptions &options) const
{
    const Json p = parameters(options);

    TestScenario s = baseScenario(index, -1, Category::Synthetic, options, {});
    s.name = tr("Memory Recall Test %1").arg(index);
    s.messages.append(ChatMessage{QStringLiteral("system"),
                                  QStringLiteral("Agent profile: ") + qs(inputs.value("agent_profile", std::string())),
                                  Json::object()});
    Json earlier = Json::object();
    earlier["session"] = "earlier";
    const QList<ChatMessage> history = *AnswerShape::messages(answer, "history", 2);
    for (ChatMessage m : history) {
        m.extra = earlier;
        s.messages.append(std::move(m));
    }
    Json current = Json::object();
    current["session"] = "current";
    s.messages.append(ChatMessage{QStringLiteral("user"), *AnswerShape::string(answer, "question"), current});
    s.memoryRequirements = *AnswerShape::strings(answer, "required_memories", 3);
    s.expectedCapabilities = toStringList(p.value("expected_capabilities", Json::array()));
    s.evaluationCriteria = criteria(options);
    s.evaluationCriteria["expected_elements"] = answer["expected_elements"];
    return QList<TestScenario>{s};
}

Result<Json> MemoryRecallGenerator::composeOffline(const Json &inputs, const GenerationMaterial &material,
                                                   DemoRandom &random) const
{
    if (!inputs.is_object() || !inputs.contains("facts") || !inputs["facts"].is_array())
        return Error::badInput(tr("memory: the request carries no facts for the offline backend"));
    const QStringList facts = toStringList(inputs["facts"]);
    const int turns = std::max(int(facts.size()), inputs.value("history_turns", 4));
    static const char *const leads[] = {"By the way,", "Oh, and", "Something you should know:", "Just so you know,"};
    static const char *const acks[] = {"Thanks for telling me, I'll remember that.", "Noted, I'll keep that in mind.",
                                       "Got it. That's good to know.", "I'll remember that for next time."};

    // Facts go to distinct turns, the rest is small talk, so recall has to find them.
    const QList<int> factTurns = MaterialPicks::distinct(random, turns, int(facts.size()));
    Json history = Json::array();
    for (int t = 0; t < turns; ++t) {
        const int f = int(factTurns.indexOf(t));
        QString user;
        QString assistant;
        if (f >= 0) {
            user = QLatin1String(leads[random.below(4)]) + QLatin1Char(' ') + facts.at(f);
            assistant = QLatin1String(acks[random.below(4)]);
        } else {
            const int k = MaterialPicks::index(random, material.userUtterances.size());
            user = material.userUtterances.at(k);
            assistant = material.assistantUtterances.at(k % material.assistantUtterances.size());
        }
        const QString topic = QStringLiteral("planning my week");
        history.push_back({{"role", "user"}, {"content", ss(user.replace(QStringLiteral("{domain}"), topic))}});
        history.push_back(
            {{"role", "assistant"}, {"content", ss(assistant.replace(QStringLiteral("{domain}"), topic))}});
    }
    Json points = Json::array();
    Json elements = Json::array();
    for (int k = 0; k < 3 && k < facts.size(); ++k) {
        points.push_back(ss(QStringLiteral("The user said: \"%1\"").arg(facts.at(k))));
        elements.push_back(ss(MaterialPicks::keyPhrase(facts.at(k))));
    }
    Json answer = Json::object();
    answer["history"] = std::move(history);
    answer["memory_points"] = points;
    answer["question"] = ss(MaterialPicks::one(random, material.recallQuestions));
    answer["required_memories"] = points;
    answer["expected_elements"] = std::move(elements);
    return answer;
}

} // namespace kx
