// SPDX-License-Identifier: GPL-3.0-or-later
#include "generationjobexecutor.h"

#include "generation/apikeysource.h"
#include "generation/generationlogging.h"
#include "generation/generators/generatorregistry.h"
#include "generation/generators/offlinebackend.h"
#include "generation/jobs/generationjobplanner.h"
#include "generation/openaibackend.h"
#include "store/jobstore.h"
#include "store/workspacestore.h"

#include <QElapsedTimer>
#include <QThreadPool>
#include <QUrl>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

namespace kx {

namespace {
/** Workspace material sampled for a job: enough variety, bounded memory. */
constexpr int materialLimit = 500;
} // namespace

GenerationJobExecutor::GenerationJobExecutor(QString workspacePath, qint64 jobId)
    : m_path(std::move(workspacePath)), m_jobId(jobId)
{
}

GenerationJobExecutor::~GenerationJobExecutor() = default;

bool GenerationJobExecutor::processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
#ifdef Q_OS_UNIX
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#else
    return pid == QCoreApplication::applicationPid();
#endif
}

void GenerationJobExecutor::requestPause(bool abandonInFlight)
{
    int expected = Go;
    if (m_stop.compare_exchange_strong(expected, abandonInFlight ? PauseNow : Pause) && abandonInFlight)
        this->abandonInFlight();
}

void GenerationJobExecutor::requestCancel()
{
    m_stop.store(Cancel);
    abandonInFlight();
}

void GenerationJobExecutor::abandonInFlight()
{
    std::shared_ptr<GenerationBackend> backend;
    {
        const std::lock_guard lock(m_backendMutex);
        backend = m_backend;
    }
    if (backend)
        backend->cancelAll();
}

Result<std::shared_ptr<GenerationBackend>> GenerationJobExecutor::makeBackend(
    const GenerationJob &job, const std::shared_ptr<const GeneratorRegistry> &registry,
    const GenerationOptions &options) const
{
    if (m_backendOverride)
        return m_backendOverride;
    if (job.backend == QLatin1String("offline")) {
        auto builtIn = GenerationMaterial::builtIn();
        if (!builtIn)
            return builtIn.error();
        return std::shared_ptr<GenerationBackend>(
            std::make_shared<OfflineBackend>(registry, options.material, *builtIn, job.seed));
    }
    if (job.backend == QLatin1String("openai")) {
        ChatEndpoint endpoint;
        endpoint.baseUrl = QUrl(job.baseUrl);
        endpoint.concurrency = job.concurrency;
        endpoint.timeoutMs = job.timeoutMs;
        // A local server (llama.cpp, vLLM, Ollama) often needs no key: "none anywhere" is fine.
        auto key = ApiKeySource::forEndpoint(job.baseUrl);
        if (!key)
            return key.error();
        endpoint.apiKey = *key;
        return std::shared_ptr<GenerationBackend>(std::make_shared<OpenAiBackend>(endpoint, job.model));
    }
    return Error::badInput(tr("job %1: unknown backend \"%2\"").arg(job.id).arg(job.backend));
}

