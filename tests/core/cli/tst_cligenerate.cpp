// SPDX-License-Identifier: GPL-3.0-or-later
// `kairix generate` and `kairix jobs` as real processes on a real workspace file; the openai backend talks to a
// real HTTP server on 127.0.0.1 in this test process. A CLI killed in mid-job and re-run ends with exactly N.
#include "fakechatserver.h"
#include "jobtestkit.h"
#include "util/jsonqt.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace kx;
using namespace kx::test;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

const QByteArray kSecret = QByteArrayLiteral("sk-cli-test-SECRET-4b3c2a");

/** Items the job with the highest id has done, read with SQL while the CLI runs; -1 before it exists. */
qint64 itemsDone(const QString &db)
{
    sqlite3 *handle = nullptr;
    qint64 done = -1;
    if (sqlite3_open_v2(db.toUtf8().constData(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(handle, 1000);
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(handle, "SELECT items_done FROM generation_jobs ORDER BY id DESC LIMIT 1", -1, &stmt,
                               nullptr) == SQLITE_OK
            && sqlite3_step(stmt) == SQLITE_ROW)
            done = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
    }
    sqlite3_close(handle);
    return done;
}

} // namespace

class TestCliGenerate final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void offlineGenerateAndJobs();
    void killedMidJobResumesWithExactlyN();
    void endpointFaultsAreRetried();
    void badInputExitsOneAndChangesNothing_data();
    void badInputExitsOneAndChangesNothing();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();

private:
    QProcessEnvironment environment() const;
    Run kairix(const QStringList &args);
    QStringList openAiArgs(int count, int concurrency) const;

    JobTestBed m_bed;
};

void TestCliGenerate::init()
{
    QVERIFY(m_bed.start());
}

void TestCliGenerate::cleanup()
{
    m_bed.stop();
}

QProcessEnvironment TestCliGenerate::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_bed.dir->path()); // never touch the real default workspace or settings
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_bed.dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_bed.dir->filePath(QStringLiteral("data")));
    env.remove(QStringLiteral("KAIRIX_DB"));
    env.remove(QStringLiteral("OPENAI_API_KEY"));
    env.insert(QStringLiteral("KAIRIX_API_KEY"), QString::fromLatin1(kSecret));
    return env;
}

Run TestCliGenerate::kairix(const QStringList &args)
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral(KX_CLI_PATH), QStringList{QStringLiteral("--db"), m_bed.db} + args);
    if (!p.waitForStarted())
        return {};
    p.closeWriteChannel();
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QStringList TestCliGenerate::openAiArgs(int count, int concurrency) const
{
    return {QStringLiteral("generate"), QStringLiteral("--generator"), QStringLiteral("memory"),
            QStringLiteral("--count"), QString::number(count), QStringLiteral("--backend"), QStringLiteral("openai"),
            QStringLiteral("--base-url"), m_bed.server->baseUrl().toString(), QStringLiteral("--model"),
            QStringLiteral("fake-model"), QStringLiteral("--concurrency"), QString::number(concurrency),
            QStringLiteral("--timeout-ms"), QStringLiteral("2000"), QStringLiteral("--seed"), QStringLiteral("3"),
            QStringLiteral("--json")};
}

