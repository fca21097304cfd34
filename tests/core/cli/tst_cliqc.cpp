// SPDX-License-Identifier: GPL-3.0-or-later
// `kairix qc` end to end on real GSM8K and BBH rows plus generated scenarios: verdicts planted at a known cut of
// the automatic score give a suggested threshold that separates them (F1 = 1), a reviewer who agrees with the
// gate has kappa 1, two reviewers who always agree have Fleiss' kappa 1, and an adopted threshold is recorded
// with who and when and becomes the default.
#include "fakechatserver.h"
#include "util/jsonqt.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace kx;

class TestCliQc final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void plantedVerdictsGiveTheirThreshold();
    void adoptIsRecorded();
    void usageErrors();
    void llmJudgeScoresThroughTheEndpoint();

private:
    Json run(const QStringList &args, int expectedExit = 0);
    QList<std::pair<QString, double>> distinctScores(int count);

    QTemporaryDir m_dir;
    QString m_db;
    double m_cut = 0; ///< accepted: automatic overall > m_cut; rejected: ≤
};

Json TestCliQc::run(const QStringList &args, int expectedExit)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("KAIRIX_DB"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KX_CLI_PATH), QStringList{QStringLiteral("--db"), m_db} + args);
    p.waitForFinished(120000);
    if (p.exitCode() != expectedExit)
        qWarning() << args << p.exitCode() << p.readAllStandardError();
    return Json::parse(p.readAllStandardOutput().toStdString(), nullptr, false);
}

QList<std::pair<QString, double>> TestCliQc::distinctScores(int count)
{
    // One scenario per distinct automatic overall score, lowest first, read below the CLI.
    QList<std::pair<QString, double>> out;
    sqlite3 *db = nullptr;
    sqlite3_open_v2(m_db.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT min(s.uid), q.overall FROM quality_scores q JOIN scenarios s ON s.rowid = q.scenario_id "
                           "GROUP BY round(q.overall, 4) ORDER BY q.overall", -1, &stmt, nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW)
        out.append({QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))), sqlite3_column_double(stmt, 1)});
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    if (out.size() > count) {
        // Spread the picks over the whole range.
        QList<std::pair<QString, double>> spread;
        for (int i = 0; i < count; ++i)
            spread.append(out.at(i * (out.size() - 1) / (count - 1)));
        return spread;
    }
    return out;
}

void TestCliQc::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("ws.kairix"));
    QVERIFY(!run({QStringLiteral("import"), QStringLiteral(KX_SHARED_DATA "/gsm8k/grade_school_math/data/test.jsonl"), QStringLiteral("--json")}).is_discarded());
    QVERIFY(!run({QStringLiteral("import"), QStringLiteral(KX_SHARED_DATA "/bbh/bbh"), QStringLiteral("--json")}).is_discarded());
    QVERIFY(!run({QStringLiteral("generate"), QStringLiteral("--generator"), QStringLiteral("conversation"),
                  QStringLiteral("--count"), QStringLiteral("30"), QStringLiteral("--json")}).is_discarded());
    // The first qc scores everything; nothing is reviewed yet.
    const Json first = run({QStringLiteral("qc"), QStringLiteral("--json")});
    QVERIFY2(first.is_object(), first.dump().c_str());
    QCOMPARE(first["newly_scored"].get<qint64>(), first["scenarios"].get<qint64>());
    QCOMPARE(first["verdicts"].get<qint64>(), 0);
    QVERIFY(first["suggested_threshold"].is_null());
    QCOMPARE(run({QStringLiteral("qc"), QStringLiteral("--json")})["newly_scored"].get<qint64>(), 0);
}

void TestCliQc::plantedVerdictsGiveTheirThreshold()
{
    const auto picks = distinctScores(16);
    QVERIFY2(picks.size() >= 8, qPrintable(QString::number(picks.size())));
    const int half = int(picks.size()) / 2;
    m_cut = picks.at(half - 1).second;
    for (int i = 0; i < picks.size(); ++i) {
        const QString verdict = i >= half ? QStringLiteral("accept") : QStringLiteral("reject");
        for (const QString &reviewer : {QStringLiteral("ana"), QStringLiteral("ben")})
            run({QStringLiteral("review"), picks.at(i).first, QStringLiteral("--verdict"), verdict,
                 QStringLiteral("--reviewer"), reviewer});
    }
    const Json j = run({QStringLiteral("qc"), QStringLiteral("--json"), QStringLiteral("--curve")});
    QCOMPARE(j["verdicts"].get<qint64>(), 2 * picks.size());
    QCOMPARE(j["human_keep"].get<qint64>(), 2 * (picks.size() - half));
    QVERIFY2(j["suggested_threshold"].is_number(), j.dump().c_str());
    const double suggested = j["suggested_threshold"].get<double>();
    // The suggestion separates the planted verdicts: at or above the highest rejected score, below the lowest accepted.
    QVERIFY2(suggested >= m_cut - 0.01 && suggested < picks.at(half).second,
             qPrintable(QStringLiteral("%1 not in [%2, %3)").arg(suggested).arg(m_cut).arg(picks.at(half).second)));
    QCOMPARE(j["at_suggested"]["f1"].get<double>(), 1.0);
    QCOMPARE(j["at_suggested"]["false_keeps"].get<qint64>(), 0);
    // Both reviewers always agree: Fleiss' kappa 1 over every scenario.
    QCOMPARE(j["agreement"]["inter_reviewer"]["method"].get<std::string>(), std::string("fleiss_kappa"));
    QCOMPARE(j["agreement"]["inter_reviewer"]["value"].get<double>(), 1.0);
    QCOMPARE(j["agreement"]["multi_reviewed"].get<qint64>(), picks.size());
    QCOMPARE(j["curve"].size(), size_t(101));

    // At the suggested threshold the gate agrees with every verdict: Cohen's kappa 1, per reviewer too.
    const Json at = run({QStringLiteral("qc"), QStringLiteral("--threshold"), QString::number(suggested), QStringLiteral("--json")});
    QCOMPARE(at["agreement"]["auto_vs_human_kappa"].get<double>(), 1.0);
    QCOMPARE(at["agreement"]["reviewers"]["ana"]["kappa_vs_auto"].get<double>(), 1.0);
    QCOMPARE(at["at_threshold"]["precision"].get<double>(), 1.0);
    QCOMPARE(at["at_threshold"]["recall"].get<double>(), 1.0);
    // At 0 the gate keeps everything: recall 1, precision = the share of keeps, kappa 0.
    const Json zero = run({QStringLiteral("qc"), QStringLiteral("--threshold"), QStringLiteral("0"), QStringLiteral("--json")});
    QCOMPARE(zero["at_threshold"]["recall"].get<double>(), 1.0);
    QCOMPARE(zero["at_threshold"]["precision"].get<double>(), double(picks.size() - half) / double(picks.size()));
    QCOMPARE(zero["agreement"]["auto_vs_human_kappa"].get<double>(), 0.0);
}

