// SPDX-License-Identifier: GPL-3.0-or-later
// JobStore on a real workspace file: a job and its dataset appear together, an item and its scenarios are
// committed together (or not at all), a done item cannot be committed twice, counters follow the items.
#include "store/jobstore.h"
#include "storetesthelpers.h"

#include <QTemporaryDir>

using namespace kx;
using namespace kx::test;

class TestJobStore final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void createRegistersJobAndDataset();
    void commitItemIsAllOrNothing();
    void failedItemsAreCountedAndCleared();
    void unfinishedWithKeyFindsTheNewestResumable();
    void logKeepsTheLastLines();
    void schemaHasNoPlaceForAKey();
    void migratesVersion3();

private:
    GenerationJob spec() const;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestJobStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("ws.kairix"));
}

GenerationJob TestJobStore::spec() const
{
    GenerationJob j;
    j.generator = QStringLiteral("memory");
    j.requested = 3;
    j.itemsTotal = 3;
    j.seed = 42;
    j.parameters["history_turns"] = 2;
    j.promptTemplate = Json{{"id", "memory_recall"}, {"version", 1}};
    j.requestKey = j.computeRequestKey();
    return j;
}

void TestJobStore::createRegistersJobAndDataset()
{
    KX_OPEN_STORE(store, m_db);
    JobStore jobs(store);
    auto job = jobs.create(spec(), makeDataset(QStringLiteral("generated")));
    QVERIFY2(job.ok(), job.ok() ? "" : qPrintable(job.error().message));
    QVERIFY(job->id > 0);
    QVERIFY(job->datasetId > 0);
    QCOMPARE(job->state, JobState::Queued);
    QCOMPARE(job->parameters["history_turns"].get<int>(), 2);
    QCOMPARE(job->requestKey, spec().requestKey);
    QVERIFY(job->createdAt.isValid());
    QCOMPARE(store.dataset(job->datasetId)->name, QStringLiteral("generated"));
    auto all = jobs.jobs();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 1);
    QCOMPARE(all->first().id, job->id);
    QCOMPARE(jobs.job(999).error().code, Error::Code::NotFound);
    // The key covers what decides the output: another seed is another key.
    GenerationJob other = spec();
    other.seed = 43;
    QVERIFY(other.computeRequestKey() != spec().computeRequestKey());
}

void TestJobStore::commitItemIsAllOrNothing()
{
    KX_OPEN_STORE(store, m_db);
    JobStore jobs(store);
    auto job = jobs.create(spec(), makeDataset(QStringLiteral("generated")));
    QVERIFY(job.ok());
    auto after = jobs.commitItem(job->id, 0, {makeScenario(QStringLiteral("memory-42-0"), QStringLiteral("a"), QStringLiteral("x"))},
                                 JobItemUsage{10, 20, 2});
    QVERIFY2(after.ok(), after.ok() ? "" : qPrintable(after.error().message));
    QCOMPARE(after->itemsDone, 1);
    QCOMPARE(after->generated, 1);
    QCOMPARE(after->promptTokens, 10);
    QCOMPARE(after->completionTokens, 20);

    // The same item again: refused, nothing added.
    auto twice = jobs.commitItem(job->id, 0, {makeScenario(QStringLiteral("memory-42-0b"), QStringLiteral("b"), QStringLiteral("y"))},
                                 JobItemUsage{});
    QVERIFY(!twice.ok());
    QVERIFY2(twice.error().message.contains(QStringLiteral("already done")), qPrintable(twice.error().message));
    // A scenario id that clashes: the whole item rolls back, counters included.
    auto clash = jobs.commitItem(job->id, 1,
                                 {makeScenario(QStringLiteral("memory-42-1"), QStringLiteral("c"), QStringLiteral("z")),
                                  makeScenario(QStringLiteral("memory-42-0"), QStringLiteral("d"), QStringLiteral("w"))},
                                 JobItemUsage{5, 5, 1});
    QVERIFY(!clash.ok());
    auto now = jobs.job(job->id);
    QVERIFY(now.ok());
    QCOMPARE(now->itemsDone, 1);
    QCOMPARE(now->generated, 1);
    QCOMPARE(now->promptTokens, 10);
    QCOMPARE(sqlInt(store.handle(), "SELECT count(*) FROM scenarios"), 1);
    QCOMPARE(sqlInt(store.handle(), "SELECT count(*) FROM scenario_fts"), 1);
    QCOMPARE(*jobs.doneItems(job->id), QSet<int>{0});
}

