// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/scenarioconverter.h"
#include "qc/autoscorer.h"

#include <QTest>

#include <cmath>

using namespace kx;

namespace {

/** Keeps converted scenarios in memory. */
class ListSink final : public ScenarioSink
{
public:
    Result<qint64> beginDataset(const TestDataset &) override { return qint64(1); }
    Result<void> add(const TestScenario &scenario) override
    {
        scenarios.append(scenario);
        return {};
    }
    QList<TestScenario> scenarios;
};

ChatMessage msg(const char *role, const QString &content)
{
    return ChatMessage{QLatin1String(role), content, Json::object()};
}

/** A clear multi-turn memory scenario, scored by hand in good(). */
TestScenario goodScenario()
{
    TestScenario s;
    s.id = QStringLiteral("good");
    s.messages = {
        msg("system", QStringLiteral("You are Kairix, a helpful assistant with long-term memory.")),
        msg("user", QStringLiteral("Hi! I just moved to Lisbon with my dog Biscuit last March.")),
        msg("assistant", QStringLiteral("Welcome to Lisbon! How is Biscuit settling in?")),
        msg("user", QStringLiteral("He loves the beach at Cascais. "
                                   "Can you remind me which vet I booked for him on 12 May?")),
    };
    s.memoryRequirements = {QStringLiteral("User moved to Lisbon in March with a dog named Biscuit"),
                            QStringLiteral("User booked vet Dr. Sousa for Biscuit on 12 May")};
    s.expectedCapabilities = {QStringLiteral("memory_recall"), QStringLiteral("context_integration"),
                              QStringLiteral("temporal_reasoning")};
    s.evaluationCriteria = Json::parse(R"({"memory_accuracy": 0.9, "coherence": 0.8})");
    s.category = Category::Synthetic;
    return s;
}

TestScenario singleQuestion(const QString &question)
{
    TestScenario s;
    s.id = QStringLiteral("q");
    s.messages = {msg("user", question)};
    return s;
}

QList<TestScenario> importReal(const QString &kind, const QString &file)
{
    const auto converter = ScenarioConverter::create(kind);
    ListSink sink;
    ImportProgress progress;
    const auto n = converter->convertFile(file, sink, progress);
    if (!n.ok())
        qWarning() << n.error().message;
    return sink.scenarios;
}

bool inUnitRange(double v)
{
    return std::isfinite(v) && v >= 0.0 && v <= 1.0;
}

} // namespace

Q_DECLARE_METATYPE(kx::TestScenario)

class TestAutoScorer final : public QObject
{
    Q_OBJECT

private slots:
    void good();
    void worseOnEveryCriterion_data();
    void worseOnEveryCriterion();
    void clarityRequest_data();
    void clarityRequest();
    void clarityLength_data();
    void clarityLength();
    void noUserTurnHalvesClarity();
    void memoryReflection_data();
    void memoryReflection();
    void realismAlternationAndRepeats();
    void realData_data();
    void realData();
};

