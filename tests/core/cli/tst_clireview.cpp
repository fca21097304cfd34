// SPDX-License-Identifier: GPL-3.0-or-later
// `kairix review` on a real workspace with the real GSM8K test split: a verdict with per-criterion scores is
// stored with its audit-trail entry and the human_reviews mirror; killed right after it answers, the verdict
// is there; bad input changes nothing.
#include "util/jsonqt.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace kx;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString sqlText(const QString &db, const char *sql)
{
    sqlite3 *handle = nullptr;
    QString value;
    if (sqlite3_open_v2(db.toUtf8().constData(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
    }
    sqlite3_close(handle);
    return value;
}

} // namespace

class TestCliReview final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void verdictWithScoresIsStored();
    void secondReviewerAndKeptScores();
    void killedRightAfterTheVerdictKeepsIt();
    void badInputChangesNothing_data();
    void badInputChangesNothing();

private:
    QProcess *start(const QStringList &args);
    Run kairix(const QStringList &args);

    QTemporaryDir m_dir;
    QString m_db;
};

void TestCliReview::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("ws.kairix"));
    const Run imported = kairix({QStringLiteral("import"), QStringLiteral(KX_SHARED_DATA "/gsm8k/grade_school_math/data/test.jsonl")});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
}

QProcess *TestCliReview::start(const QStringList &args)
{
    auto *p = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("USER"), QStringLiteral("login-name"));
    env.remove(QStringLiteral("KAIRIX_DB"));
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(KX_CLI_PATH), QStringList{QStringLiteral("--db"), m_db} + args);
    return p;
}

Run TestCliReview::kairix(const QStringList &args)
{
    QProcess *p = start(args);
    p->waitForFinished(120000);
    Run r{p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1, p->readAllStandardOutput(), p->readAllStandardError()};
    delete p;
    return r;
}

