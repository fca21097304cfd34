// SPDX-License-Identifier: GPL-3.0-or-later
#include "generatortestkit.h"

#include <QTest>

using namespace kx;

namespace {
const QString personaChat = QStringLiteral(KX_TEST_FIXTURES "/importers/personachat/personachat_truecased_sample_valid.json");
const QStringList fixtureSentences = {
    QStringLiteral("I love to go hiking on weekends."), QStringLiteral("My dog is named Max."),
    QStringLiteral("I work as a nurse."), QStringLiteral("I play the violin."), QStringLiteral("I live in Vienna.")};
} // namespace

class TestMemoryRecallGenerator final : public QObject
{
    Q_OBJECT

private slots:
    void requestCarriesMarkerAndDefaults();
    void offlineAnswerValidates();
    void scenariosAreWellFormed();
    void deterministicPerSeed();
    void drawsFactsFromWorkspace();
    void validationRejects_data();
    void validationRejects();
    void offlineBackendNeedsMarker();
    void tooFewFactsIsAnError();
};

void TestMemoryRecallGenerator::requestCarriesMarkerAndDefaults()
{
    const auto reg = testkit::registry();
    const Generator *g = reg->find(QStringLiteral("memory"));
    QVERIFY(g);
    const auto request = g->buildRequest(0, testkit::options(1));
    QVERIFY(request.ok());
    QCOMPARE(request->model, QStringLiteral("kairix-offline-1"));
    QCOMPARE(request->temperature, 0.8);
    QCOMPARE(request->maxTokens, 2000);
    QVERIFY(request->jsonObject);
    QCOMPARE(request->messages.size(), 2);
    QCOMPARE(Generator::requestTemplate(*request), QStringLiteral("memory_recall"));
    const Json inputs = Generator::requestInputs(*request);
    QCOMPARE(inputs["facts"].size(), size_t(3));
    // The facts the prompt asks for are the ones in the marker.
    for (const Json &fact : inputs["facts"])
        QVERIFY(request->messages[1].content.contains(qs(fact.get<std::string>())));
    QVERIFY(!request->messages[1].content.contains(QStringLiteral("{{")));

    GenerationOptions hot = testkit::options(1);
    hot.temperature = 0.2;
    QCOMPARE(g->buildRequest(0, hot)->temperature, 0.2);
}

void TestMemoryRecallGenerator::offlineAnswerValidates()
{
    const auto reg = testkit::registry();
    const Generator *g = reg->find(QStringLiteral("memory"));
    const GenerationOptions o = testkit::options(3);
    OfflineBackend backend(reg, o.material, testkit::builtInMaterial());
    for (int i = 0; i < 20; ++i) {
        const auto request = g->buildRequest(i, o);
        QVERIFY(request.ok());
        const auto answer = backend.completeJson(*request, [g](const Json &j) { return g->validate(j); });
        QVERIFY2(answer.ok(), answer.ok() ? "" : qPrintable(answer.error().message));
        QVERIFY(answer->promptTokens > 0);
        QVERIFY(answer->completionTokens > 0);
        QCOMPARE(answer->value["memory_points"].size(), size_t(3));
    }
}

void TestMemoryRecallGenerator::scenariosAreWellFormed()
{
    const auto scenarios = testkit::generate(QStringLiteral("memory"), testkit::options(42), 6);
    QVERIFY2(scenarios.ok(), scenarios.ok() ? "" : qPrintable(scenarios.error().message));
    QCOMPARE(scenarios->size(), 6);
    for (int i = 0; i < scenarios->size(); ++i) {
        const TestScenario &s = scenarios->at(i);
        testkit::checkWellFormed(s, QStringLiteral("memory"), 42, QStringLiteral("memory_recall"));
        QCOMPARE(s.id, QStringLiteral("memory-42-%1").arg(i));
        QCOMPARE(s.category, Category::Synthetic);
        QCOMPARE(s.memoryRequirements.size(), 3);
        QCOMPARE(s.expectedCapabilities, (QStringList{QStringLiteral("memory_recall"), QStringLiteral("context_integration")}));
        QCOMPARE(s.evaluationCriteria.value("memory_accuracy", 0.0), 0.9);
        QCOMPARE(s.evaluationCriteria.value("coherence", 0.0), 0.8);
        QVERIFY(s.evaluationCriteria["expected_elements"].is_array());
        QCOMPARE(s.evaluationCriteria["expected_elements"].size(), size_t(3));
        QCOMPARE(s.messages.first().role, QStringLiteral("system"));
        QVERIFY(s.messages.first().content.startsWith(QStringLiteral("Agent profile: ")));
        QCOMPARE(s.messages.last().role, QStringLiteral("user"));
        QVERIFY(s.messages.size() >= 2 + 2 * 3);
        QVERIFY(s.provenance.parents.isEmpty());
        QCOMPARE(s.provenance.extra.value("item_index", -1), i);
        // Each required memory's fact is said in the history.
        for (const Json &element : s.evaluationCriteria["expected_elements"]) {
            bool said = false;
            for (const ChatMessage &m : s.messages)
                said = said || (m.role == QLatin1String("user") && m.content.contains(qs(element.get<std::string>())));
            QVERIFY2(said, element.get<std::string>().c_str());
        }
    }
}