void TestCliGenerate::offlineGenerateAndJobs()
{
    const Run r = kairix({QStringLiteral("generate"), QStringLiteral("--generator"), QStringLiteral("fusion"),
                          QStringLiteral("--count"), QStringLiteral("15"), QStringLiteral("--seed"), QStringLiteral("9"),
                          QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const Json j = Json::parse(r.out.toStdString(), nullptr, false);
    QVERIFY2(j.is_object(), r.out.constData());
    for (const char *key : {"job_id", "dataset_id", "generated", "failed", "seconds"})
        QVERIFY2(j.contains(key), key);
    QCOMPARE(j["generated"].get<qint64>(), 15);
    QCOMPARE(j["failed"].get<qint64>(), 0);
    QCOMPARE(j["resumed"].get<bool>(), false);
    const qint64 datasetId = j["dataset_id"].get<qint64>();
    QCOMPARE(datasetCounts(m_bed.db, datasetId).distinctIds, 15);

    // The scenarios are there for `scenarios`, with fusion ids and provenance.
    const Run listed = kairix({QStringLiteral("scenarios"), QStringLiteral("--dataset"), QString::number(datasetId)});
    QCOMPARE(listed.exitCode, 0);
    const QList<QByteArray> lines = listed.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 15);
    const Json first = Json::parse(lines.first().toStdString());
    QVERIFY(qs(first["id"].get<std::string>()).startsWith(QStringLiteral("fusion-9-")));
    QCOMPARE(first["provenance"]["generator"].get<std::string>(), std::string("fusion"));

    // A finished job is not resumed: the same command makes a second job.
    const Run again = kairix({QStringLiteral("generate"), QStringLiteral("--generator"), QStringLiteral("fusion"),
                              QStringLiteral("--count"), QStringLiteral("15"), QStringLiteral("--seed"),
                              QStringLiteral("9"), QStringLiteral("--json")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(Json::parse(again.out.toStdString())["job_id"].get<qint64>() > j["job_id"].get<qint64>());

    const Run jobs = kairix({QStringLiteral("jobs"), QStringLiteral("--json")});
    QCOMPARE(jobs.exitCode, 0);
    const Json list = Json::parse(jobs.out.toStdString(), nullptr, false);
    QVERIFY2(list.is_array() && list.size() == 2, jobs.out.constData());
    QCOMPARE(list[1]["state"].get<std::string>(), std::string("completed"));
    QCOMPARE(list[1]["generated"].get<qint64>(), 15);
    const Run log = kairix({QStringLiteral("jobs"), QStringLiteral("log"), QString::number(j["job_id"].get<qint64>())});
    QCOMPARE(log.exitCode, 0);
    QVERIFY2(log.out.contains("started") && log.out.contains("completed"), log.out.constData());
    const Run table = kairix({QStringLiteral("jobs")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains("fusion") && table.out.contains("completed"), table.out.constData());
}

void TestCliGenerate::killedMidJobResumesWithExactlyN()
{
    constexpr int count = 30;
    m_bed.server->setLatencyMs(150);
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(QStringLiteral(KX_CLI_PATH), QStringList{QStringLiteral("--db"), m_bed.db} + openAiArgs(count, 3));
    QVERIFY(p.waitForStarted());
    QElapsedTimer clock;
    clock.start();
    while (itemsDone(m_bed.db) < 6 && clock.elapsed() < 30000)
        QTest::qWait(20);
    const qint64 before = itemsDone(m_bed.db);
    QVERIFY2(before >= 6 && before < count, qPrintable(QString::number(before)));
    p.kill(); // SIGKILL: no chance to tidy up
    QVERIFY(p.waitForFinished(5000));
    QCOMPARE(p.exitStatus(), QProcess::CrashExit);
    const qint64 afterKill = itemsDone(m_bed.db);
    QVERIFY2(afterKill < count, "the kill came too late to test anything");

    m_bed.server->setLatencyMs(10);
    const Run r = kairix(openAiArgs(count, 3));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.contains("resuming job 1"), r.err.constData());
    const Json j = Json::parse(r.out.toStdString(), nullptr, false);
    QVERIFY2(j.is_object(), r.out.constData());
    QCOMPARE(j["job_id"].get<qint64>(), 1);
    QCOMPARE(j["resumed"].get<bool>(), true);
    QCOMPARE(j["generated"].get<qint64>(), count);
    QCOMPARE(j["failed"].get<qint64>(), 0);
    const DatasetCounts counts = datasetCounts(m_bed.db, j["dataset_id"].get<qint64>());
    QCOMPARE(counts.rows, count);
    QCOMPARE(counts.distinctIds, count);

    // The key reached the server and no file in the workspace's folder (the -wal and -shm files included).
    QVERIFY(m_bed.server->requests().constFirst().authorization().endsWith(kSecret));
    QDirIterator it(m_bed.dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(kSecret), qPrintable(f.fileName()));
    }
    const Run log = kairix({QStringLiteral("jobs"), QStringLiteral("log"), QStringLiteral("1"), QStringLiteral("--json")});
    QCOMPARE(log.exitCode, 0);
    QVERIFY2(log.out.contains("ended without finishing") && log.out.contains("resumed"), log.out.constData());
    QVERIFY(!log.out.contains(kSecret));
}

void TestCliGenerate::endpointFaultsAreRetried()
{
    m_bed.server->setFault(1, FakeChatFault::rateLimited("1"));
    m_bed.server->setFault(2, FakeChatFault::serverError());
    m_bed.server->setFault(3, FakeChatFault::truncatedBody());
    m_bed.server->setFault(4, FakeChatFault::malformedJson());
    const Run r = kairix(openAiArgs(8, 2));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const Json j = Json::parse(r.out.toStdString());
    QCOMPARE(j["generated"].get<qint64>(), 8);
    QVERIFY(j["prompt_tokens"].get<qint64>() > 0);
    QVERIFY(m_bed.server->requestCount() >= 8 + 4);

    // A 401 is not retried: the item fails, the exit status says so, a re-run retries only it.
    m_bed.server->resetStats();
    m_bed.server->clearFaults();
    m_bed.server->setFaultScript([](int number, const Json &) {
        return number == 1 ? FakeChatFault::httpStatus(401, QStringLiteral("Incorrect API key provided")) : FakeChatFault::none();
    });
    QStringList args = openAiArgs(3, 1);
    args[args.indexOf(QStringLiteral("--seed")) + 1] = QStringLiteral("4");
    const Run refused = kairix(args);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("Incorrect API key") && refused.err.contains("1 of 3 items failed"), refused.err.constData());
    QCOMPARE(Json::parse(refused.out.toStdString())["generated"].get<qint64>(), 2);
    QCOMPARE(m_bed.server->requestCount(), 3);
    m_bed.server->clearFaults();
    const Run retried = kairix(args);
    QVERIFY2(retried.exitCode == 0, retried.err.constData());
    QCOMPARE(Json::parse(retried.out.toStdString())["generated"].get<qint64>(), 3);
    QCOMPARE(m_bed.server->requestCount(), 4);
}

void TestCliGenerate::badInputExitsOneAndChangesNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown generator") << QStringList{QStringLiteral("--generator"), QStringLiteral("poetry"),
                                                      QStringLiteral("--count"), QStringLiteral("2")}
                                       << QStringLiteral("unknown generator \"poetry\"");
    QTest::newRow("unknown backend") << QStringList{QStringLiteral("--generator"), QStringLiteral("memory"),
                                                    QStringLiteral("--count"), QStringLiteral("2"),
                                                    QStringLiteral("--backend"), QStringLiteral("carrier-pigeon")}
                                     << QStringLiteral("unknown backend");
    QTest::newRow("openai without url") << QStringList{QStringLiteral("--generator"), QStringLiteral("memory"),
                                                       QStringLiteral("--count"), QStringLiteral("2"),
                                                       QStringLiteral("--backend"), QStringLiteral("openai")}
                                        << QStringLiteral("needs a base URL");
    QTest::newRow("augment without parents") << QStringList{QStringLiteral("--generator"), QStringLiteral("augment"),
                                                            QStringLiteral("--count"), QStringLiteral("2")}
                                             << QStringLiteral("needs parent scenarios");
    QTest::newRow("unknown parent") << QStringList{QStringLiteral("--generator"), QStringLiteral("augment"),
                                                   QStringLiteral("--count"), QStringLiteral("2"),
                                                   QStringLiteral("--parents"), QStringLiteral("999999")}
                                    << QStringLiteral("parent scenario 999999");
    QTest::newRow("unknown job") << QStringList{QStringLiteral("--resume"), QStringLiteral("42")}
                                 << QStringLiteral("no generation job 42");
}

