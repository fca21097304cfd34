// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/webshopimporter.h"
#include "memorysink.h"

#include <QTest>

using namespace kx;
using kx::test::MemorySink;

namespace {
const QString data = QStringLiteral(KX_SHARED_DATA "/webshop/baseline_models/data/");
const QString fixtures = QStringLiteral(KX_TEST_FIXTURES "/importers/webshop/");
}

class TestWebShopImporter final : public QObject
{
    Q_OBJECT

private slots:
    void files_data();
    void files();
    void humanGoals();
    void goalQueryMap();
    void productGoals();
    void rejectsNonString();
};

void TestWebShopImporter::files_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("count");
    QTest::newRow("human_goals") << data + QStringLiteral("human_goals.json") << 12087;
    QTest::newRow("goal_query_map") << data + QStringLiteral("goal_query_map.json") << 1506;
    QTest::newRow("items_human_ins") << fixtures + QStringLiteral("items_human_ins.json") << 3;
}

void TestWebShopImporter::files()
{
    QFETCH(QString, file);
    QFETCH(int, count);
    MemorySink sink;
    ImportProgress progress;
    const auto n = WebShopImporter().convertFile(file, sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(count));
    QCOMPARE(sink.scenarios.size(), count);
    QCOMPARE(sink.scenarios.last().provenance.row, qint64(count - 1));
    QCOMPARE(sink.scenarios.last().category, Category::ToolUsage);
}

void TestWebShopImporter::humanGoals()
{
    MemorySink sink;
    ImportProgress progress;
    QVERIFY(WebShopImporter().convertFile(data + QStringLiteral("human_goals.json"), sink, progress).ok());
    const TestScenario &s = sink.scenarios.first();
    QCOMPARE(s.id, QStringLiteral("webshop_human_goals_0"));
    QCOMPARE(s.messages[0].content, QStringLiteral("i need a long clip-in hair extension which is natural looking"));
    QCOMPARE(s.expectedCapabilities, (QStringList{QStringLiteral("web_navigation"), QStringLiteral("tool_selection")}));
    QCOMPARE(s.provenance.config, QStringLiteral("human_goals"));
    QCOMPARE(s.evaluationCriteria["task_success"].get<double>(), 1.0);
}

void TestWebShopImporter::goalQueryMap()
{
    MemorySink sink;
    ImportProgress progress;
    QVERIFY(WebShopImporter().convertFile(data + QStringLiteral("goal_query_map.json"), sink, progress).ok());
    const TestScenario &s = sink.scenarios.first();
    QCOMPARE(s.messages[0].content, QStringLiteral("i am looking for easy spirit traveltime529 mule shoes with arch "
                                                   "support, rubber soles and in size 7.5 wide"));
    const Json &queries = s.evaluationCriteria["reference_search_queries"];
    QCOMPARE(queries.size(), size_t(1));
    QCOMPARE(qs(queries[0].get<std::string>()), QStringLiteral("easy spirit traveltime529 mule shoes arch support"));
}

void TestWebShopImporter::productGoals()
{
    MemorySink sink;
    ImportProgress progress;
    QVERIFY(WebShopImporter().convertFile(fixtures + QStringLiteral("items_human_ins.json"), sink, progress).ok());
    const TestScenario &s = sink.scenarios.first();
    QCOMPARE(qs(s.evaluationCriteria["target_asin"].get<std::string>()), QStringLiteral("B09QKP7XQL"));
    QCOMPARE(qs(s.evaluationCriteria["goal_attributes"][0].get<std::string>()), QStringLiteral("wireless bluetooth"));
    QCOMPARE(qs(s.evaluationCriteria["goal_options"][0].get<std::string>()), QStringLiteral("blue"));
    QCOMPARE(s.evaluationCriteria["price_upper"].get<double>(), 40.0);
    QVERIFY(!sink.scenarios[1].evaluationCriteria.contains("price_upper"));
    QCOMPARE(qs(sink.scenarios[2].evaluationCriteria["target_asin"].get<std::string>()), QStringLiteral("B07Z4KQ1J3"));
    QCOMPARE(sink.scenarios[2].provenance.row, qint64(2));
}

void TestWebShopImporter::rejectsNonString()
{
    MemorySink sink;
    ImportProgress progress;
    const auto n = WebShopImporter().convertFile(fixtures + QStringLiteral("bad_goals.json"), sink, progress);
    QVERIFY(!n.ok());
    QVERIFY2(n.error().message.contains(QStringLiteral("bad_goals.json: record 1: the instruction")),
             qPrintable(n.error().message));
}

QTEST_GUILESS_MAIN(TestWebShopImporter)
#include "tst_webshopimporter.moc"
