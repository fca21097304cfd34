// SPDX-License-Identifier: GPL-3.0-or-later
// The job executor end to end: a real workspace file, the offline backend, and the OpenAI-compatible backend
// against a real HTTP server on 127.0.0.1 with latency, 429 + Retry-After, 500, a hang past the timeout,
// malformed JSON and a truncated body. Counts are read with SQL below the API: exactly N, none twice.
#include "generation/jobs/generationjobexecutor.h"
#include "importers/importservice.h"
#include "generation/jobs/generationjobplanner.h"
#include "jobtestkit.h"
#include "store/jobstore.h"
#include "store/prompttemplatestore.h"
#include "store/workspacestore.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <atomic>

using namespace kx;
using namespace kx::test;

namespace {
const QByteArray kSecret = QByteArrayLiteral("sk-kairix-test-SECRET-9f8e7d");
} // namespace

class TestGenerationJobExecutor final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void offlineJobMakesExactlyTheRequestedScenarios();
    void offlineJobsAreDeterministic();
    void augmentKeepsTheLastItemsQuota();
    void offlineDrawsFromTheWorkspaceData();
    void jobPinsTheWorkspacesTemplate();
    void openAiJobSurvivesFaults();
    void badRequestFailsTheItemAndARerunRetriesIt();
    void cancelThenResumeEndsWithExactlyN();
    void pauseLetsInFlightItemsFinish();
    void refusesAJobOwnedByALiveProcess();
    void apiKeyIsInNoFileTheAppWrote();

private:
    GenerationJob createJob(const GenerationJob &spec);
    GenerationJob runJob(qint64 id, GenerationJobExecutor *executor = nullptr);

    JobTestBed m_bed;
};

void TestGenerationJobExecutor::init()
{
    QVERIFY(m_bed.start());
    qputenv("KAIRIX_API_KEY", kSecret);
}

void TestGenerationJobExecutor::cleanup()
{
    m_bed.stop();
    qunsetenv("KAIRIX_API_KEY");
}

GenerationJob TestGenerationJobExecutor::createJob(const GenerationJob &spec)
{
    auto store = WorkspaceStore::open(m_bed.db);
    if (!store)
        qFatal("open: %s", qPrintable(store.error().message));
    auto job = GenerationJobPlanner::create(spec, **store);
    if (!job)
        qFatal("create: %s", qPrintable(job.error().message));
    return *job;
}

GenerationJob TestGenerationJobExecutor::runJob(qint64 id, GenerationJobExecutor *executor)
{
    GenerationJobExecutor own(m_bed.db, id);
    auto result = (executor ? executor : &own)->run();
    if (!result)
        qFatal("run: %s", qPrintable(result.error().message));
    return *result;
}

void TestGenerationJobExecutor::offlineJobMakesExactlyTheRequestedScenarios()
{
    GenerationJob spec;
    spec.generator = QStringLiteral("conversation");
    spec.requested = 25;
    spec.concurrency = 3;
    spec.seed = 11;
    const GenerationJob job = createJob(spec);
    QCOMPARE(job.state, JobState::Queued);
    QCOMPARE(job.itemsTotal, 25);
    QCOMPARE(job.model, QStringLiteral("kairix-offline-1"));
    QCOMPARE(qs(job.promptTemplate.value("id", std::string())), QStringLiteral("conversation"));

    const GenerationJob end = runJob(job.id);
    QCOMPARE(end.state, JobState::Completed);
    QCOMPARE(end.generated, 25);
    QCOMPARE(end.itemsDone, 25);
    QCOMPARE(end.itemsFailed, 0);
    QVERIFY(end.promptTokens > 0);
    QVERIFY(end.completionTokens > 0);
    const DatasetCounts counts = datasetCounts(m_bed.db, end.datasetId);
    QCOMPARE(counts.rows, 25);
    QCOMPARE(counts.distinctIds, 25);

    auto store = WorkspaceStore::open(m_bed.db);
    QVERIFY(store.ok());
    auto dataset = (*store)->dataset(end.datasetId);
    QVERIFY(dataset.ok());
    QCOMPARE(dataset->category, Category::Synthetic);
    QCOMPARE(dataset->kind, QStringLiteral("generated"));
    auto log = JobStore(**store).logEntries(end.id);
    QVERIFY(log.ok());
    QVERIFY(log->size() >= 2);
    QVERIFY2(log->first().message.contains(QStringLiteral("started")), qPrintable(log->first().message));
    QVERIFY2(log->last().message.contains(QStringLiteral("25 scenarios")), qPrintable(log->last().message));
}

