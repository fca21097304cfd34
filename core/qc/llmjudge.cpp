// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmjudge.h"

namespace kx {

namespace {
QString transcript(const TestScenario &s, int maxChars)
{
    QString text = QStringLiteral("Name: %1\nCategory: %2\n\n").arg(s.name, categoryKey(s.category));
    for (const ChatMessage &m : s.messages)
        text += m.role + QStringLiteral(": ") + m.content + QLatin1Char('\n');
    if (!s.memoryRequirements.isEmpty())
        text += QStringLiteral("\nMemory requirements:\n- ") + s.memoryRequirements.join(QStringLiteral("\n- ")) + QLatin1Char('\n');
    if (!s.expectedCapabilities.isEmpty())
        text += QStringLiteral("\nExpected capabilities: ") + s.expectedCapabilities.join(QStringLiteral(", ")) + QLatin1Char('\n');
    if (s.evaluationCriteria.is_object() && !s.evaluationCriteria.empty())
        text += QStringLiteral("\nEvaluation criteria: ") + qs(dumpCompact(s.evaluationCriteria)) + QLatin1Char('\n');
    if (maxChars > 0 && text.size() > maxChars)
        text = text.left(maxChars) + QStringLiteral("\n[… cut]");
    return text;
}
} // namespace

LlmJudge::LlmJudge(PromptTemplate promptTemplate, GenerationBackend &backend)
    : m_template(std::move(promptTemplate)), m_backend(backend)
{
}

Result<PromptTemplate> LlmJudge::builtInTemplate()
{
    return PromptTemplate::builtIn(QStringLiteral("quality_judge"));
}

QString LlmJudge::scorerName() const
{
    return QStringLiteral("judge:") + m_backend.model();
}

Result<ChatRequest> LlmJudge::request(const TestScenario &scenario) const
{
    const Json &d = m_template.defaults();
    auto messages = m_template.render({{QStringLiteral("scenario"), transcript(scenario, d.value("max_scenario_chars", 6000))}});
    if (!messages)
        return messages.error();
    ChatRequest r;
    r.model = m_backend.model();
    r.messages = std::move(*messages);
    r.temperature = d.value("temperature", 0.0);
    r.maxTokens = d.value("max_tokens", 400);
    r.jsonObject = true;
    return r;
}

Result<Json> LlmJudge::validate(const Json &answer)
{
    auto scores = QualityScores::fromJson(answer);
    if (!scores)
        return scores.error();
    return answer;
}

Result<QualityScores> LlmJudge::judge(const TestScenario &scenario) const
{
    auto r = request(scenario);
    if (!r)
        return r.error();
    auto answer = m_backend.completeJson(*r, &LlmJudge::validate);
    if (!answer)
        return Error{answer.error().code, tr("judging \"%1\": %2").arg(scenario.id, answer.error().message)};
    return QualityScores::fromJson(answer->value);
}

} // namespace kx
