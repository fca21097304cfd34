// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/toolbenchimporter.h"
#include "memorysink.h"

#include <QTest>

using namespace kx;
using kx::test::MemorySink;

namespace {
const QString example = QStringLiteral(KX_SHARED_DATA "/toolbench/data_example/");
const QString fixtures = QStringLiteral(KX_TEST_FIXTURES "/importers/toolbench/");
}

class TestToolBenchImporter final : public QObject
{
    Q_OBJECT

private slots:
    void realFiles_data();
    void realFiles();
    void queryList();
    void answerTree();
    void toolLlamaConversation();
    void skipsResponseExamples();
    void rejectsQueryless();
};

void TestToolBenchImporter::realFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("group");
    QTest::newRow("G1 queries") << QStringLiteral("instruction/G1_query.json") << 5 << QStringLiteral("G1");
    QTest::newRow("G2 queries") << QStringLiteral("instruction/G2_query.json") << 3 << QStringLiteral("G2");
    QTest::newRow("G3 queries") << QStringLiteral("instruction/G3_query.json") << 2 << QStringLiteral("G3");
    QTest::newRow("demo") << QStringLiteral("instruction/inference_query_demo.json") << 1
                          << QStringLiteral("inference_query_demo");
    QTest::newRow("demo open domain") << QStringLiteral("instruction/inference_query_demo_open_domain.json") << 1
                                      << QStringLiteral("inference_query_demo_open_domain");
    QTest::newRow("G1 answer") << QStringLiteral("answer/G1_answer/10_ChatGPT_DFS_woFilter_w2.json") << 1
                               << QStringLiteral("G1");
    QTest::newRow("G3 answer invalid") << QStringLiteral("answer/G3_answer/8_ChatGPT_DFS_woFilter_w2.json") << 1
                                       << QStringLiteral("G3");
}

void TestToolBenchImporter::realFiles()
{
    QFETCH(QString, file);
    QFETCH(int, count);
    QFETCH(QString, group);
    MemorySink sink;
    ImportProgress progress;
    const auto n = ToolBenchImporter().convertFile(example + file, sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(count));
    QCOMPARE(sink.scenarios.size(), count);
    for (const TestScenario &s : std::as_const(sink.scenarios)) {
        QCOMPARE(s.category, Category::ToolUsage);
        QCOMPARE(s.provenance.config, group);
        QCOMPARE(s.messages.size(), 1);
        QVERIFY(!s.messages[0].content.isEmpty());
    }
    QCOMPARE(sink.scenarios.last().provenance.row, qint64(count - 1));
}

void TestToolBenchImporter::queryList()
{
    MemorySink sink;
    ImportProgress progress;
    QVERIFY(ToolBenchImporter().convertFile(example + QStringLiteral("instruction/G1_query.json"), sink, progress).ok());
    const TestScenario &s = sink.scenarios.first();
    QCOMPARE(s.id, QStringLiteral("toolbench_G1_query_0"));
    QVERIFY(s.messages[0].content.startsWith(
        QStringLiteral("I'm working on a logistics project for my company and need to check the health of the SQUAKE API.")));
    QCOMPARE(s.extra["available_apis"].size(), size_t(2));
    QCOMPARE(qs(s.extra["available_apis"][0]["api_name"].get<std::string>()), QStringLiteral("Checkhealth"));
    const Json &calls = s.evaluationCriteria["expected_tool_calls"];
    QCOMPARE(calls.size(), size_t(2));
    QCOMPARE(qs(calls[0]["tool"].get<std::string>()), QStringLiteral("SQUAKE"));
    QCOMPARE(qs(calls[0]["api"].get<std::string>()), QStringLiteral("Checkhealth"));
    QCOMPARE(s.provenance.extra["query_id"].get<int>(), 1);
    QCOMPARE(s.expectedCapabilities, (QStringList{QStringLiteral("tool_selection"), QStringLiteral("api_calling"),
                                                  QStringLiteral("multi_step_planning")}));
}