void TestMemoryRecallGenerator::deterministicPerSeed()
{
    const auto a = testkit::generate(QStringLiteral("memory"), testkit::options(7), 8);
    const auto b = testkit::generate(QStringLiteral("memory"), testkit::options(7), 8);
    const auto c = testkit::generate(QStringLiteral("memory"), testkit::options(8), 8);
    QVERIFY(a.ok() && b.ok() && c.ok());
    QCOMPARE(testkit::dump(*a), testkit::dump(*b));
    QVERIFY(testkit::dump(*a) != testkit::dump(*c));
    // Items differ from one another too.
    QVERIFY(a->at(0).messages != a->at(1).messages);
}

void TestMemoryRecallGenerator::drawsFactsFromWorkspace()
{
    const auto store = testkit::workspaceWith({personaChat}, QStringLiteral("personachat"));
    const auto material = GenerationMaterial::fromWorkspace(*store, 50);
    QVERIFY2(material.ok(), material.ok() ? "" : qPrintable(material.error().message));
    QCOMPARE(material->personas.size(), 2);
    QCOMPARE(material->facts, fixtureSentences);
    QCOMPARE(material->personaSources.size(), 2);
    QVERIFY(material->questions.isEmpty());

    const auto scenarios = testkit::generate(QStringLiteral("memory"), testkit::options(5, *material), 6);
    QVERIFY2(scenarios.ok(), scenarios.ok() ? "" : qPrintable(scenarios.error().message));
    for (const TestScenario &s : *scenarios) {
        for (const Json &element : s.evaluationCriteria["expected_elements"])
            QVERIFY2(fixtureSentences.contains(qs(element.get<std::string>()) + QLatin1Char('.')),
                     element.get<std::string>().c_str());
    }
}

void TestMemoryRecallGenerator::validationRejects_data()
{
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("message");
    const QString history = QStringLiteral(R"("history": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}])");
    const QString points = QStringLiteral(R"("memory_points": ["a", "b", "c"])");
    const QString rest = QStringLiteral(R"("required_memories": ["a", "b", "c"], "expected_elements": ["a"])");
    QTest::newRow("not an object") << QStringLiteral("[1]") << QStringLiteral("the memory-recall answer must be a JSON object");
    QTest::newRow("no question") << QStringLiteral("{%1, %2, %3}").arg(history, points, rest)
                                 << QStringLiteral("answer: \"question\" is missing");
    QTest::newRow("two points") << QStringLiteral(R"({%1, "memory_points": ["a", "b"], "question": "q", %2})").arg(history, rest)
                                << QStringLiteral("answer: \"memory_points\" must hold at least 3 strings, it has 2");
    QTest::newRow("four points") << QStringLiteral(R"({%1, "memory_points": ["a", "b", "c", "d"], "question": "q", %2})").arg(history, rest)
                                 << QStringLiteral("answer: \"memory_points\" must hold exactly 3 strings, it has 4");
    QTest::newRow("bad role") << QStringLiteral(R"({"history": [{"role": "bot", "content": "x"}, {"role": "user", "content": "y"}], %1, "question": "q", %2})").arg(points, rest)
                              << QStringLiteral("answer: \"history\"[0].role must be \"user\", \"assistant\" or \"system\"");
    QTest::newRow("empty element") << QStringLiteral(R"({%1, %2, "question": "q", "required_memories": ["a", "b", "c"], "expected_elements": [""]})").arg(history, points)
                                   << QStringLiteral("answer: \"expected_elements\"[0] must be a non-empty string");
}

void TestMemoryRecallGenerator::validationRejects()
{
    QFETCH(QString, answer);
    QFETCH(QString, message);
    const auto reg = testkit::registry();
    const auto result = reg->find(QStringLiteral("memory"))->validate(Json::parse(ss(answer)));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().message, message);
}

void TestMemoryRecallGenerator::offlineBackendNeedsMarker()
{
    const auto reg = testkit::registry();
    OfflineBackend backend(reg, {}, testkit::builtInMaterial());
    ChatRequest request;
    request.messages = {ChatMessage{QStringLiteral("user"), QStringLiteral("hello"), Json::object()}};
    const auto answer = backend.completeJson(request, {});
    QVERIFY(!answer.ok());
    QVERIFY2(answer.error().message.contains(QStringLiteral("kx_request")), qPrintable(answer.error().message));
}

void TestMemoryRecallGenerator::tooFewFactsIsAnError()
{
    const auto reg = testkit::registry();
    GenerationOptions o = testkit::options(1);
    o.material.facts = {QStringLiteral("I like tea."), QStringLiteral("I have a cat.")};
    const auto request = reg->find(QStringLiteral("memory"))->buildRequest(0, o);
    QVERIFY(!request.ok());
    QCOMPARE(request.error().message, QStringLiteral("memory: the material has 2 facts, 3 are needed"));
}

QTEST_GUILESS_MAIN(TestMemoryRecallGenerator)
#include "tst_memoryrecallgenerator.moc"