void TestGenerationJobExecutor::offlineJobsAreDeterministic()
{
    // The same spec twice (a second job) and at another concurrency: the same scenarios, byte for byte.
    GenerationJob spec;
    spec.generator = QStringLiteral("adversarial");
    spec.requested = 12;
    spec.seed = 5;
    spec.concurrency = 1;
    const GenerationJob first = runJob(createJob(spec).id);
    spec.concurrency = 4;
    const GenerationJob second = runJob(createJob(spec).id);
    QCOMPARE(first.generated, 12);
    QCOMPARE(second.generated, 12);

    auto store = WorkspaceStore::open(m_bed.db);
    QVERIFY(store.ok());
    const auto dump = [&](qint64 datasetId) {
        ScenarioFilter filter;
        filter.datasetIds = {datasetId};
        QMap<QString, QByteArray> byId;
        const auto r = (*store)->forEachScenario(filter, [&](const TestScenario &s) -> Result<void> {
            byId.insert(s.id, QByteArray::fromStdString(s.toJson().dump()));
            return {};
        });
        if (!r)
            qFatal("%s", qPrintable(r.error().message));
        return byId;
    };
    const auto a = dump(first.datasetId);
    QCOMPARE(a.size(), 12);
    QCOMPARE(a, dump(second.datasetId));
    QCOMPARE((*store)->dataset(first.datasetId)->category, Category::Adversarial);
}

void TestGenerationJobExecutor::augmentKeepsTheLastItemsQuota()
{
    // Parents: 2 scenarios of a conversation job. Paraphrase only: 3 variants an item, so 5 = 3 + 2.
    GenerationJob parents;
    parents.generator = QStringLiteral("conversation");
    parents.requested = 2;
    const GenerationJob parentJob = runJob(createJob(parents).id);
    QCOMPARE(parentJob.generated, 2);
    auto store = WorkspaceStore::open(m_bed.db);
    QVERIFY(store.ok());
    ScenarioFilter filter;
    filter.datasetIds = {parentJob.datasetId};
    auto rows = (*store)->page(filter, ScenarioSort{}, PageCursor{}, 10);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 2);

    GenerationJob spec;
    spec.generator = QStringLiteral("augment");
    spec.requested = 5;
    spec.parameters["variation_types"] = Json::array({"paraphrase"});
    spec.parents = {rows->at(0).rowId, rows->at(1).rowId};
    const GenerationJob job = createJob(spec);
    QCOMPARE(job.itemsTotal, 2);
    const GenerationJob end = runJob(job.id);
    QCOMPARE(end.generated, 5);
    QCOMPARE(datasetCounts(m_bed.db, end.datasetId).distinctIds, 5);

    // More than the parents can give is refused before anything is stored.
    spec.requested = 7;
    auto refused = GenerationJobPlanner::plan(spec, **store);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("at most 6")), qPrintable(refused.error().message));
}

