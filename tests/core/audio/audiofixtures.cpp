// SPDX-License-Identifier: GPL-3.0-or-later
#include "audiofixtures.h"

#include <QDebug>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace kx::test {

namespace {

const QString espeak = QStringLiteral("espeak-ng");
const QString sox = QStringLiteral("sox");

/** One clip to make: where it goes in the corpus, what is said and what the transcript claims. */
struct ClipSpec
{
    QString speaker;
    QString group;      ///< LibriSpeech chapter; unused for VCTK
    QString utterance;  ///< "0003" (LibriSpeech) or "003" (VCTK)
    QString spoken;     ///< what espeak-ng says (ignored for Silent)
    QString transcript; ///< empty: the spoken text
    PlantedKind kind = PlantedKind::Normal;
    QString voice = QStringLiteral("en-us");
    int wordsPerMinute = 160;
};

const QString longTranscript = QStringLiteral(
    "Good evening my friend, I have waited a very long time to tell you about everything that happened "
    "in the village while you were away at sea for the whole of the winter and the spring.");

/** Makes the audio of @p spec in @p out. */
Result<void> makeClip(const ClipSpec &spec, const QString &out, int sampleRate)
{
    QDir().mkpath(QFileInfo(out).absolutePath());
    switch (spec.kind) {
    case PlantedKind::Silent:
        return AudioFixtures::silence(out, sampleRate, 3.0);
    case PlantedKind::Clipped:
        // +30 dB drives espeak-ng's speech (peaks around -3 dBFS) far into hard clipping.
        return AudioFixtures::speak(spec.spoken, out, sampleRate, spec.voice, spec.wordsPerMinute,
                                    {QStringLiteral("gain"), QStringLiteral("30")});
    case PlantedKind::Normal:
    case PlantedKind::RateOutlier:
        break;
    }
    return AudioFixtures::speak(spec.spoken, out, sampleRate, spec.voice, spec.wordsPerMinute);
}

Result<void> writeText(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0)
        return Error::io(QStringLiteral("%1: cannot write: %2").arg(path, f.errorString()));
    return {};
}

/** LibriSpeech transcripts: upper case, no punctuation but apostrophes, single spaces. */
QString libriSpeechText(const QString &text)
{
    static const QRegularExpression notWord(QStringLiteral("[^A-Z0-9' ]"));
    return text.toUpper().remove(notWord).simplified();
}

} // namespace

FixtureClip FixtureCorpus::first(PlantedKind kind) const
{
    for (const FixtureClip &c : clips) {
        if (c.kind == kind)
            return c;
    }
    return {};
}

QStringList FixtureCorpus::paths(PlantedKind kind) const
{
    QStringList list;
    for (const FixtureClip &c : clips) {
        if (c.kind == kind)
            list << c.path;
    }
    return list;
}

Result<void> AudioFixtures::requireTools()
{
    for (const QString &tool : {espeak, sox}) {
        if (QStandardPaths::findExecutable(tool).isEmpty())
            return Error::notFound(QStringLiteral("%1 is not installed (not on the PATH); the audio fixtures need "
                                                  "espeak-ng and sox: run scripts/bootstrap")
                                       .arg(tool));
    }
    return {};
}

Result<void> AudioFixtures::run(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForStarted())
        return Error::io(QStringLiteral("cannot start %1: %2").arg(program, p.errorString()));
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return Error::io(QStringLiteral("%1 %2 failed (exit %3): %4")
                             .arg(program, arguments.join(QLatin1Char(' ')))
                             .arg(p.exitCode())
                             .arg(QString::fromLocal8Bit(p.readAllStandardError())));
    return {};
}

Result<void> AudioFixtures::speak(const QString &text, const QString &out, int sampleRate, const QString &voice,
                                  int wordsPerMinute, const QStringList &effects)
{
    if (auto tools = requireTools(); !tools)
        return tools;
    const QString wav = out + QStringLiteral(".espeak.wav");
    if (auto r = run(espeak, {QStringLiteral("-v"), voice, QStringLiteral("-s"), QString::number(wordsPerMinute),
                              QStringLiteral("-w"), wav, text});
        !r)
        return r;
    // -D: no dither, so the files are the same on every run; the rate effect comes before the others.
    const QStringList args = QStringList{QStringLiteral("-D"), wav, QStringLiteral("-c"), QStringLiteral("1"),
                                         QStringLiteral("-b"), QStringLiteral("16"), out, QStringLiteral("rate"),
                                         QString::number(sampleRate)}
                             + effects;
    auto converted = run(sox, args);
    QFile::remove(wav);
    return converted;
}