void TestToolBenchImporter::answerTree()
{
    MemorySink sink;
    ImportProgress progress;
    QVERIFY(ToolBenchImporter()
                .convertFile(example + QStringLiteral("answer/G1_answer/10_ChatGPT_DFS_woFilter_w2.json"), sink, progress)
                .ok());
    const TestScenario &s = sink.scenarios.first();
    QVERIFY(s.messages[0].content.startsWith(QStringLiteral("Can you retrieve the contact details of the 'Gondrand'")));
    const Json &calls = s.evaluationCriteria["expected_tool_calls"];
    QCOMPARE(calls.size(), size_t(2)); // the closing Finish call is not a tool call
    QCOMPARE(qs(calls[0]["name"].get<std::string>()), QStringLiteral("transitaires_for_transitaires"));
    QCOMPARE(qs(calls[1]["name"].get<std::string>()), QStringLiteral("transitaire_for_transitaires"));
    QVERIFY(qs(s.evaluationCriteria["final_answer"].get<std::string>()).contains(QStringLiteral("sales@act.nc")));
    QCOMPARE(qs(s.evaluationCriteria["finish_type"].get<std::string>()), QStringLiteral("give_answer"));
    QCOMPARE(s.evaluationCriteria["valid_data"].get<bool>(), true);
    QCOMPARE(s.extra["available_apis"].size(), size_t(3));
    QCOMPARE(qs(s.provenance.extra["query_id"].get<std::string>()), QStringLiteral("10"));

    // An answer tree without train_messages still gives its query, with no expected calls.
    MemorySink invalid;
    QVERIFY(ToolBenchImporter()
                .convertFile(example + QStringLiteral("answer/G1_answer/69_ChatGPT_DFS_woFilter_w2.json"), invalid, progress)
                .ok());
    QCOMPARE(invalid.scenarios.first().evaluationCriteria["expected_tool_calls"].size(), size_t(0));
    QCOMPARE(invalid.scenarios.first().evaluationCriteria["valid_data"].get<bool>(), false);
}

void TestToolBenchImporter::toolLlamaConversation()
{
    MemorySink sink;
    ImportProgress progress;
    const auto n = ToolBenchImporter().convertFile(fixtures + QStringLiteral("toolllama_G123_dfs_eval.json"), sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(1));
    const TestScenario &s = sink.scenarios.first();
    QCOMPARE(s.messages[0].content, QStringLiteral("I need the weather in Paris and a joke.\nBegin!"));
    const Json &calls = s.evaluationCriteria["expected_tool_calls"];
    QCOMPARE(calls.size(), size_t(2));
    QCOMPARE(qs(calls[0]["name"].get<std::string>()), QStringLiteral("current_weather_for_weatherapi"));
    QCOMPARE(qs(calls[0]["arguments"].get<std::string>()), QStringLiteral("{\"city\": \"Paris\"}"));
    QVERIFY(s.extra.contains("system_prompt"));
}

void TestToolBenchImporter::skipsResponseExamples()
{
    MemorySink sink;
    ImportProgress progress;
    const auto n = ToolBenchImporter().convertFile(
        example + QStringLiteral("toolenv/response_examples/Gaming/dice_roll_simulator.json"), sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(0));
}

void TestToolBenchImporter::rejectsQueryless()
{
    MemorySink sink;
    ImportProgress progress;
    const auto n = ToolBenchImporter().convertFile(fixtures + QStringLiteral("no_query.json"), sink, progress);
    QVERIFY(!n.ok());
    QVERIFY2(n.error().message.contains(QStringLiteral("no_query.json: record 0: the query is missing")),
             qPrintable(n.error().message));
    QCOMPARE(sink.scenarios.size(), 0);
}

QTEST_GUILESS_MAIN(TestToolBenchImporter)
#include "tst_toolbenchimporter.moc"
