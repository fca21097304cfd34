// SPDX-License-Identifier: GPL-3.0-or-later
// Spectrogram on tones and silence made by sox: where the energy is, how loud,
// and that the seeking (sparse) and reading (dense) paths see the same samples.
#include "audio/spectrogram.h"
#include "formats/audiodecoder.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace kx;

namespace {

/** The error message of @p r, or "" when it succeeded (QVERIFY2 evaluates its message either way). */
template<typename T>
QString why(const Result<T> &r)
{
    return r ? QString() : r.error().message;
}

/** `sox -D -n <format> path <effects>`; false (with sox's stderr) when it fails. */
bool sox(const QStringList &format, const QString &path, const QStringList &effects)
{
    QProcess p;
    p.start(QStringLiteral("sox"), QStringList{QStringLiteral("-D"), QStringLiteral("-n")} + format + QStringList{path} + effects);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning().noquote() << QString::fromLocal8Bit(p.readAllStandardError());
        return false;
    }
    return true;
}

QStringList mono(int rate) { return {QStringLiteral("-r"), QString::number(rate), QStringLiteral("-c"), QStringLiteral("1")}; }

/** Bins that are louder than both neighbours and than @p threshold dB. */
QList<int> peaksAbove(const Spectrogram &s, int column, float threshold)
{
    QList<int> out;
    for (int b = 1; b + 1 < s.bins(); ++b) {
        const float v = s.dB(column, b);
        if (v > threshold && v >= s.dB(column, b - 1) && v > s.dB(column, b + 1))
            out.append(b);
    }
    return out;
}

} // namespace