Result<void> AudioFixtures::silence(const QString &out, int sampleRate, double seconds)
{
    if (auto tools = requireTools(); !tools)
        return tools;
    // -D: sox would otherwise dither the "silence" into ±1 LSB noise.
    return run(sox, {QStringLiteral("-D"), QStringLiteral("-n"), QStringLiteral("-r"), QString::number(sampleRate), QStringLiteral("-c"),
                     QStringLiteral("1"), QStringLiteral("-b"), QStringLiteral("16"), out, QStringLiteral("trim"),
                     QStringLiteral("0"), QString::number(seconds)});
}

Result<FixtureCorpus> AudioFixtures::makeLibriSpeech(const QString &dir)
{
    if (auto tools = requireTools(); !tools)
        return tools.error();
    const QString us = QStringLiteral("en-us");
    const QString gb = QStringLiteral("en-gb");
    const QList<ClipSpec> specs = {
        {QStringLiteral("1001"), QStringLiteral("2002"), QStringLiteral("0000"),
         QStringLiteral("The quiet river carried the small boat past the old mill."), {}, PlantedKind::Normal, us, 150},
        {QStringLiteral("1001"), QStringLiteral("2002"), QStringLiteral("0001"),
         QStringLiteral("She opened the window and listened to the rain on the roof."), {}, PlantedKind::Normal, us, 175},
        {QStringLiteral("1001"), QStringLiteral("2002"), QStringLiteral("0002"),
         QStringLiteral("Every morning the baker set fresh bread out on the long table."), {}, PlantedKind::Normal, us, 135},
        {QStringLiteral("1001"), QStringLiteral("2002"), QStringLiteral("0003"),
         QStringLiteral("He shouted across the valley, but nobody answered his call."), {}, PlantedKind::Clipped, us, 160},
        {QStringLiteral("1003"), QStringLiteral("4004"), QStringLiteral("0000"),
         QStringLiteral("They walked along the shore until the lighthouse came into view."), {}, PlantedKind::Normal, gb, 165},
        {QStringLiteral("1003"), QStringLiteral("4004"), QStringLiteral("0001"),
         QStringLiteral("A gentle wind moved through the tall grass of the meadow."), {}, PlantedKind::Normal, gb, 185},
        {QStringLiteral("1003"), QStringLiteral("4004"), QStringLiteral("0002"), {},
         QStringLiteral("The letter arrived three days after the storm had passed."), PlantedKind::Silent, gb, 160},
        {QStringLiteral("1003"), QStringLiteral("4004"), QStringLiteral("0003"), QStringLiteral("Good evening, my friend."),
         longTranscript, PlantedKind::RateOutlier, gb, 160},
    };

    FixtureCorpus corpus;
    corpus.root = QDir(dir).filePath(QStringLiteral("LibriSpeech/dev-clean"));
    corpus.kind = QStringLiteral("librispeech");
    QString transText;
    QString transFile;
    for (const ClipSpec &spec : specs) {
        const QString chapterDir = corpus.root + QLatin1Char('/') + spec.speaker + QLatin1Char('/') + spec.group;
        const QString id = spec.speaker + QLatin1Char('-') + spec.group + QLatin1Char('-') + spec.utterance;
        const QString chapterFile = chapterDir + QLatin1Char('/') + spec.speaker + QLatin1Char('-') + spec.group
                                    + QStringLiteral(".trans.txt");
        if (chapterFile != transFile) {
            if (!transFile.isEmpty()) {
                if (auto w = writeText(transFile, transText); !w)
                    return w.error();
            }
            transFile = chapterFile;
            transText.clear();
        }
        FixtureClip clip;
        clip.path = chapterDir + QLatin1Char('/') + id + QStringLiteral(".flac");
        clip.transcript = libriSpeechText(spec.transcript.isEmpty() ? spec.spoken : spec.transcript);
        clip.kind = spec.kind;
        if (auto made = makeClip(spec, clip.path, 16000); !made)
            return made.error();
        transText += id + QLatin1Char(' ') + clip.transcript + QLatin1Char('\n');
        corpus.clips.append(clip);
    }
    if (auto w = writeText(transFile, transText); !w)
        return w.error();
    return corpus;
}

