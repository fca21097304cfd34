// SPDX-License-Identifier: GPL-3.0-or-later
#include "mix/generationplanner.h"

#include <QTest>

using namespace kx;

namespace {

/**
 * Accepted / reviewed: benchmark 30 / 40, synthetic 0 / 0, tool usage 20 / 25,
 * adversarial 10 / 20. Ratios a_i / t_i: 100, 0, 100, 100 → S^ = 100, where
 * only synthetic is missing: 40 − 0 = 40.
 */
MixReport plantedReport()
{
    const QList<MixReport::Source> rows = {
        {Category::Benchmark, 1, QStringLiteral("mmlu"), QStringLiteral("mmlu"), 30, 40, 100},
        {Category::ToolUsage, 2, QStringLiteral("toolbench"), QStringLiteral("toolbench"), 20, 25, 80},
        {Category::Adversarial, 3, QStringLiteral("adv"), QStringLiteral("adversarial"), 10, 20, 20},
    };
    auto r = MixReport::build(MixTarget(), rows);
    if (!r.ok())
        qFatal("%s", qPrintable(r.error().message));
    return *r;
}

/** "generator/category/toAccept/toGenerate" per item, ';'-joined; "import" for no generator. */
QString describe(const GenerationPlan &plan)
{
    QStringList parts;
    for (const GenerationPlan::Item &item : plan.items)
        parts << QStringLiteral("%1/%2/%3/%4")
                     .arg(item.importMore() ? QStringLiteral("import") : item.generator, categoryKey(item.category))
                     .arg(item.toAccept)
                     .arg(item.toGenerate);
    return parts.join(QLatin1Char(';'));
}

} // namespace

class TestGenerationPlanner final : public QObject
{
    Q_OBJECT

private slots:
    void plan_data();
    void plan();
    void noReviewPrior();
    void rates_data();
    void rates();
    void minimumRate();
    void jobs();
    void json();
    void rejects();
};

void TestGenerationPlanner::plan_data()
{
    QTest::addColumn<qint64>("suiteSize");
    QTest::addColumn<double>("priorMean");
    QTest::addColumn<double>("priorWeight");
    QTest::addColumn<double>("conversationWeight");
    QTest::addColumn<double>("fusionWeight");
    QTest::addColumn<QString>("expected");
    // Observed in every row: memory 8 of 10, conversation 8 of 10 (0.8 with weight 0).
    const qint64 close = GenerationPlanner::closeToLargest;

    // Synthetic gap 40, memory alone at 0.8: 40 / 0.8 = 50.
    QTest::newRow("one generator at 0.8") << close << 0.7 << 0.0 << 0.0 << 0.0
                                           << QStringLiteral("memory/synthetic/40/50");
    // Split 1:1 → 20 + 20, each 20 / 0.8 = 25.
    QTest::newRow("split evenly") << close << 0.7 << 0.0 << 1.0 << 0.0
                                  << QStringLiteral("memory/synthetic/20/25;conversation/synthetic/20/25");
    // Fusion weight 2: 40 by 1:1:2 → 10/10/20; at 0.8: 12.5 → 13, 13, fusion has no
    // observations so with weight 0 it takes the prior mean 0.7: 20 / 0.7 = 28.6 → 29.
    QTest::newRow("fusion joins") << close << 0.7 << 0.0 << 1.0 << 2.0
                                  << QStringLiteral("memory/synthetic/10/13;conversation/synthetic/10/13;fusion/synthetic/20/29");
    // S = 103: exact 30.9/41.2/20.6/10.3, floors 30/41/20/10, +1 to .9 and .6 →
    // quotas 31/41/21/10; missing 1/41/1/0. Synthetic 41 by 1:1 → 21 (tie to
    // memory) + 20: 21 / 0.8 = 26.25 → 27, 20 / 0.8 = 25. Imports use the
    // category's rate: benchmark 30/40 = 0.75 → 1 / 0.75 → 2; tool 20/25 = 0.8 → 1.25 → 2.
    QTest::newRow("odd split and imports") << qint64(103) << 0.7 << 0.0 << 1.0 << 0.0
                                           << QStringLiteral("import/benchmark/1/2;memory/synthetic/21/27;conversation/synthetic/20/25;import/tool_usage/1/2");
    // S = 110 with the default prior (0.7, weight 2): quotas 33/44/22/11, missing 3/44/2/1.
    // benchmark (30 + 1.4) / (40 + 2) = 0.7476 → 3 / 0.7476 = 4.01 → 5;
    // memory (8 + 1.4) / 12 = 0.7833 → 22 / 0.7833 = 28.09 → 29, conversation the same;
    // tool (20 + 1.4) / 27 = 0.7926 → 2.52 → 3; adversarial no observations → 0.7 → 1.43 → 2.
    QTest::newRow("default prior") << qint64(110) << 0.7 << 2.0 << 1.0 << 0.0
                                   << QStringLiteral("import/benchmark/3/5;memory/synthetic/22/29;conversation/synthetic/22/29;import/tool_usage/2/3;adversarial/adversarial/1/2");
    // Laplace (m 0.5, w 2): memory (8 + 1) / (10 + 2) = 0.75 → 20 / 0.75 = 26.67 → 27.
    QTest::newRow("laplace") << close << 0.5 << 2.0 << 1.0 << 0.0
                             << QStringLiteral("memory/synthetic/20/27;conversation/synthetic/20/27");
    // An empty suite: nothing is missing, nothing to do.
    QTest::newRow("empty suite") << qint64(0) << 0.7 << 2.0 << 1.0 << 0.0 << QString();
}