void TestJobStore::failedItemsAreCountedAndCleared()
{
    KX_OPEN_STORE(store, m_db);
    JobStore jobs(store);
    auto job = jobs.create(spec(), makeDataset(QStringLiteral("generated")));
    QVERIFY(job.ok());
    auto failed = jobs.failItem(job->id, 2, QStringLiteral("item 2: HTTP 400"), JobItemUsage{3, 0, 1});
    QVERIFY(failed.ok());
    QCOMPARE(failed->itemsFailed, 1);
    QCOMPARE(failed->error, QStringLiteral("item 2: HTTP 400"));
    QCOMPARE(failed->itemsPending(), 2);
    QVERIFY(!jobs.failItem(job->id, 2, QStringLiteral("again"), JobItemUsage{}).ok());
    QVERIFY(jobs.clearFailedItems(job->id).ok());
    auto cleared = jobs.job(job->id);
    QCOMPARE(cleared->itemsFailed, 0);
    QCOMPARE(cleared->itemsPending(), 3);
    QVERIFY(cleared->error.isEmpty());
    // A failed item that succeeds later moves from failed to done.
    QVERIFY(jobs.failItem(job->id, 1, QStringLiteral("timeout"), JobItemUsage{}).ok());
    auto done = jobs.commitItem(job->id, 1, {makeScenario(QStringLiteral("m1"), QStringLiteral("m"), QStringLiteral("t"))}, JobItemUsage{});
    QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(done.error().message));
    QCOMPARE(done->itemsFailed, 0);
    QCOMPARE(done->itemsDone, 1);
}

void TestJobStore::unfinishedWithKeyFindsTheNewestResumable()
{
    KX_OPEN_STORE(store, m_db);
    JobStore jobs(store);
    const QString key = spec().requestKey;
    QVERIFY(!jobs.unfinishedWithKey(key)->has_value());
    auto first = jobs.create(spec(), makeDataset(QStringLiteral("one")));
    auto second = jobs.create(spec(), makeDataset(QStringLiteral("two")));
    QVERIFY(first.ok() && second.ok());
    QCOMPARE((*jobs.unfinishedWithKey(key))->id, second->id);
    // Completed with a failed item: a re-run retries it, so it still counts.
    QVERIFY(jobs.failItem(second->id, 0, QStringLiteral("HTTP 401"), JobItemUsage{}).ok());
    QVERIFY(jobs.setState(second->id, JobState::Completed).ok());
    QCOMPARE((*jobs.unfinishedWithKey(key))->id, second->id);
    QVERIFY(jobs.clearFailedItems(second->id).ok());
    QCOMPARE((*jobs.unfinishedWithKey(key))->id, first->id);
    QVERIFY(jobs.setState(first->id, JobState::Running, QString(), 4242).ok());
    QCOMPARE((*jobs.unfinishedWithKey(key))->ownerPid, 4242);
    QVERIFY(jobs.setState(first->id, JobState::Failed, QStringLiteral("no backend")).ok());
    QVERIFY(!jobs.unfinishedWithKey(key)->has_value());
    QCOMPARE(jobs.job(first->id)->error, QStringLiteral("no backend"));
    QCOMPARE(jobs.setState(777, JobState::Paused).error().code, Error::Code::NotFound);
}

void TestJobStore::logKeepsTheLastLines()
{
    KX_OPEN_STORE(store, m_db);
    JobStore jobs(store);
    auto job = jobs.create(spec(), makeDataset(QStringLiteral("generated")));
    QVERIFY(job.ok());
    for (int i = 0; i < 12; ++i)
        QVERIFY(jobs.log(job->id, QStringLiteral("info"), QStringLiteral("line %1").arg(i), i).ok());
    auto last = jobs.logEntries(job->id, 5);
    QVERIFY(last.ok());
    QCOMPARE(last->size(), 5);
    QCOMPARE(last->first().message, QStringLiteral("line 7"));
    QCOMPARE(last->last().message, QStringLiteral("line 11"));
    QCOMPARE(last->last().item, 11);
}

void TestJobStore::schemaHasNoPlaceForAKey()
{
    KX_OPEN_STORE(store, m_db);
    for (const char *table : {"generation_jobs", "generation_items", "generation_log"}) {
        const QByteArray sql = QByteArray("SELECT count(*) FROM pragma_table_info('") + table
                               + "') WHERE name LIKE '%key%' AND name != 'request_key'";
        QCOMPARE(sqlInt(store.handle(), sql.constData()), 0);
    }
}

void TestJobStore::migratesVersion3()
{
    {
        KX_OPEN_STORE(store, m_db);
        QVERIFY(importDataset(store, makeDataset(QStringLiteral("d")), {makeScenario(QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("x"))}));
        // Take the file back to what schema 3 wrote.
        QCOMPARE(sqlite3_exec(store.handle(),
                              "DROP TABLE generation_log; DROP TABLE generation_items; DROP TABLE generation_jobs;"
                              "DROP TABLE prompt_templates; DROP TABLE human_reviews; DROP TABLE quality_scores;"
                              "DROP TABLE qc_thresholds; DROP TABLE snapshot_members; DROP TABLE snapshots; DROP TABLE workspace_settings;"
                              "PRAGMA user_version = 3;",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
    }
    KX_OPEN_STORE(store, m_db);
    QCOMPARE(store.schemaVersion(), WorkspaceStore::currentSchemaVersion);
    QCOMPARE(*store.count({}), 1);
    JobStore jobs(store);
    QVERIFY(jobs.jobs()->isEmpty());
    QVERIFY(jobs.create(spec(), makeDataset(QStringLiteral("generated"))).ok());
}

QTEST_GUILESS_MAIN(TestJobStore)
#include "tst_jobstore.moc"
