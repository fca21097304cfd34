// SPDX-License-Identifier: GPL-3.0-or-later
// The audio benchmark (issue 4, DESIGN.md "Performance goals"). One run prints our figures beside a
// baseline measured on the same file in the same run:
//   peaks    AudioDecoder + PeakPyramid::compute over a one-hour FLAC  vs  `flac -d -c FILE > /dev/null`
//            (goal ≤ 1.5×)
//   redraw   from the workspace cache: read the blob back + PeakPyramid::fromBlob + range() for a
//            1600-px view + painting the min/max lines into a 1600×200 QImage   vs  the peaks time
//            (goal ≤ 0.05×)
#include "audio/peakpyramid.h"
#include "formats/audiodecoder.h"
#include "store/workspacestore.h"
#include "benchreport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace kx;
using kx::bench::median;
using kx::bench::say;

namespace {

double seconds(const QElapsedTimer &t) { return double(t.nsecsElapsed()) / 1e9; }

QString ratio(double ours, double base) { return base > 0 ? QString::number(ours / base, 'f', 3) + QStringLiteral("×") : QStringLiteral("n/a"); }

/** Runs @p program with stdout thrown away; wall seconds, or -1 when it failed. */
double timeProcess(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForStarted() || !p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        say(QStringLiteral("%1 failed: %2").arg(program, QString::fromLocal8Bit(p.readAllStandardError())));
        return -1;
    }
    return seconds(t);
}

/** Our side of the peaks figure: open the file, decode it all, build the pyramid; seconds, or -1. */
double timePeaks(const QString &path, PeakPyramid *out)
{
    QElapsedTimer t;
    t.start();
    auto decoder = AudioDecoder::openFile(path);
    if (!decoder) {
        say(decoder.error().message);
        return -1;
    }
    auto peaks = PeakPyramid::compute(**decoder);
    if (!peaks) {
        say(peaks.error().message);
        return -1;
    }
    const double s = seconds(t);
    *out = std::move(*peaks);
    return s;
}

