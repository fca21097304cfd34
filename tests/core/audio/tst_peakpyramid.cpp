// SPDX-License-Identifier: GPL-3.0-or-later
// PeakPyramid on clips made by sox (known amplitudes, per-channel content, noise),
// on the real clips in shared/data, and its cache blob (round trip, damage).
#include "audio/peakpyramid.h"
#include "formats/audiodecoder.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace kx;

namespace {

/** The error message of @p r, or "" when it succeeded (QVERIFY2 evaluates its message either way). */
template<typename T>
QString why(const Result<T> &r)
{
    return r ? QString() : r.error().message;
}

const QString kShared = QStringLiteral(KX_SHARED_DATA);
constexpr float kStep = 1.0f / PeakPyramid::fullScale;   // one int16 step

/** Runs @p program; warns with its stderr and returns "" when it fails, else its stdout. */
QString run(const QString &program, const QStringList &args, bool *ok = nullptr)
{
    QProcess p;
    p.start(program, args);
    const bool done = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!done)
        qWarning().noquote() << program << args.join(QLatin1Char(' ')) << QString::fromLocal8Bit(p.readAllStandardError());
    if (ok)
        *ok = done;
    return done ? QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed() : QString();
}

std::unique_ptr<AudioDecoder> open(const QString &path)
{
    auto decoder = AudioDecoder::openFile(path);
    if (!decoder) {
        qWarning().noquote() << decoder.error().message;
        return nullptr;
    }
    return std::move(*decoder);
}

/** Exact per-bucket min/max of @p channel from the samples themselves: the reference for level 0. */
QList<PeakPair> referenceBuckets(AudioDecoder &decoder, int channel)
{
    QList<PeakPair> out;
    const int channels = decoder.info().channels;
    std::vector<float> block(size_t(PeakPyramid::baseFramesPerBucket) * channels);
    if (!decoder.seek(0))
        return out;
    for (;;) {
        auto got = decoder.read(block.data(), PeakPyramid::baseFramesPerBucket);
        if (!got || *got == 0)
            break;
        PeakPair p{1.0f, -1.0f};
        for (qint64 f = 0; f < *got; ++f) {
            p.min = std::min(p.min, block[size_t(f * channels + channel)]);
            p.max = std::max(p.max, block[size_t(f * channels + channel)]);
        }
        out.append(p);
    }
    return out;
}

PeakPair overall(const QList<PeakPair> &pairs)
{
    PeakPair all{1.0f, -1.0f};
    for (const PeakPair &p : pairs) {
        all.min = std::min(all.min, p.min);
        all.max = std::max(all.max, p.max);
    }
    return all;
}

} // namespace

