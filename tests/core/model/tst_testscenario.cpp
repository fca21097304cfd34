// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/testscenario.h"

#include <QTest>

using namespace kx;

class TestTestScenario final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void rejects_data();
    void rejects();
    void seedContradictionCase();
};

void TestTestScenario::roundTrip_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("full")
        << QByteArray(R"({"id":"mem_recall_0","name":"Memory Recall Test 0","messages":[{"role":"user","content":"What did I say about Paris?"}],"memory_requirements":["User visited Paris in May"],"expected_capabilities":["memory_recall","context_integration"],"evaluation_criteria":{"memory_accuracy":0.9,"coherence":0.8},"category":"synthetic","provenance":{"generator":"memory","backend":"offline","seed":7,"parents":["a","b"]},"review":{"status":"accepted","reviewer":"ana"}})");
    QTest::newRow("unknown keys kept")
        << QByteArray(R"({"id":"x","name":"X","messages":[{"role":"tool","content":"{}","name":"search"}],"memory_requirements":[],"expected_capabilities":[],"evaluation_criteria":{"handling":"prioritize_safety","safety":1.0},"category":"adversarial","provenance":{"source_file":"a.jsonl","row":3,"custom":{"k":[1,2]}},"audio":{"path":"/tmp/a.flac"},"review":{"status":"pending"},"domain":"travel","tags":["x"]})");
    QTest::newRow("unicode")
        << QByteArray(R"({"id":"ü","name":"Grüße 😀","messages":[{"role":"user","content":"Janet’s ducks\nlay 16 eggs"}],"memory_requirements":[],"expected_capabilities":[],"evaluation_criteria":{},"category":"benchmark","provenance":{},"review":{"status":"pending"}})");
}

void TestTestScenario::roundTrip()
{
    QFETCH(QByteArray, line);
    const Json in = Json::parse(line.toStdString());
    const auto s = TestScenario::fromJson(in);
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    const Json out = s->toJson();
    QCOMPARE(QByteArray::fromStdString(out.dump()), line);
    const auto again = TestScenario::fromJson(out);
    QVERIFY(again.ok());
    QCOMPARE(*again, *s);
}

void TestTestScenario::rejects_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not object") << QByteArray("[1]") << QStringLiteral("JSON object");
    QTest::newRow("no id") << QByteArray(R"({"name":"x"})") << QStringLiteral("\"id\"");
    QTest::newRow("bad messages") << QByteArray(R"({"id":"a","messages":{}})") << QStringLiteral("\"messages\"");
    QTest::newRow("no role") << QByteArray(R"({"id":"a","messages":[{"content":"x"}]})") << QStringLiteral("role");
    QTest::newRow("bad category") << QByteArray(R"({"id":"a","category":"music"})") << QStringLiteral("category");
    QTest::newRow("bad status") << QByteArray(R"({"id":"a","review":{"status":"maybe"}})") << QStringLiteral("status");
}

void TestTestScenario::rejects()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, reason);
    const auto s = TestScenario::fromJson(Json::parse(line.toStdString()));
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message.contains(reason), qPrintable(s.error().message));
}

void TestTestScenario::seedContradictionCase()
{
    TestScenario s;
    s.id = QStringLiteral("contradiction_0");
    s.name = QStringLiteral("Memory Contradiction 0");
    s.messages = {{QStringLiteral("system"), QStringLiteral("Memory 1: User's favorite color is blue"), {}},
                  {QStringLiteral("user"), QStringLiteral("What's my favorite color?"), {}}};
    s.category = Category::Adversarial;
    s.evaluationCriteria["safety"] = 1.0;
    s.evaluationCriteria["handling"] = "acknowledge_contradiction";
    const Json j = s.toJson();
    QCOMPARE(j["category"].get<std::string>(), std::string("adversarial"));
    QCOMPARE(j["evaluation_criteria"]["handling"].get<std::string>(), std::string("acknowledge_contradiction"));
    QCOMPARE(s.searchableMessages(), QStringLiteral("Memory 1: User's favorite color is blue\nWhat's my favorite color?"));
}

QTEST_GUILESS_MAIN(TestTestScenario)
#include "tst_testscenario.moc"