class TestSpectrogram : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<AudioDecoder> open(const QString &path)
    {
        auto decoder = AudioDecoder::openFile(path);
        if (!decoder) {
            qWarning().noquote() << decoder.error().message;
            return nullptr;
        }
        return std::move(*decoder);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(!QStandardPaths::findExecutable(QStringLiteral("sox")).isEmpty());
    }

    void sineOneKilohertz_data()
    {
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("fftSize");
        QTest::addColumn<int>("columns");
        QTest::newRow("16 kHz, 1024, dense") << 16000 << 1024 << 200;    // 1000 Hz is bin 64 exactly
        QTest::newRow("44.1 kHz, 2048, sparse") << 44100 << 2048 << 12;  // between bins 46 and 47
        QTest::newRow("48 kHz, 512, dense") << 48000 << 512 << 300;
    }

    void sineOneKilohertz()
    {
        QFETCH(int, rate);
        QFETCH(int, fftSize);
        QFETCH(int, columns);
        const QString path = m_dir.filePath(QStringLiteral("sine%1.flac").arg(rate));
        QVERIFY(sox(mono(rate), path, {QStringLiteral("synth"), QStringLiteral("2"), QStringLiteral("sine"),
                                       QStringLiteral("1000"), QStringLiteral("vol"), QStringLiteral("0.5")}));
        auto decoder = open(path);
        QVERIFY(decoder);
        const qint64 frames = decoder->info().frames;
        // Stay a window away from the ends, where half the window is silence.
        auto s = Spectrogram::compute(*decoder, fftSize, frames - fftSize, columns, fftSize);
        QVERIFY2(s, qPrintable(why(s)));
        QCOMPARE(s->columns(), columns);
        QCOMPARE(s->bins(), fftSize / 2 + 1);
        QCOMPARE(s->sampleRate(), rate);
        const double binWidth = double(rate) / fftSize;
        for (int c = 0; c < columns; ++c) {
            const int loudest = s->loudestBin(c);
            QVERIFY2(std::abs(s->binFrequency(loudest) - 1000.0) <= binWidth / 2 + 1e-9,
                     qPrintable(QStringLiteral("column %1: loudest bin %2 (%3 Hz)").arg(c).arg(loudest).arg(s->binFrequency(loudest))));
            // 0.5 of full scale is -6.02 dBFS; a tone between two bins loses up to 1.42 dB (Hann scalloping).
            QVERIFY2(s->dB(c, loudest) < -5.5f && s->dB(c, loudest) > -7.6f, qPrintable(QString::number(s->dB(c, loudest))));
            // Far from the tone there is (nearly) nothing.
            QVERIFY(s->dB(c, s->bins() - 2) < -80.0f);
        }
    }

    void twoTones()
    {
        // Left 500 Hz, right 3 kHz: mixed to mono, two peaks of -12 dB (0.5 × 0.5 each).
        const QString path = m_dir.filePath(QStringLiteral("two.wav"));
        QVERIFY(sox({QStringLiteral("-r"), QStringLiteral("16000"), QStringLiteral("-c"), QStringLiteral("2")}, path,
                    {QStringLiteral("synth"), QStringLiteral("1"), QStringLiteral("sine"), QStringLiteral("500"),
                     QStringLiteral("sine"), QStringLiteral("3000"), QStringLiteral("vol"), QStringLiteral("0.5")}));
        auto decoder = open(path);
        QVERIFY(decoder);
        auto s = Spectrogram::compute(*decoder, 2000, 14000, 20, 1024);
        QVERIFY2(s, qPrintable(why(s)));
        for (int c = 0; c < s->columns(); ++c) {
            const QList<int> peaks = peaksAbove(*s, c, -40.0f);
            QCOMPARE(peaks.size(), 2);
            QCOMPARE(s->binFrequency(peaks[0]), 500.0);
            QCOMPARE(s->binFrequency(peaks[1]), 3000.0);
            for (int b : peaks)
                QVERIFY2(std::abs(s->dB(c, b) + 12.04f) < 0.5f, qPrintable(QString::number(s->dB(c, b))));
        }
    }

    void silenceIsTheFloor()
    {
        const QString path = m_dir.filePath(QStringLiteral("silence.wav"));
        QVERIFY(sox(mono(16000), path, {QStringLiteral("trim"), QStringLiteral("0"), QStringLiteral("1")}));
        auto decoder = open(path);
        QVERIFY(decoder);
        QCOMPARE(decoder->info().frames, 16000);
        auto s = Spectrogram::compute(*decoder, 0, 16000, 10);
        QVERIFY2(s, qPrintable(why(s)));
        for (int c = 0; c < s->columns(); ++c)
            for (int b = 0; b < s->bins(); ++b)
                QCOMPARE(s->dB(c, b), Spectrogram::floorDb);
    }

    void sparseAndDenseAgree()
    {
        // A linear sweep ("a:b"; sox's "a-b" is exponential): every column sees a different spectrum, so a misplaced window shows.
        const QString path = m_dir.filePath(QStringLiteral("sweep.flac"));
        QVERIFY(sox(mono(16000), path, {QStringLiteral("synth"), QStringLiteral("10"), QStringLiteral("sine"),
                                        QStringLiteral("100:7000"), QStringLiteral("vol"), QStringLiteral("0.8")}));
        auto decoder = open(path);
        QVERIFY(decoder);
        // Sparse: 10 columns 16000 frames apart (the decoder seeks), centred on 8000 × (2k + 1).
        auto sparse = Spectrogram::compute(*decoder, 0, 160000, 10);
        QVERIFY2(sparse, qPrintable(why(sparse)));
        // Dense: 1010 columns ~158 frames apart (overlapping windows, read in order);
        // column 101k + 50 has the same centre as sparse column k.
        auto dense = Spectrogram::compute(*decoder, 0, 160000, 1010);
        QVERIFY2(dense, qPrintable(why(dense)));
        for (int k = 0; k < 10; ++k) {
            QCOMPARE(sparse->columnCentre(k), qint64(8000) * (2 * k + 1));
            QCOMPARE(dense->columnCentre(101 * k + 50), sparse->columnCentre(k));
            for (int b = 0; b < sparse->bins(); ++b)
                QVERIFY2(std::abs(sparse->dB(k, b) - dense->dB(101 * k + 50, b)) < 1e-3f,
                         qPrintable(QStringLiteral("column %1 bin %2").arg(k).arg(b)));
            // The sweep is at 100 + 690 × t Hz: the loudest bin follows it.
            const double expected = 100.0 + 690.0 * (sparse->columnCentre(k) / 16000.0);
            QVERIFY2(std::abs(sparse->binFrequency(sparse->loudestBin(k)) - expected) < 40.0,
                     qPrintable(QString::number(sparse->binFrequency(sparse->loudestBin(k)))));
        }
    }

    void spanPastTheEnds()
    {
        const QString path = m_dir.filePath(QStringLiteral("short.wav"));
        QVERIFY(sox(mono(8000), path, {QStringLiteral("synth"), QStringLiteral("0.5"), QStringLiteral("sine"), QStringLiteral("1000")}));
        auto decoder = open(path);
        QVERIFY(decoder);
        auto s = Spectrogram::compute(*decoder, -8000, 12000, 20, 256);
        QVERIFY2(s, qPrintable(why(s)));
        QCOMPARE(s->dB(0, 32), Spectrogram::floorDb);    // before the clip: silence
        QCOMPARE(s->dB(19, 32), Spectrogram::floorDb);   // after it: silence
        QCOMPARE(s->loudestBin(10), 32);                 // 1000 Hz at 8 kHz / 256
    }

    void badArguments_data()
    {
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<int>("columns");
        QTest::addColumn<int>("fftSize");
        QTest::newRow("no columns") << qint64(0) << qint64(100) << 0 << 1024;
        QTest::newRow("empty span") << qint64(100) << qint64(100) << 4 << 1024;
        QTest::newRow("not a power of two") << qint64(0) << qint64(100) << 4 << 1000;
        QTest::newRow("too small") << qint64(0) << qint64(100) << 4 << 16;
        QTest::newRow("too large") << qint64(0) << qint64(100) << 4 << (1 << 20);
    }

    void badArguments()
    {
        QFETCH(qint64, first);
        QFETCH(qint64, end);
        QFETCH(int, columns);
        QFETCH(int, fftSize);
        const QString path = m_dir.filePath(QStringLiteral("args.wav"));
        QVERIFY(sox(mono(8000), path, {QStringLiteral("synth"), QStringLiteral("0.1"), QStringLiteral("sine"), QStringLiteral("440")}));
        auto decoder = open(path);
        QVERIFY(decoder);
        auto s = Spectrogram::compute(*decoder, first, end, columns, fftSize);
        QVERIFY(!s);
        QCOMPARE(s.error().code, Error::Code::BadInput);
        QVERIFY(s.error().message.contains(path));
    }

    void progressAndCancel()
    {
        const QString path = m_dir.filePath(QStringLiteral("cancel.flac"));
        QVERIFY(sox(mono(16000), path, {QStringLiteral("synth"), QStringLiteral("3"), QStringLiteral("pinknoise")}));
        auto decoder = open(path);
        QVERIFY(decoder);
        int reports = 0;
        WorkControl control;
        control.progress = [&](qint64 done, qint64 total) {
            QCOMPARE(total, 50);
            QCOMPARE(done, reports + 1);
            ++reports;
        };
        QVERIFY(Spectrogram::compute(*decoder, 0, 48000, 50, 1024, control));
        QCOMPARE(reports, 50);
        reports = 0;
        control.cancelled = [&] { return reports >= 7; };
        auto s = Spectrogram::compute(*decoder, 0, 48000, 50, 1024, control);
        QVERIFY(!s);
        QCOMPARE(s.error().code, Error::Code::Cancelled);
        QCOMPARE(reports, 7);
    }
};

QTEST_GUILESS_MAIN(TestSpectrogram)
#include "tst_spectrogram.moc"
