// SPDX-License-Identifier: GPL-3.0-or-later
#include "audiocommand.h"
#include "model/audiocheckflags.h"

#include "audio/audiochecker.h"
#include "audio/audiooutliers.h"
#include "audio/peakpyramid.h"
#include "formats/audiodecoder.h"
#include "util/jsonqt.h"

#include <QCommandLineParser>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace kx;

namespace {

/** Buckets `audio peaks` prints when --buckets is not given. */
constexpr int defaultBuckets = 100;
/** Upper bound of --buckets: beyond it the JSON only repeats level-0 peaks. */
constexpr int maxBuckets = 1000000;

void printLine(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void printJson(const Json &json)
{
    printLine(qs(dumpCompact(json)));
}

} // namespace

int AudioCommand::run(const QStringList &args)
{
    const QString subcommand = args.value(0);
    if (subcommand == QLatin1String("peaks"))
        return runPeaks(args.mid(1));
    if (subcommand == QLatin1String("check"))
        return runCheck(args.mid(1));
    if (subcommand == QLatin1String("--help") || subcommand == QLatin1String("-h")) {
        printLine(tr("Usage: kairix audio peaks FILE [--buckets N] [--json]\n"
                     "       kairix audio check FILE [--transcript TEXT] [--json]"));
        return Done;
    }
    if (subcommand.isEmpty())
        return usageError(tr("audio needs a subcommand: peaks or check"));
    return usageError(tr("unknown audio subcommand \"%1\" (expected peaks or check)").arg(subcommand));
}

bool AudioCommand::parse(QCommandLineParser &parser, const QString &subcommand, const QStringList &args, int &exitCode)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The audio file (WAV, FLAC, OGG, Opus, MP3…)."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(QStringList{QStringLiteral("kairix audio ") + subcommand} + args)) {
        exitCode = usageError(parser.errorText());
        return false;
    }
    if (parser.isSet(help)) {
        // QCommandLineParser names the executable's full path; show the command as it is typed.
        QString text = parser.helpText();
        text.replace(0, text.indexOf(QLatin1Char('\n')), tr("Usage: kairix audio %1 [options] FILE").arg(subcommand));
        printLine(text);
        exitCode = Done;
        return false;
    }
    if (parser.positionalArguments().size() != 1) {
        exitCode = usageError(tr("audio %1 needs exactly one FILE").arg(subcommand));
        return false;
    }
    return true;
}

int AudioCommand::runPeaks(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Print the min/max peaks of an audio file."));
    const QCommandLineOption buckets(QStringLiteral("buckets"),
                                     tr("How many min/max pairs to print (default %1).").arg(defaultBuckets),
                                     QStringLiteral("N"), QString::number(defaultBuckets));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result as JSON."));
    parser.addOptions({buckets, json});
    int exitCode = Done;
    if (!parse(parser, QStringLiteral("peaks"), args, exitCode))
        return exitCode;
    bool ok = false;
    const int count = parser.value(buckets).toInt(&ok);
    if (!ok || count < 1 || count > maxBuckets)
        return usageError(tr("--buckets needs a number from 1 to %1").arg(maxBuckets));

    const QString file = parser.positionalArguments().first();
    auto decoder = AudioDecoder::openFile(file);
    if (!decoder)
        return fail(decoder.error().message);
    const auto peaks = PeakPyramid::compute(**decoder);
    if (!peaks)
        return fail(peaks.error().message);
    const Json j = peaks->toJson(count);
    if (parser.isSet(json)) {
        printJson(j);
        return Done;
    }
    // A short summary; the buckets themselves are for --json.
    double low = 0.0;
    double high = 0.0;
    for (const Json &pair : j["buckets"]) {
        low = std::min(low, pair[0].get<double>());
        high = std::max(high, pair[1].get<double>());
    }
    printLine(tr("%1: %2 s, %3 Hz, %n channel(s), %4", nullptr, peaks->channels())
                  .arg(file, QString::number(peaks->seconds(), 'f', 2), QString::number(peaks->sampleRate()),
                       (*decoder)->info().format));
    printLine(tr("%n bucket(s), samples from %1 to %2", nullptr, count)
                  .arg(QString::number(low, 'f', 4), QString::number(high, 'f', 4)));
    return Done;
}

int AudioCommand::runCheck(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Measure an audio file: duration, peak and RMS level, clipping, silence and speaking rate."));
    const QCommandLineOption transcript(QStringLiteral("transcript"),
                                        tr("What the clip says; gives the speaking rate in characters per second."),
                                        QStringLiteral("TEXT"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result as JSON."));
    parser.addOptions({transcript, json});
    int exitCode = Done;
    if (!parse(parser, QStringLiteral("check"), args, exitCode))
        return exitCode;

    const QString file = parser.positionalArguments().first();
    auto check = AudioChecker::checkFile(file, parser.value(transcript));
    if (!check)
        return fail(check.error().message);
    if (check->flags.testFlag(AudioCheck::Flag::Undecodable))
        return fail(check->error);
    // One clip alone has no dataset to compare its speaking rate with: rateZ stays 0.
    check->suspicion = AudioOutliers::suspicion(*check);
    if (parser.isSet(json))
        printJson(AudioChecker::toJson(*check));
    else
        printCheck(file, *check);
    return Done;
}

void AudioCommand::printCheck(const QString &file, const AudioCheck &check)
{
    printLine(tr("%1: %2 s, %3 Hz, %n channel(s)", nullptr, check.channels)
                  .arg(file, QString::number(check.seconds, 'f', 2), QString::number(check.sampleRate)));
    const QString rate = std::isfinite(check.charsPerSecond)
                             ? tr("%1 characters/s").arg(check.charsPerSecond, 0, 'f', 1)
                             : tr("no speaking rate (no transcript or no speech)");
    printLine(tr("peak %1 dBFS, RMS %2 dBFS, clipped %3 %, silence %4 %, %5")
                  .arg(check.peakDbfs, 0, 'f', 1)
                  .arg(check.rmsDbfs, 0, 'f', 1)
                  .arg(check.clippedRatio * 100.0, 0, 'f', 2)
                  .arg(check.silenceRatio * 100.0, 0, 'f', 1)
                  .arg(rate));
    QStringList names;
    for (AudioCheck::Flag flag : AudioCheckFlags::all()) {
        if (check.flags.testFlag(flag))
            names << AudioCheckFlags::label(flag);
    }
    printLine(tr("flags: %1").arg(names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "))));
}

int AudioCommand::fail(const QString &message)
{
    std::fprintf(stderr, "kairix: error: %s\n", message.toUtf8().constData());
    return BadInput;
}

int AudioCommand::usageError(const QString &message)
{
    std::fprintf(stderr, "kairix: %s\n%s", message.toUtf8().constData(),
                 tr("Try 'kairix audio --help'.\n").toUtf8().constData());
    return Usage;
}
