// SPDX-License-Identifier: GPL-3.0-or-later
// AudioDecoder on files made by sox/flac/opusenc, on the real clips in shared/data
// (files and a Hub parquet with embedded WAV), and on damaged input.
#include "audio/audioclipopener.h"
#include "audiofixtures.h"
#include "formats/audiodecoder.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <vector>

using namespace kx;

namespace {

const QString kShared = QStringLiteral(KX_SHARED_DATA);

/** Runs @p program; false (and its stderr as a warning) when it does not succeed. */
bool run(const QString &program, const QStringList &args)
{
    return kx::test::AudioFixtures::runOrWarn(program, args);
}

struct Decoded
{
    std::vector<float> samples; // interleaved
    qint64 frames = 0;
    float peak = 0;
};

Decoded decodeAll(AudioDecoder &decoder)
{
    Decoded out;
    const int channels = decoder.info().channels;
    std::vector<float> block(size_t(4096) * channels);
    for (;;) {
        auto got = decoder.read(block.data(), 4096);
        if (!got) {
            qWarning().noquote() << got.error().message;
            out.frames = -1;
            return out;
        }
        if (*got == 0)
            break;
        out.samples.insert(out.samples.end(), block.begin(), block.begin() + *got * channels);
        out.frames += *got;
    }
    for (float s : out.samples)
        out.peak = std::max(out.peak, std::abs(s));
    return out;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestAudioDecoder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const char *tool : {"sox", "opusenc"})
            QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(), tool);
    }

    void formats_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("rate");
        QTest::addColumn<int>("channels");
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("exact");
        QTest::newRow("wav 16-bit 16 kHz mono") << QStringLiteral("a.wav") << 16000 << 1 << QStringLiteral("WAV") << true;
        QTest::newRow("wav 8 kHz 6 channels") << QStringLiteral("b.wav") << 8000 << 6 << QStringLiteral("WAV") << true;
        QTest::newRow("flac 48 kHz stereo") << QStringLiteral("c.flac") << 48000 << 2 << QStringLiteral("FLAC") << true;
        QTest::newRow("flac 22.05 kHz mono") << QStringLiteral("d.flac") << 22050 << 1 << QStringLiteral("FLAC") << true;
        QTest::newRow("ogg vorbis 44.1 kHz stereo") << QStringLiteral("e.ogg") << 44100 << 2 << QStringLiteral("OGG (Vorbis)") << false;
        QTest::newRow("mp3 44.1 kHz mono") << QStringLiteral("f.mp3") << 44100 << 1 << QStringLiteral("MPEG") << false;
        QTest::newRow("opus 48 kHz mono") << QStringLiteral("g.opus") << 48000 << 1 << QStringLiteral("OGG (Opus)") << false;
    }

    void formats()
    {
        QFETCH(QString, name);
        QFETCH(int, rate);
        QFETCH(int, channels);
        QFETCH(QString, format);
        QFETCH(bool, exact);
        const QString path = m_dir.filePath(name);
        const QStringList synth = {QStringLiteral("-n"), QStringLiteral("-r"), QString::number(rate),
                                   QStringLiteral("-c"), QString::number(channels)};
        const QStringList tone = {QStringLiteral("synth"), QStringLiteral("2"), QStringLiteral("sine"),
                                  QStringLiteral("440"), QStringLiteral("vol"), QStringLiteral("0.5")};
        if (name.endsWith(QLatin1String(".opus"))) {
            const QString wav = m_dir.filePath(QStringLiteral("g-src.wav"));
            QVERIFY(run(QStringLiteral("sox"), synth + QStringList{QStringLiteral("-b"), QStringLiteral("16"), wav} + tone));
            QVERIFY(run(QStringLiteral("opusenc"), {QStringLiteral("--quiet"), wav, path}));
        } else {
            QVERIFY(run(QStringLiteral("sox"), synth + QStringList{path} + tone));
        }

        auto fromFile = AudioDecoder::openFile(path);
        QVERIFY2(fromFile.ok(), qPrintable(fromFile ? QString() : fromFile.error().message));
        const AudioInfo info = (*fromFile)->info();
        QCOMPARE(info.sampleRate, rate);
        QCOMPARE(info.channels, channels);
        QCOMPARE(info.format, format);
        const Decoded a = decodeAll(**fromFile);
        QVERIFY(a.frames > 0);
        if (exact) {
            QCOMPARE(info.frames, qint64(2) * rate);
            QCOMPARE(a.frames, info.frames);
        } else {
            QVERIFY2(std::abs(a.frames - 2 * rate) < rate / 10, qPrintable(QString::number(a.frames)));
        }
        QVERIFY2(std::abs(a.peak - 0.5f) < 0.06f, qPrintable(QString::number(a.peak)));

        // The same bytes from memory decode to the same samples.
        auto fromBytes = AudioDecoder::openBytes(readFile(path), QStringLiteral("memory copy of ") + name);
        QVERIFY2(fromBytes.ok(), qPrintable(fromBytes ? QString() : fromBytes.error().message));
        QCOMPARE((*fromBytes)->info().frames, info.frames);
        const Decoded b = decodeAll(**fromBytes);
        QCOMPARE(b.frames, a.frames);
        QVERIFY(b.samples == a.samples);
    }

    void seekIsSampleAccurate()
    {
        const QString path = m_dir.filePath(QStringLiteral("seek.flac"));
        QVERIFY(run(QStringLiteral("sox"), {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("16000"),
                                            QStringLiteral("-c"), QStringLiteral("2"), path, QStringLiteral("synth"),
                                            QStringLiteral("3"), QStringLiteral("sine"), QStringLiteral("300-3000")}));
        auto decoder = AudioDecoder::openFile(path);
        QVERIFY(decoder.ok());
        const Decoded all = decodeAll(**decoder);
        for (qint64 at : {qint64(0), qint64(1), qint64(4095), qint64(17777), qint64(47999)}) {
            QVERIFY((*decoder)->seek(at).ok());
            QCOMPARE((*decoder)->position(), at);
            float frame[2 * 8];
            auto got = (*decoder)->read(frame, 8);
            QVERIFY(got.ok());
            QCOMPARE(*got, qint64(8) > 48000 - at ? 48000 - at : 8);
            for (int i = 0; i < int(*got) * 2; ++i)
                QCOMPARE(frame[i], all.samples[size_t(at * 2 + i)]);
        }
        QVERIFY((*decoder)->seek(1 << 30).ok()); // clamped to the end
        float dummy[2];
        QCOMPARE(*(*decoder)->read(dummy, 1), qint64(0));
    }

    void realClips_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("rate");
        QTest::addColumn<qint64>("frames");
        const QString lhotse = kShared + QStringLiteral("/lhotse/test/fixtures/");
        const QString vctk = kShared + QStringLiteral("/hf-datasets-legacy/datasets/vctk/dummy/main/0.9.2/dummy_data/"
                                                      "VCTK-Corpus-0.92.zip/wav48_silence_trimmed/");
        QTest::newRow("lhotse flac") << lhotse + QStringLiteral("mix_cut_test/audio/storage/2412-153948-0000.flac")
                                     << 16000 << qint64(186560);
        QTest::newRow("lhotse wav") << lhotse + QStringLiteral("libri/libri-1088-134315-0000.wav") << 16000 << qint64(-1);
        QTest::newRow("vctk 48 kHz flac") << vctk + QStringLiteral("p225/p225_001_mic1.flac") << 48000 << qint64(98473);
        QTest::newRow("librispeech dummy") << kShared + QStringLiteral("/hf-datasets-legacy/datasets/librispeech_asr/dummy/"
                                                                       "clean/2.1.0/dummy_data/dev-clean.tar.gz/LibriSpeech/"
                                                                       "dev-clean/1272/128104/1272-128104-0000.flac")
                                           << 16000 << qint64(77040);
    }

    void realClips()
    {
        QFETCH(QString, path);
        QFETCH(int, rate);
        QFETCH(qint64, frames);
        auto decoder = AudioDecoder::openFile(path);
        QVERIFY2(decoder.ok(), qPrintable(decoder ? QString() : decoder.error().message));
        QCOMPARE((*decoder)->info().sampleRate, rate);
        QCOMPARE((*decoder)->info().channels, 1);
        if (frames >= 0)
            QCOMPARE((*decoder)->info().frames, frames);
        const Decoded all = decodeAll(**decoder);
        QCOMPARE(all.frames, (*decoder)->info().frames);
        QVERIFY(all.peak > 0.01f && all.peak <= 1.0f);
    }

    void embeddedInParquet()
    {
        const QString parquet = kShared + QStringLiteral("/hf-hub-parquet-samples/mteb--free-spoken-digit-dataset/data/"
                                                         "test-00000-of-00001.parquet");
        AudioClipOpener opener;
        for (int row : {0, 1, 2}) {
            const Json ref = {{"parquet", ss(parquet)}, {"row_group", 0}, {"row", row}, {"column", "audio.bytes"}};
            QVERIFY(AudioClipOpener::isReference(ref));
            auto decoder = opener.open(ref);
            QVERIFY2(decoder.ok(), qPrintable(decoder ? QString() : decoder.error().message));
            QCOMPARE((*decoder)->info().sampleRate, 8000);
            QCOMPARE((*decoder)->info().format, QStringLiteral("WAV"));
            const Decoded all = decodeAll(**decoder);
            QVERIFY(all.frames > 1000);
            QCOMPARE(all.frames, (*decoder)->info().frames);
            auto key = AudioClipOpener::cacheKey(ref);
            QVERIFY(key.ok());
            QVERIFY(key->endsWith(QStringLiteral("|0|%1|audio.bytes").arg(row)));
        }
        const Json missingRow = {{"parquet", ss(parquet)}, {"row_group", 0}, {"row", 300}, {"column", "audio.bytes"}};
        auto missing = opener.open(missingRow);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QStringLiteral("row 300")));
    }

    void cacheKeyFollowsTheFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("key.wav"));
        QVERIFY(run(QStringLiteral("sox"), {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("8000"), path,
                                            QStringLiteral("synth"), QStringLiteral("0.5"), QStringLiteral("sine"),
                                            QStringLiteral("440")}));
        const Json ref = {{"path", ss(path)}};
        auto first = AudioClipOpener::cacheKey(ref);
        QVERIFY(first.ok());
        QVERIFY(run(QStringLiteral("sox"), {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("8000"), path,
                                            QStringLiteral("synth"), QStringLiteral("0.7"), QStringLiteral("sine"),
                                            QStringLiteral("440")}));
        auto second = AudioClipOpener::cacheKey(ref);
        QVERIFY(second.ok());
        QVERIFY(*first != *second);
        QCOMPARE(AudioClipOpener::label(ref), QStringLiteral("key.wav"));
        QCOMPARE(AudioClipOpener::cacheKey(Json{{"path", "/no/such/clip.flac"}}).error().code, Error::Code::NotFound);
        QVERIFY(!AudioClipOpener::isReference(Json::object()));
    }

    void badInputIsAnError()
    {
        const QString real = kShared + QStringLiteral("/lhotse/test/fixtures/mix_cut_test/audio/storage/2412-153948-0001.flac");
        const QByteArray flac = readFile(real);
        QVERIFY(flac.size() > 1000);

        // Missing, empty, not audio.
        QCOMPARE(AudioDecoder::openFile(m_dir.filePath(QStringLiteral("nope.flac"))).error().code, Error::Code::NotFound);
        QFile empty(m_dir.filePath(QStringLiteral("empty.flac")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        auto e = AudioDecoder::openFile(empty.fileName());
        QVERIFY(!e.ok());
        QVERIFY(e.error().message.contains(empty.fileName()));
        QVERIFY(!AudioDecoder::openBytes(QByteArray(), QStringLiteral("x")).ok());
        auto junk = AudioDecoder::openBytes(QByteArray(5000, 'z'), QStringLiteral("junk.bin"));
        QVERIFY(!junk.ok());
        QVERIFY(junk.error().message.startsWith(QStringLiteral("junk.bin: ")));

        // Truncated FLAC: an error naming the file and the frame, from open or from read.
        const QString cut = m_dir.filePath(QStringLiteral("cut.flac"));
        QFile out(cut);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(flac.left(flac.size() / 2));
        out.close();
        auto truncated = AudioDecoder::openFile(cut);
        QVERIFY(truncated.ok()); // the header is intact
        const Decoded partial = decodeAll(**truncated);
        QCOMPARE(partial.frames, qint64(-1));
        std::vector<float> block(4096);
        auto again = (*truncated)->read(block.data(), 4096);
        QVERIFY(!again.ok());
        QVERIFY(again.error().message.contains(cut));
        QVERIFY(again.error().message.contains(QStringLiteral("frame")));

        // Bit flips all over the file: never a crash; each outcome is either samples or an error with the label.
        for (int i = 0; i < 200; ++i) {
            QByteArray damaged = flac;
            const int at = int((quint64(i) * 7919u) % quint64(damaged.size()));
            damaged[at] = char(damaged[at] ^ (1 << (i % 8)));
            auto decoder = AudioDecoder::openBytes(damaged, QStringLiteral("flipped.flac"));
            if (!decoder) {
                QVERIFY(decoder.error().message.startsWith(QStringLiteral("flipped.flac: ")));
                continue;
            }
            for (;;) {
                auto got = (*decoder)->read(block.data(), qint64(block.size()) / (*decoder)->info().channels);
                if (!got) {
                    QVERIFY(got.error().message.startsWith(QStringLiteral("flipped.flac: ")));
                    break;
                }
                if (*got == 0)
                    break;
            }
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestAudioDecoder)
#include "tst_audiodecoder.moc"
