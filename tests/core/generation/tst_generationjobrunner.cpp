// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's job runner, headless: jobs start off the calling thread, updates and the end arrive as signals on
// it, pause and cancel act on a running job, and resume finishes it with exactly the requested scenarios.
#include "generation/jobs/generationjobrunner.h"
#include "jobtestkit.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;
using namespace kx::test;

class TestGenerationJobRunner final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void startRunsOffTheCallingThread();
    void pauseThenResume();
    void cancelThenResume();
    void badSpecIsRefused();
    void closingDoesNotWaitForSlowRequests();

private:
    static GenerationJob lastJob(const QSignalSpy &spy) { return spy.constLast().constFirst().value<GenerationJob>(); }

    JobTestBed m_bed;
};

void TestGenerationJobRunner::init()
{
    QVERIFY(m_bed.start());
}

void TestGenerationJobRunner::cleanup()
{
    m_bed.stop();
}

void TestGenerationJobRunner::startRunsOffTheCallingThread()
{
    GenerationJobRunner runner(m_bed.db);
    QSignalSpy updated(&runner, &GenerationJobRunner::jobUpdated);
    QSignalSpy finished(&runner, &GenerationJobRunner::jobFinished);
    m_bed.server->setLatencyMs(50);
    auto future = runner.start(openAiMemoryJob(*m_bed.server, 12, 3));
    QTRY_VERIFY(future.isFinished());
    const Result<GenerationJob> created = future.result();
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
    const qint64 id = created->id;
    // The calling thread was free all along: the event loop ran while requests were answered.
    QVERIFY(finished.wait(20000));
    const GenerationJob end = lastJob(finished);
    QCOMPARE(end.id, id);
    QCOMPARE(end.state, JobState::Completed);
    QCOMPARE(end.generated, 12);
    QVERIFY(updated.size() >= 2);
    QVERIFY(!runner.isRunning(id));
    auto jobs = runner.jobs();
    QTRY_VERIFY(jobs.isFinished());
    QCOMPARE(jobs.result()->size(), 1);
    auto log = runner.log(id);
    QTRY_VERIFY(log.isFinished());
    QVERIFY(log.result()->size() >= 2);
}

void TestGenerationJobRunner::pauseThenResume()
{
    GenerationJobRunner runner(m_bed.db);
    QSignalSpy finished(&runner, &GenerationJobRunner::jobFinished);
    m_bed.server->setLatencyMs(100);
    qint64 id = 0;
    connect(&runner, &GenerationJobRunner::jobUpdated, this, [&](const GenerationJob &job) {
        id = job.id;
        if (job.itemsDone >= 3 && job.state == JobState::Running)
            runner.pause(job.id);
    });
    runner.start(openAiMemoryJob(*m_bed.server, 20, 2));
    QVERIFY(finished.wait(20000));
    const GenerationJob paused = lastJob(finished);
    QCOMPARE(paused.state, JobState::Paused);
    QVERIFY(paused.itemsDone < 20);
    disconnect(&runner, &GenerationJobRunner::jobUpdated, this, nullptr);
    runner.resume(id);
    QVERIFY(runner.isRunning(id));
    QVERIFY(finished.wait(20000));
    QCOMPARE(lastJob(finished).state, JobState::Completed);
    QCOMPARE(lastJob(finished).generated, 20);
    QCOMPARE(datasetCounts(m_bed.db, paused.datasetId).distinctIds, 20);
}

void TestGenerationJobRunner::cancelThenResume()
{
    GenerationJobRunner runner(m_bed.db);
    QSignalSpy finished(&runner, &GenerationJobRunner::jobFinished);
    m_bed.server->setLatencyMs(300);
    auto future = runner.start(openAiMemoryJob(*m_bed.server, 16, 4));
    QTRY_VERIFY(future.isFinished());
    const qint64 id = future.result()->id;
    QTRY_VERIFY(m_bed.server->inFlight() > 0);
    runner.cancel(id);
    QVERIFY(finished.wait(5000));
    const GenerationJob cancelled = lastJob(finished);
    QCOMPARE(cancelled.state, JobState::Cancelled);
    QVERIFY(cancelled.itemsDone < 16);
    runner.resume(id);
    QVERIFY(finished.wait(30000));
    QCOMPARE(lastJob(finished).generated, 16);
    QCOMPARE(datasetCounts(m_bed.db, cancelled.datasetId).rows, 16);
}

void TestGenerationJobRunner::badSpecIsRefused()
{
    GenerationJobRunner runner(m_bed.db);
    GenerationJob spec;
    spec.generator = QStringLiteral("sonnets");
    spec.requested = 2;
    auto future = runner.start(spec);
    QTRY_VERIFY(future.isFinished());
    QVERIFY(!future.result().ok());
    QVERIFY(future.result().error().message.contains(QStringLiteral("unknown generator")));
    auto jobs = runner.jobs();
    QTRY_VERIFY(jobs.isFinished());
    QVERIFY(jobs.result()->isEmpty());
}

void TestGenerationJobRunner::closingDoesNotWaitForSlowRequests()
{
    m_bed.server->setLatencyMs(3000);
    auto closing = std::make_unique<GenerationJobRunner>(m_bed.db);
    auto future = closing->start(openAiMemoryJob(*m_bed.server, 6, 2));
    QTRY_VERIFY(future.isFinished());
    const qint64 id = future.result()->id;
    QTRY_VERIFY(m_bed.server->inFlight() > 0);
    QElapsedTimer clock;
    clock.start();
    closing.reset(); // in-flight requests are abandoned, not waited for
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));

    m_bed.server->setLatencyMs(0);
    GenerationJobRunner runner(m_bed.db);
    QSignalSpy finished(&runner, &GenerationJobRunner::jobFinished);
    auto jobs = runner.jobs();
    QTRY_VERIFY(jobs.isFinished());
    QCOMPARE(jobs.result()->constFirst().state, JobState::Paused);
    QCOMPARE(jobs.result()->constFirst().itemsDone, 0);
    runner.resume(id);
    QVERIFY(finished.wait(20000));
    QCOMPARE(lastJob(finished).generated, 6);
}

QTEST_GUILESS_MAIN(TestGenerationJobRunner)
#include "tst_generationjobrunner.moc"
