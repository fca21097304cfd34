// SPDX-License-Identifier: GPL-3.0-or-later
// `kairix mix` and `kairix snapshot` end to end: real GSM8K rows, offline-generated synthetic and adversarial
// scenarios, verdicts through `kairix review`; the mix JSON of DESIGN.md, a saved target, the plan, and
// snapshots that honour the mix, are deterministic for a seed, stay frozen, export and diff.
#include "util/jsonqt.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
} // namespace

class TestCliMix final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void mixReportsTargetAndActual();
    void targetIsSavedAndChecked();
    void planSizesTheGenerators();
    void snapshotsHonourTheMixAndStayFrozen();

private:
    Run kairix(const QStringList &args);
    Json json(const QStringList &args);
    void review(const QString &id, const char *verdict);

    QTemporaryDir m_dir;
    QString m_db;
};

Run TestCliMix::kairix(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("KAIRIX_DB"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KX_CLI_PATH), QStringList{QStringLiteral("--db"), m_db} + args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

Json TestCliMix::json(const QStringList &args)
{
    const Run r = kairix(args);
    if (r.exitCode != 0)
        qWarning() << r.err;
    return Json::parse(r.out.toStdString(), nullptr, false);
}

void TestCliMix::review(const QString &id, const char *verdict)
{
    const Run r = kairix({QStringLiteral("review"), id, QStringLiteral("--verdict"), QString::fromLatin1(verdict),
                          QStringLiteral("--reviewer"), QStringLiteral("qa")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestCliMix::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("ws.kairix"));
    QCOMPARE(kairix({QStringLiteral("import"), QStringLiteral(KX_SHARED_DATA "/gsm8k/grade_school_math/data/test.jsonl")}).exitCode, 0);
    for (const auto &[generator, count] : {std::pair{"memory", "20"}, std::pair{"adversarial", "10"}}) {
        const Run r = kairix({QStringLiteral("generate"), QStringLiteral("--generator"), QString::fromLatin1(generator),
                              QStringLiteral("--count"), QString::fromLatin1(count)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    // Accepted: 6 benchmark, 8 synthetic (of 10 reviewed), 2 adversarial (of 4 reviewed).
    for (int i = 0; i < 6; ++i)
        review(QStringLiteral("gsm8k_test_%1").arg(i), "accept");
    for (int i = 0; i < 10; ++i)
        review(QStringLiteral("memory-0-%1").arg(i), i < 8 ? "accept" : "reject");
    for (int i = 0; i < 4; ++i)
        review(QStringLiteral("adversarial-0-%1").arg(i), i < 2 ? "accept" : "reject");
}

void TestCliMix::mixReportsTargetAndActual()
{
    const Json j = json({QStringLiteral("mix"), QStringLiteral("--json")});
    QVERIFY(j.is_object());
    // DESIGN.md: {"target": {category: share}, "actual": {category: {"count", "share"}}}
    QCOMPARE(j["target"]["benchmark"].get<double>(), 0.3);
    QCOMPARE(j["target"]["synthetic"].get<double>(), 0.4);
    QCOMPARE(j["target"]["tool_usage"].get<double>(), 0.2);
    QCOMPARE(j["target"]["adversarial"].get<double>(), 0.1);
    QCOMPARE(j["actual"]["benchmark"]["count"].get<qint64>(), 6);
    QCOMPARE(j["actual"]["synthetic"]["count"].get<qint64>(), 8);
    QCOMPARE(j["actual"]["adversarial"]["count"].get<qint64>(), 2);
    QCOMPARE(j["actual"]["tool_usage"]["count"].get<qint64>(), 0);
    QCOMPARE(j["actual"]["synthetic"]["share"].get<double>(), 0.5); // 8 of 16 accepted
    QCOMPARE(j["sources"]["benchmark"][0]["name"].get<std::string>(), std::string("GSM8K test"));
    const Run table = kairix({QStringLiteral("mix")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains("synthetic") && table.out.contains("50.0"), table.out.constData());
}

void TestCliMix::targetIsSavedAndChecked()
{
    Run bad = kairix({QStringLiteral("mix"), QStringLiteral("--target"), QStringLiteral("benchmark=0.5,synthetic=0.6")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("1.1"), bad.err.constData());
    bad = kairix({QStringLiteral("mix"), QStringLiteral("--target"), QStringLiteral("benchmark")});
    QCOMPARE(bad.exitCode, 2);
    QCOMPARE(json({QStringLiteral("mix"), QStringLiteral("--json")})["target"]["benchmark"].get<double>(), 0.3);
    const Json set = json({QStringLiteral("mix"), QStringLiteral("--target"),
                           QStringLiteral("benchmark=0.25,synthetic=0.45,tool_usage=0.2,adversarial=0.1"), QStringLiteral("--json")});
    QCOMPARE(set["target"]["benchmark"].get<double>(), 0.25);
    // Saved in the workspace: a later call without --target sees it.
    QCOMPARE(json({QStringLiteral("mix"), QStringLiteral("--json")})["target"]["synthetic"].get<double>(), 0.45);
    QCOMPARE(kairix({QStringLiteral("mix"), QStringLiteral("--target"),
                     QStringLiteral("benchmark=0.3,synthetic=0.4,tool_usage=0.2,adversarial=0.1")}).exitCode, 0);
}

void TestCliMix::planSizesTheGenerators()
{
    // Suite of 40: quotas 12 / 16 / 8 / 4; accepted 6 / 8 / 0 / 2 → missing 6 / 8 / 8 / 2.
    const Json j = json({QStringLiteral("mix"), QStringLiteral("--size"), QStringLiteral("40"), QStringLiteral("--plan"),
                         QStringLiteral("--json")});
    QCOMPARE(j["gap"]["synthetic"].get<qint64>(), 8);
    QCOMPARE(j["gap"]["adversarial"].get<qint64>(), 2);
    const Json &items = j["plan"]["items"];
    QVERIFY2(items.is_array(), j.dump().c_str());
    qint64 adversarial = -1;
    for (const Json &item : items) {
        if (item["generator"] == "adversarial") {
            // 2 to accept at (2 + 0.7·2) / (4 + 2) = 0.5667 → ceil(2 / 0.5667) = 4 to generate.
            QCOMPARE(item["to_accept"].get<qint64>(), 2);
            adversarial = item["to_generate"].get<qint64>();
        }
    }
    QCOMPARE(adversarial, 4);
}

void TestCliMix::snapshotsHonourTheMixAndStayFrozen()
{
    // 16 accepted, no tool usage: a suite of 10 asks 3 / 4 / 2 / 1 and is short of 2 tool-usage scenarios.
    Json first = json({QStringLiteral("snapshot"), QStringLiteral("create"), QStringLiteral("core"), QStringLiteral("--size"),
                       QStringLiteral("10"), QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--json")});
    QVERIFY2(first.is_object(), first.dump().c_str());
    QCOMPARE(first["version"].get<std::string>(), std::string("1"));
    QCOMPARE(first["metadata"]["selected"]["benchmark"].get<qint64>(), 3);
    QCOMPARE(first["metadata"]["selected"]["synthetic"].get<qint64>(), 4);
    QCOMPARE(first["metadata"]["selected"]["adversarial"].get<qint64>(), 1);
    QCOMPARE(first["metadata"]["shortfall"]["tool_usage"].get<qint64>(), 2);
    // The same seed again: version 2 with the same members.
    const Json second = json({QStringLiteral("snapshot"), QStringLiteral("create"), QStringLiteral("core"), QStringLiteral("--size"),
                              QStringLiteral("10"), QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--json")});
    QCOMPARE(second["version"].get<std::string>(), std::string("2"));
    Json diff = json({QStringLiteral("snapshot"), QStringLiteral("diff"), QString::number(first["id"].get<qint64>()),
                      QString::number(second["id"].get<qint64>()), QStringLiteral("--json")});
    QVERIFY2(diff["added"].empty() && diff["removed"].empty(), diff.dump().c_str());

    // Export is the frozen copy: rejecting a member afterwards changes neither the file nor version 1.
    const QString out = m_dir.filePath(QStringLiteral("core-v1.jsonl"));
    QCOMPARE(kairix({QStringLiteral("snapshot"), QStringLiteral("export"), QString::number(first["id"].get<qint64>()),
                     QStringLiteral("--out"), out}).exitCode, 0);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 8);
    const Json member = Json::parse(lines.first().toStdString());
    QCOMPARE(member["review"]["status"].get<std::string>(), std::string("accepted"));
    QCOMPARE(member["review"]["reviews"]["qa"]["verdict"].get<std::string>(), std::string("accepted"));
    review(qs(member["id"].get<std::string>()), "reject");
    const QString again = m_dir.filePath(QStringLiteral("core-v1-again.jsonl"));
    QCOMPARE(kairix({QStringLiteral("snapshot"), QStringLiteral("export"), QString::number(first["id"].get<qint64>()),
                     QStringLiteral("--out"), again}).exitCode, 0);
    QFile g(again);
    QVERIFY(g.open(QIODevice::ReadOnly));
    QCOMPARE(g.readAll().trimmed().split('\n'), lines);
    // A new version no longer holds the rejected scenario; parquet export works too.
    const Json third = json({QStringLiteral("snapshot"), QStringLiteral("create"), QStringLiteral("core"), QStringLiteral("--size"),
                             QStringLiteral("10"), QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--json")});
    diff = json({QStringLiteral("snapshot"), QStringLiteral("diff"), QString::number(first["id"].get<qint64>()),
                 QString::number(third["id"].get<qint64>()), QStringLiteral("--json")});
    QVERIFY2(diff["removed"].dump().find(member["id"].get<std::string>()) != std::string::npos, diff.dump().c_str());
    QCOMPARE(kairix({QStringLiteral("snapshot"), QStringLiteral("export"), QString::number(third["id"].get<qint64>()),
                     QStringLiteral("--out"), m_dir.filePath(QStringLiteral("core.parquet"))}).exitCode, 0);
    QVERIFY(QFile(m_dir.filePath(QStringLiteral("core.parquet"))).size() > 100);
    const Json list = json({QStringLiteral("snapshot"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(list.size(), size_t(3));
    QCOMPARE(kairix({QStringLiteral("snapshot"), QStringLiteral("export"), QStringLiteral("99"), QStringLiteral("--out"),
                     m_dir.filePath(QStringLiteral("x.jsonl"))}).exitCode, 1);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.jsonl"))));
}

QTEST_GUILESS_MAIN(TestCliMix)
#include "tst_climix.moc"