void TestGenerationJobExecutor::offlineDrawsFromTheWorkspaceData()
{
    // With real MMLU questions and PersonaChat personas in the workspace, fusion pairs those, not built-in material.
    {
        auto store = WorkspaceStore::open(m_bed.db);
        QVERIFY(store.ok());
        const QString mmlu = QStringLiteral(KX_SHARED_DATA "/mmlu/data/dev/anatomy_dev.csv");
        const QString personas = QStringLiteral(KX_TEST_FIXTURES "/importers/personachat/personachat_truecased_sample_valid.json");
        for (const auto &[path, kind] : {std::pair{mmlu, QStringLiteral("mmlu")}, std::pair{personas, QStringLiteral("personachat")}}) {
            auto imported = ImportService::run(**store, ImportRequest{{path}, kind, QString(), {}});
            QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
        }
    }
    GenerationJob spec;
    spec.generator = QStringLiteral("fusion");
    spec.requested = 6;
    const GenerationJob end = runJob(createJob(spec).id);
    QCOMPARE(end.generated, 6);
    auto store = WorkspaceStore::open(m_bed.db);
    QVERIFY(store.ok());
    ScenarioFilter filter;
    filter.datasetIds = {end.datasetId};
    int fromMmlu = 0;
    QVERIFY((*store)->forEachScenario(filter, [&](const TestScenario &s) -> Result<void> {
        for (const QString &parent : s.provenance.parents)
            fromMmlu += parent.startsWith(QStringLiteral("mmlu")) ? 1 : 0;
        return {};
    }).ok());
    QCOMPARE(fromMmlu, 6);
}

void TestGenerationJobExecutor::jobPinsTheWorkspacesTemplate()
{
    // An edited template (v2) is what a new job uses; a later edit (v3) does not change a job already made.
    const auto save = [&](const QString &suffix) {
        auto store = WorkspaceStore::open(m_bed.db);
        QVERIFY(store.ok());
        PromptTemplateStore templates(**store);
        auto current = templates.current(QStringLiteral("memory_recall"));
        QVERIFY(current.ok());
        Json edited = current->toJson();
        edited["user"] = ss(qs(edited["user"].get<std::string>()) + suffix);
        auto parsed = PromptTemplate::fromJson(edited, QStringLiteral("test edit"));
        QVERIFY(parsed.ok());
        QVERIFY(templates.save(*parsed, QStringLiteral("tester")).ok());
    };
    save(QStringLiteral(" Keep it short."));
    GenerationJob spec;
    spec.generator = QStringLiteral("memory");
    spec.requested = 2;
    const GenerationJob job = createJob(spec);
    QCOMPARE(job.promptTemplate.value("version", 0), 2);
    save(QStringLiteral(" Use British spelling."));
    const GenerationJob end = runJob(job.id);
    QCOMPARE(end.generated, 2);
    auto store = WorkspaceStore::open(m_bed.db);
    QVERIFY(store.ok());
    ScenarioFilter filter;
    filter.datasetIds = {end.datasetId};
    QList<int> versions;
    QVERIFY((*store)->forEachScenario(filter, [&](const TestScenario &s) -> Result<void> {
        versions.append(s.provenance.extra.value("prompt_template_version", 0));
        return {};
    }).ok());
    QCOMPARE(versions, (QList<int>{2, 2}));
    // A new job takes v3.
    QCOMPARE(createJob(spec).promptTemplate.value("version", 0), 3);
}

