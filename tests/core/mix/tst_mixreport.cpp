// SPDX-License-Identifier: GPL-3.0-or-later
#include "mix/mixreport.h"

#include <QTest>

using namespace kx;

namespace {

MixReport::Source src(Category c, qint64 id, const char *name, const char *kind, qint64 accepted, qint64 reviewed,
                      qint64 total)
{
    return {c, id, QString::fromUtf8(name), QString::fromUtf8(kind), accepted, reviewed, total};
}

/**
 * The planted workspace. Accepted per category: benchmark 20 + 10 = 30,
 * synthetic 12 + 8 = 20, tool usage 20, adversarial 5; A = 75.
 * Against 0.3/0.4/0.2/0.1: a_i / t_i = 100, 50, 100, 50, so S* = 50 and S^ = 100.
 */
QList<MixReport::Source> planted()
{
    return {src(Category::Benchmark, 1, "mmlu-test", "mmlu", 20, 25, 100),
            src(Category::Benchmark, 2, "gsm8k-test", "gsm8k", 10, 10, 50),
            src(Category::Synthetic, 4, "conversation job 2", "conversation", 8, 10, 20),
            src(Category::Synthetic, 3, "memory job 1", "memory", 12, 15, 15),
            src(Category::ToolUsage, 5, "toolbench", "toolbench", 20, 40, 200),
            src(Category::Adversarial, 6, "adversarial job 3", "adversarial", 5, 10, 10)};
}

MixReport build(const QList<MixReport::Source> &sources, const MixTarget &target = MixTarget())
{
    auto r = MixReport::build(target, sources);
    if (!r.ok())
        qFatal("%s", qPrintable(r.error().message));
    return *r;
}

} // namespace

class TestMixReport final : public QObject
{
    Q_OBJECT

private slots:
    void countsAndShares();
    void sourcesMergedAndSorted();
    void gaps_data();
    void gaps();
    void sizes_data();
    void sizes();
    void closingGapsAreNonNegative();
    void designJsonShape();
    void extraJson();
    void rejects_data();
    void rejects();
};

void TestMixReport::countsAndShares()
{
    const MixReport r = build(planted());
    QCOMPARE(r.count(Category::Benchmark), 30);
    QCOMPARE(r.count(Category::Synthetic), 20);
    QCOMPARE(r.count(Category::ToolUsage), 20);
    QCOMPARE(r.count(Category::Adversarial), 5);
    QCOMPARE(r.acceptedTotal(), 75);
    // totals: 100 + 50 + 20 + 15 + 200 + 10 = 395; reviewed benchmark 25 + 10 = 35.
    QCOMPARE(r.scenarioTotal(), 395);
    QCOMPARE(r.reviewed(Category::Benchmark), 35);
    QCOMPARE(r.total(Category::ToolUsage), 200);
    // shares: 30/75 = 0.4, 20/75 = 0.2666…, 5/75 = 0.0666…
    QCOMPARE(r.share(Category::Benchmark), 0.4);
    QCOMPARE(r.share(Category::Synthetic), 20.0 / 75.0);
    QCOMPARE(r.share(Category::Adversarial), 5.0 / 75.0);

    const MixReport empty = build({});
    QCOMPARE(empty.acceptedTotal(), 0);
    QCOMPARE(empty.share(Category::Benchmark), 0.0);
    QCOMPARE(empty.honouredSize(), 0);
    QCOMPARE(empty.closingSize(), 0);
}

void TestMixReport::sourcesMergedAndSorted()
{
    QList<MixReport::Source> rows = planted();
    // mmlu split over two rows (e.g. two query batches): 12 + 8 = 20 accepted.
    rows[0].accepted = 12;
    rows[0].reviewed = 15;
    rows.append(src(Category::Benchmark, 1, "mmlu-test", "mmlu", 8, 10, 0));
    const MixReport r = build(rows);
    const auto bench = r.sources(Category::Benchmark);
    QCOMPARE(bench.size(), 2);
    QCOMPARE(bench[0].name, QStringLiteral("mmlu-test"));
    QCOMPARE(bench[0].accepted, 20);
    QCOMPARE(bench[0].reviewed, 25);
    QCOMPARE(r.sourceShare(bench[0]), 20.0 / 30.0);
    QCOMPARE(r.sourceShare(bench[1]), 10.0 / 30.0);
    // Most accepted first: memory (12) before conversation (8), whatever the input order.
    const auto synth = r.sources(Category::Synthetic);
    QCOMPARE(synth.size(), 2);
    QCOMPARE(synth[0].kind, QStringLiteral("memory"));
    QCOMPARE(synth[1].kind, QStringLiteral("conversation"));
    QCOMPARE(r.sources(Category::ToolUsage).size(), 1);
}