void TestAutoScorer::good()
{
    const AutoScorer::Breakdown b = AutoScorer::explain(goodScenario());
    // Clarity: the request (last user turn) has 19 words (band 5–250 → 1), ends with '?' (1),
    // nothing blank or cut (1), no noise (1) → 1.
    QCOMPARE(b.clarityLength, 1.0);
    QCOMPARE(b.clarityRequest, 1.0);
    QCOMPARE(b.clarityForm, 1.0);
    QCOMPARE(b.clarityNoise, 1.0);
    QCOMPARE(b.scores.clarity, 1.0);
    // Complexity: 3 non-system turns → log2(3)/4 = 0.396240625…; 2 memories → 2/3;
    // 3 capabilities → 1; numbers {12} + entities {Kairix, Lisbon, Biscuit, March, Cascais, May}
    // = 7 → 0.7 ("You", "Hi", "Welcome", "How", "He", "Can" open sentences; "I" is one letter).
    // 0.2·0.396240625 + 0.3·2/3 + 0.2·1 + 0.3·0.7 = 0.689248125…
    QCOMPARE(b.complexityTurns, std::log2(3.0) / 4.0);
    QCOMPARE(b.complexityMemory, 2.0 / 3.0);
    QCOMPARE(b.complexityCapabilities, 1.0);
    QCOMPARE(b.complexityInformation, 0.7);
    QCOMPARE(b.scores.complexity, 0.2 * std::log2(3.0) / 4.0 + 0.2 + 0.2 + 0.21);
    // Coverage: capabilities min(1, 3/2) = 1; criteria 2 of 2 filled; memories: the first has
    // content words moved, lisbon, march, dog, named, biscuit ("user", "with" are stop words),
    // 5 of them in the turns → min(1, 5/2) = 1; the second booked, vet, sousa, biscuit, 12
    // ("for", "may" stop words), 4 in the turns → 1. Coverage = 0.3 + 0.3 + 0.4 = 1.
    QCOMPARE(b.coverageCapabilities, 1.0);
    QCOMPARE(b.coverageCriteria, 1.0);
    QCOMPARE(b.coverageMemory, std::optional<double>(1.0));
    QCOMPARE(b.scores.coverage, 1.0);
    // Realism: user/assistant/user alternate (1); lengths 58, 46, 86 → cv ≈ 0.265, inside
    // [0.1, 1.5] (1); no repeat (1); no artefact (1) → 1.
    QCOMPARE(b.realismAlternation, 1.0);
    QCOMPARE(b.realismVariation, 1.0);
    QCOMPARE(b.realismRepetition, 1.0);
    QCOMPARE(b.realismArtifacts, 1.0);
    QCOMPARE(b.scores.realism, 1.0);
    QVERIFY(QualityScores::passes(b.scores));
    QCOMPARE(AutoScorer::score(goodScenario()), b.scores);
}

void TestAutoScorer::worseOnEveryCriterion_data()
{
    QTest::addColumn<TestScenario>("scenario");

    TestScenario empty;
    empty.id = QStringLiteral("empty");
    QTest::newRow("empty") << empty;

    // An unfilled template, its turn repeated, a blank turn between and no metadata.
    // Clarity: 3 words → 0.6; ends with '.' → 0.6; cut ("...") and 1 of 3 blank → 1 − 0.5 − 1/6;
    // no noise → 1: 0.18 + 0.18 + 0.0667 + 0.2 = 0.6267.
    // Realism: user, user, user → 0; repeats 1 of 2 → 0; artefacts 2·(1 + 2 + 0.5) → 0; variation 1 → 0.2.
    TestScenario templ;
    templ.id = QStringLiteral("template");
    templ.category = Category::Synthetic;
    templ.messages = {msg("user", QStringLiteral("{{question}} lorem ipsum...")), msg("user", QString()),
                      msg("user", QStringLiteral("{{question}} lorem ipsum..."))};
    QTest::newRow("template") << templ;

    // Cut off mid-sentence, with a dots-only assistant turn.
    TestScenario cut;
    cut.id = QStringLiteral("cut");
    cut.category = Category::Synthetic;
    cut.messages = {msg("user", QStringLiteral("My sister's wedding is on")), msg("assistant", QStringLiteral("...")),
                    msg("user", QStringLiteral("I was telling you about my sister and her"))};
    cut.memoryRequirements = {QStringLiteral("The user's sister")};
    cut.expectedCapabilities = {QStringLiteral("memory_recall")};
    QTest::newRow("truncated") << cut;

    // Mojibake and symbol noise.
    QTest::newRow("noisy") << singleQuestion(QStringLiteral("Wh\uFFFD\uFFFDt is ~~ |||| <<>> ^^ the pl\uFFFDn?"));
}

void TestAutoScorer::worseOnEveryCriterion()
{
    QFETCH(TestScenario, scenario);
    const QualityScores good = AutoScorer::score(goodScenario());
    const QualityScores bad = AutoScorer::score(scenario);
    for (QualityCriterion c : allQualityCriteria) {
        QVERIFY2(bad.value(c) < good.value(c),
                 qPrintable(QStringLiteral("%1: %2 vs good %3")
                                .arg(QualityScores::criterionKey(c))
                                .arg(bad.value(c))
                                .arg(good.value(c))));
        QVERIFY(inUnitRange(bad.value(c)));
    }
    QVERIFY(!QualityScores::passes(bad));
}

