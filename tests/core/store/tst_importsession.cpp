// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetesthelpers.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

using namespace kx;
using namespace kx::test;

namespace {

struct Counts
{
    qint64 datasets, scenarios, fts, capabilities;
    bool operator==(const Counts &) const = default;
};

Counts counts(WorkspaceStore &store)
{
    sqlite3 *db = store.handle();
    return {sqlInt(db, "SELECT count(*) FROM datasets"), sqlInt(db, "SELECT count(*) FROM scenarios"),
            sqlInt(db, "SELECT count(*) FROM scenario_fts"), sqlInt(db, "SELECT count(*) FROM scenario_capabilities")};
}

QList<TestScenario> scenarios(const QString &prefix, int n)
{
    QList<TestScenario> list;
    for (int i = 0; i < n; ++i)
        list.append(makeScenario(prefix + QString::number(i), QStringLiteral("Scenario %1").arg(i),
                                 QStringLiteral("what did I say about %1 yesterday?").arg(prefix),
                                 Category::Synthetic, ReviewStatus::Pending, {QStringLiteral("memory_recall")}));
    return list;
}

} // namespace

class tst_ImportSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commitMakesEverythingVisible()
    {
        KX_OPEN_STORE(store, QStringLiteral(":memory:"));
        auto session = store.beginImport();
        QVERIFY(session.ok());
        QVERIFY((*session)->isOpen());
        auto a = (*session)->beginDataset(makeDataset(QStringLiteral("a")));
        for (const TestScenario &s : scenarios(QStringLiteral("a"), 7))
            QVERIFY((*session)->add(s).ok());
        auto b = (*session)->beginDataset(makeDataset(QStringLiteral("b")));
        for (const TestScenario &s : scenarios(QStringLiteral("b"), 3))
            QVERIFY((*session)->add(s).ok());
        QVERIFY(a.ok() && b.ok());
        QVERIFY((*session)->commit().ok());
        QVERIFY(!(*session)->isOpen());
        QCOMPARE((*session)->datasetIds(), (QList<qint64>{*a, *b}));
        QCOMPARE((*session)->scenarioCount(), 10);
        QCOMPARE(counts(store), (Counts{2, 10, 10, 10}));
        QCOMPARE(store.dataset(*a)->scenarioCount, 7);
        // Finished sessions refuse more work.
        QVERIFY(!(*session)->add(scenarios(QStringLiteral("c"), 1).first()).ok());
        QVERIFY(!(*session)->commit().ok());
    }

    void destroyWithoutCommitRollsBack()
    {
        KX_OPEN_STORE(store, QStringLiteral(":memory:"));
        QVERIFY(importDataset(store, makeDataset(QStringLiteral("kept")), scenarios(QStringLiteral("k"), 10)) > 0);
        const Counts before = counts(store);
        QCOMPARE(before, (Counts{1, 10, 10, 10}));
        {
            auto session = store.beginImport();
            QVERIFY(session.ok());
            QVERIFY((*session)->beginDataset(makeDataset(QStringLiteral("lost"))).ok());
            for (const TestScenario &s : scenarios(QStringLiteral("l"), 25))
                QVERIFY((*session)->add(s).ok());
            QCOMPARE(counts(store).scenarios, 35); // visible inside the transaction…
        }
        QCOMPARE(counts(store), before); // …and gone with it
        ScenarioFilter f;
        f.search = QStringLiteral("l");
        QCOMPARE(*store.count(f), 0);
        // The store is usable again: a new session can start.
        QVERIFY(importDataset(store, makeDataset(QStringLiteral("next")), scenarios(QStringLiteral("n"), 2)) > 0);
        QCOMPARE(counts(store), (Counts{2, 12, 12, 12}));
    }

    void explicitRollback()
    {
        KX_OPEN_STORE(store, QStringLiteral(":memory:"));
        auto session = store.beginImport();
        QVERIFY((*session)->beginDataset(makeDataset(QStringLiteral("x"))).ok());
        QVERIFY((*session)->add(scenarios(QStringLiteral("x"), 1).first()).ok());
        (*session)->rollback();
        QVERIFY(!(*session)->isOpen());
        QCOMPARE(counts(store), (Counts{0, 0, 0, 0}));
    }

    void duplicateIdIsAnError()
    {
        KX_OPEN_STORE(store, QStringLiteral(":memory:"));
        const Counts before = counts(store);
        {
            auto session = store.beginImport();
            QVERIFY((*session)->beginDataset(makeDataset(QStringLiteral("dups"))).ok());
            const QList<TestScenario> list = scenarios(QStringLiteral("id-"), 3);
            for (const TestScenario &s : list)
                QVERIFY((*session)->add(s).ok());
            auto clash = (*session)->add(list.at(1));
            QVERIFY(!clash.ok());
            QCOMPARE(clash.error().code, Error::Code::BadInput);
            QVERIFY2(clash.error().message.contains(QStringLiteral("\"id-1\"")), qPrintable(clash.error().message));
            QVERIFY2(clash.error().message.contains(QStringLiteral("dups")), qPrintable(clash.error().message));
            // The failed row left nothing half-written inside the transaction.
            QCOMPARE(counts(store), (Counts{1, 3, 3, 3}));
        }
        QCOMPARE(counts(store), before);
    }

    void sameIdInAnotherDatasetIsFine()
    {
        KX_OPEN_STORE(store, QStringLiteral(":memory:"));
        auto session = store.beginImport();
        const TestScenario s = scenarios(QStringLiteral("same"), 1).first();
        QVERIFY((*session)->beginDataset(makeDataset(QStringLiteral("one"))).ok());
        QVERIFY((*session)->add(s).ok());
        QVERIFY((*session)->beginDataset(makeDataset(QStringLiteral("two"))).ok());
        QVERIFY((*session)->add(s).ok());
        QVERIFY((*session)->commit().ok());
        QCOMPARE(*store.count({}), 2);
    }

    void misuseIsReported()
    {
        KX_OPEN_STORE(store, QStringLiteral(":memory:"));
        auto session = store.beginImport();
        QVERIFY(session.ok());
        QVERIFY(!(*session)->add(scenarios(QStringLiteral("x"), 1).first()).ok()); // no dataset yet
        QVERIFY(!store.beginImport().ok());                                           // one at a time
        QVERIFY(!store.setStatus(1, ReviewStatus::Accepted).ok());                    // would join the import
        session->reset();
        QVERIFY(store.beginImport().ok());
    }

    void otherConnectionsSeeOnlyCommittedData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws.kairix"));
        KX_OPEN_STORE(writer, path);
        KX_OPEN_STORE(reader, path);
        auto session = writer.beginImport();
        QVERIFY(session.ok());
        QVERIFY((*session)->beginDataset(makeDataset(QStringLiteral("d"))).ok());
        for (const TestScenario &s : scenarios(QStringLiteral("r"), 50))
            QVERIFY((*session)->add(s).ok());
        QCOMPARE(*reader.count({}), 0); // WAL: the reader is not blocked and sees the old state
        QCOMPARE(reader.datasets()->size(), 0);
        QVERIFY((*session)->commit().ok());
        QCOMPARE(*reader.count({}), 50);
    }

    void importRate()
    {
        // Not a timing assertion: prints the rate so a run shows regressions.
        QTemporaryDir dir;
        KX_OPEN_STORE(store, dir.filePath(QStringLiteral("rate.kairix")));
        const int n = 20000;
        TestScenario s = scenarios(QStringLiteral("rate"), 1).first();
        QElapsedTimer timer;
        timer.start();
        auto session = store.beginImport();
        QVERIFY((*session)->beginDataset(makeDataset(QStringLiteral("rate"))).ok());
        for (int i = 0; i < n; ++i) {
            s.id = QString::number(i);
            QVERIFY((*session)->add(s).ok());
        }
        QVERIFY((*session)->commit().ok());
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        qInfo("imported %d scenarios in %.3f s: %.0f scenarios/s", n, seconds, n / seconds);
        QCOMPARE(*store.count({}), n);
    }
};

QTEST_GUILESS_MAIN(tst_ImportSession)
#include "tst_importsession.moc"