void TestMixReport::gaps_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("gap");        // gap() b/s/t/a
    QTest::addColumn<double>("rawBenchmark");

    // S = 100: quotas 30/40/20/10 minus actual 30/20/20/5.
    QTest::newRow("100") << qint64(100) << QStringLiteral("0/20/0/5") << 0.0;
    // S = 50: quotas 15/20/10/5 → surplus in benchmark and tool usage.
    QTest::newRow("50") << qint64(50) << QStringLiteral("-15/0/-10/0") << -15.0;
    // S = 75: exact 22.5/30/15/7.5, floors 22/30/15/7, the 1 left to the tie
    // .5/.5 → benchmark: quotas 23/30/15/7. Raw benchmark gap 22.5 − 30 = −7.5.
    QTest::newRow("75") << qint64(75) << QStringLiteral("-7/10/-5/2") << -7.5;
    QTest::newRow("0") << qint64(0) << QStringLiteral("-30/-20/-20/-5") << -30.0;
}

void TestMixReport::gaps()
{
    QFETCH(qint64, size);
    QFETCH(QString, gap);
    QFETCH(double, rawBenchmark);
    const MixReport r = build(planted());
    QStringList parts;
    for (Category c : allCategories)
        parts << QString::number(r.gap(c, size));
    QCOMPARE(parts.join(QLatin1Char('/')), gap);
    QCOMPARE(r.rawGap(Category::Benchmark, size) + 1.0, rawBenchmark + 1.0);   // +1: fuzzy compare near 0
}

void TestMixReport::sizes_data()
{
    QTest::addColumn<qint64>("benchmark");
    QTest::addColumn<qint64>("adversarial");
    QTest::addColumn<double>("toolShare");      // with adversarial taking the rest of 0.3
    QTest::addColumn<qint64>("honoured");
    QTest::addColumn<qint64>("closing");

    // Planted: ratios 100/50/100/50.
    QTest::newRow("planted") << qint64(30) << qint64(5) << 0.2 << qint64(50) << qint64(100);
    // benchmark 31: 31/0.3 = 103.33 → S^ = 104; S* still 50.
    QTest::newRow("ceil") << qint64(31) << qint64(5) << 0.2 << qint64(50) << qint64(104);
    // adversarial 0: S* = 0 (a category with a share has nothing), S^ = 100.
    QTest::newRow("empty category") << qint64(30) << qint64(0) << 0.2 << qint64(0) << qint64(100);
    // adversarial share 0 (tool 0.3): ratios 100/50/66.67; the 5 adversarial
    // take no part → S* = 50, S^ = 100.
    QTest::newRow("zero share") << qint64(30) << qint64(5) << 0.3 << qint64(50) << qint64(100);
    // synthetic 20 / 0.4 = 50 exactly even though 0.4 is inexact in binary.
    QTest::newRow("exact ratio") << qint64(15) << qint64(5) << 0.2 << qint64(50) << qint64(100);
}

void TestMixReport::sizes()
{
    QFETCH(qint64, benchmark);
    QFETCH(qint64, adversarial);
    QFETCH(double, toolShare);
    QFETCH(qint64, honoured);
    QFETCH(qint64, closing);
    MixTarget t;
    t.setShare(Category::ToolUsage, toolShare);
    t.setShare(Category::Adversarial, 0.3 - toolShare);
    QList<MixReport::Source> rows = planted();
    rows[0].accepted = benchmark - 10;
    rows[5].accepted = adversarial;
    const MixReport r = build(rows, t);
    QCOMPARE(r.honouredSize(), honoured);
    QCOMPARE(r.closingSize(), closing);
}

void TestMixReport::closingGapsAreNonNegative()
{
    // benchmark 31: S^ = 104, quotas 31/42/21/10 (exact 31.2/41.6/20.8/10.4,
    // floors 31/41/20/10, +1 to .8 and .6) → gaps 0/22/1/5.
    QList<MixReport::Source> rows = planted();
    rows[0].accepted = 21;
    const MixReport r = build(rows);
    QCOMPARE(r.closingSize(), 104);
    QCOMPARE(r.gap(Category::Benchmark, 104), 0);
    QCOMPARE(r.gap(Category::Synthetic, 104), 22);
    QCOMPARE(r.gap(Category::ToolUsage, 104), 1);
    QCOMPARE(r.gap(Category::Adversarial, 104), 5);
    // At S*, nothing is missing anywhere.
    for (Category c : allCategories)
        QVERIFY(r.gap(c, r.honouredSize()) <= 0);
}