class TestPeakPyramid : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    /** Makes @p name in the temp dir with `sox -n … name <effects>`; returns its path or "". */
    QString make(const QString &name, const QStringList &format, const QStringList &effects)
    {
        const QString path = m_dir.filePath(name);
        bool ok = false;
        // The format goes on the input too: synth lengths in samples ("100s") count at the input's rate.
        run(QStringLiteral("sox"), QStringList{QStringLiteral("-D")} + format + QStringList{QStringLiteral("-n")} + format
                                       + QStringList{path} + effects, &ok);
        return ok ? path : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const char *tool : {"sox", "soxi"})
            QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(), tool);
    }

    void sineAmplitude_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("amplitude");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("wav 0.5") << QStringLiteral("sine.wav") << 0.5 << 0.002;
        QTest::newRow("flac 0.25") << QStringLiteral("sine.flac") << 0.25 << 0.002;
        QTest::newRow("ogg 0.7") << QStringLiteral("sine.ogg") << 0.7 << 0.05;   // lossy
    }

    void sineAmplitude()
    {
        QFETCH(QString, name);
        QFETCH(double, amplitude);
        QFETCH(double, tolerance);
        const QString path = make(name, {QStringLiteral("-r"), QStringLiteral("16000"), QStringLiteral("-c"), QStringLiteral("1")},
                                  {QStringLiteral("synth"), QStringLiteral("3"), QStringLiteral("sine"), QStringLiteral("440"),
                                   QStringLiteral("vol"), QString::number(amplitude)});
        QVERIFY(!path.isEmpty());
        auto decoder = open(path);
        QVERIFY(decoder);
        auto peaks = PeakPyramid::compute(*decoder);
        QVERIFY2(peaks, qPrintable(why(peaks)));
        QCOMPARE(peaks->sampleRate(), 16000);
        QCOMPARE(peaks->channels(), 1);
        QCOMPARE(peaks->frames(), 48000);
        QCOMPARE(peaks->seconds(), 3.0);
        QCOMPARE(peaks->bucketCount(0), (48000 + 255) / 256);
        QVERIFY(peaks->levelCount() >= 1);
        QVERIFY(peaks->bucketCount(peaks->levelCount() - 1) <= PeakPyramid::maxTopBuckets);

        // Every 30 ms stretch holds whole periods of 440 Hz: each reaches ± the amplitude.
        const QList<PeakPair> buckets = peaks->range(0, peaks->frames(), 100);
        QCOMPARE(buckets.size(), 100);
        for (const PeakPair &p : buckets) {
            QVERIFY2(std::abs(p.max - amplitude) < tolerance, qPrintable(QString::number(p.max)));
            QVERIFY2(std::abs(p.min + amplitude) < tolerance, qPrintable(QString::number(p.min)));
        }
    }

    void levelZeroMatchesSamples()
    {
        // 1000.5 buckets of noise: the last bucket is a short one.
        const QString path = make(QStringLiteral("noise.flac"),
                                  {QStringLiteral("-r"), QStringLiteral("8000"), QStringLiteral("-c"), QStringLiteral("1")},
                                  {QStringLiteral("synth"), QStringLiteral("256128s"), QStringLiteral("pinknoise"),
                                   QStringLiteral("vol"), QStringLiteral("0.4")});
        QVERIFY(!path.isEmpty());
        auto decoder = open(path);
        QVERIFY(decoder);
        auto peaks = PeakPyramid::compute(*decoder);
        QVERIFY2(peaks, qPrintable(why(peaks)));
        QCOMPARE(peaks->frames(), 256128);
        const QList<PeakPair> reference = referenceBuckets(*decoder, 0);
        QCOMPARE(reference.size(), 1001);
        // One display bucket per level-0 bucket: range() gives level 0 itself.
        const QList<PeakPair> level0 = peaks->range(0, reference.size() * 256, int(reference.size()));
        for (qsizetype i = 0; i < reference.size(); ++i) {
            QVERIFY2(std::abs(level0[i].min - reference[i].min) <= kStep, qPrintable(QString::number(i)));
            QVERIFY2(std::abs(level0[i].max - reference[i].max) <= kStep, qPrintable(QString::number(i)));
        }
    }

    void stereoChannels()
    {
        // Left: 440 Hz at 0.8; right: 1 kHz at 0.2.
        const QString path = make(QStringLiteral("stereo.flac"),
                                  {QStringLiteral("-r"), QStringLiteral("44100"), QStringLiteral("-c"), QStringLiteral("2")},
                                  {QStringLiteral("synth"), QStringLiteral("2"), QStringLiteral("sine"), QStringLiteral("440"),
                                   QStringLiteral("sine"), QStringLiteral("1000"), QStringLiteral("remix"),
                                   QStringLiteral("1v0.8"), QStringLiteral("2v0.2")});
        QVERIFY(!path.isEmpty());
        auto decoder = open(path);
        QVERIFY(decoder);
        auto peaks = PeakPyramid::compute(*decoder);
        QVERIFY2(peaks, qPrintable(why(peaks)));
        QCOMPARE(peaks->channels(), 2);
        QCOMPARE(peaks->frames(), 88200);
        const PeakPair left = overall(peaks->range(0, peaks->frames(), 50, 0));
        const PeakPair right = overall(peaks->range(0, peaks->frames(), 50, 1));
        const PeakPair both = overall(peaks->range(0, peaks->frames(), 50));
        QVERIFY2(std::abs(left.max - 0.8f) < 0.01f && std::abs(left.min + 0.8f) < 0.01f, qPrintable(QString::number(left.max)));
        QVERIFY2(std::abs(right.max - 0.2f) < 0.01f && std::abs(right.min + 0.2f) < 0.01f, qPrintable(QString::number(right.max)));
        QCOMPARE(both.max, left.max);
        QCOMPARE(both.min, left.min);
        // A channel that does not exist gives empty buckets, not a crash.
        QCOMPARE(overall(peaks->range(0, peaks->frames(), 10, 2)).max, 0.0f);
    }

    void rangeConsistentAcrossZooms_data()
    {
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<int>("count");
        QTest::newRow("whole, 7 px") << qint64(0) << qint64(441000) << 7;
        QTest::newRow("whole, 300 px") << qint64(0) << qint64(441000) << 300;
        QTest::newRow("whole, 1600 px") << qint64(0) << qint64(441000) << 1600;
        QTest::newRow("whole, more px than buckets") << qint64(0) << qint64(441000) << 5000;
        QTest::newRow("zoomed, 777 px") << qint64(123457) << qint64(223456) << 777;
        QTest::newRow("zoomed deep, 64 px") << qint64(300001) << qint64(301001) << 64;
        QTest::newRow("past both ends") << qint64(-50000) << qint64(500000) << 400;
    }

    void rangeConsistentAcrossZooms()
    {
        QFETCH(qint64, first);
        QFETCH(qint64, end);
        QFETCH(int, count);
        // Ten seconds of noise whose loudness changes: a fade in and out.
        if (m_zoomClip.isEmpty()) {
            m_zoomClip = make(QStringLiteral("zoom.wav"), {QStringLiteral("-r"), QStringLiteral("44100"), QStringLiteral("-c"), QStringLiteral("1")},
                              {QStringLiteral("synth"), QStringLiteral("10"), QStringLiteral("whitenoise"), QStringLiteral("fade"),
                               QStringLiteral("t"), QStringLiteral("4"), QStringLiteral("10"), QStringLiteral("4")});
        }
        QVERIFY(!m_zoomClip.isEmpty());
        auto decoder = open(m_zoomClip);
        QVERIFY(decoder);
        auto peaks = PeakPyramid::compute(*decoder);
        QVERIFY2(peaks, qPrintable(why(peaks)));
        QCOMPARE(peaks->frames(), 441000);
        const qint64 base = peaks->bucketCount(0);
        const QList<PeakPair> level0 = peaks->range(0, base * 256, int(base));

        // Min/max of level 0 over the buckets touching frames [a, b).
        auto level0Over = [&](qint64 a, qint64 b) {
            PeakPair p{1.0f, -1.0f};
            for (qint64 i = std::max<qint64>(a, 0) / 256; i < std::min(base, (b + 255) / 256); ++i) {
                p.min = std::min(p.min, level0[i].min);
                p.max = std::max(p.max, level0[i].max);
            }
            return p;
        };
        const QList<PeakPair> view = peaks->range(first, end, count);
        QCOMPARE(view.size(), count);
        const qint64 slack = (end - first) / count + 256;   // the chosen level's buckets are at most this wide
        for (int k = 0; k < count; ++k) {
            const qint64 a = first + (end - first) * k / count;
            const qint64 b = std::max(first + (end - first) * (k + 1) / count, a + 1);   // at least one frame
            if (b <= 0 || a >= peaks->frames()) {
                QCOMPARE(view[k].min, 0.0f);
                QCOMPARE(view[k].max, 0.0f);
                continue;
            }
            // It covers its own frames (never hides a peak) …
            const PeakPair inner = level0Over(a, b);
            QVERIFY2(view[k].min <= inner.min && view[k].max >= inner.max, qPrintable(QString::number(k)));
            // … and reaches no further than one coarse bucket beyond them.
            const PeakPair outer = level0Over(a - slack, b + slack);
            QVERIFY2(view[k].min >= outer.min && view[k].max <= outer.max, qPrintable(QString::number(k)));
        }
        // Over the whole clip the extremes are level 0's, at every zoom.
        if (first <= 0 && end >= peaks->frames()) {
            QCOMPARE(overall(view).min, overall(level0).min);
            QCOMPARE(overall(view).max, overall(level0).max);
        }
    }

    void edgeCases()
    {
        const QString path = make(QStringLiteral("tiny.wav"), {QStringLiteral("-r"), QStringLiteral("8000"), QStringLiteral("-c"), QStringLiteral("1")},
                                  {QStringLiteral("synth"), QStringLiteral("100s"), QStringLiteral("square"), QStringLiteral("50"),
                                   QStringLiteral("vol"), QStringLiteral("0.5")});
        QVERIFY(!path.isEmpty());
        auto decoder = open(path);
        QVERIFY(decoder);
        auto peaks = PeakPyramid::compute(*decoder);
        QVERIFY2(peaks, qPrintable(why(peaks)));
        QCOMPARE(peaks->frames(), 100);
        QCOMPARE(peaks->levelCount(), 1);
        QCOMPARE(peaks->bucketCount(0), 1);
        QCOMPARE(peaks->bucketCount(1), 0);
        QVERIFY(peaks->range(0, 100, 0).isEmpty());
        QCOMPARE(peaks->range(50, 50, 3).size(), 3);
        QCOMPARE(overall(peaks->range(100, 1000, 4)).max, 0.0f);
        // Zoomed in past one pixel per frame: each pixel still shows its bucket.
        const QList<PeakPair> fine = peaks->range(0, 100, 400);
        QVERIFY(std::abs(fine[0].max - 0.5f) < 0.01f);
        QVERIFY(std::abs(fine[399].min + 0.5f) < 0.01f);
        const Json json = peaks->toJson(4);
        QCOMPARE(json["frames"].get<qint64>(), 100);
        QCOMPARE(json["sample_rate"].get<int>(), 8000);
        QCOMPARE(json["buckets"].size(), size_t(4));
        QCOMPARE(PeakPyramid().range(0, 10, 2).size(), 2);
        QVERIFY(PeakPyramid().isEmpty());
    }

    void emptyClip()
    {
        const QString path = make(QStringLiteral("empty.wav"), {QStringLiteral("-r"), QStringLiteral("8000"), QStringLiteral("-c"), QStringLiteral("2")},
                                  {QStringLiteral("trim"), QStringLiteral("0"), QStringLiteral("0")});
        QVERIFY(!path.isEmpty());
        auto decoder = open(path);
        QVERIFY(decoder);
        auto peaks = PeakPyramid::compute(*decoder);
        QVERIFY2(peaks, qPrintable(why(peaks)));
        QVERIFY(peaks->isEmpty());
        QCOMPARE(peaks->channels(), 2);
        QCOMPARE(peaks->levelCount(), 1);
        QCOMPARE(peaks->bucketCount(0), 0);
        QCOMPARE(overall(peaks->range(0, 1000, 10)).max, 0.0f);
        QCOMPARE(peaks->toJson(5)["buckets"].size(), size_t(5));
        auto back = PeakPyramid::fromBlob(peaks->toBlob());   // found by the fuzzer: no data is not a null memcpy
        QVERIFY2(back, qPrintable(why(back)));
        QVERIFY(back->isEmpty());
        QCOMPARE(back->sampleRate(), 8000);
    }

    void blobRoundTrip()
    {
        const QString path = make(QStringLiteral("blob.flac"), {QStringLiteral("-r"), QStringLiteral("22050"), QStringLiteral("-c"), QStringLiteral("2")},
                                  {QStringLiteral("synth"), QStringLiteral("7.3"), QStringLiteral("pinknoise"), QStringLiteral("sine"),
                                   QStringLiteral("300"), QStringLiteral("vol"), QStringLiteral("0.6")});
        QVERIFY(!path.isEmpty());
        auto decoder = open(path);
        QVERIFY(decoder);
        auto peaks = PeakPyramid::compute(*decoder);
        QVERIFY2(peaks, qPrintable(why(peaks)));
        const QByteArray blob = peaks->toBlob();
        QVERIFY(blob.startsWith("KXPK"));
        auto back = PeakPyramid::fromBlob(blob);
        QVERIFY2(back, qPrintable(why(back)));
        QCOMPARE(back->sampleRate(), 22050);
        QCOMPARE(back->channels(), 2);
        QCOMPARE(back->frames(), peaks->frames());
        QCOMPARE(back->levelCount(), peaks->levelCount());
        for (int count : {1, 13, 400, 1600}) {
            for (int channel : {-1, 0, 1}) {
                const QList<PeakPair> a = peaks->range(0, peaks->frames(), count, channel);
                const QList<PeakPair> b = back->range(0, peaks->frames(), count, channel);
                for (int k = 0; k < count; ++k)
                    QVERIFY(a[k].min == b[k].min && a[k].max == b[k].max);
            }
        }
        QCOMPARE(back->toJson(50), peaks->toJson(50));
        QCOMPARE(back->toBlob(), blob);
        // A default-constructed pyramid (sample rate 0) is no clip: its blob is refused, not read as one.
        QVERIFY(!PeakPyramid::fromBlob(PeakPyramid().toBlob()));
    }

    void damagedBlob_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("empty") << QStringLiteral("empty");
        QTest::newRow("header only") << QStringLiteral("header");
        QTest::newRow("truncated by one byte") << QStringLiteral("truncate1");
        QTest::newRow("truncated by half") << QStringLiteral("half");
        QTest::newRow("one byte appended") << QStringLiteral("append");
        QTest::newRow("bit flipped in the data") << QStringLiteral("flipdata");
        QTest::newRow("bit flipped in the sample rate") << QStringLiteral("fliprate");
        QTest::newRow("bit flipped in the checksum") << QStringLiteral("flipsum");
        QTest::newRow("wrong magic") << QStringLiteral("magic");
        QTest::newRow("newer version") << QStringLiteral("version");
    }

    void damagedBlob()
    {
        QFETCH(QString, damage);
        const QString path = make(QStringLiteral("damage.wav"), {QStringLiteral("-r"), QStringLiteral("8000"), QStringLiteral("-c"), QStringLiteral("1")},
                                  {QStringLiteral("synth"), QStringLiteral("2"), QStringLiteral("sine"), QStringLiteral("100")});
        QVERIFY(!path.isEmpty());
        auto decoder = open(path);
        QVERIFY(decoder);
        auto peaks = PeakPyramid::compute(*decoder);
        QVERIFY(peaks);
        QByteArray blob = peaks->toBlob();
        QVERIFY(PeakPyramid::fromBlob(blob));
        if (damage == QLatin1String("empty"))
            blob.clear();
        else if (damage == QLatin1String("header"))
            blob.truncate(32);
        else if (damage == QLatin1String("truncate1"))
            blob.chop(1);
        else if (damage == QLatin1String("half"))
            blob.truncate(blob.size() / 2);
        else if (damage == QLatin1String("append"))
            blob.append('\0');
        else if (damage == QLatin1String("flipdata"))
            blob[blob.size() / 2] = char(blob[blob.size() / 2] ^ 0x10);
        else if (damage == QLatin1String("fliprate"))
            blob[9] = char(blob[9] ^ 0x01);
        else if (damage == QLatin1String("flipsum"))
            blob[blob.size() - 1] = char(blob[blob.size() - 1] ^ 0x80);
        else if (damage == QLatin1String("magic"))
            blob[0] = 'X';
        else if (damage == QLatin1String("version"))
            qToLittleEndian<quint32>(2, blob.data() + 4);
        auto back = PeakPyramid::fromBlob(blob);
        QVERIFY(!back);
        QCOMPARE(back.error().code, Error::Code::BadInput);
        QVERIFY2(back.error().message.startsWith(QLatin1String("peak cache: ")), qPrintable(back.error().message));
    }

    void progressAndCancel()
    {
        const QString path = make(QStringLiteral("long.flac"), {QStringLiteral("-r"), QStringLiteral("44100"), QStringLiteral("-c"), QStringLiteral("2")},
                                  {QStringLiteral("synth"), QStringLiteral("20"), QStringLiteral("brownnoise")});
        QVERIFY(!path.isEmpty());
        auto decoder = open(path);
        QVERIFY(decoder);
        QList<qint64> done;
        WorkControl control;
        control.progress = [&](qint64 d, qint64 total) {
            QCOMPARE(total, 882000);
            done.append(d);
        };
        auto peaks = PeakPyramid::compute(*decoder, control);
        QVERIFY(peaks);
        QVERIFY(done.size() > 5);
        QVERIFY(std::is_sorted(done.begin(), done.end()));
        QCOMPARE(done.last(), 882000);

        // Cancelled after the third block: Cancelled, not a partial pyramid.
        done.clear();
        control.cancelled = [&] { return done.size() >= 3; };
        auto cancelled = PeakPyramid::compute(*decoder, control);   // also: starts over from frame 0
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, Error::Code::Cancelled);
        QCOMPARE(done.size(), 3);
        QVERIFY(cancelled.error().message.contains(path));
    }

    void corruptFlacIsAnError()
    {
        const QString path = make(QStringLiteral("cut.flac"), {QStringLiteral("-r"), QStringLiteral("16000"), QStringLiteral("-c"), QStringLiteral("1")},
                                  {QStringLiteral("synth"), QStringLiteral("5"), QStringLiteral("pinknoise")});
        QVERIFY(!path.isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        bytes.truncate(bytes.size() / 2);
        auto decoder = AudioDecoder::openBytes(bytes, QStringLiteral("cut.flac"));
        if (!decoder)
            return;   // refused at open: fine too
        auto peaks = PeakPyramid::compute(**decoder);
        QVERIFY(!peaks);
        QCOMPARE(peaks.error().code, Error::Code::BadInput);
        QVERIFY(peaks.error().message.contains(QLatin1String("cut.flac")));
    }

    void realFiles_data()
    {
        QTest::addColumn<QString>("path");
        const QString vctk = QStringLiteral("/hf-datasets-legacy/datasets/vctk/dummy/main/0.9.2/dummy_data/VCTK-Corpus-0.92.zip/"
                                            "wav48_silence_trimmed/");
        for (const QString &rel : QStringList{QStringLiteral("/lhotse/test/fixtures/libri/libri-1088-134315-0000.wav"),
                                   QStringLiteral("/lhotse/test/fixtures/mix_cut_test/audio/storage/2412-153948-0000.flac"),
                                   QStringLiteral("/lhotse/test/fixtures/mix_cut_test/audio/storage/2412-153948-0001.flac"),
                                   vctk + QStringLiteral("p225/p225_001_mic1.flac"),
                                   vctk + QStringLiteral("p225/p225_002_mic2.flac"),
                                   vctk + QStringLiteral("p226/p226_001_mic1.flac")})
            QTest::newRow(qPrintable(rel.section(QLatin1Char('/'), -1))) << kShared + rel;
    }

    void realFiles()
    {
        QFETCH(QString, path);
        QVERIFY2(QFile::exists(path), qPrintable(path));
        bool ok = false;
        const qint64 frames = run(QStringLiteral("soxi"), {QStringLiteral("-s"), path}, &ok).toLongLong();
        QVERIFY(ok && frames > 0);
        const int rate = run(QStringLiteral("soxi"), {QStringLiteral("-r"), path}).toInt();
        const int channels = run(QStringLiteral("soxi"), {QStringLiteral("-c"), path}).toInt();
        auto decoder = open(path);
        QVERIFY(decoder);
        auto peaks = PeakPyramid::compute(*decoder);
        QVERIFY2(peaks, qPrintable(why(peaks)));
        QCOMPARE(peaks->frames(), frames);
        QCOMPARE(peaks->sampleRate(), rate);
        QCOMPARE(peaks->channels(), channels);
        // Speech: audible, both polarities, within full scale.
        const PeakPair all = overall(peaks->range(0, frames, 200));
        QVERIFY2(all.max > 0.05f && all.min < -0.05f, qPrintable(QStringLiteral("%1 %2").arg(all.min).arg(all.max)));
        const QList<PeakPair> reference = referenceBuckets(*decoder, 0);
        QCOMPARE(qint64(reference.size()), peaks->bucketCount(0));
        QVERIFY(std::abs(overall(reference).max - all.max) <= kStep);
    }

private:
    QString m_zoomClip;
};

QTEST_GUILESS_MAIN(TestPeakPyramid)
#include "tst_peakpyramid.moc"
