// SPDX-License-Identifier: GPL-3.0-or-later
#include "generatortestkit.h"

#include <QTest>

using namespace kx;

namespace {
const QString personaChat = QStringLiteral(KX_TEST_FIXTURES "/importers/personachat/personachat_truecased_sample_valid.json");
const QString mmluDev = QStringLiteral(KX_SHARED_DATA "/mmlu/data/dev/");
} // namespace

class TestFusionGenerator final : public QObject
{
    Q_OBJECT

private slots:
    void builtInMaterial();
    void drawsFromWorkspace();
    void workspaceSampleIsBounded();
    void deterministicPerSeed();
    void validationRejects();
    void noQuestionsIsAnError();
};

void TestFusionGenerator::builtInMaterial()
{
    const auto scenarios = testkit::generate(QStringLiteral("fusion"), testkit::options(1), 4);
    QVERIFY2(scenarios.ok(), scenarios.ok() ? "" : qPrintable(scenarios.error().message));
    for (int i = 0; i < 4; ++i) {
        const TestScenario &s = scenarios->at(i);
        testkit::checkWellFormed(s, QStringLiteral("fusion"), 1, QStringLiteral("fusion"));
        QCOMPARE(s.name, QStringLiteral("hybrid_persona_knowledge_%1").arg(i));
        QCOMPARE(s.category, Category::Synthetic);
        QCOMPARE(s.expectedCapabilities, (QStringList{QStringLiteral("persona_consistency"), QStringLiteral("knowledge_recall")}));
        QCOMPARE(s.evaluationCriteria.value("persona_adherence", 0.0), 0.8);
        QCOMPARE(s.evaluationCriteria.value("factual_accuracy", 0.0), 0.9);
        QVERIFY(s.evaluationCriteria.contains("expected_answer"));
        QCOMPARE(s.messages.size(), 2);
        QVERIFY(s.messages.at(0).content.startsWith(QStringLiteral("You have this persona: ")));
        QVERIFY(s.memoryRequirements.size() >= 2);
        QVERIFY(s.provenance.parents.isEmpty()); // built-in material has no source scenarios
    }
}

void TestFusionGenerator::drawsFromWorkspace()
{
    const auto store = testkit::workspaceWith({personaChat}, QStringLiteral("personachat"));
    QVERIFY(ImportService::run(*store, ImportRequest{{mmluDev + QStringLiteral("anatomy_dev.csv"),
                                                      mmluDev + QStringLiteral("astronomy_dev.csv")},
                                                     QStringLiteral("mmlu"), QString(), {}}).ok());
    const auto material = GenerationMaterial::fromWorkspace(*store, 100);
    QVERIFY(material.ok());
    QCOMPARE(material->personas.size(), 2);
    QCOMPARE(material->questions.size(), 10); // 5 dev questions per subject
    QCOMPARE(material->answers.size(), 10);
    QVERIFY(material->questionSources.first().startsWith(QStringLiteral("mmlu_anatomy_")));
    // MMLU answers are the letter and the choice's text.
    QVERIFY2(material->answers.first().size() > 3 && material->answers.first().at(1) == QLatin1Char('.'),
             qPrintable(material->answers.first()));

    const auto scenarios = testkit::generate(QStringLiteral("fusion"), testkit::options(3, *material), 6);
    QVERIFY2(scenarios.ok(), scenarios.ok() ? "" : qPrintable(scenarios.error().message));
    for (int i = 0; i < scenarios->size(); ++i) {
        const TestScenario &s = scenarios->at(i);
        testkit::checkWellFormed(s, QStringLiteral("fusion"), 3, QStringLiteral("fusion"));
        QVERIFY(material->questions.contains(s.messages.at(1).content));
        QCOMPARE(s.memoryRequirements.join(QLatin1Char(' ')), material->personas.at(i % 2));
        // Parents: the PersonaChat scenario and the MMLU scenario it was fused from.
        QCOMPARE(s.provenance.parents.size(), 2);
        QCOMPARE(s.provenance.parents.at(0), material->personaSources.at(i % 2));
        const int q = int(material->questions.indexOf(s.messages.at(1).content));
        QCOMPARE(s.provenance.parents.at(1), material->questionSources.at(q));
        QCOMPARE(qs(s.evaluationCriteria.value("expected_answer", std::string())), material->answers.at(q));
    }
}

void TestFusionGenerator::workspaceSampleIsBounded()
{
    const auto store = testkit::workspaceWith({mmluDev}, QStringLiteral("mmlu"));
    const auto material = GenerationMaterial::fromWorkspace(*store, 7);
    QVERIFY(material.ok());
    QCOMPARE(material->questions.size(), 7);
    QVERIFY(material->personas.isEmpty());
    // Without PersonaChat in the workspace, personas come from the built-in material.
    const GenerationOptions o = testkit::options(1, *material);
    QVERIFY(!o.material.personas.isEmpty());
    QCOMPARE(o.material.questions, material->questions);
}

void TestFusionGenerator::deterministicPerSeed()
{
    const auto a = testkit::generate(QStringLiteral("fusion"), testkit::options(21), 6);
    const auto b = testkit::generate(QStringLiteral("fusion"), testkit::options(21), 6);
    const auto c = testkit::generate(QStringLiteral("fusion"), testkit::options(22), 6);
    QVERIFY(a.ok() && b.ok() && c.ok());
    QCOMPARE(testkit::dump(*a), testkit::dump(*b));
    QVERIFY(testkit::dump(*a) != testkit::dump(*c));
}

void TestFusionGenerator::validationRejects()
{
    const auto reg = testkit::registry();
    const Generator *g = reg->find(QStringLiteral("fusion"));
    QCOMPARE(g->validate(Json::parse(R"({"persona": [], "question": "q", "expected_answer": "a"})")).error().message,
             QStringLiteral("answer: \"persona\" must hold at least 1 strings, it has 0"));
    QCOMPARE(g->validate(Json::parse(R"({"persona": ["p"], "question": "q"})")).error().message,
             QStringLiteral("answer: \"expected_answer\" is missing"));
    QCOMPARE(g->validate(Json::parse(R"({"persona": ["p"], "question": 3, "expected_answer": "a"})")).error().message,
             QStringLiteral("answer: \"question\" must be a non-empty string"));
}

void TestFusionGenerator::noQuestionsIsAnError()
{
    GenerationOptions o = testkit::options(1);
    o.material.questions.clear();
    const auto request = testkit::registry()->find(QStringLiteral("fusion"))->buildRequest(0, o);
    QVERIFY(!request.ok());
    QVERIFY2(request.error().message.contains(QStringLiteral("questions")), qPrintable(request.error().message));
}

QTEST_GUILESS_MAIN(TestFusionGenerator)
#include "tst_fusiongenerator.moc"
