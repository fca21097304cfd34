// SPDX-License-Identifier: GPL-3.0-or-later
// StretchedAudioStream read directly (no audio server): bit-exact at 1×,
// sample-accurate restarts, loop wrapping, stretched length, the map from
// output frames to source frames, Int16 output, and a decoding error.
#include "audio/stretchedaudiostream.h"
#include "audiofixtures.h"
#include "formats/audiodecoder.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <vector>

using namespace kx;
using namespace kx::test;

namespace {

constexpr int kRate = 22050;
constexpr int kChannels = 2;
constexpr qint64 kFrames = 3 * kRate;

bool run(const QString &program, const QStringList &args)
{
    return AudioFixtures::runOrWarn(program, args);
}

std::unique_ptr<AudioDecoder> open(const QString &path)
{
    return AudioFixtures::openOrWarn(path);
}

/** Every sample of @p path, interleaved, straight from the decoder. */
std::vector<float> decodeAll(const QString &path)
{
    auto decoder = open(path);
    std::vector<float> out(size_t(decoder->info().frames * decoder->info().channels));
    const auto got = decoder->read(out.data(), decoder->info().frames);
    out.resize(size_t((got ? *got : 0) * decoder->info().channels));
    return out;
}

/** Reads up to @p frames frames from @p stream in sink-sized pulls (20 ms); stops at its end. */
std::vector<float> pull(StretchedAudioStream &stream, qint64 frames)
{
    std::vector<float> out;
    const qint64 chunk = kRate / 50;
    std::vector<char> bytes(size_t(chunk * stream.bytesPerFrame()));
    while (qint64(out.size()) / kChannels < frames) {
        const qint64 want = std::min(chunk, frames - qint64(out.size()) / kChannels);
        const qint64 got = stream.read(bytes.data(), want * stream.bytesPerFrame());
        if (got <= 0)
            break;
        const size_t floats = size_t(got) / sizeof(float);
        const size_t at = out.size();
        out.resize(at + floats);
        std::memcpy(out.data() + at, bytes.data(), size_t(got));
    }
    return out;
}

} // namespace

