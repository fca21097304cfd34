// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetesthelpers.h"

#include "store/asyncworkspace.h"

#include <QFutureWatcher>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace kx;
using namespace kx::test;

namespace {

/** Waits, with the event loop running, for @p future and returns its result. */
template<typename T>
T await(QFuture<T> future)
{
    QFutureWatcher<T> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(future);
    if (!future.isFinished())
        finished.wait(20000);
    return future.result();
}

AsyncWorkspace::ImportJob importJob(const QString &name, int n)
{
    return [name, n](ScenarioSink &sink) -> Result<void> {
        auto id = sink.beginDataset(makeDataset(name));
        if (!id)
            return id.error();
        for (int i = 0; i < n; ++i)
            if (auto r = sink.add(makeScenario(QStringLiteral("%1-%2").arg(name).arg(i), QStringLiteral("N%1").arg(i),
                                               QStringLiteral("hello %1").arg(name), Category::Synthetic,
                                               ReviewStatus::Pending, {QStringLiteral("recall")}));
                !r)
                return r;
        return {};
    };
}

} // namespace

class tst_AsyncWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsWritesAndNotifies()
    {
        QTemporaryDir dir;
        AsyncWorkspace ws;
        QSignalSpy changed(&ws, &AsyncWorkspace::changed);
        QVERIFY(await(ws.open(dir.filePath(QStringLiteral("ws.kairix")))).ok());

        auto summary = await(ws.import(importJob(QStringLiteral("alpha"), 30)));
        QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
        QCOMPARE(summary->scenarioCount, 30);
        QCOMPARE(summary->datasetIds.size(), 1);
        // changed() is posted to this thread; it may already have arrived while awaiting.
        QTRY_COMPARE(changed.count(), 1);

        auto datasets = await(ws.datasets());
        QVERIFY(datasets.ok());
        QCOMPARE(datasets->size(), 1);
        QCOMPARE(datasets->first().scenarioCount, 30);
        QCOMPARE(await(ws.dataset(summary->datasetIds.first()))->name, QStringLiteral("alpha"));
        QCOMPARE(*await(ws.count({})), 30);

        const ScenarioSort byName{ScenarioSortKey::Name, Qt::AscendingOrder};
        auto page = await(ws.page({}, byName, {}, 10));
        QVERIFY(page.ok());
        QCOMPARE(page->size(), 10);
        auto next = await(ws.page({}, byName, WorkspaceStore::cursorAfter(page->last(), byName), 100));
        QCOMPARE(next->size(), 20);
        auto anchors = await(ws.pageAnchors({}, byName, 10));
        QCOMPARE(anchors->size(), 3);

        const qint64 rowId = page->first().rowId;
        auto scenario = await(ws.scenario(rowId));
        QVERIFY(scenario.ok());
        QCOMPARE(scenario->id, page->first().id);

        QVERIFY(await(ws.setStatus(rowId, ReviewStatus::Accepted)).ok());
        QTRY_COMPARE(changed.count(), 2);
        auto statuses = await(ws.statusFacet({}));
        QCOMPARE(statuses->at(1).count, 1);
        QCOMPARE(await(ws.categoryFacet({}))->at(1).count, 30);
        QCOMPARE(await(ws.capabilityFacet({}))->first().count, 30);

        // A failing write does not announce a change.
        QCOMPARE(await(ws.setStatus(999999, ReviewStatus::Accepted)).error().code, Error::Code::NotFound);
        QCoreApplication::processEvents(); // a notification would already be queued by now
        QCOMPARE(changed.count(), 2);
        QVERIFY(await(ws.removeDataset(summary->datasetIds.first())).ok());
        QTRY_COMPARE(changed.count(), 3);
        QCOMPARE(*await(ws.count({})), 0);
    }

    void failedImportRollsBack()
    {
        QTemporaryDir dir;
        AsyncWorkspace ws;
        QVERIFY(await(ws.open(dir.filePath(QStringLiteral("ws.kairix")))).ok());
        auto failing = [](ScenarioSink &sink) -> Result<void> {
            if (auto r = importJob(QStringLiteral("half"), 5)(sink); !r)
                return r;
            return Error::badInput(QStringLiteral("row 6: broken"));
        };
        auto summary = await(ws.import(failing));
        QVERIFY(!summary.ok());
        QCOMPARE(summary.error().message, QStringLiteral("row 6: broken"));
        QCOMPARE(*await(ws.count({})), 0);
        QCOMPARE(await(ws.datasets())->size(), 0);
    }

    void readsStayResponsiveDuringImport()
    {
        QTemporaryDir dir;
        AsyncWorkspace ws;
        QVERIFY(await(ws.open(dir.filePath(QStringLiteral("ws.kairix")))).ok());
        QVERIFY(await(ws.import(importJob(QStringLiteral("before"), 4))).ok());

        QSemaphore inside, release;
        auto blocking = [&](ScenarioSink &sink) -> Result<void> {
            if (auto r = importJob(QStringLiteral("during"), 10)(sink); !r)
                return r;
            inside.release();
            // Hold the write transaction open until the reader has been served.
            if (!release.tryAcquire(1, 20000))
                return Error::cancelled(QStringLiteral("timed out"));
            return {};
        };
        QFuture<Result<ImportSummary>> running = ws.import(blocking);
        QVERIFY(inside.tryAcquire(1, 20000));
        // The worker connection is not blocked by the import and sees the committed state.
        QCOMPARE(*await(ws.count({})), 4);
        QCOMPARE(await(ws.page({}, {}, {}, 100))->size(), 4);
        release.release();
        QVERIFY(await(running).ok());
        QCOMPARE(*await(ws.count({})), 14);
    }

    void memoryWorkspaceCannotImport()
    {
        AsyncWorkspace ws;
        QVERIFY(await(ws.open(QStringLiteral(":memory:"))).ok());
        QCOMPARE(*await(ws.count({})), 0);
        auto summary = await(ws.import(importJob(QStringLiteral("x"), 1)));
        QVERIFY(!summary.ok());
        QCOMPARE(summary.error().code, Error::Code::BadInput);
        QVERIFY(summary.error().message.contains(QStringLiteral(":memory:")));
    }

    void notOpenAndRefusedFiles()
    {
        AsyncWorkspace ws;
        QCOMPARE(await(ws.datasets()).error().code, Error::Code::NotFound);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.kairix"));
        sqlite3 *db = nullptr;
        sqlite3_open(path.toUtf8().constData(), &db);
        sqlite3_exec(db, "CREATE TABLE t(x); PRAGMA user_version = 7;", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        auto opened = await(ws.open(path));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, Error::Code::SchemaTooNew);
        QCOMPARE(await(ws.count({})).error().code, Error::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(tst_AsyncWorkspace)
#include "tst_asyncworkspace.moc"