Result<GenerationJob> GenerationJobExecutor::run()
{
    auto opened = WorkspaceStore::open(m_path);
    if (!opened)
        return opened.error();
    WorkspaceStore &store = **opened;
    JobStore jobs(store);
    auto loaded = jobs.job(m_jobId);
    if (!loaded)
        return loaded.error();
    GenerationJob job = *loaded;
    const qint64 self = QCoreApplication::applicationPid();
    if (job.state == JobState::Running && job.ownerPid != self && processAlive(job.ownerPid))
        return Error::badInput(tr("generation job %1 is running in process %2").arg(m_jobId).arg(job.ownerPid));
    if (job.state == JobState::Running)
        (void)jobs.log(m_jobId, QStringLiteral("warning"),
                       tr("the process that ran this job (%1) ended without finishing it").arg(job.ownerPid));

    // Everything the items need, built once: the generator with the job's pinned template, the options, the backend.
    const auto fail = [&](const QString &why) -> Result<GenerationJob> {
        qCWarning(lcGeneration) << "job" << m_jobId << "cannot run:" << why;
        if (auto r = jobs.setState(m_jobId, JobState::Failed, why); !r)
            return r.error();
        (void)jobs.log(m_jobId, QStringLiteral("error"), why);
        return jobs.job(m_jobId);
    };
    const QString pinnedId = qs(job.promptTemplate.value("id", std::string()));
    auto registry = GeneratorRegistry::create([&](const QString &templateId) -> Result<PromptTemplate> {
        if (templateId == pinnedId)
            return PromptTemplate::fromJson(job.promptTemplate, tr("job %1's prompt template").arg(m_jobId));
        return PromptTemplate::builtIn(templateId);
    });
    if (!registry)
        return fail(registry.error().message);
    const Generator *generator = (*registry)->find(job.generator);
    if (!generator)
        return fail(tr("unknown generator \"%1\"").arg(job.generator));

    GenerationOptions options;
    options.seed = job.seed;
    options.backend = job.backend;
    options.model = job.model;
    options.temperature = job.temperature;
    options.parameters = job.parameters;
    auto material = GenerationMaterial::fromWorkspace(store, materialLimit);
    if (!material)
        return fail(material.error().message);
    options.material = *material;
    if (auto builtIn = GenerationMaterial::builtIn(); builtIn)
        options.material = options.material.withFallback(*builtIn);
    for (qint64 rowId : std::as_const(job.parents)) {
        auto parent = store.scenario(rowId);
        if (!parent)
            return fail(tr("parent scenario %1: %2").arg(rowId).arg(parent.error().message));
        options.parents.append(std::move(*parent));
    }
    auto quotas = GenerationJobPlanner::itemQuotas(*generator, options, job.requested);
    if (!quotas)
        return fail(quotas.error().message);
    if (quotas->size() != job.itemsTotal) {
        if (auto r = jobs.setItemsTotal(m_jobId, int(quotas->size())); !r)
            return r.error();
    }
    auto backend = makeBackend(job, *registry, options);
    if (!backend)
        return fail(backend.error().message);
    {
        const std::lock_guard lock(m_backendMutex);
        m_backend = *backend;
    }

    // Failed items get another chance; done ones never run twice.
    if (job.itemsFailed > 0) {
        if (auto r = jobs.clearFailedItems(m_jobId); !r)
            return r.error();
    }
    auto done = jobs.doneItems(m_jobId);
    if (!done)
        return done.error();
    QList<int> pending;
    for (int i = 0; i < quotas->size(); ++i) {
        if (!done->contains(i))
            pending.append(i);
    }
    if (auto r = jobs.setState(m_jobId, JobState::Running, QString(), self); !r)
        return r.error();
    (void)jobs.log(m_jobId, QStringLiteral("info"),
                   done->isEmpty() ? tr("started: %n item(s) on %1 (%2), concurrency %3", nullptr, int(pending.size()))
                                         .arg(job.backend, job.model).arg(job.concurrency)
                                   : tr("resumed: %1 of %2 items left").arg(pending.size()).arg(quotas->size()));
    std::mutex storeMutex; // one writer at a time on this connection
    const auto publish = [&](const GenerationJob &snapshot) {
        if (m_onUpdate)
            m_onUpdate(snapshot);
    };
    if (auto now = jobs.job(m_jobId); now)
        publish(*now);

    std::atomic<int> next{0};
    std::atomic<bool> storeBroken{false};
    Error storeError;
    const auto work = [&] {
        while (m_stop.load() == Go && !storeBroken.load()) {
            const int k = next.fetch_add(1);
            if (k >= pending.size())
                return;
            const int index = pending.at(k);
            JobItemUsage usage;
            Result<QList<TestScenario>> scenarios = Error::badInput(QString());
            auto request = generator->buildRequest(index, options);
            if (!request) {
                scenarios = request.error();
            } else {
                auto answer = (*backend)->completeJson(*request, [generator](const Json &j) { return generator->validate(j); });
                const int stop = m_stop.load();
                if (!answer && answer.error().code == Error::Code::Cancelled && (stop == Cancel || stop == PauseNow))
                    return; // abandoned: the item stays pending
                if (answer) {
                    usage = {answer->promptTokens, answer->completionTokens, answer->attempts};
                    scenarios = generator->toScenarios(answer->value, index, options);
                    if (scenarios && scenarios->size() > quotas->at(index))
                        scenarios->resize(quotas->at(index));
                } else {
                    scenarios = answer.error();
                }
            }
            const std::lock_guard lock(storeMutex);
            Result<GenerationJob> after = scenarios
                ? jobs.commitItem(m_jobId, index, *scenarios, usage)
                : jobs.failItem(m_jobId, index, tr("item %1: %2").arg(index).arg(scenarios.error().message), usage);
            if (!after) {
                storeError = after.error();
                storeBroken.store(true);
                return;
            }
            publish(*after);
        }
    };
    QElapsedTimer clock;
    clock.start();
    const int threads = int(std::min<qsizetype>(std::max(1, job.concurrency), pending.size()));
    if (threads > 0) {
        QThreadPool pool;
        pool.setMaxThreadCount(threads);
        for (int t = 0; t < threads; ++t)
            pool.start(work);
        pool.waitForDone();
    }
    {
        const std::lock_guard lock(m_backendMutex);
        m_backend.reset();
    }
    if (storeBroken.load()) {
        (void)jobs.setState(m_jobId, JobState::Paused, storeError.message);
        return storeError;
    }

    const int stop = m_stop.load();
    const JobState final = stop == Cancel ? JobState::Cancelled : stop == Go ? JobState::Completed : JobState::Paused;
    auto current = jobs.job(m_jobId);
    if (!current)
        return current.error();
    if (final == JobState::Completed && current->itemsPending() > 0)
        return Error::database(tr("generation job %1 ended with %2 items unaccounted for").arg(m_jobId).arg(current->itemsPending()));
    if (auto r = jobs.setState(m_jobId, final, QString(), 0); !r)
        return r.error();
    (void)jobs.log(m_jobId, current->itemsFailed > 0 ? QStringLiteral("warning") : QStringLiteral("info"),
                   tr("%1 after %2 s: %3 scenarios from %4 of %5 items, %6 failed, %7 + %8 tokens")
                       .arg(jobStateLabel(final).toLower())
                       .arg(clock.elapsed() / 1000.0, 0, 'f', 1)
                       .arg(current->generated)
                       .arg(current->itemsDone)
                       .arg(current->itemsTotal)
                       .arg(current->itemsFailed)
                       .arg(current->promptTokens)
                       .arg(current->completionTokens));
    auto finished = jobs.job(m_jobId);
    if (finished)
        publish(*finished);
    return finished;
}

} // namespace kx