void TestCliReview::verdictWithScoresIsStored()
{
    const Run r = kairix({QStringLiteral("review"), QStringLiteral("gsm8k_test_0"), QStringLiteral("--verdict"),
                          QStringLiteral("accept"), QStringLiteral("--score"), QStringLiteral("clarity=0.9"),
                          QStringLiteral("--score"), QStringLiteral("realism=0.75"), QStringLiteral("--reviewer"),
                          QStringLiteral("ana"), QStringLiteral("--comment"), QStringLiteral("clean"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const Json j = Json::parse(r.out.toStdString(), nullptr, false);
    QVERIFY2(j.is_object(), r.out.constData());
    QCOMPARE(j["status"].get<std::string>(), std::string("accepted"));
    QCOMPARE(j["review"]["scores"]["clarity"].get<double>(), 0.9);
    QVERIFY(j["event_id"].get<qint64>() > 0);

    // The scenario, the mirror and the audit trail agree.
    const Run accepted = kairix({QStringLiteral("scenarios"), QStringLiteral("--status"), QStringLiteral("accepted")});
    QCOMPARE(accepted.out.count('\n'), 1);
    const Json s = Json::parse(accepted.out.trimmed().toStdString());
    QCOMPARE(s["id"].get<std::string>(), std::string("gsm8k_test_0"));
    QCOMPARE(s["review"]["reviews"]["ana"]["comment"].get<std::string>(), std::string("clean"));
    QCOMPARE(sqlText(m_db, "SELECT verdict || '/' || clarity || '/' || realism || '/' || (complexity IS NULL) "
                           "FROM human_reviews WHERE reviewer = 'ana'"),
             QStringLiteral("accepted/0.9/0.75/1"));
    QCOMPARE(sqlText(m_db, "SELECT reviewer || ':' || action FROM review_events ORDER BY id DESC LIMIT 1"),
             QStringLiteral("ana:review"));
}

void TestCliReview::secondReviewerAndKeptScores()
{
    // By the row id, the login name as reviewer.
    const QString rowId = sqlText(m_db, "SELECT rowid FROM scenarios WHERE uid = 'gsm8k_test_1'");
    Run r = kairix({QStringLiteral("review"), rowId, QStringLiteral("--verdict"), QStringLiteral("reject"),
                    QStringLiteral("--score"), QStringLiteral("coverage=0.2")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = kairix({QStringLiteral("review"), QStringLiteral("gsm8k_test_1"), QStringLiteral("--verdict"), QStringLiteral("accept"),
                QStringLiteral("--reviewer"), QStringLiteral("ben")});
    QCOMPARE(r.exitCode, 0);
    // The same reviewer again with a score only: the verdict and the earlier score stay.
    r = kairix({QStringLiteral("review"), QStringLiteral("gsm8k_test_1"), QStringLiteral("--score"), QStringLiteral("clarity=0.4")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(sqlText(m_db, "SELECT group_concat(reviewer || '=' || verdict || '/' || ifnull(clarity, '-') || '/' || "
                           "ifnull(coverage, '-'), ' ') FROM (SELECT * FROM human_reviews h JOIN scenarios s ON "
                           "s.rowid = h.scenario_id WHERE s.uid = 'gsm8k_test_1' ORDER BY reviewer)"),
             QStringLiteral("ben=accepted/-/- login-name=rejected/0.4/0.2"));
}

void TestCliReview::killedRightAfterTheVerdictKeepsIt()
{
    QProcess *p = start({QStringLiteral("review"), QStringLiteral("gsm8k_test_2"), QStringLiteral("--verdict"),
                         QStringLiteral("reject"), QStringLiteral("--reviewer"), QStringLiteral("cy"), QStringLiteral("--json")});
    QVERIFY(p->waitForReadyRead(30000));
    p->kill(); // SIGKILL the moment it has answered
    p->waitForFinished(5000);
    delete p;
    QCOMPARE(sqlText(m_db, "SELECT status FROM scenarios WHERE uid = 'gsm8k_test_2'"), QStringLiteral("rejected"));
    QCOMPARE(sqlText(m_db, "SELECT verdict FROM human_reviews WHERE reviewer = 'cy'"), QStringLiteral("rejected"));
}

void TestCliReview::badInputChangesNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("unknown id") << QStringList{QStringLiteral("review"), QStringLiteral("no_such_scenario"),
                                               QStringLiteral("--verdict"), QStringLiteral("accept")} << 1;
    QTest::newRow("unknown dataset") << QStringList{QStringLiteral("review"), QStringLiteral("gsm8k_test_5"),
                                                    QStringLiteral("--verdict"), QStringLiteral("accept"),
                                                    QStringLiteral("--dataset"), QStringLiteral("99")} << 1;
    QTest::newRow("score out of range") << QStringList{QStringLiteral("review"), QStringLiteral("gsm8k_test_5"),
                                                       QStringLiteral("--score"), QStringLiteral("clarity=1.5")} << 2;
    QTest::newRow("unknown criterion") << QStringList{QStringLiteral("review"), QStringLiteral("gsm8k_test_5"),
                                                      QStringLiteral("--score"), QStringLiteral("beauty=0.5")} << 2;
    QTest::newRow("unknown verdict") << QStringList{QStringLiteral("review"), QStringLiteral("gsm8k_test_5"),
                                                    QStringLiteral("--verdict"), QStringLiteral("maybe")} << 2;
    QTest::newRow("nothing to record") << QStringList{QStringLiteral("review"), QStringLiteral("gsm8k_test_5")} << 2;
}

void TestCliReview::badInputChangesNothing()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    const auto hash = [this] {
        QFile f(m_db);
        return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
    };
    (void)kairix({QStringLiteral("datasets")}); // checkpoint-free read: leaves the file as it is
    const QString events = sqlText(m_db, "SELECT count(*) FROM review_events");
    const QByteArray before = hash();
    const Run r = kairix(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(!r.err.isEmpty());
    QCOMPARE(sqlText(m_db, "SELECT count(*) FROM review_events"), events);
    QCOMPARE(hash(), before);
}

QTEST_GUILESS_MAIN(TestCliReview)
#include "tst_clireview.moc"
