// SPDX-License-Identifier: GPL-3.0-or-later
#include "generationplan.h"

#include <limits>

namespace kx {

Result<GenerationJob> GenerationPlan::Item::toGenerationJob() const
{
    if (importMore())
        return Error::badInput(tr("No generator makes %1 scenarios; import %2 more instead.")
                                   .arg(categoryKey(category))
                                   .arg(toGenerate));
    if (toGenerate < 1)
        return Error::badInput(tr("The %1 generator has nothing to generate in this plan.").arg(generator));
    if (toGenerate > std::numeric_limits<int>::max())
        return Error::badInput(tr("The %1 generator would have to make %2 scenarios, more than one job can ask for.")
                                   .arg(generator)
                                   .arg(toGenerate));
    GenerationJob job;
    job.generator = generator;
    job.requested = int(toGenerate);
    return job;
}

Json GenerationPlan::Item::toJson() const
{
    Json j = Json::object();
    j["generator"] = importMore() ? Json() : Json(ss(generator));
    j["category"] = ss(categoryKey(category));
    j["action"] = importMore() ? "import" : "generate";
    j["to_accept"] = toAccept;
    j["to_generate"] = toGenerate;
    j["acceptance_rate"] = acceptanceRate;
    j["observed_accepted"] = observedAccepted;
    j["observed_reviewed"] = observedReviewed;
    return j;
}

qint64 GenerationPlan::totalToGenerate() const
{
    qint64 n = 0;
    for (const Item &item : items)
        if (!item.importMore())
            n += item.toGenerate;
    return n;
}

qint64 GenerationPlan::totalToImport() const
{
    qint64 n = 0;
    for (const Item &item : items)
        if (item.importMore())
            n += item.toGenerate;
    return n;
}

QList<GenerationJob> GenerationPlan::generationJobs() const
{
    QList<GenerationJob> jobs;
    for (const Item &item : items) {
        if (auto job = item.toGenerationJob(); job.ok())
            jobs.append(std::move(job).value());
    }
    return jobs;
}

Json GenerationPlan::toJson() const
{
    Json missingJson = Json::object();
    for (Category c : allCategories)
        missingJson[ss(categoryKey(c))] = missing[std::size_t(c)];
    Json list = Json::array();
    for (const Item &item : items)
        list.push_back(item.toJson());

    Json j = Json::object();
    j["suite_size"] = suiteSize;
    j["missing"] = std::move(missingJson);
    j["items"] = std::move(list);
    j["to_generate"] = totalToGenerate();
    j["to_import"] = totalToImport();
    return j;
}

} // namespace kx