void TestAutoScorer::clarityRequest_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("request");
    QTest::addColumn<double>("form");
    QTest::newRow("question") << QStringLiteral("What is my sister's name?") << 1.0 << 1.0;
    QTest::newRow("request cue") << QStringLiteral("Tell me my sister's name.") << 0.85 << 1.0;
    QTest::newRow("question then options") << QStringLiteral("Which is warmer? A. ice B. fire") << 0.85 << 1.0;
    QTest::newRow("i need") << QStringLiteral("i need a blue jacket under 40 dollars") << 0.85 << 1.0;
    QTest::newRow("i'd like") << QStringLiteral("I'd like a table for two") << 0.85 << 1.0;
    QTest::newRow("i am (no request)") << QStringLiteral("I am tired today") << 0.3 << 1.0;
    QTest::newRow("statement") << QStringLiteral("My sister is called Ana.") << 0.6 << 1.0;
    QTest::newRow("cut mid-sentence") << QStringLiteral("my sister is called") << 0.3 << 1.0;
    QTest::newRow("trailing comma") << QStringLiteral("my sister is called Ana, and") << 0.3 << 1.0;
    QTest::newRow("trailing hyphen") << QStringLiteral("my sister lives in the north-") << 0.3 << 0.5;
    QTest::newRow("ellipsis") << QStringLiteral("so my sister said...") << 0.6 << 0.5;
}

void TestAutoScorer::clarityRequest()
{
    QFETCH(QString, text);
    QFETCH(double, request);
    QFETCH(double, form);
    const auto b = AutoScorer::explain(singleQuestion(text));
    QCOMPARE(b.clarityRequest, request);
    QCOMPARE(b.clarityForm, form);
}

void TestAutoScorer::clarityLength_data()
{
    QTest::addColumn<int>("words");
    QTest::addColumn<double>("length");
    QTest::newRow("2 words") << 2 << 0.4;
    QTest::newRow("5 words") << 5 << 1.0;
    QTest::newRow("250 words") << 250 << 1.0;
    QTest::newRow("300 words") << 300 << 250.0 / 300.0;
    QTest::newRow("1000 words") << 1000 << 0.5;
}

void TestAutoScorer::clarityLength()
{
    QFETCH(int, words);
    QFETCH(double, length);
    QStringList parts;
    for (int i = 0; i < words; ++i)
        parts.append(QStringLiteral("word"));
    const auto b = AutoScorer::explain(singleQuestion(parts.join(QLatin1Char(' ')) + QLatin1Char('?')));
    QCOMPARE(b.clarityLength, length);
}

void TestAutoScorer::noUserTurnHalvesClarity()
{
    TestScenario s;
    s.messages = {msg("assistant", QStringLiteral("Hello! How can I help you today?"))};
    const auto b = AutoScorer::explain(s);
    QCOMPARE(b.clarityRequest, 1.0);
    QCOMPARE(b.scores.clarity, 0.5);
    // A blank request has no clarity at all.
    QCOMPARE(AutoScorer::score(singleQuestion(QStringLiteral("   "))).clarity, 0.0);
}

void TestAutoScorer::memoryReflection_data()
{
    QTest::addColumn<QString>("question");
    QTest::addColumn<QString>("memory");
    QTest::addColumn<double>("reflected");
    // Content words of the memory: allergic, peanuts ("user", "is", "to" do not count).
    QTest::newRow("unrelated") << QStringLiteral("Can you recommend a snack?")
                               << QStringLiteral("User is allergic to peanuts") << 0.0;
    QTest::newRow("one of two") << QStringLiteral("Any snack without peanuts?")
                                << QStringLiteral("User is allergic to peanuts") << 0.5;
    QTest::newRow("both, any case") << QStringLiteral("Am I ALLERGIC to Peanuts?")
                                    << QStringLiteral("User is allergic to peanuts") << 1.0;
    QTest::newRow("no content word") << QStringLiteral("What is it?") << QStringLiteral("it is") << 0.0;
}

