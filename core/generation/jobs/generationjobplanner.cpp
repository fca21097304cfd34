// SPDX-License-Identifier: GPL-3.0-or-later
#include "generationjobplanner.h"

#include "generation/generators/generatorregistry.h"
#include "store/jobstore.h"
#include "store/prompttemplatestore.h"
#include "store/workspacestore.h"

#include <QUrl>

namespace kx {

namespace {
const QString offlineKey = QStringLiteral("offline");
const QString openAiKey = QStringLiteral("openai");
} // namespace

Category GenerationJobPlanner::categoryOf(const QString &generator)
{
    return generator == QLatin1String("adversarial") ? Category::Adversarial : Category::Synthetic;
}

QString GenerationJobPlanner::defaultModel(const QString &backend)
{
    return backend == offlineKey ? QStringLiteral("kairix-offline-1") : QStringLiteral("gpt-4o-mini");
}

Result<QList<int>> GenerationJobPlanner::itemQuotas(const Generator &generator, const GenerationOptions &options,
                                                   int requested)
{
    const int maxItems = generator.maxItems(options);
    QList<int> quotas;
    int planned = 0;
    for (int i = 0; planned < requested; ++i) {
        if (maxItems >= 0 && i >= maxItems)
            return Error::badInput(tr("%1: the job asks for %2 scenarios, but its input gives at most %3")
                                       .arg(generator.name()).arg(requested).arg(planned));
        const int gives = generator.scenariosPerItem(i, options);
        if (gives <= 0)
            return Error::badInput(tr("%1: item %2 would give no scenario; check the parameters")
                                       .arg(generator.name()).arg(i));
        const int kept = std::min(gives, requested - planned);
        quotas.append(kept);
        planned += kept;
    }
    return quotas;
}

Result<GenerationJob> GenerationJobPlanner::plan(const GenerationJob &spec, WorkspaceStore &store)
{
    auto registry = GeneratorRegistry::createDefault();
    if (!registry)
        return registry.error();
    const Generator *generator = (*registry)->find(spec.generator);
    if (!generator)
        return Error::badInput(tr("unknown generator \"%1\"; use one of: %2")
                                   .arg(spec.generator, (*registry)->names().join(QStringLiteral(", "))));
    if (spec.backend != offlineKey && spec.backend != openAiKey)
        return Error::badInput(tr("unknown backend \"%1\"; use offline or openai").arg(spec.backend));
    if (spec.requested < 1)
        return Error::badInput(tr("the job must ask for at least one scenario (asked for %1)").arg(spec.requested));
    if (spec.concurrency < 1 || spec.concurrency > 256)
        return Error::badInput(tr("concurrency must be between 1 and 256 (got %1)").arg(spec.concurrency));
    if (!spec.parameters.is_object())
        return Error::badInput(tr("the generator parameters must be a JSON object"));

    GenerationJob job = spec;
    if (job.backend == openAiKey) {
        const QUrl url(job.baseUrl);
        if (job.baseUrl.isEmpty())
            return Error::badInput(tr("the openai backend needs a base URL (e.g. http://127.0.0.1:8000/v1)"));
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return Error::badInput(tr("the base URL \"%1\" is not an http or https URL").arg(job.baseUrl));
    } else {
        job.baseUrl.clear();
    }
    if (job.model.isEmpty())
        job.model = defaultModel(job.backend);

    PromptTemplateStore templates(store);
    auto pinned = templates.current(generator->templateId());
    if (!pinned)
        return pinned.error();
    job.promptTemplate = pinned->toJson();

    GenerationOptions options;
    options.seed = job.seed;
    options.parameters = job.parameters;
    for (qint64 rowId : std::as_const(job.parents)) {
        auto parent = store.scenario(rowId);
        if (!parent)
            return Error::badInput(tr("parent scenario %1: %2").arg(rowId).arg(parent.error().message));
        options.parents.append(std::move(*parent));
    }
    if (job.generator == QLatin1String("augment") && options.parents.isEmpty())
        return Error::badInput(tr("augment needs parent scenarios to vary; select some first"));
    auto quotas = itemQuotas(*generator, options, job.requested);
    if (!quotas)
        return quotas.error();
    job.itemsTotal = int(quotas->size());
    job.requestKey = job.computeRequestKey();
    return job;
}

Result<GenerationJob> GenerationJobPlanner::create(const GenerationJob &spec, WorkspaceStore &store)
{
    auto job = plan(spec, store);
    if (!job)
        return job;
    return registerPlanned(*job, store);
}

Result<GenerationJob> GenerationJobPlanner::registerPlanned(const GenerationJob &planned, WorkspaceStore &store)
{
    const GenerationJob *job = &planned;
    TestDataset dataset;
    dataset.name = tr("Generated: %1 ×%2 (seed %3)").arg(job->generator).arg(job->requested).arg(job->seed);
    dataset.kind = QStringLiteral("generated");
    dataset.category = categoryOf(job->generator);
    dataset.source = QStringLiteral("generator:%1/%2/%3").arg(job->generator, job->backend, job->model);
    dataset.metadata["generator"] = ss(job->generator);
    dataset.metadata["backend"] = ss(job->backend);
    dataset.metadata["model"] = ss(job->model);
    dataset.metadata["seed"] = job->seed;
    dataset.metadata["prompt_template"] = job->promptTemplate.value("id", std::string());
    dataset.metadata["prompt_template_version"] = job->promptTemplate.value("version", 0);
    JobStore jobs(store);
    return jobs.create(planned, dataset);
}

} // namespace kx