Result<FixtureCorpus> AudioFixtures::makeVctk(const QString &dir)
{
    if (auto tools = requireTools(); !tools)
        return tools.error();
    const QString stella = QStringLiteral("Please call Stella.");
    const QString ask = QStringLiteral("Ask her to bring these things with her from the store.");
    const QString spoons = QStringLiteral(
        "Six spoons of fresh snow peas, five thick slabs of blue cheese, and maybe a snack for her brother Bob.");
    const QString snake = QStringLiteral("We also need a small plastic snake and a big toy frog for the kids.");
    const QString female = QStringLiteral("en-gb+f3");
    const QString male = QStringLiteral("en-gb");
    const QString scottish = QStringLiteral("en-gb-scotland");
    const QList<ClipSpec> specs = {
        {QStringLiteral("p225"), {}, QStringLiteral("001"), stella, {}, PlantedKind::Normal, female, 150},
        {QStringLiteral("p225"), {}, QStringLiteral("002"), ask, {}, PlantedKind::Normal, female, 170},
        {QStringLiteral("p225"), {}, QStringLiteral("003"), spoons, {}, PlantedKind::Normal, female, 160},
        {QStringLiteral("p226"), {}, QStringLiteral("001"), stella, {}, PlantedKind::Normal, male, 140},
        {QStringLiteral("p226"), {}, QStringLiteral("002"), ask, {}, PlantedKind::Normal, male, 185},
        {QStringLiteral("p226"), {}, QStringLiteral("003"), snake, {}, PlantedKind::Clipped, male, 160},
        {QStringLiteral("p227"), {}, QStringLiteral("001"), stella, {}, PlantedKind::Normal, scottish, 165},
        {QStringLiteral("p227"), {}, QStringLiteral("002"), {}, ask, PlantedKind::Silent, scottish, 160},
        {QStringLiteral("p227"), {}, QStringLiteral("003"), stella, spoons, PlantedKind::RateOutlier, scottish, 160},
    };

    FixtureCorpus corpus;
    corpus.root = QDir(dir).absolutePath();
    corpus.kind = QStringLiteral("vctk");
    // The 0.92 header and spacing: two blanks between columns, a region of two words.
    if (auto w = writeText(corpus.root + QStringLiteral("/speaker-info.txt"),
                           QStringLiteral("ID  AGE  GENDER  ACCENTS  REGION COMMENTS \n"
                                          "p225  23  F    English    Southern  England\n"
                                          "p226  22  M    English    Surrey\n"
                                          "p227  38  M    English    Cumbria\n"));
        !w)
        return w.error();
    for (const ClipSpec &spec : specs) {
        const QString id = spec.speaker + QLatin1Char('_') + spec.utterance;
        FixtureClip clip;
        clip.path = corpus.root + QStringLiteral("/wav48_silence_trimmed/") + spec.speaker + QLatin1Char('/') + id
                    + QStringLiteral("_mic1.flac");
        clip.transcript = spec.transcript.isEmpty() ? spec.spoken : spec.transcript;
        clip.kind = spec.kind;
        if (auto made = makeClip(spec, clip.path, 48000); !made)
            return made.error();
        if (auto w = writeText(corpus.root + QStringLiteral("/txt/") + spec.speaker + QLatin1Char('/') + id
                                   + QStringLiteral(".txt"),
                               clip.transcript + QLatin1Char('\n'));
            !w)
            return w.error();
        corpus.clips.append(clip);
    }
    return corpus;
}

bool AudioFixtures::runOrWarn(const QString &program, const QStringList &arguments)
{
    const auto r = run(program, arguments);
    if (!r)
        qWarning().noquote() << r.error().message;
    return r.ok();
}

std::unique_ptr<AudioDecoder> AudioFixtures::openOrWarn(const QString &path)
{
    auto decoder = AudioDecoder::openFile(path);
    if (!decoder) {
        qWarning().noquote() << decoder.error().message;
        return nullptr;
    }
    return std::move(decoder.value());
}

} // namespace kx::test