void TestAutoScorer::memoryReflection()
{
    QFETCH(QString, question);
    QFETCH(QString, memory);
    QFETCH(double, reflected);
    TestScenario s = singleQuestion(question);
    s.memoryRequirements = {memory};
    const auto b = AutoScorer::explain(s);
    QCOMPARE(b.coverageMemory, std::optional<double>(reflected));
    // Without capabilities or criteria, coverage is the memory part alone: 0.4·reflected.
    QCOMPARE(b.scores.coverage, 0.4 * reflected);

    // No memory requirement and nothing about memory: the memory part does not apply.
    TestScenario plain = singleQuestion(question);
    plain.expectedCapabilities = {QStringLiteral("mathematical_reasoning")};
    const auto p = AutoScorer::explain(plain);
    QVERIFY(!p.coverageMemory);
    QCOMPARE(p.scores.coverage, (0.3 * 0.5) / 0.6);

    // A memory capability without any memory requirement: the memory part applies and is 0.
    plain.expectedCapabilities = {QStringLiteral("memory_recall")};
    const auto m = AutoScorer::explain(plain);
    QCOMPARE(m.coverageMemory, std::optional<double>(0.0));
    QCOMPARE(m.scores.coverage, 0.3 * 0.5);
}

void TestAutoScorer::realismAlternationAndRepeats()
{
    TestScenario s;
    s.messages = {msg("user", QStringLiteral("I like green tea in the morning.")),
                  msg("user", QStringLiteral("I LIKE green tea, in the morning!")),
                  msg("assistant", QStringLiteral("Green tea is a good start to the day.")),
                  msg("narrator", QStringLiteral("The user waits for an answer here."))};
    const auto b = AutoScorer::explain(s);
    // Pairs user→user (no), user→assistant (yes), assistant→narrator (unknown role): 1/3.
    QCOMPARE(b.realismAlternation, 1.0 / 3.0);
    // The second turn repeats the first up to case and punctuation: 1 − 2·1/4 = 0.5.
    QCOMPARE(b.realismRepetition, 0.5);
}

void TestAutoScorer::realData_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("rows");
    QTest::addColumn<double>("minMeanClarity");
    // Benchmark questions are well-formed questions: their mean clarity is high (observed with
    // AutoScorer version 1: GSM8K 0.994, MMLU 0.922, BBH date_understanding 0.955).
    QTest::newRow("gsm8k test") << QStringLiteral("gsm8k")
                                << QStringLiteral(KX_SHARED_DATA "/gsm8k/grade_school_math/data/test.jsonl") << 1319
                                << 0.95;
    QTest::newRow("mmlu dev") << QStringLiteral("mmlu")
                              << QStringLiteral(KX_SHARED_DATA "/mmlu/data/dev/college_computer_science_dev.csv") << 5
                              << 0.85;
    QTest::newRow("bbh date") << QStringLiteral("bbh")
                              << QStringLiteral(KX_SHARED_DATA "/bbh/bbh/date_understanding.json") << 250 << 0.9;
}

void TestAutoScorer::realData()
{
    QFETCH(QString, kind);
    QFETCH(QString, file);
    QFETCH(int, rows);
    QFETCH(double, minMeanClarity);
    const QList<TestScenario> scenarios = importReal(kind, file);
    QCOMPARE(scenarios.size(), rows);

    double clarity = 0.0;
    for (const TestScenario &s : scenarios) {
        const QualityScores q = AutoScorer::score(s);
        for (QualityCriterion c : allQualityCriteria)
            QVERIFY2(inUnitRange(q.value(c)), qPrintable(s.id));
        QVERIFY(inUnitRange(q.overall()));
        // Deterministic: again, and after a JSON round trip of the scenario.
        QCOMPARE(AutoScorer::score(s), q);
        const auto copy = TestScenario::fromJson(s.toJson());
        QVERIFY(copy.ok());
        QCOMPARE(AutoScorer::score(*copy), q);
        clarity += q.clarity;
    }
    QVERIFY2(clarity / scenarios.size() >= minMeanClarity, qPrintable(QString::number(clarity / scenarios.size())));
}

QTEST_GUILESS_MAIN(TestAutoScorer)
#include "tst_autoscorer.moc"