void TestGenerationJobExecutor::openAiJobSurvivesFaults()
{
    m_bed.server->setLatencyMs(20);
    m_bed.server->setFault(1, FakeChatFault::rateLimited("1"));
    m_bed.server->setFault(2, FakeChatFault::serverError());
    m_bed.server->setFault(3, FakeChatFault::malformedJson());
    m_bed.server->setFault(4, FakeChatFault::truncatedBody());
    m_bed.server->setFault(5, FakeChatFault::hang());
    m_bed.server->setFault(6, FakeChatFault::close());
    m_bed.server->setFault(7, FakeChatFault::noChoices());
    const GenerationJob job = createJob(openAiMemoryJob(*m_bed.server, 16, 4));
    QElapsedTimer clock;
    clock.start();
    const GenerationJob end = runJob(job.id);
    QCOMPARE(end.state, JobState::Completed);
    QCOMPARE(end.generated, 16);
    QCOMPARE(end.itemsFailed, 0);
    const DatasetCounts counts = datasetCounts(m_bed.db, end.datasetId);
    QCOMPARE(counts.rows, 16);
    QCOMPARE(counts.distinctIds, 16);
    // 16 answers plus the 7 faults' retries (the malformed answer is repaired, which is also a request).
    QVERIFY2(m_bed.server->requestCount() >= 16 + 7, qPrintable(QString::number(m_bed.server->requestCount())));
    QVERIFY(m_bed.server->maxInFlight() <= 4);
    // The 429 asked for 1 s, the hang waits out the 2 s timeout.
    QVERIFY2(clock.elapsed() >= 2000, qPrintable(QString::number(clock.elapsed())));
    // Token usage is the server's word counts, summed over every request the job made.
    QVERIFY(end.promptTokens > 0);
    QVERIFY(end.completionTokens > 0);
    auto store = WorkspaceStore::open(m_bed.db);
    QVERIFY(store.ok());
    ScenarioFilter filter;
    filter.datasetIds = {end.datasetId};
    bool checked = false;
    QVERIFY((*store)->forEachScenario(filter, [&](const TestScenario &s) -> Result<void> {
        if (!checked) {
            checked = true;
            if (s.provenance.backend != QLatin1String("openai") || s.provenance.model != QLatin1String("fake-model"))
                return Error::badInput(QStringLiteral("provenance: ") + s.provenance.backend + QLatin1Char('/') + s.provenance.model);
            if (s.memoryRequirements.size() < 3)
                return Error::badInput(QStringLiteral("memory requirements missing"));
        }
        return {};
    }).ok());
    QVERIFY(checked);
}

void TestGenerationJobExecutor::badRequestFailsTheItemAndARerunRetriesIt()
{
    // Request 2 is refused with 400: no retry, the item fails, the others go on.
    m_bed.server->setFault(2, FakeChatFault::badRequest(QStringLiteral("This model does not support JSON mode")));
    const GenerationJob job = createJob(openAiMemoryJob(*m_bed.server, 6, 1));
    const GenerationJob end = runJob(job.id);
    QCOMPARE(end.state, JobState::Completed);
    QCOMPARE(end.itemsFailed, 1);
    QCOMPARE(end.generated, 5);
    QCOMPARE(m_bed.server->requestCount(), 6); // exactly one request for the refused item
    QVERIFY2(end.error.contains(QStringLiteral("JSON mode")), qPrintable(end.error));

    // A re-run retries the failed item only.
    m_bed.server->clearFaults();
    m_bed.server->resetStats();
    const GenerationJob again = runJob(job.id);
    QCOMPARE(again.state, JobState::Completed);
    QCOMPARE(again.itemsFailed, 0);
    QCOMPARE(again.generated, 6);
    QCOMPARE(m_bed.server->requestCount(), 1);
    QCOMPARE(datasetCounts(m_bed.db, end.datasetId).distinctIds, 6);
}

void TestGenerationJobExecutor::cancelThenResumeEndsWithExactlyN()
{
    m_bed.server->setLatencyMs(150);
    const GenerationJob job = createJob(openAiMemoryJob(*m_bed.server, 24, 4));
    GenerationJobExecutor executor(m_bed.db, job.id);
    std::atomic<int> updates{0};
    executor.setUpdateCallback([&](const GenerationJob &j) {
        if (j.itemsDone >= 6 && updates.fetch_add(1) == 0)
            executor.requestCancel();
    });
    QElapsedTimer clock;
    clock.start();
    const GenerationJob cancelled = runJob(job.id, &executor);
    QCOMPARE(cancelled.state, JobState::Cancelled);
    QVERIFY2(cancelled.itemsDone >= 6 && cancelled.itemsDone < 24, qPrintable(QString::number(cancelled.itemsDone)));
    QVERIFY2(clock.elapsed() < 3000, "cancel must not wait for the remaining items");
    QCOMPARE(datasetCounts(m_bed.db, job.datasetId).rows, cancelled.generated);

    const GenerationJob resumed = runJob(job.id);
    QCOMPARE(resumed.state, JobState::Completed);
    QCOMPARE(resumed.generated, 24);
    const DatasetCounts counts = datasetCounts(m_bed.db, job.datasetId);
    QCOMPARE(counts.rows, 24);
    QCOMPARE(counts.distinctIds, 24);
}