void TestGenerationPlanner::plan()
{
    QFETCH(qint64, suiteSize);
    QFETCH(double, priorMean);
    QFETCH(double, priorWeight);
    QFETCH(double, conversationWeight);
    QFETCH(double, fusionWeight);
    QFETCH(QString, expected);

    GenerationPlanner planner;
    QVERIFY(planner.setPrior(priorMean, priorWeight).ok());
    QVERIFY(planner.setAcceptance(QStringLiteral("memory"), 8, 10).ok());
    QVERIFY(planner.setAcceptance(QStringLiteral("conversation"), 8, 10).ok());
    QVERIFY(planner.setWeight(QStringLiteral("conversation"), conversationWeight).ok());
    QVERIFY(planner.setWeight(QStringLiteral("fusion"), fusionWeight).ok());

    const auto plan = planner.plan(plantedReport(), suiteSize);
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
    QCOMPARE(describe(*plan), expected);
    qint64 accepted = 0;
    for (Category c : allCategories)
        accepted += plan->missing[std::size_t(c)];
    qint64 items = 0;
    for (const auto &item : plan->items)
        items += item.toAccept;
    QCOMPARE(items, accepted);   // every missing scenario is planned for exactly once
}

void TestGenerationPlanner::noReviewPrior()
{
    // No observations at all: every generator is at the prior mean 0.7.
    // Synthetic 40 → 20 + 20, each 20 / 0.7 = 28.57 → 29.
    const GenerationPlanner planner;
    QCOMPARE(planner.acceptanceRate(QStringLiteral("memory")), 0.7);
    const auto plan = planner.plan(plantedReport());
    QVERIFY(plan.ok());
    QCOMPARE(plan->suiteSize, 100);
    QCOMPARE(describe(*plan), QStringLiteral("memory/synthetic/20/29;conversation/synthetic/20/29"));
    QCOMPARE(plan->items[0].acceptanceRate, 0.7);
    QCOMPARE(plan->items[0].observedReviewed, 0);
    QCOMPARE(plan->totalToGenerate(), 58);
    QCOMPARE(plan->totalToImport(), 0);
}

void TestGenerationPlanner::rates_data()
{
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("weight");
    QTest::addColumn<qint64>("accepted");
    QTest::addColumn<qint64>("reviewed");
    QTest::addColumn<double>("rate");

    QTest::newRow("prior only") << 0.7 << 2.0 << qint64(0) << qint64(0) << 0.7;
    QTest::newRow("smoothed") << 0.7 << 2.0 << qint64(80) << qint64(100) << (80 + 1.4) / 102.0;
    QTest::newRow("laplace") << 0.5 << 2.0 << qint64(3) << qint64(4) << 4.0 / 6.0;
    QTest::newRow("laplace none") << 0.5 << 2.0 << qint64(0) << qint64(0) << 0.5;
    QTest::newRow("raw") << 0.7 << 0.0 << qint64(8) << qint64(10) << 0.8;
    QTest::newRow("raw none falls back") << 0.7 << 0.0 << qint64(0) << qint64(0) << 0.7;
    QTest::newRow("all accepted") << 0.7 << 2.0 << qint64(10) << qint64(10) << 11.4 / 12.0;
}

void TestGenerationPlanner::rates()
{
    QFETCH(double, mean);
    QFETCH(double, weight);
    QFETCH(qint64, accepted);
    QFETCH(qint64, reviewed);
    QFETCH(double, rate);
    GenerationPlanner planner;
    QVERIFY(planner.setPrior(mean, weight).ok());
    QVERIFY(planner.setAcceptance(QStringLiteral("adversarial"), accepted, reviewed).ok());
    QCOMPARE(planner.acceptanceRate(QStringLiteral("adversarial")), rate);
    QCOMPARE(planner.smoothedRate(accepted, reviewed), rate);
}

