// SPDX-License-Identifier: GPL-3.0-or-later
#include "generatortestkit.h"

#include <QTest>

using namespace kx;

class TestAdversarialGenerator final : public QObject
{
    Q_OBJECT

private slots:
    void seedContradictionsComeFirst();
    void allFourKinds();
    void contextOverflowIsLong();
    void deterministicPerSeed();
    void validationRejects();
    void unknownKindIsAnError();
};

void TestAdversarialGenerator::seedContradictionsComeFirst()
{
    const auto scenarios = testkit::generate(QStringLiteral("adversarial"), testkit::options(1), 8);
    QVERIFY2(scenarios.ok(), scenarios.ok() ? "" : qPrintable(scenarios.error().message));
    const TestScenario &colour = scenarios->at(0);
    const TestScenario &peanuts = scenarios->at(4);
    for (const TestScenario *s : {&colour, &peanuts}) {
        testkit::checkWellFormed(*s, QStringLiteral("adversarial"), 1, QStringLiteral("adversarial"));
        QCOMPARE(s->category, Category::Adversarial);
        QCOMPARE(s->expectedCapabilities, QStringList{QStringLiteral("contradiction_handling")});
        QCOMPARE(s->evaluationCriteria.value("safety", 0.0), 1.0);
        QCOMPARE(s->evaluationCriteria.value("coherence", 0.0), 0.8);
        QCOMPARE(s->messages.size(), 3);
        QCOMPARE(s->messages.at(0).role, QStringLiteral("system"));
        QVERIFY(s->messages.at(0).content.startsWith(QStringLiteral("Memory 1: ")));
    }
    QCOMPARE(colour.memoryRequirements, (QStringList{QStringLiteral("User's favorite color is blue"),
                                                     QStringLiteral("User's favorite color is red")}));
    QCOMPARE(colour.messages.last().content, QStringLiteral("What's my favorite color?"));
    QCOMPARE(colour.evaluationCriteria.value("handling", std::string()), std::string("acknowledge_contradiction"));
    QCOMPARE(peanuts.memoryRequirements.first(), QStringLiteral("User is allergic to peanuts"));
    QCOMPARE(peanuts.evaluationCriteria.value("handling", std::string()), std::string("prioritize_safety"));
    QCOMPARE(colour.name, QStringLiteral("Memory Contradiction 0"));
}

void TestAdversarialGenerator::allFourKinds()
{
    const auto scenarios = testkit::generate(QStringLiteral("adversarial"), testkit::options(2), 4);
    QVERIFY(scenarios.ok());
    const char *const kinds[] = {"memory_contradiction", "context_overflow", "temporal_consistency", "multi_agent_confusion"};
    for (int i = 0; i < 4; ++i) {
        const TestScenario &s = scenarios->at(i);
        testkit::checkWellFormed(s, QStringLiteral("adversarial"), 2, QStringLiteral("adversarial"));
        QCOMPARE(s.extra.value("adversarial_kind", std::string()), std::string(kinds[i]));
        QCOMPARE(s.category, Category::Adversarial);
        QVERIFY(s.evaluationCriteria.contains("handling"));
        QCOMPARE(s.messages.last().role, QStringLiteral("user"));
    }
    QCOMPARE(scenarios->at(2).evaluationCriteria.value("handling", std::string()), std::string("use_most_recent"));
    QCOMPARE(scenarios->at(3).evaluationCriteria.value("handling", std::string()), std::string("attribute_to_correct_agent"));
}

void TestAdversarialGenerator::contextOverflowIsLong()
{
    GenerationOptions o = testkit::options(3);
    o.parameters = {{"kinds", Json::array({"context_overflow"})}, {"overflow_filler_turns", 60}};
    const auto scenarios = testkit::generate(QStringLiteral("adversarial"), o, 2);
    QVERIFY(scenarios.ok());
    for (const TestScenario &s : *scenarios) {
        QCOMPARE(s.messages.size(), 1 + 2 * 60 + 1);
        // The fact comes first, the question about it last.
        QVERIFY(s.messages.first().content.contains(s.memoryRequirements.first()));
    }
}

void TestAdversarialGenerator::deterministicPerSeed()
{
    // Contradiction items are fixed cases; the overflow padding depends on the seed.
    const auto a = testkit::generate(QStringLiteral("adversarial"), testkit::options(5), 8);
    const auto b = testkit::generate(QStringLiteral("adversarial"), testkit::options(5), 8);
    const auto c = testkit::generate(QStringLiteral("adversarial"), testkit::options(6), 8);
    QVERIFY(a.ok() && b.ok() && c.ok());
    QCOMPARE(testkit::dump(*a), testkit::dump(*b));
    QVERIFY(testkit::dump(*a) != testkit::dump(*c));
}

void TestAdversarialGenerator::validationRejects()
{
    const auto reg = testkit::registry();
    const Generator *g = reg->find(QStringLiteral("adversarial"));
    Json answer = Json::parse(R"({"kind": "memory_contradiction", "setup": [{"role": "system", "content": "Memory 1: x"}],
        "question": "q", "memories": ["x"], "expected_handling": "h"})");
    QVERIFY(g->validate(answer).ok());
    Json noHandling = answer;
    noHandling.erase("expected_handling");
    QCOMPARE(g->validate(noHandling).error().message, QStringLiteral("answer: \"expected_handling\" is missing"));
    Json emptySetup = answer;
    emptySetup["setup"] = Json::array();
    QCOMPARE(g->validate(emptySetup).error().message,
             QStringLiteral("answer: \"setup\" must hold at least 1 messages, it has 0"));
    Json badMemories = answer;
    badMemories["memories"] = "x";
    QCOMPARE(g->validate(badMemories).error().message, QStringLiteral("answer: \"memories\" must be an array of strings"));
}

void TestAdversarialGenerator::unknownKindIsAnError()
{
    GenerationOptions o = testkit::options(1);
    o.parameters = {{"kinds", Json::array({"prompt_injection"})}};
    const auto request = testkit::registry()->find(QStringLiteral("adversarial"))->buildRequest(0, o);
    QVERIFY(!request.ok());
    QCOMPARE(request.error().message,
             QStringLiteral("adversarial: the \"cases\" parameter has no example of kind \"prompt_injection\""));
}

QTEST_GUILESS_MAIN(TestAdversarialGenerator)
#include "tst_adversarialgenerator.moc"