/** What the waveform widget does on a cache hit: the blob from the store to pixels. */
bool redraw(const WorkspaceStore &store, const QString &key, QImage &image)
{
    auto blob = store.audioPeaks(key);
    if (!blob || !*blob) {
        say(blob ? QStringLiteral("no cached peaks under %1").arg(key) : blob.error().message);
        return false;
    }
    auto peaks = PeakPyramid::fromBlob(**blob);
    if (!peaks) {
        say(peaks.error().message);
        return false;
    }
    const int width = image.width(), height = image.height();
    const QList<PeakPair> view = peaks->range(0, peaks->frames(), width);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setPen(QColor(40, 90, 160));
    const double half = height / 2.0;
    for (int x = 0; x < width; ++x)
        painter.drawLine(QPointF(x + 0.5, half - view[x].max * half), QPointF(x + 0.5, half - view[x].min * half));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // The workspace's migration and open notes would break up the table.
    QLoggingCategory::setFilterRules(QStringLiteral("kx.store.info=false\nkx.store.debug=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kairix Workbench audio benchmark"));
    parser.addHelpOption();
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Length of the FLAC to make."),
                                           QStringLiteral("N"), QStringLiteral("3600"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Timed runs of each side (median)."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption dirOption(QStringLiteral("workdir"), QStringLiteral("Where to write (default: a temp dir)."),
                                       QStringLiteral("DIR"));
    parser.addOptions({secondsOption, runsOption, dirOption});
    parser.process(app);
    const int length = std::max(1, parser.value(secondsOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QTemporaryDir temp;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temp.path();
    QDir().mkpath(dir);
    const QString flac = dir + QStringLiteral("/bench.flac");
    const QString workspace = dir + QStringLiteral("/bench.kairix");
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(workspace + suffix);

    say(QStringLiteral("Kairix Workbench audio benchmark — %1 s of 44.1 kHz stereo 16-bit FLAC in %2").arg(length).arg(dir));
    QElapsedTimer t;
    t.start();
    if (!QFileInfo::exists(flac)) {
        // Pink noise with a slow tremolo: a signal FLAC cannot squeeze to nothing, and a waveform with shape.
        QProcess sox;
        sox.start(QStringLiteral("sox"), {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("44100"), QStringLiteral("-c"),
                                          QStringLiteral("2"), QStringLiteral("-b"), QStringLiteral("16"), flac, QStringLiteral("synth"),
                                          QString::number(length), QStringLiteral("pinknoise"), QStringLiteral("tremolo"),
                                          QStringLiteral("0.05"), QStringLiteral("60"), QStringLiteral("vol"), QStringLiteral("0.3")});
        if (!sox.waitForFinished(-1) || sox.exitCode() != 0) {
            say(QStringLiteral("sox failed: %1").arg(QString::fromLocal8Bit(sox.readAllStandardError())));
            return 1;
        }
        say(QStringLiteral("FLAC written by sox in %1 s (%2 MB)").arg(seconds(t), 0, 'f', 1)
                .arg(QFileInfo(flac).size() / 1e6, 0, 'f', 0));
    }

    // --- peaks vs flac -d, alternating so both see the same page cache and clock -------------------
    QList<double> ours, base;
    PeakPyramid peaks;
    (void)timeProcess(QStringLiteral("flac"), {QStringLiteral("-d"), QStringLiteral("-s"), QStringLiteral("-c"), flac});   // warm-up
    for (int run = 0; run < runs; ++run) {
        const double b = timeProcess(QStringLiteral("flac"), {QStringLiteral("-d"), QStringLiteral("-s"), QStringLiteral("-c"), flac});
        const double o = timePeaks(flac, &peaks);
        if (b < 0 || o < 0)
            return 1;
        base.append(b);
        ours.append(o);
    }
    const double ourPeaks = median(ours), basePeaks = median(base);
    const QByteArray blob = peaks.toBlob();

    say(QString());
    say(QStringLiteral("%1 %2 %3 %4").arg(QStringLiteral("measure"), -38).arg(QStringLiteral("kairix"), 12)
            .arg(QStringLiteral("baseline"), 12).arg(QStringLiteral("ratio (goal)")));
    say(QStringLiteral("%1 %2 %3 %4 (≤ 1.5×)").arg(QStringLiteral("peaks of %1 s FLAC, s (vs flac -d -c)").arg(length), -38)
            .arg(ourPeaks, 12, 'f', 3).arg(basePeaks, 12, 'f', 3).arg(ratio(ourPeaks, basePeaks)));

    // --- redraw from the cache vs the peaks time ---------------------------------------------------
    auto store = WorkspaceStore::open(workspace);
    if (!store) {
        say(store.error().message);
        return 1;
    }
    const QString key = QStringLiteral("bench:") + flac;
    if (auto put = (*store)->putAudioPeaks(key, blob); !put) {
        say(put.error().message);
        return 1;
    }
    QImage image(1600, 200, QImage::Format_ARGB32_Premultiplied);
    QList<double> redraws;
    for (int i = 0; i <= 20; ++i) {   // run 0 warms SQLite's cache and is not counted
        t.restart();
        if (!redraw(**store, key, image))
            return 1;
        if (i > 0)
            redraws.append(seconds(t));
    }
    const double ourRedraw = median(redraws);
    say(QStringLiteral("%1 %2 %3 %4 (≤ 0.05×)").arg(QStringLiteral("redraw 1600×200 from the cache, s (vs peaks)"), -38)
            .arg(ourRedraw, 12, 'f', 4).arg(ourPeaks, 12, 'f', 3).arg(ratio(ourRedraw, ourPeaks)));
    say(QStringLiteral("%1 %2 %3 %4").arg(QStringLiteral("peak blob, MB"), -38).arg(blob.size() / 1e6, 12, 'f', 2)
            .arg(QStringLiteral("—"), 12)
            .arg(QStringLiteral("%1 frames, %2 levels, %3 level-0 buckets per channel")
                     .arg(peaks.frames()).arg(peaks.levelCount()).arg(peaks.bucketCount(0))));
    return 0;
}