void TestCliQc::adoptIsRecorded()
{
    const Json before = run({QStringLiteral("qc"), QStringLiteral("--json")});
    QCOMPARE(before["threshold"].get<double>(), 0.7);
    const Json adopted = run({QStringLiteral("qc"), QStringLiteral("--adopt"), QStringLiteral("--reviewer"), QStringLiteral("lead"),
                              QStringLiteral("--json")});
    QCOMPARE(adopted["threshold"].get<double>(), before["suggested_threshold"].get<double>());
    QCOMPARE(adopted["adopted"].size(), size_t(1));
    QCOMPARE(adopted["adopted"][0]["by"].get<std::string>(), std::string("lead"));
    QVERIFY(!adopted["adopted"][0]["at"].get<std::string>().empty());
    // The adopted threshold is the default from now on; a later one takes over.
    QCOMPARE(run({QStringLiteral("qc"), QStringLiteral("--json")})["threshold"].get<double>(), adopted["threshold"].get<double>());
    run({QStringLiteral("qc"), QStringLiteral("--threshold"), QStringLiteral("0.66"), QStringLiteral("--adopt"),
         QStringLiteral("--reviewer"), QStringLiteral("lead2")});
    const Json after = run({QStringLiteral("qc"), QStringLiteral("--json")});
    QCOMPARE(after["threshold"].get<double>(), 0.66);
    QCOMPARE(after["adopted"][0]["by"].get<std::string>(), std::string("lead2"));
}

void TestCliQc::usageErrors()
{
    for (const QStringList &args : {QStringList{QStringLiteral("qc"), QStringLiteral("--threshold"), QStringLiteral("1.5")},
                                    QStringList{QStringLiteral("qc"), QStringLiteral("--threshold"), QStringLiteral("high")},
                                    QStringList{QStringLiteral("qc"), QStringLiteral("--bogus")}}) {
        QProcess p;
        p.start(QStringLiteral(KX_CLI_PATH), QStringList{QStringLiteral("--db"), m_db} + args);
        p.waitForFinished(30000);
        QCOMPARE(p.exitCode(), 2);
    }
}

void TestCliQc::llmJudgeScoresThroughTheEndpoint()
{
    using kx::test::FakeChatFault;
    using kx::test::FakeChatServer;
    FakeChatServer server;
    QVERIFY(server.start());
    server.setResponder([](const Json &, int) {
        return QStringLiteral(R"({"clarity": 0.2, "complexity": 0.4, "coverage": 0.6, "realism": 0.8, "rationale": "ok"})");
    });
    server.setFault(1, FakeChatFault::serverError());
    server.setFault(2, FakeChatFault::malformedJson());
    const Json j = run({QStringLiteral("qc"), QStringLiteral("--judge"), QStringLiteral("--base-url"), server.baseUrl().toString(),
                        QStringLiteral("--model"), QStringLiteral("judge-model"), QStringLiteral("--limit"), QStringLiteral("5"),
                        QStringLiteral("--json")});
    QVERIFY2(j.is_object(), j.dump().c_str());
    // 5 answers, the 500 retried and the malformed one repaired: 7 requests.
    QCOMPARE(server.requestCount(), 7);
    QVERIFY(server.requests().constFirst().lastUserMessage().contains(QStringLiteral("Score this test scenario")));
    sqlite3 *db = nullptr;
    sqlite3_open_v2(m_db.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*), min(overall), max(overall) FROM quality_scores WHERE scorer = 'judge:judge-model'",
                       -1, &stmt, nullptr);
    QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int(stmt, 0), 5);
    QCOMPARE(sqlite3_column_double(stmt, 1), 0.5);
    QCOMPARE(sqlite3_column_double(stmt, 2), 0.5);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    // The heuristics leave judged scenarios alone; the next judge run takes the next five.
    QCOMPARE(run({QStringLiteral("qc"), QStringLiteral("--json")})["newly_scored"].get<qint64>(), 0);
    server.resetStats();
    server.clearFaults();
    run({QStringLiteral("qc"), QStringLiteral("--judge"), QStringLiteral("--base-url"), server.baseUrl().toString(),
         QStringLiteral("--model"), QStringLiteral("judge-model"), QStringLiteral("--limit"), QStringLiteral("5")});
    QCOMPARE(server.requestCount(), 5);
}

QTEST_GUILESS_MAIN(TestCliQc)
#include "tst_cliqc.moc"