void TestMixReport::designJsonShape()
{
    const Json j = build(planted()).toJson();
    // DESIGN.md: {"target": {category: share}, "actual": {category: {"count", "share"}}} first.
    auto it = j.begin();
    QCOMPARE(it.key(), std::string("target"));
    QCOMPARE(QByteArray::fromStdString(it.value().dump()),
             QByteArray(R"({"benchmark":0.3,"synthetic":0.4,"tool_usage":0.2,"adversarial":0.1})"));
    ++it;
    QCOMPARE(it.key(), std::string("actual"));
    const Json &actual = it.value();
    QCOMPARE(actual.size(), std::size_t(4));
    QCOMPARE(QByteArray::fromStdString(actual["benchmark"].dump()), QByteArray(R"({"count":30,"share":0.4})"));
    QCOMPARE(actual["synthetic"]["count"].get<qint64>(), 20);
    QCOMPARE(actual["synthetic"]["share"].get<double>(), 20.0 / 75.0);
    QCOMPARE(actual["adversarial"]["count"].get<qint64>(), 5);
}

void TestMixReport::extraJson()
{
    const Json j = build(planted()).toJson();
    QCOMPARE(j["accepted"].get<qint64>(), 75);
    QCOMPARE(j["scenarios"].get<qint64>(), 395);
    QCOMPARE(j["honoured_size"].get<qint64>(), 50);
    QCOMPARE(j["closing_size"].get<qint64>(), 100);
    QCOMPARE(j["suite_size"].get<qint64>(), 100);
    QCOMPARE(QByteArray::fromStdString(j["gap"].dump()),
             QByteArray(R"({"benchmark":0,"synthetic":20,"tool_usage":0,"adversarial":5})"));
    QCOMPARE(j["reviewed"]["tool_usage"].get<qint64>(), 40);
    QCOMPARE(j["totals"]["benchmark"].get<qint64>(), 150);
    const Json &mmlu = j["sources"]["benchmark"][0];
    QCOMPARE(QByteArray::fromStdString(mmlu.dump()),
             QByteArray(R"({"dataset_id":1,"name":"mmlu-test","kind":"mmlu","count":20,"share":0.6666666666666666,"reviewed":25,"scenarios":100})"));
    // An explicit suite size: S = 50 → the surplus shows as negative gaps.
    const Json at50 = build(planted()).toJson(50);
    QCOMPARE(at50["suite_size"].get<qint64>(), 50);
    QCOMPARE(at50["gap"]["benchmark"].get<qint64>(), -15);
}

void TestMixReport::rejects_data()
{
    QTest::addColumn<qint64>("accepted");
    QTest::addColumn<qint64>("reviewed");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<bool>("badTarget");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("negative") << qint64(-1) << qint64(0) << qint64(0) << false << QStringLiteral("Negative");
    QTest::newRow("accepted > reviewed") << qint64(5) << qint64(4) << qint64(10) << false << QStringLiteral("5 accepted, 4 reviewed");
    QTest::newRow("accepted > total") << qint64(5) << qint64(0) << qint64(3) << false << QStringLiteral("\"bad\"");
    QTest::newRow("reviewed > total") << qint64(1) << qint64(5) << qint64(3) << false << QStringLiteral("Inconsistent");
    QTest::newRow("bad target") << qint64(1) << qint64(1) << qint64(1) << true << QStringLiteral("add up to 1");
}

void TestMixReport::rejects()
{
    QFETCH(qint64, accepted);
    QFETCH(qint64, reviewed);
    QFETCH(qint64, total);
    QFETCH(bool, badTarget);
    QFETCH(QString, fragment);
    MixTarget t;
    if (badTarget)
        t.setShare(Category::Benchmark, 0.5);
    const auto r = MixReport::build(t, {src(Category::ToolUsage, 9, "bad", "toolbench", accepted, reviewed, total)});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::BadInput);
    QVERIFY2(r.error().message.contains(fragment), qPrintable(r.error().message));
}

QTEST_GUILESS_MAIN(TestMixReport)
#include "tst_mixreport.moc"
