// SPDX-License-Identifier: GPL-3.0-or-later
#include "collectingsink.h"
#include "audio/audiochecker.h"
#include "audio/audiooutliers.h"
#include "demo/demoaudio.h"
#include "demo/demoworkspace.h"
#include "formats/audiodecoder.h"
#include "store/workspacestore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace kx;
using kx::test::CollectingSink;

namespace {

QString problemOf(const TestScenario &s)
{
    const auto it = s.extra.find("demo_problem");
    return it != s.extra.end() ? qs(it->get<std::string>()) : QString();
}

QString pathOf(const TestScenario &s) { return qs(s.audio["path"].get<std::string>()); }

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/** Every sample of a clip, decoded. */
QList<float> decodeAll(const QString &path)
{
    auto decoder = AudioDecoder::openFile(path);
    if (!decoder)
        return {};
    QList<float> out(qsizetype((*decoder)->info().frames));
    const auto read = (*decoder)->read(out.data(), out.size());
    return read && *read == out.size() ? out : QList<float>();
}

/**
 * The voiced stretches of a clip: runs of 10 ms windows above -40 dBFS,
 * separated by at least 30 ms below it (the pauses between words and at stops).
 */
int burstCount(const QList<float> &samples, int sampleRate)
{
    const int window = sampleRate / 100;
    int bursts = 0, quietWindows = 3;
    for (qsizetype start = 0; start + window <= samples.size(); start += window) {
        double sum = 0.0;
        for (int i = 0; i < window; ++i)
            sum += double(samples[start + i]) * samples[start + i];
        const bool loud = AudioChecker::toDbfs(std::sqrt(sum / window)) > -40.0;
        if (loud && quietWindows >= 3)
            ++bursts;
        quietWindows = loud ? 0 : quietWindows + 1;
    }
    return bursts;
}

} // namespace

class TestDemoAudio final : public QObject
{
    Q_OBJECT

private slots:
    void writesDecodableSpeechLikeClips();
    void isDeterministic();
    void demoWorkspaceFlagsThePlantedProblems();
    void secondLaunchAddsNothing();
};

void TestDemoAudio::writesDecodableSpeechLikeClips()
{
    QTemporaryDir dir;
    CollectingSink sink;
    const auto written = DemoAudio::write(sink, dir.filePath(QStringLiteral("clips")));
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
    QCOMPARE(written->datasetId, qint64(1));
    QCOMPARE(written->scenarios, qint64(DemoAudio::clipCount));
    QCOMPARE(sink.datasets.size(), qsizetype(1));
    QCOMPARE(sink.datasets.first().category, Category::Benchmark);
    QCOMPARE(sink.scenarios.size(), qsizetype(DemoAudio::clipCount));

    QSet<QString> ids, problems, speakers;
    for (const TestScenario &s : std::as_const(sink.scenarios)) {
        QVERIFY2(!ids.contains(s.id), qPrintable(s.id));
        ids.insert(s.id);
        // The VCTK importer's shape, with a LibriSpeech-style upper-case transcript.
        QCOMPARE(s.messages.size(), qsizetype(1));
        const QString transcript = s.messages.first().content;
        QCOMPARE(transcript, transcript.toUpper());
        QCOMPARE(qs(s.evaluationCriteria["expected_transcript"].get<std::string>()), transcript);
        QCOMPARE(s.expectedCapabilities, (QStringList{QStringLiteral("speech_recognition"), QStringLiteral("voice_input")}));
        QCOMPARE(s.status, ReviewStatus::Pending);
        for (const char *key : {"path", "format", "speaker_id", "age", "gender", "accent", "region"})
            QVERIFY2(s.audio.contains(key) && !s.audio[key].get<std::string>().empty(), key);
        QCOMPARE(s.audio["format"].get<std::string>(), std::string("wav"));
        QVERIFY(QFileInfo(pathOf(s)).isAbsolute());
        speakers.insert(qs(s.audio["speaker_id"].get<std::string>()));
        if (!problemOf(s).isEmpty())
            problems.insert(problemOf(s));

        auto decoder = AudioDecoder::openFile(pathOf(s));
        QVERIFY2(decoder.ok(), decoder.ok() ? "" : qPrintable(decoder.error().message));
        const AudioInfo info = (*decoder)->info();
        QCOMPARE(info.sampleRate, 16000);
        QCOMPARE(info.channels, 1);
        QVERIFY2(info.seconds() >= 1.5 && info.seconds() <= 4.0, qPrintable(QString::number(info.seconds())));
        QCOMPARE(QFileInfo(pathOf(s)).size(), 44 + info.frames * 2); // 16-bit mono PCM after a plain header
        const QList<float> samples = decodeAll(pathOf(s));
        QCOMPARE(samples.size(), qsizetype(info.frames));

        if (problemOf(s).isEmpty()) {
            // Speech, not a tone: separate bursts (about one per word or stop) with quiet between them.
            const int words = int(transcript.split(QLatin1Char(' ')).size());
            const int bursts = burstCount(samples, info.sampleRate);
            QVERIFY2(bursts >= words / 2 && bursts <= 3 * words, qPrintable(QStringLiteral("%1: %2 bursts for %3 words")
                                                                               .arg(s.id).arg(bursts).arg(words)));
            const auto check = AudioChecker::checkFile(pathOf(s), transcript);
            QVERIFY(check.ok());
            QCOMPARE(check->flags, AudioCheck::Flags());
            QVERIFY2(check->silenceRatio > 0.1 && check->silenceRatio < 0.6, qPrintable(s.id));
            QVERIFY2(check->rmsDbfs > -30.0 && check->rmsDbfs < -12.0, qPrintable(s.id));
            QVERIFY2(check->charsPerSecond > 9.0 && check->charsPerSecond < 18.0, qPrintable(s.id));
        }
    }
    QCOMPARE(problems, (QSet<QString>{QStringLiteral("clipping"), QStringLiteral("near_silence"),
                                      QStringLiteral("long_pause"), QStringLiteral("transcript_too_long")}));
    QVERIFY(speakers.size() >= 4);
}

