// SPDX-License-Identifier: GPL-3.0-or-later
#include "generatortestkit.h"

#include <QTest>

using namespace kx;

namespace {
TestScenario parentScenario(const QString &id, Category category)
{
    TestScenario s;
    s.id = id;
    s.name = QStringLiteral("Parent ") + id;
    s.category = category;
    s.messages = {ChatMessage{QStringLiteral("system"), QStringLiteral("Be precise."), Json::object()},
                  ChatMessage{QStringLiteral("user"), QStringLiteral("What is 12 times 7?"), Json::object()}};
    s.memoryRequirements = {QStringLiteral("none")};
    s.expectedCapabilities = {QStringLiteral("mathematical_reasoning")};
    s.evaluationCriteria = {{"expected_answer", "84"}, {"exact_match", 1.0}};
    s.status = ReviewStatus::Accepted;
    s.provenance.sourceFile = QStringLiteral("/data/gsm8k/test.jsonl");
    return s;
}
} // namespace

class TestAugmentGenerator final : public QObject
{
    Q_OBJECT

private slots:
    void variationsOfEachType();
    void deterministicPerSeed();
    void pastTheLastParentIsAnError();
    void validationRejects();
};

void TestAugmentGenerator::variationsOfEachType()
{
    GenerationOptions o = testkit::options(8);
    o.parents = {parentScenario(QStringLiteral("gsm8k_test_1"), Category::Benchmark),
                 parentScenario(QStringLiteral("contradiction_0"), Category::Adversarial)};
    const auto reg = testkit::registry();
    const Generator *g = reg->find(QStringLiteral("augment"));
    OfflineBackend backend(reg, o.material, testkit::builtInMaterial());
    // 2 parents × 4 types; paraphrase gives 3 variants, persona 3, complexity 2, style 2.
    const int expected[] = {3, 3, 2, 2};
    for (int index = 0; index < 8; ++index) {
        const auto request = g->buildRequest(index, o);
        QVERIFY(request.ok());
        const auto answer = backend.completeJson(*request, [g](const Json &j) { return g->validate(j); });
        QVERIFY2(answer.ok(), answer.ok() ? "" : qPrintable(answer.error().message));
        const auto scenarios = g->toScenarios(answer->value, index, o);
        QVERIFY(scenarios.ok());
        QCOMPARE(scenarios->size(), expected[index % 4]);
        const TestScenario &p = o.parents.at(index / 4);
        QSet<QString> contents;
        for (int k = 0; k < scenarios->size(); ++k) {
            const TestScenario &s = scenarios->at(k);
            testkit::checkWellFormed(s, QStringLiteral("augment"), 8, QStringLiteral("augment"));
            QCOMPARE(s.id, QStringLiteral("augment-8-%1-%2").arg(index).arg(k));
            QCOMPARE(s.category, p.category); // augmentation keeps the parent's category
            QCOMPARE(s.provenance.parents, QStringList{p.id});
            QVERIFY(s.provenance.sourceFile.isEmpty());
            QCOMPARE(s.status, ReviewStatus::Pending);
            QVERIFY(s.evaluationCriteria == p.evaluationCriteria);
            QCOMPARE(s.messages.size(), p.messages.size());
            QCOMPARE(s.messages.at(0), p.messages.at(0));
            QVERIFY(s.messages.at(1).content.contains(QStringLiteral("12 times 7")));
            QVERIFY(s.messages.at(1).content != p.messages.at(1).content);
            contents.insert(s.messages.at(1).content);
            QVERIFY(s.extra.contains("variation"));
        }
        QCOMPARE(contents.size(), scenarios->size()); // variants differ from each other
    }
}

void TestAugmentGenerator::deterministicPerSeed()
{
    GenerationOptions o = testkit::options(1);
    o.parents = {parentScenario(QStringLiteral("p"), Category::Benchmark)};
    GenerationOptions other = o;
    other.seed = 2;
    const auto a = testkit::generate(QStringLiteral("augment"), o, 4);
    const auto b = testkit::generate(QStringLiteral("augment"), o, 4);
    const auto c = testkit::generate(QStringLiteral("augment"), other, 4);
    QVERIFY(a.ok() && b.ok() && c.ok());
    QCOMPARE(a->size(), 10);
    QCOMPARE(testkit::dump(*a), testkit::dump(*b));
    QVERIFY(testkit::dump(*a) != testkit::dump(*c));
}

void TestAugmentGenerator::pastTheLastParentIsAnError()
{
    GenerationOptions o = testkit::options(1);
    o.parents = {parentScenario(QStringLiteral("p"), Category::Benchmark)};
    const auto request = testkit::registry()->find(QStringLiteral("augment"))->buildRequest(4, o);
    QVERIFY(!request.ok());
    QCOMPARE(request.error().message, QStringLiteral("augment: item 4 needs parent scenario 2, but 1 were given"));
}

void TestAugmentGenerator::validationRejects()
{
    const auto reg = testkit::registry();
    const Generator *g = reg->find(QStringLiteral("augment"));
    QCOMPARE(g->validate(Json::parse(R"({})")).error().message, QStringLiteral("answer: \"variants\" is missing"));
    QCOMPARE(g->validate(Json::parse(R"({"variants": []})")).error().message,
             QStringLiteral("answer: \"variants\" must be a non-empty array"));
    QCOMPARE(g->validate(Json::parse(R"({"variants": [{"label": "a", "content": "b"}, {"label": "a"}]})")).error().message,
             QStringLiteral("answer: \"variants\"[1] must be an object with non-empty \"label\" and \"content\" strings"));
}

QTEST_GUILESS_MAIN(TestAugmentGenerator)
#include "tst_augmentgenerator.moc"
