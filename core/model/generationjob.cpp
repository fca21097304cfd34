// SPDX-License-Identifier: GPL-3.0-or-later
#include "generationjob.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace kx {

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(kx::GenerationJob) };

constexpr JobState allStates[] = {JobState::Queued,    JobState::Running,   JobState::Paused,
                                  JobState::Cancelled, JobState::Completed, JobState::Failed};

Json idArray(const QList<qint64> &ids)
{
    Json a = Json::array();
    for (qint64 id : ids)
        a.push_back(id);
    return a;
}

/** Objects with their keys sorted, recursively: the same content always dumps to the same text. */
nlohmann::json canonical(const Json &j)
{
    return nlohmann::json::parse(j.dump());
}
} // namespace

QString jobStateKey(JobState state)
{
    switch (state) {
    case JobState::Queued: return QStringLiteral("queued");
    case JobState::Running: return QStringLiteral("running");
    case JobState::Paused: return QStringLiteral("paused");
    case JobState::Cancelled: return QStringLiteral("cancelled");
    case JobState::Completed: return QStringLiteral("completed");
    case JobState::Failed: return QStringLiteral("failed");
    }
    return {};
}

std::optional<JobState> jobStateFromKey(QStringView key)
{
    for (JobState s : allStates) {
        if (key == jobStateKey(s))
            return s;
    }
    return std::nullopt;
}

QString jobStateLabel(JobState state)
{
    switch (state) {
    case JobState::Queued: return Tr::tr("Queued");
    case JobState::Running: return Tr::tr("Running");
    case JobState::Paused: return Tr::tr("Paused");
    case JobState::Cancelled: return Tr::tr("Cancelled");
    case JobState::Completed: return Tr::tr("Completed");
    case JobState::Failed: return Tr::tr("Failed");
    }
    return {};
}

Json GenerationJob::toJson() const
{
    Json j = Json::object();
    j["id"] = id;
    j["generator"] = ss(generator);
    j["parameters"] = parameters;
    j["backend"] = ss(backend);
    j["model"] = ss(model);
    j["base_url"] = ss(baseUrl);
    j["concurrency"] = concurrency;
    if (temperature >= 0)
        j["temperature"] = temperature;
    j["seed"] = seed;
    j["requested"] = requested;
    j["parents"] = idArray(parents);
    j["prompt_template"] = promptTemplate.value("id", std::string());
    j["prompt_template_version"] = promptTemplate.value("version", 0);
    j["dataset_id"] = datasetId;
    j["state"] = ss(jobStateKey(state));
    j["items_total"] = itemsTotal;
    j["items_done"] = itemsDone;
    j["items_failed"] = itemsFailed;
    j["generated"] = generated;
    j["prompt_tokens"] = promptTokens;
    j["completion_tokens"] = completionTokens;
    j["error"] = ss(error);
    j["created_at"] = ss(createdAt.toUTC().toString(Qt::ISODateWithMs));
    j["updated_at"] = ss(updatedAt.toUTC().toString(Qt::ISODateWithMs));
    return j;
}

QString GenerationJob::computeRequestKey() const
{
    Json key = Json::object();
    key["generator"] = ss(generator);
    key["parameters"] = parameters;
    key["backend"] = ss(backend);
    key["model"] = ss(model);
    key["base_url"] = ss(baseUrl);
    key["temperature"] = temperature;
    key["seed"] = seed;
    key["requested"] = requested;
    key["parents"] = idArray(parents);
    key["prompt_template"] = promptTemplate;
    const std::string text = canonical(key).dump();
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArrayView(text.data(), qsizetype(text.size())), QCryptographicHash::Sha256)
            .toHex());
}

} // namespace kx