void TestDemoAudio::isDeterministic()
{
    QTemporaryDir dir;
    CollectingSink a, b, c;
    QVERIFY(DemoAudio::write(a, dir.filePath(QStringLiteral("a")), 7).ok());
    QVERIFY(DemoAudio::write(b, dir.filePath(QStringLiteral("b")), 7).ok());
    QVERIFY(DemoAudio::write(c, dir.filePath(QStringLiteral("c")), 8).ok());
    QCOMPARE(a.scenarios.size(), b.scenarios.size());
    for (qsizetype i = 0; i < a.scenarios.size(); ++i) {
        const QByteArray bytes = contents(pathOf(a.scenarios[i]));
        QVERIFY(!bytes.isEmpty());
        QCOMPARE(contents(pathOf(b.scenarios[i])), bytes);
        QVERIFY2(contents(pathOf(c.scenarios[i])) != bytes, qPrintable(a.scenarios[i].id));
        // The scenarios are the same but for the folder in the path.
        TestScenario sa = a.scenarios[i], sb = b.scenarios[i];
        QCOMPARE(QFileInfo(pathOf(sa)).fileName(), QFileInfo(pathOf(sb)).fileName());
        sa.audio.erase("path");
        sb.audio.erase("path");
        QCOMPARE(sa, sb);
    }
}