void TestGenerationJobExecutor::pauseLetsInFlightItemsFinish()
{
    m_bed.server->setLatencyMs(100);
    const GenerationJob job = createJob(openAiMemoryJob(*m_bed.server, 20, 2));
    GenerationJobExecutor executor(m_bed.db, job.id);
    executor.setUpdateCallback([&](const GenerationJob &j) {
        if (j.itemsDone >= 4)
            executor.requestPause();
    });
    const GenerationJob paused = runJob(job.id, &executor);
    QCOMPARE(paused.state, JobState::Paused);
    // Every request that was sent was answered and kept: a pause abandons nothing.
    QCOMPARE(paused.itemsDone, m_bed.server->requestCount());
    QVERIFY(paused.itemsDone < 20);
    const GenerationJob resumed = runJob(job.id);
    QCOMPARE(resumed.state, JobState::Completed);
    QCOMPARE(resumed.generated, 20);
    QCOMPARE(m_bed.server->requestCount(), 20);
}

void TestGenerationJobExecutor::refusesAJobOwnedByALiveProcess()
{
    GenerationJob spec;
    spec.generator = QStringLiteral("memory");
    spec.requested = 3;
    const GenerationJob job = createJob(spec);
    {
        auto store = WorkspaceStore::open(m_bed.db);
        QVERIFY(store.ok());
        // PID 1 is always alive: another process "runs" the job.
        QVERIFY(JobStore(**store).setState(job.id, JobState::Running, QString(), 1).ok());
    }
    GenerationJobExecutor executor(m_bed.db, job.id);
    auto refused = executor.run();
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("running in process 1")), qPrintable(refused.error().message));
    {
        // A dead owner (no such PID) means interrupted: the job runs.
        auto store = WorkspaceStore::open(m_bed.db);
        QVERIFY(store.ok());
        QVERIFY(JobStore(**store).setState(job.id, JobState::Running, QString(), 0x3ffffff0).ok());
    }
    QVERIFY(!GenerationJobExecutor::processAlive(0x3ffffff0));
    const GenerationJob end = runJob(job.id);
    QCOMPARE(end.state, JobState::Completed);
    QCOMPARE(end.generated, 3);
}

void TestGenerationJobExecutor::apiKeyIsInNoFileTheAppWrote()
{
    m_bed.server->setFault(1, FakeChatFault::badRequest(QStringLiteral("bad")));
    const GenerationJob job = createJob(openAiMemoryJob(*m_bed.server, 4, 2));
    const GenerationJob end = runJob(job.id);
    QCOMPARE(end.generated, 3);
    // The key went where it belongs...
    const auto requests = m_bed.server->requests();
    QVERIFY(!requests.isEmpty());
    QCOMPARE(requests.first().authorization(), QByteArray("Bearer " + kSecret));
    // ...and nowhere else: not in the workspace, its WAL, or anything else in the folder.
    QDirIterator it(m_bed.dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(kSecret), qPrintable(f.fileName()));
        ++files;
    }
    QVERIFY(files >= 1);
    // Nor in the job's JSON, its log or its error.
    auto store = WorkspaceStore::open(m_bed.db);
    QVERIFY(store.ok());
    auto stored = JobStore(**store).job(job.id);
    QVERIFY(stored.ok());
    QVERIFY(!QByteArray::fromStdString(stored->toJson().dump()).contains(kSecret));
    auto log = JobStore(**store).logEntries(job.id);
    QVERIFY(log.ok());
    for (const JobLogEntry &e : std::as_const(*log))
        QVERIFY(!e.message.toUtf8().contains(kSecret));
}

QTEST_GUILESS_MAIN(TestGenerationJobExecutor)
#include "tst_generationjobexecutor.moc"