class TestStretchedAudioStream : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("sox")).isEmpty(), "sox is needed");
        m_clip = m_dir.filePath(QStringLiteral("sweep.wav"));
        // A rising sweep on the left, a steady tone on the right: no two frames alike.
        QVERIFY(run(QStringLiteral("sox"), {QStringLiteral("-n"), QStringLiteral("-r"), QString::number(kRate),
                                            QStringLiteral("-c"), QString::number(kChannels),
                                            QStringLiteral("-b"), QStringLiteral("16"), m_clip,
                                            QStringLiteral("synth"), QStringLiteral("3"),
                                            QStringLiteral("sine"), QStringLiteral("200-3000"),
                                            QStringLiteral("sine"), QStringLiteral("523"),
                                            QStringLiteral("gain"), QStringLiteral("-3")}));
        m_samples = decodeAll(m_clip);
        QCOMPARE(qint64(m_samples.size()), kFrames * kChannels);
    }

    void unitSpeedIsBitExact()
    {
        auto decoder = open(m_clip);
        StretchedAudioStream stream(decoder.get());
        QVERIFY(stream.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
        QVERIFY(stream.restart(0, 1.0).ok());
        const std::vector<float> out = pull(stream, kFrames + 1000);
        QCOMPARE(out.size(), m_samples.size());
        QVERIFY(std::memcmp(out.data(), m_samples.data(), out.size() * sizeof(float)) == 0);
        QVERIFY(stream.isFinished());
        QVERIFY(stream.atEnd());
        QCOMPARE(stream.outputFrames(), kFrames);
        QCOMPARE(stream.sourceFrameAt(0), 0.0);
        QCOMPARE(stream.sourceFrameAt(12345), 12345.0);
        QCOMPARE(stream.sourceFrameAt(kFrames), double(kFrames));
    }

    void restartIsSampleAccurate()
    {
        auto decoder = open(m_clip);
        StretchedAudioStream stream(decoder.get());
        QVERIFY(stream.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
        pull(stream, 5000);
        const qint64 from = 31337;
        QVERIFY(stream.restart(from, 1.0).ok());
        QCOMPARE(stream.outputFrames(), 0);
        const std::vector<float> out = pull(stream, 2000);
        QCOMPARE(out.size(), size_t(2000 * kChannels));
        QVERIFY(std::memcmp(out.data(), m_samples.data() + from * kChannels, out.size() * sizeof(float)) == 0);
        QCOMPARE(stream.sourceFrameAt(0), double(from));
        QCOMPARE(stream.sourceFrameAt(1500), double(from + 1500));
    }

    void loopWrapsExactly()
    {
        auto decoder = open(m_clip);
        StretchedAudioStream stream(decoder.get());
        QVERIFY(stream.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
        const qint64 start = 1000;
        const qint64 end = 5410;   // not a multiple of any block size
        stream.setLoop(start, end);
        QVERIFY(stream.restart(4000, 1.0).ok());
        const qint64 frames = 20000;
        const std::vector<float> out = pull(stream, frames);
        QCOMPARE(qint64(out.size()), frames * kChannels);
        qint64 expected = 4000;
        for (qint64 i = 0; i < frames; ++i) {
            if (expected == end)
                expected = start;
            QCOMPARE(stream.sourceFrameAt(i), double(expected));
            if (std::memcmp(&out[size_t(i * kChannels)], &m_samples[size_t(expected * kChannels)],
                            kChannels * sizeof(float)) != 0)
                QFAIL(qPrintable(QStringLiteral("output frame %1 is not source frame %2").arg(i).arg(expected)));
            ++expected;
        }
        QVERIFY(!stream.isFinished());
    }

    void stretchedLengthAndMap_data()
    {
        QTest::addColumn<double>("speed");
        QTest::newRow("2x") << 2.0;
        QTest::newRow("0.5x") << 0.5;
        QTest::newRow("1.25x") << 1.25;
    }

    void stretchedLengthAndMap()
    {
        QFETCH(double, speed);
        auto decoder = open(m_clip);
        StretchedAudioStream stream(decoder.get());
        QVERIFY(stream.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
        QVERIFY(stream.restart(0, speed).ok());
        const std::vector<float> out = pull(stream, qint64(kFrames / speed) * 2);
        QVERIFY(stream.isFinished());
        const double ratio = double(out.size() / kChannels) * speed / double(kFrames);
        qInfo("%.2fx: %zu output frames for %lld source frames (ratio × speed %.3f)", speed,
              out.size() / kChannels, kFrames, ratio);
        QVERIFY(ratio > 0.97 && ratio < 1.08);
        // Output frame n plays source frame n × speed.
        for (qint64 n : {qint64(0), qint64(kRate / 2), qint64(kFrames / speed / 2)})
            QCOMPARE(stream.sourceFrameAt(n), double(n) * speed);
    }

    // A speed change takes effect at the next frame delivered, continuing where the last one left off.
    void speedChangeContinuesTheMap()
    {
        auto decoder = open(m_clip);
        StretchedAudioStream stream(decoder.get());
        QVERIFY(stream.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
        QVERIFY(stream.restart(0, 1.0).ok());
        pull(stream, 4410);
        QVERIFY(stream.setSpeed(2.0).ok());
        pull(stream, 4410);
        QVERIFY(stream.setSpeed(0.5).ok());
        pull(stream, 4410);
        QVERIFY(stream.setSpeed(1.0).ok());
        const std::vector<float> out = pull(stream, 100);
        QCOMPARE(stream.sourceFrameAt(4410), 4410.0);
        QCOMPARE(stream.sourceFrameAt(4410 + 1000), 4410.0 + 2000.0);
        QCOMPARE(stream.sourceFrameAt(2 * 4410), 3 * 4410.0);
        QCOMPARE(stream.sourceFrameAt(3 * 4410), 3 * 4410.0 + 2205.0);
        // Back at 1×: bit-exact again, from the source frame where 0.5× stopped.
        const qint64 resumed = 3 * 4410 + 2205;
        QVERIFY(std::memcmp(out.data(), m_samples.data() + resumed * kChannels, out.size() * sizeof(float)) == 0);
    }

    void stretchedLoopStaysInside()
    {
        auto decoder = open(m_clip);
        StretchedAudioStream stream(decoder.get());
        QVERIFY(stream.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
        const qint64 start = kRate / 2;
        const qint64 end = kRate;
        stream.setLoop(start, end);
        QVERIFY(stream.restart(start, 2.0).ok());
        const qint64 frames = 3 * kRate;   // six passes through the loop at 2×
        pull(stream, frames);
        QCOMPARE(stream.outputFrames(), frames);
        int wraps = 0;
        double last = stream.sourceFrameAt(0);
        for (qint64 i = 0; i < frames; i += 64) {
            const double at = stream.sourceFrameAt(i);
            QVERIFY2(at >= double(start) && at < double(end), qPrintable(QString::number(at)));
            wraps += at < last ? 1 : 0;
            last = at;
        }
        QVERIFY2(wraps >= 5, qPrintable(QString::number(wraps)));
    }

    void int16Output()
    {
        auto decoder = open(m_clip);
        StretchedAudioStream stream(decoder.get());
        stream.setSampleFormat(QAudioFormat::Int16);
        QCOMPARE(stream.bytesPerFrame(), kChannels * 2);
        QVERIFY(stream.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
        QVERIFY(stream.restart(0, 1.0).ok());
        const QByteArray bytes = stream.read(1000 * stream.bytesPerFrame());
        QCOMPARE(bytes.size(), 1000 * stream.bytesPerFrame());
        for (int i = 0; i < 1000 * kChannels; ++i) {
            qint16 v = 0;
            std::memcpy(&v, bytes.constData() + i * 2, 2);
            QVERIFY(std::abs(double(v) / 32767.0 - double(m_samples[size_t(i)])) < 1.0 / 16000.0);
        }
    }

    void decodingErrorEndsTheStream()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("flac")).isEmpty(), "flac is needed");
        const QString flac = m_dir.filePath(QStringLiteral("whole.flac"));
        QVERIFY(run(QStringLiteral("flac"), {QStringLiteral("-s"), QStringLiteral("-f"), QStringLiteral("-o"), flac, m_clip}));
        QFile file(flac);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray whole = file.readAll();
        const QString cut = m_dir.filePath(QStringLiteral("cut.flac"));
        QFile out(cut);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(whole.left(whole.size() / 2));
        out.close();

        auto decoder = open(cut);
        QVERIFY(decoder);
        StretchedAudioStream stream(decoder.get());
        QSignalSpy errors(&stream, &StretchedAudioStream::errorOccurred);
        QVERIFY(stream.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
        QVERIFY(stream.restart(0, 1.5).ok());
        const std::vector<float> got = pull(stream, kFrames);
        QVERIFY(stream.isFinished());
        QVERIFY(stream.hasFailed());
        QCOMPARE(errors.size(), 1);
        const QString message = errors.first().first().toString();
        qInfo().noquote() << message;
        QVERIFY(message.contains(QStringLiteral("cut.flac")));
        QVERIFY(qint64(got.size()) / kChannels < kFrames);
        QCOMPARE(stream.read(4096).size(), 0);
    }

private:
    QTemporaryDir m_dir;
    QString m_clip;
    std::vector<float> m_samples;
};

QTEST_GUILESS_MAIN(TestStretchedAudioStream)
#include "tst_stretchedaudiostream.moc"
