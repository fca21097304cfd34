// SPDX-License-Identifier: GPL-3.0-or-later
#include "generatortestkit.h"

#include <QTest>

using namespace kx;

class TestConversationGenerator final : public QObject
{
    Q_OBJECT

private slots:
    void scenariosAreWellFormed();
    void lengthStaysInRange();
    void memoryPointEveryThreeTurns();
    void domainsParameter();
    void deterministicPerSeed();
    void validationRejects_data();
    void validationRejects();
    void badRangeIsAnError();
};

void TestConversationGenerator::scenariosAreWellFormed()
{
    const auto scenarios = testkit::generate(QStringLiteral("conversation"), testkit::options(11), 5);
    QVERIFY2(scenarios.ok(), scenarios.ok() ? "" : qPrintable(scenarios.error().message));
    QCOMPARE(scenarios->size(), 5);
    for (const TestScenario &s : *scenarios) {
        testkit::checkWellFormed(s, QStringLiteral("conversation"), 11, QStringLiteral("conversation"));
        QCOMPARE(s.category, Category::Synthetic);
        QCOMPARE(s.evaluationCriteria.value("coherence", 0.0), 0.8);
        QVERIFY(s.extra.contains("domain") && s.extra.contains("context") && s.extra.contains("objectives"));
        QCOMPARE(s.messages.first().role, QStringLiteral("user"));
        for (int i = 0; i < s.messages.size(); ++i)
            QCOMPARE(s.messages.at(i).role, i % 2 == 0 ? QStringLiteral("user") : QStringLiteral("assistant"));
    }
}

void TestConversationGenerator::lengthStaysInRange()
{
    // The seed's default range: 5–20 turns of user + assistant.
    const auto scenarios = testkit::generate(QStringLiteral("conversation"), testkit::options(2), 30);
    QVERIFY(scenarios.ok());
    QSet<int> lengths;
    for (const TestScenario &s : *scenarios) {
        const int turns = int(s.messages.size()) / 2;
        QVERIFY2(turns >= 5 && turns <= 20, qPrintable(QString::number(turns)));
        lengths.insert(turns);
    }
    QVERIFY(lengths.size() > 3);
}

void TestConversationGenerator::memoryPointEveryThreeTurns()
{
    GenerationOptions o = testkit::options(4);
    o.parameters = {{"min_turns", 9}, {"max_turns", 9}};
    const auto scenarios = testkit::generate(QStringLiteral("conversation"), o, 3);
    QVERIFY(scenarios.ok());
    for (const TestScenario &s : *scenarios) {
        QCOMPARE(s.messages.size(), 18);
        // Turns 0, 3 and 6 carry a memory point, said by the user.
        QCOMPARE(s.memoryRequirements.size(), 3);
        for (int k = 0; k < 3; ++k)
            QVERIFY(s.messages.at(2 * 3 * k).content.contains(s.memoryRequirements.at(k)));
    }
}

void TestConversationGenerator::domainsParameter()
{
    GenerationOptions o = testkit::options(4);
    o.parameters = {{"domains", Json::array({"beekeeping"})}};
    const auto scenarios = testkit::generate(QStringLiteral("conversation"), o, 3);
    QVERIFY(scenarios.ok());
    for (const TestScenario &s : *scenarios)
        QCOMPARE(s.extra["domain"].get<std::string>(), std::string("beekeeping"));
}

void TestConversationGenerator::deterministicPerSeed()
{
    const auto a = testkit::generate(QStringLiteral("conversation"), testkit::options(9), 6);
    const auto b = testkit::generate(QStringLiteral("conversation"), testkit::options(9), 6);
    const auto c = testkit::generate(QStringLiteral("conversation"), testkit::options(10), 6);
    QVERIFY(a.ok() && b.ok() && c.ok());
    QCOMPARE(testkit::dump(*a), testkit::dump(*b));
    QVERIFY(testkit::dump(*a) != testkit::dump(*c));
}

void TestConversationGenerator::validationRejects_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("message");
    const QString head = QStringLiteral(R"("domain": "d", "context": "c", "objectives": ["o"])");
    QTest::newRow("no messages") << QStringLiteral(R"({%1, "memory_points": ["m"]})").arg(head)
                                 << QStringLiteral("answer: \"messages\" is missing");
    QTest::newRow("assistant first")
        << QStringLiteral(R"({%1, "messages": [{"role": "assistant", "content": "a"}, {"role": "user", "content": "b"}], "memory_points": ["m"]})").arg(head)
        << QStringLiteral("answer: \"messages\" must start with a user message");
    QTest::newRow("no memory points")
        << QStringLiteral(R"({%1, "messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}], "memory_points": []})").arg(head)
        << QStringLiteral("answer: \"memory_points\" must hold at least 1 strings, it has 0");
    QTest::newRow("no context") << QStringLiteral(R"({"domain": "d"})") << QStringLiteral("answer: \"context\" is missing");
}

void TestConversationGenerator::validationRejects()
{
    QFETCH(QString, answer);
    QFETCH(QString, message);
    const auto result = testkit::registry()->find(QStringLiteral("conversation"))->validate(Json::parse(ss(answer)));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().message, message);
}

void TestConversationGenerator::badRangeIsAnError()
{
    GenerationOptions o = testkit::options(1);
    o.parameters = {{"min_turns", 8}, {"max_turns", 3}};
    const auto request = testkit::registry()->find(QStringLiteral("conversation"))->buildRequest(0, o);
    QVERIFY(!request.ok());
    QVERIFY2(request.error().message.contains(QStringLiteral("8–3")), qPrintable(request.error().message));
}

QTEST_GUILESS_MAIN(TestConversationGenerator)
#include "tst_conversationgenerator.moc"