void TestDemoAudio::demoWorkspaceFlagsThePlantedProblems()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("workspace.kairix"));
    QVERIFY(DemoWorkspace::createIfMissing(path).ok());
    const QString folder = dir.filePath(QStringLiteral("workspace-demo-audio"));
    QCOMPARE(DemoAudio::folderFor(path), folder);
    QCOMPARE(QDir(folder).entryList({QStringLiteral("*.wav")}, QDir::Files).size(), qsizetype(DemoAudio::clipCount));

    auto store = WorkspaceStore::open(path);
    QVERIFY(store.ok());
    const auto datasets = (*store)->datasets();
    QVERIFY(datasets.ok());
    const auto voices = std::find_if(datasets->cbegin(), datasets->cend(), [](const TestDataset &d) {
        return d.name == QStringLiteral("Demo · Voice clips");
    });
    QVERIFY(voices != datasets->cend());
    QCOMPARE(voices->scenarioCount, qint64(DemoAudio::clipCount));
    ScenarioFilter withAudio;
    withAudio.audioOnly = true;
    QCOMPARE(*(*store)->count(withAudio), qint64(DemoAudio::clipCount)); // nothing else in the demo has audio

    // The queue's order: most suspicious first.
    ScenarioFilter filter;
    filter.datasetIds = {voices->id};
    const auto rows = (*store)->page(filter, {ScenarioSortKey::AudioSuspicion, Qt::DescendingOrder}, {}, 100);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), qsizetype(DemoAudio::clipCount));
    QStringList order;
    for (const ScenarioRow &row : *rows) {
        const auto scenario = (*store)->scenario(row.rowId);
        QVERIFY(scenario.ok());
        const auto check = (*store)->audioCheck(row.rowId);
        QVERIFY(check.ok() && check->has_value());
        const AudioCheck::Flags flags = (*check)->flags;
        QCOMPARE(int(flags), row.audioFlags);
        const QString problem = problemOf(*scenario);
        order.append(problem.isEmpty() ? QStringLiteral("-") : problem);
        if (problem == QLatin1String("clipping"))
            QVERIFY(flags.testFlag(AudioCheck::Flag::Clipping));
        else if (problem == QLatin1String("near_silence"))
            QVERIFY(flags.testFlag(AudioCheck::Flag::Silent) && flags.testFlag(AudioCheck::Flag::TooQuiet));
        else if (problem == QLatin1String("transcript_too_long"))
            QVERIFY(flags.testFlag(AudioCheck::Flag::RateOutlier) && (*check)->rateZ > AudioOutliers::rateZLimit);
        else if (problem.isEmpty())
            QVERIFY2(!flags, qPrintable(scenario->id));
        QVERIFY(!flags.testFlag(AudioCheck::Flag::Undecodable));
    }
    qInfo("most suspicious first: %s", qPrintable(order.join(QStringLiteral(", "))));
    // The silent and the clipped clip lead; every planted problem ranks above every normal clip.
    QCOMPARE(QSet<QString>(order.cbegin(), order.cbegin() + 2),
             (QSet<QString>{QStringLiteral("near_silence"), QStringLiteral("clipping")}));
    QCOMPARE(order.indexOf(QStringLiteral("-")), 4);

    // The flag filter and facet see them.
    filter.audioFlags = int(AudioCheck::Flag::Clipping);
    QCOMPARE(*(*store)->count(filter), qint64(1));
    filter.audioFlags = int(AudioCheck::Flag::Silent);
    QCOMPARE(*(*store)->count(filter), qint64(1));
    const auto facet = (*store)->audioFlagFacet(ScenarioFilter{});
    QVERIFY(facet.ok());
    qint64 flagged = 0;
    for (const FacetCount &f : *facet)
        flagged += f.count;
    QVERIFY(flagged >= 4);
}

void TestDemoAudio::secondLaunchAddsNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("workspace.kairix"));
    QVERIFY(DemoWorkspace::createIfMissing(path).ok());
    const QByteArray clip = contents(dir.filePath(QStringLiteral("workspace-demo-audio/demo01_001.wav")));
    QVERIFY(!clip.isEmpty());
    qint64 scenarios = 0;
    qsizetype datasets = 0;
    {
        auto store = WorkspaceStore::open(path);
        QVERIFY(store.ok());
        scenarios = *(*store)->count(ScenarioFilter{});
        datasets = (*store)->datasets()->size();
    }
    QCOMPARE(scenarios, qint64(300 + DemoAudio::clipCount));
    QVERIFY(DemoWorkspace::createIfMissing(path).ok());
    auto store = WorkspaceStore::open(path);
    QVERIFY(store.ok());
    QCOMPARE(*(*store)->count(ScenarioFilter{}), scenarios);
    QCOMPARE((*store)->datasets()->size(), datasets);
    const QDir folder(dir.filePath(QStringLiteral("workspace-demo-audio")));
    QCOMPARE(folder.entryList(QDir::Files).size(), qsizetype(DemoAudio::clipCount));
    QCOMPARE(contents(folder.filePath(QStringLiteral("demo01_001.wav"))), clip);
}

QTEST_GUILESS_MAIN(TestDemoAudio)
#include "tst_demoaudio.moc"