void TestGenerationPlanner::minimumRate()
{
    // Everything rejected with no prior: the rate stops at 0.01, 40 / 0.01 = 4000.
    GenerationPlanner planner;
    QVERIFY(planner.setPrior(0.7, 0.0).ok());
    QVERIFY(planner.setAcceptance(QStringLiteral("memory"), 0, 10).ok());
    QVERIFY(planner.setWeight(QStringLiteral("conversation"), 0).ok());
    QCOMPARE(planner.acceptanceRate(QStringLiteral("memory")), GenerationPlanner::minimumRate);
    const auto plan = planner.plan(plantedReport());
    QVERIFY(plan.ok());
    QCOMPARE(describe(*plan), QStringLiteral("memory/synthetic/40/4000"));
}

void TestGenerationPlanner::jobs()
{
    GenerationPlanner planner;
    QVERIFY(planner.setPrior(0.7, 0.0).ok());
    QVERIFY(planner.setAcceptance(QStringLiteral("memory"), 8, 10).ok());
    QVERIFY(planner.setWeight(QStringLiteral("conversation"), 0).ok());
    const auto plan = planner.plan(plantedReport(), 103);
    QVERIFY(plan.ok());
    // benchmark import, memory 41 → 41 / 0.8 = 51.25 → 52, tool import.
    QCOMPARE(describe(*plan), QStringLiteral("import/benchmark/1/2;memory/synthetic/41/52;import/tool_usage/1/2"));

    const auto job = plan->items[1].toGenerationJob();
    QVERIFY2(job.ok(), job.ok() ? "" : qPrintable(job.error().message));
    QCOMPARE(job->generator, QStringLiteral("memory"));
    QCOMPARE(job->requested, 52);
    QCOMPARE(job->backend, QStringLiteral("offline"));

    const auto import = plan->items[0].toGenerationJob();
    QVERIFY(!import.ok());
    QVERIFY2(import.error().message.contains(QStringLiteral("import 2 more")), qPrintable(import.error().message));

    const QList<GenerationJob> all = plan->generationJobs();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all[0].requested, 52);
}

void TestGenerationPlanner::json()
{
    GenerationPlanner planner;
    QVERIFY(planner.setPrior(0.7, 0.0).ok());
    QVERIFY(planner.setAcceptance(QStringLiteral("memory"), 8, 10).ok());
    QVERIFY(planner.setWeight(QStringLiteral("conversation"), 0).ok());
    const auto plan = planner.plan(plantedReport(), 103);
    QVERIFY(plan.ok());
    const Json j = plan->toJson();
    QCOMPARE(j["suite_size"].get<qint64>(), 103);
    QCOMPARE(QByteArray::fromStdString(j["missing"].dump()),
             QByteArray(R"({"benchmark":1,"synthetic":41,"tool_usage":1,"adversarial":0})"));
    QCOMPARE(QByteArray::fromStdString(j["items"][1].dump()),
             QByteArray(R"({"generator":"memory","category":"synthetic","action":"generate","to_accept":41,"to_generate":52,"acceptance_rate":0.8,"observed_accepted":8,"observed_reviewed":10})"));
    QVERIFY(j["items"][0]["generator"].is_null());
    QCOMPARE(j["items"][0]["action"].get<std::string>(), std::string("import"));
    QCOMPARE(j["to_generate"].get<qint64>(), 52);
    QCOMPARE(j["to_import"].get<qint64>(), 4);
}

void TestGenerationPlanner::rejects()
{
    GenerationPlanner planner;
    QVERIFY(!planner.plan(plantedReport(), -2).ok());
    QVERIFY(!planner.setAcceptance(QStringLiteral("memory"), 5, 3).ok());
    QVERIFY(!planner.setAcceptance(QStringLiteral("memory"), -1, 3).ok());
    QVERIFY(!planner.setPrior(0.0, 2.0).ok());
    QVERIFY(!planner.setPrior(1.5, 2.0).ok());
    QVERIFY(!planner.setPrior(0.7, -1.0).ok());
    QVERIFY(!planner.setWeight(QStringLiteral("memory"), -1.0).ok());
    QVERIFY(!planner.setWeight(QString(), 1.0).ok());
    // The rejected calls changed nothing.
    QCOMPARE(planner.priorMean(), GenerationPlanner::defaultPriorMean);
    QCOMPARE(planner.weight(QStringLiteral("memory")), 1.0);
    QCOMPARE(planner.generators(), (QStringList{QStringLiteral("memory"), QStringLiteral("conversation"),
                                                QStringLiteral("adversarial"), QStringLiteral("augment"),
                                                QStringLiteral("fusion")}));
}

QTEST_GUILESS_MAIN(TestGenerationPlanner)
#include "tst_generationplanner.moc"
