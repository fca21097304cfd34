// SPDX-License-Identifier: GPL-3.0-or-later
// The reviewer's edits as pure functions: verdicts, issue tags, transcripts, speaker details, messages,
// memory requirements and evaluation criteria.
#include "review/scenarioedits.h"

#include <QTest>

using namespace kx;

namespace {

/** A scenario shaped like what LibriSpeechImporter makes. */
TestScenario libriClip()
{
    TestScenario s;
    s.id = QStringLiteral("84-121123-0000");
    s.name = QStringLiteral("84-121123-0000");
    s.messages = {ChatMessage{QStringLiteral("user"), QStringLiteral("GO DO YOU HEAR"), Json::object()}};
    s.evaluationCriteria = {{"expected_transcript", "GO DO YOU HEAR"}};
    s.audio = {{"path", "/c/84-121123-0000.flac"}, {"format", "flac"}, {"speaker_id", "84"}, {"chapter_id", "121123"},
               {"utterance_id", "0000"}};
    return s;
}

} // namespace

class tst_ScenarioEdits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tagKeysRoundTrip()
    {
        QCOMPARE(AudioIssueTags::all().size(), 6);
        for (AudioIssueTag tag : AudioIssueTags::all()) {
            QCOMPARE(AudioIssueTags::fromKey(AudioIssueTags::key(tag)), tag);
            QVERIFY(!AudioIssueTags::label(tag).isEmpty());
        }
        QVERIFY(!AudioIssueTags::fromKey(QStringLiteral("loud")).has_value());
    }

    void tagsToggleInFixedOrder()
    {
        TestScenario s = libriClip();
        QVERIFY(ScenarioEdits::audioTags(s).isEmpty());
        s = ScenarioEdits::withAudioTagToggled(s, AudioIssueTag::WrongSpeaker);
        s = ScenarioEdits::withAudioTagToggled(s, AudioIssueTag::Clipping);
        QVERIFY(s.review["audio_tags"] == Json::parse(R"(["clipping", "wrong_speaker"])"));
        QVERIFY(ScenarioEdits::audioTags(s) == (QList<AudioIssueTag>{AudioIssueTag::Clipping, AudioIssueTag::WrongSpeaker}));
        s = ScenarioEdits::withAudioTagToggled(s, AudioIssueTag::Clipping);
        s = ScenarioEdits::withAudioTagToggled(s, AudioIssueTag::WrongSpeaker);
        QVERIFY(!s.review.contains("audio_tags"));
        QCOMPARE(s, libriClip());
    }

    void transcriptStaysInStep()
    {
        TestScenario s = libriClip();
        QCOMPARE(ScenarioEdits::transcript(s), QStringLiteral("GO DO YOU HEAR"));
        s = ScenarioEdits::withTranscript(s, QStringLiteral("GO DO YOU HEAR ME"));
        QVERIFY(s.evaluationCriteria["expected_transcript"] == Json("GO DO YOU HEAR ME"));
        QCOMPARE(s.messages[0].content, QStringLiteral("GO DO YOU HEAR ME"));

        // A user message that is not the transcript (a hub row with an instruction) is left alone.
        TestScenario hub = libriClip();
        hub.messages[0].content = QStringLiteral("Transcribe the clip.");
        hub = ScenarioEdits::withTranscript(hub, QStringLiteral("GO"));
        QCOMPARE(hub.messages[0].content, QStringLiteral("Transcribe the clip."));
        QCOMPARE(ScenarioEdits::transcript(hub), QStringLiteral("GO"));

        // Without expected_transcript (a Hub audio row whose user message only names the clip) there is
        // no transcript; setting one adds it and leaves the message alone.
        TestScenario plain = libriClip();
        plain.evaluationCriteria = Json::object();
        plain.messages[0].content = QStringLiteral("(audio 6_theo_1.wav)");
        QCOMPARE(ScenarioEdits::transcript(plain), QString());
        plain = ScenarioEdits::withTranscript(plain, QStringLiteral("SIX"));
        QCOMPARE(ScenarioEdits::transcript(plain), QStringLiteral("SIX"));
        QCOMPARE(plain.messages[0].content, QStringLiteral("(audio 6_theo_1.wav)"));
        // Not text: no transcript.
        TestScenario odd = libriClip();
        odd.evaluationCriteria["expected_transcript"] = 42;
        QCOMPARE(ScenarioEdits::transcript(odd), QString());
    }

    void verdict()
    {
        QVERIFY(ScenarioEdits::withStatus(libriClip(), ReviewStatus::Rejected).status == ReviewStatus::Rejected);
    }

    void speakerDetails()
    {
        const auto libri = ScenarioEdits::speakerDetails(libriClip());
        QCOMPARE(libri.size(), 2);
        QCOMPARE(libri[0].second, QStringLiteral("84"));
        QCOMPARE(libri[1].second, QStringLiteral("121123"));
        TestScenario vctk = libriClip();
        vctk.audio = {{"path", "/v/p225_001_mic1.flac"}, {"speaker_id", "p225"}, {"age", "23"}, {"gender", "F"},
                      {"accent", "English"}, {"region", "Southern England"}, {"mic", "mic1"}};
        const auto v = ScenarioEdits::speakerDetails(vctk);
        QCOMPARE(v.size(), 6);
        QCOMPARE(v[1].second, QStringLiteral("23"));
        QCOMPARE(v[3].second, QStringLiteral("English"));
        QCOMPARE(v[4].second, QStringLiteral("Southern England"));
        QVERIFY(ScenarioEdits::speakerDetails(TestScenario()).isEmpty());
    }

    void contentEdits()
    {
        TestScenario s = libriClip();
        s.messages.append(ChatMessage{QStringLiteral("assistant"), QStringLiteral("I hear you."),
                                      Json{{"name", "echo"}}});
        TestScenario e = ScenarioEdits::withMessage(s, 1, QStringLiteral("tool"), QStringLiteral("heard"));
        QCOMPARE(e.messages[1].role, QStringLiteral("tool"));
        QCOMPARE(e.messages[1].content, QStringLiteral("heard"));
        QVERIFY(e.messages[1].extra == s.messages[1].extra); // other keys kept
        QVERIFY(ScenarioEdits::withMessage(s, 5, QStringLiteral("user"), QString()) == s);

        e = ScenarioEdits::withMemoryRequirementAdded(s, QStringLiteral("a"));
        e = ScenarioEdits::withMemoryRequirementAdded(e, QStringLiteral("b"));
        e = ScenarioEdits::withMemoryRequirement(e, 0, QStringLiteral("A"));
        QCOMPARE(e.memoryRequirements, (QStringList{QStringLiteral("A"), QStringLiteral("b")}));
        e = ScenarioEdits::withMemoryRequirementRemoved(e, 1);
        QCOMPARE(e.memoryRequirements, QStringList{QStringLiteral("A")});
        QVERIFY(ScenarioEdits::withMemoryRequirementRemoved(e, 3) == e);
    }

    void criteriaEdits()
    {
        TestScenario s = libriClip();
        s.evaluationCriteria = Json::parse(R"({"a": 1, "b": "x", "c": true})");
        TestScenario e = ScenarioEdits::withCriterion(s, QStringLiteral("b"), Json(0.5));
        QCOMPARE(qs(e.evaluationCriteria.dump()), QStringLiteral(R"({"a":1,"b":0.5,"c":true})")); // in place
        e = ScenarioEdits::withCriterion(e, QStringLiteral("d"), Json("new"));
        QCOMPARE(qs(e.evaluationCriteria.dump()), QStringLiteral(R"({"a":1,"b":0.5,"c":true,"d":"new"})"));
        e = ScenarioEdits::withCriterionRenamed(e, QStringLiteral("b"), QStringLiteral("beta"));
        QCOMPARE(qs(e.evaluationCriteria.dump()), QStringLiteral(R"({"a":1,"beta":0.5,"c":true,"d":"new"})"));
        QVERIFY(ScenarioEdits::withCriterionRenamed(e, QStringLiteral("a"), QStringLiteral("c")) == e); // taken
        QVERIFY(ScenarioEdits::withCriterionRenamed(e, QStringLiteral("zz"), QStringLiteral("y")) == e); // missing
        e = ScenarioEdits::withoutCriterion(e, QStringLiteral("a"));
        QCOMPARE(qs(e.evaluationCriteria.dump()), QStringLiteral(R"({"beta":0.5,"c":true,"d":"new"})"));

        // A bare value is kept under "value" when a criterion is added beside it.
        s.evaluationCriteria = Json("exact");
        e = ScenarioEdits::withCriterion(s, QStringLiteral("k"), Json(2));
        QCOMPARE(qs(e.evaluationCriteria.dump()), QStringLiteral(R"({"value":"exact","k":2})"));
    }

    void criterionValueText_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("shown");
        QTest::newRow("number") << QStringLiteral("0.8") << QStringLiteral("0.8") << QStringLiteral("0.8");
        QTest::newRow("integer") << QStringLiteral(" 42 ") << QStringLiteral("42") << QStringLiteral("42");
        QTest::newRow("bool") << QStringLiteral("true") << QStringLiteral("true") << QStringLiteral("true");
        QTest::newRow("array") << QStringLiteral("[1, 2]") << QStringLiteral("[1,2]") << QStringLiteral("[1,2]");
        QTest::newRow("text") << QStringLiteral("Biscuit") << QStringLiteral("\"Biscuit\"") << QStringLiteral("Biscuit");
        QTest::newRow("quoted") << QStringLiteral("\"42\"") << QStringLiteral("\"42\"") << QStringLiteral("42");
        QTest::newRow("empty") << QString() << QStringLiteral("\"\"") << QString();
        QTest::newRow("broken json") << QStringLiteral("{a") << QStringLiteral("\"{a\"") << QStringLiteral("{a");
        QTest::newRow("unicode") << QStringLiteral("café ✓") << QStringLiteral("\"café ✓\"") << QStringLiteral("café ✓");
    }

    void criterionValueText()
    {
        QFETCH(QString, typed);
        QFETCH(QString, json);
        QFETCH(QString, shown);
        const Json value = ScenarioEdits::criterionValueFromText(typed);
        QCOMPARE(qs(dumpCompact(value)), json);
        QCOMPARE(ScenarioEdits::criterionValueText(value), shown);
    }
};

QTEST_GUILESS_MAIN(tst_ScenarioEdits)
#include "tst_scenarioedits.moc"
