// SPDX-License-Identifier: GPL-3.0-or-later
// The reviewer's edits as pure functions: verdicts, issue tags, transcripts, speaker details.
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
};

QTEST_GUILESS_MAIN(tst_ScenarioEdits)
#include "tst_scenarioedits.moc"
