// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenarioedits.h"

#include <QCoreApplication>

#include <algorithm>

namespace kx::ScenarioEdits {

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(kx::ScenarioEdits) };

constexpr const char kTagsKey[] = "audio_tags";
constexpr const char kTranscriptKey[] = "expected_transcript";

int firstUserMessage(const TestScenario &s)
{
    for (int i = 0; i < s.messages.size(); ++i)
        if (s.messages[i].role == QLatin1String("user"))
            return i;
    return -1;
}
} // namespace

TestScenario withStatus(TestScenario scenario, ReviewStatus status)
{
    scenario.status = status;
    return scenario;
}

QList<AudioIssueTag> audioTags(const TestScenario &scenario)
{
    QList<AudioIssueTag> tags;
    const auto it = scenario.review.find(kTagsKey);
    if (it == scenario.review.end() || !it->is_array())
        return tags;
    for (AudioIssueTag tag : AudioIssueTags::all())
        for (const Json &k : *it)
            if (k.is_string() && qs(k.get<std::string>()) == AudioIssueTags::key(tag))
                tags.append(tag);
    return tags;
}

TestScenario withAudioTagToggled(TestScenario scenario, AudioIssueTag tag)
{
    QList<AudioIssueTag> tags = audioTags(scenario);
    if (tags.contains(tag))
        tags.removeAll(tag);
    else
        tags.append(tag);
    if (tags.isEmpty()) {
        scenario.review.erase(kTagsKey);
        return scenario;
    }
    Json keys = Json::array();
    for (AudioIssueTag t : AudioIssueTags::all())
        if (tags.contains(t))
            keys.push_back(ss(AudioIssueTags::key(t)));
    scenario.review[kTagsKey] = std::move(keys);
    return scenario;
}

QString transcript(const TestScenario &scenario)
{
    const auto it = scenario.evaluationCriteria.find(kTranscriptKey);
    return it != scenario.evaluationCriteria.end() && it->is_string() ? qs(it->get<std::string>()) : QString();
}

TestScenario withTranscript(TestScenario scenario, const QString &text)
{
    const QString old = transcript(scenario);
    if (!scenario.evaluationCriteria.is_object())
        scenario.evaluationCriteria = Json::object();
    scenario.evaluationCriteria[kTranscriptKey] = ss(text);
    const int user = firstUserMessage(scenario);
    if (user >= 0 && !old.isEmpty() && scenario.messages[user].content == old)
        scenario.messages[user].content = text;
    return scenario;
}

QList<std::pair<QString, QString>> speakerDetails(const TestScenario &scenario)
{
    QList<std::pair<QString, QString>> out;
    if (!scenario.audio.is_object())
        return out;
    const std::pair<const char *, QString> fields[] = {
        {"speaker_id", Tr::tr("Speaker")}, {"chapter_id", Tr::tr("Chapter")}, {"age", Tr::tr("Age")},
        {"gender", Tr::tr("Gender")},      {"accent", Tr::tr("Accent")},      {"region", Tr::tr("Region")},
        {"comment", Tr::tr("Comment")},    {"mic", Tr::tr("Microphone")},
    };
    for (const auto &[key, label] : fields) {
        const auto it = scenario.audio.find(key);
        if (it == scenario.audio.end() || it->is_null())
            continue;
        const QString value = it->is_string() ? qs(it->get<std::string>()) : qs(it->dump());
        if (!value.isEmpty())
            out.append({label, value});
    }
    return out;
}

TestScenario withMessage(TestScenario scenario, int index, const QString &role, const QString &content)
{
    if (index < 0 || index >= scenario.messages.size())
        return scenario;
    scenario.messages[index].role = role;
    scenario.messages[index].content = content;
    return scenario;
}

TestScenario withMemoryRequirementAdded(TestScenario scenario, const QString &text)
{
    scenario.memoryRequirements.append(text);
    return scenario;
}

TestScenario withMemoryRequirement(TestScenario scenario, int index, const QString &text)
{
    if (index >= 0 && index < scenario.memoryRequirements.size())
        scenario.memoryRequirements[index] = text;
    return scenario;
}

TestScenario withMemoryRequirementRemoved(TestScenario scenario, int index)
{
    if (index >= 0 && index < scenario.memoryRequirements.size())
        scenario.memoryRequirements.removeAt(index);
    return scenario;
}

TestScenario withCriterion(TestScenario scenario, const QString &key, const Json &value)
{
    Json &criteria = scenario.evaluationCriteria;
    if (criteria.is_null())
        criteria = Json::object();
    else if (!criteria.is_object())
        criteria = Json{{"value", criteria}};
    criteria[ss(key)] = value; // ordered_json: an existing key keeps its place
    return scenario;
}

TestScenario withCriterionRenamed(TestScenario scenario, const QString &from, const QString &to)
{
    const Json &criteria = scenario.evaluationCriteria;
    const std::string oldKey = ss(from);
    const std::string newKey = ss(to);
    if (!criteria.is_object() || !criteria.contains(oldKey) || criteria.contains(newKey) || newKey.empty())
        return scenario;
    // Rebuilt in order, so the renamed criterion stays where the reviewer saw it.
    Json renamed = Json::object();
    for (const auto &[key, value] : criteria.items())
        renamed[key == oldKey ? newKey : key] = value;
    scenario.evaluationCriteria = std::move(renamed);
    return scenario;
}

TestScenario withoutCriterion(TestScenario scenario, const QString &key)
{
    if (scenario.evaluationCriteria.is_object())
        scenario.evaluationCriteria.erase(ss(key));
    return scenario;
}

Json criterionValueFromText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return ss(text);
    const std::string utf8 = ss(trimmed);
    Json parsed = Json::parse(utf8, nullptr, false);
    if (parsed.is_discarded())
        return ss(text);
    return parsed;
}

QString criterionValueText(const Json &value)
{
    return value.is_string() ? qs(value.get<std::string>()) : qs(dumpCompact(value));
}

} // namespace kx::ScenarioEdits