void TestCliGenerate::badInputExitsOneAndChangesNothing()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QCOMPARE(kairix({QStringLiteral("datasets")}).exitCode, 0); // creates the (empty) workspace
    const Run before = kairix({QStringLiteral("jobs"), QStringLiteral("--json")});
    const Run datasetsBefore = kairix({QStringLiteral("datasets"), QStringLiteral("--json")});
    const Run r = kairix(QStringList{QStringLiteral("generate")} + args);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QCOMPARE(kairix({QStringLiteral("jobs"), QStringLiteral("--json")}).out, before.out);
    QCOMPARE(kairix({QStringLiteral("datasets"), QStringLiteral("--json")}).out, datasetsBefore.out);
}

void TestCliGenerate::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no count") << QStringList{QStringLiteral("generate"), QStringLiteral("--generator"), QStringLiteral("memory")};
    QTest::newRow("zero count") << QStringList{QStringLiteral("generate"), QStringLiteral("--generator"),
                                               QStringLiteral("memory"), QStringLiteral("--count"), QStringLiteral("0")};
    QTest::newRow("bad param") << QStringList{QStringLiteral("generate"), QStringLiteral("--generator"),
                                              QStringLiteral("memory"), QStringLiteral("--count"), QStringLiteral("1"),
                                              QStringLiteral("--param"), QStringLiteral("nokey")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("generate"), QStringLiteral("--colour")};
    QTest::newRow("jobs extra") << QStringList{QStringLiteral("jobs"), QStringLiteral("everything")};
}

void TestCliGenerate::usageErrorsExitTwo()
{
    QFETCH(QStringList, args);
    const Run r = kairix(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
    QVERIFY(!QFile::exists(m_bed.db)); // a usage error never opens, let alone creates, the workspace
}

QTEST_GUILESS_MAIN(TestCliGenerate)
#include "tst_cligenerate.moc"
