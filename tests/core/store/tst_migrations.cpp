// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetesthelpers.h"

#include "store/schemamigrations.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QtConcurrent>

using namespace kx;
using namespace kx::test;

namespace {

/** Runs @p sql on a fresh raw connection to @p path, as an older or foreign program would. */
bool rawExec(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK
              && sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

qint64 rawInt(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    const qint64 v = sqlInt(db, sql);
    sqlite3_close(db);
    return v;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class tst_Migrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepsReachCurrentVersion()
    {
        QCOMPARE(SchemaMigrations::latestVersion(), WorkspaceStore::currentSchemaVersion);
    }

    void concurrentOpensOfANewFileBothSucceed()
    {
        // Two threads creating the same workspace at once: the second waits for the first's
        // migration and finds the file done, instead of failing on "table already exists".
        for (int round = 0; round < 5; ++round) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("race.kairix"));
            const auto open = [path] {
                auto store = WorkspaceStore::open(path);
                return store ? QString() : store.error().message;
            };
            QFuture<QString> a = QtConcurrent::run(open);
            QFuture<QString> b = QtConcurrent::run(open);
            QVERIFY2(a.result().isEmpty(), qPrintable(a.result()));
            QVERIFY2(b.result().isEmpty(), qPrintable(b.result()));
            QCOMPARE(rawInt(path, "PRAGMA user_version"), qint64(WorkspaceStore::currentSchemaVersion));
        }
    }

    void versionZeroFileIsInitialised()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v0.kairix"));
        // A real SQLite file at user_version 0 with no tables (created, then emptied).
        QVERIFY(rawExec(path, "CREATE TABLE scratch(x); DROP TABLE scratch;"));
        QCOMPARE(rawInt(path, "PRAGMA user_version"), 0);
        QCOMPARE(rawInt(path, "SELECT count(*) FROM sqlite_schema"), 0);

        KX_OPEN_STORE(store, path);
        QCOMPARE(store.schemaVersion(), WorkspaceStore::currentSchemaVersion);
        for (const char *table : {"datasets", "scenarios", "scenario_capabilities", "scenario_fts", "audio_checks",
                                  "audio_peaks", "review_events"}) {
            const QByteArray sql = QByteArray("SELECT count(*) FROM sqlite_schema WHERE name = '") + table + '\'';
            QCOMPARE(sqlInt(store.handle(), sql.constData()), 1);
        }
        QCOMPARE(sqlInt(store.handle(), "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name LIKE "
                                        "'scenarios_by_%'"),
                 7); // five sort keys of v1, audio suspicion (v2) and the partial audio-flags index (v3)
        QVERIFY(importDataset(store, makeDataset(QStringLiteral("d")),
                              {makeScenario(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("x"))}) > 0);
    }

    void zeroByteFileIsInitialised()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.kairix"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        KX_OPEN_STORE(store, path);
        QCOMPARE(store.schemaVersion(), WorkspaceStore::currentSchemaVersion);
    }

    void reopeningKeepsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws.kairix"));
        {
            KX_OPEN_STORE(store, path);
            QVERIFY(importDataset(store, makeDataset(QStringLiteral("d")),
                                  {makeScenario(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("x"))}) > 0);
        }
        KX_OPEN_STORE(again, path); // no step to run: nothing is recreated
        QCOMPARE(again.schemaVersion(), WorkspaceStore::currentSchemaVersion);
        QCOMPARE(*again.count({}), 1);
    }

    void failingStepLeavesFileAsItWas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("foreign.kairix"));
        // A v0 file that already holds an unrelated "datasets" table: v1 cannot apply.
        QVERIFY(rawExec(path, "CREATE TABLE datasets(whatever TEXT); INSERT INTO datasets VALUES ('precious');"));
        auto store = WorkspaceStore::open(path);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, Error::Code::Database);
        QVERIFY2(store.error().message.contains(path), qPrintable(store.error().message));
        QCOMPARE(rawInt(path, "PRAGMA user_version"), 0);
        QCOMPARE(rawInt(path, "SELECT count(*) FROM datasets"), 1);
        QCOMPARE(rawInt(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'scenarios'"), 0);
    }

    void newerSchemaIsRefusedAndUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.kairix"));
        QVERIFY(rawExec(path, "CREATE TABLE future_things(x); INSERT INTO future_things VALUES (1); "
                              "PRAGMA user_version = 99;"));
        const QByteArray before = fileHash(path);
        QVERIFY(!before.isEmpty());

        auto store = WorkspaceStore::open(path);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, Error::Code::SchemaTooNew);
        const QString message = store.error().message;
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("99")), qPrintable(message));
        QVERIFY2(message.contains(QString::number(WorkspaceStore::currentSchemaVersion)), qPrintable(message));

        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QCOMPARE(rawInt(path, "PRAGMA user_version"), 99);
    }

    void notSqliteIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("These are my notes, not a database. ").repeated(200));
        f.close();
        const QByteArray before = fileHash(path);

        auto store = WorkspaceStore::open(path);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, Error::Code::BadInput);
        QVERIFY2(store.error().message.contains(path), qPrintable(store.error().message));
        QVERIFY2(store.error().message.contains(QStringLiteral("not an SQLite database")),
                 qPrintable(store.error().message));
        QCOMPARE(fileHash(path), before);
    }

    void missingFolderIsAnIoError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no/such/folder/ws.kairix"));
        auto store = WorkspaceStore::open(path);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code, Error::Code::Io);
        QVERIFY2(store.error().message.contains(path), qPrintable(store.error().message));
    }
};

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"
