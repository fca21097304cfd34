// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/audiochecker.h"
#include "model/audiocheckflags.h"
#include "audiofixtures.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cmath>

using namespace kx;
using namespace kx::test;

namespace {

const QString data = QStringLiteral(KX_SHARED_DATA "/");
const QString lhotseFlac = data + QStringLiteral("lhotse/test/fixtures/mix_cut_test/audio/storage/2412-153948-0000.flac");
const QString legacyLibriFlac = data + QStringLiteral(
    "hf-datasets-legacy/datasets/librispeech_asr/dummy/clean/2.1.0/dummy_data/dev-clean.tar.gz/LibriSpeech/dev-clean/"
    "1272/128104/1272-128104-0000.flac");
const QString legacyVctkFlac = data + QStringLiteral(
    "hf-datasets-legacy/datasets/vctk/dummy/main/0.9.2/dummy_data/VCTK-Corpus-0.92.zip/wav48_silence_trimmed/p225/"
    "p225_002_mic1.flac");

/** A 16-bit PCM WAV file holding @p samples (interleaved). */
QByteArray wav(const QList<qint16> &samples, int channels = 1, int sampleRate = 16000)
{
    const quint32 dataBytes = quint32(samples.size() * 2);
    QByteArray b;
    auto u32 = [&b](quint32 v) { char c[4]; qToLittleEndian(v, c); b.append(c, 4); };
    auto u16 = [&b](quint16 v) { char c[2]; qToLittleEndian(v, c); b.append(c, 2); };
    b.append("RIFF");
    u32(36 + dataBytes);
    b.append("WAVEfmt ");
    u32(16);
    u16(1); // PCM
    u16(quint16(channels));
    u32(quint32(sampleRate));
    u32(quint32(sampleRate * channels * 2));
    u16(quint16(channels * 2));
    u16(16);
    b.append("data");
    u32(dataBytes);
    for (qint16 s : samples)
        u16(quint16(s));
    return b;
}

/** @p frames of a 400 Hz sine of peak @p amplitude (in 16-bit steps), mono at 16 kHz: 40 frames a period. */
QList<qint16> sine(qint64 frames, int amplitude)
{
    QList<qint16> s;
    s.reserve(frames);
    for (qint64 i = 0; i < frames; ++i)
        s.append(qint16(std::lround(amplitude * std::sin(2.0 * M_PI * double(i % 40) / 40.0))));
    return s;
}

Result<AudioCheck> checkBytes(const QByteArray &bytes, const QString &transcript = {}, const WorkControl &control = {})
{
    auto decoder = AudioDecoder::openBytes(bytes, QStringLiteral("test.wav"));
    if (!decoder)
        return AudioChecker::undecodable(decoder.error().message);
    return AudioChecker::check(**decoder, transcript, control);
}

QString flagList(AudioCheck::Flags flags)
{
    return AudioCheckFlags::keys(flags).join(QLatin1Char(','));
}

} // namespace

class TestAudioChecker final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void plantedClipped();
    void plantedSilent();
    void normalSpeech();
    void realFiles_data();
    void realFiles();
    void levelsSilenceAndRate();
    void clippingRuns_data();
    void clippingRuns();
    void quietAndShort_data();
    void quietAndShort();
    void spokenCharacters_data();
    void spokenCharacters();
    void corruptFiles_data();
    void corruptFiles();
    void cancelAndProgress();
    void json();

private:
    QTemporaryDir m_dir;
    QList<FixtureCorpus> m_corpora;
};

void TestAudioChecker::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const auto tools = AudioFixtures::requireTools();
    QVERIFY2(tools.ok(), tools.ok() ? "" : qPrintable(tools.error().message));
    auto libri = AudioFixtures::makeLibriSpeech(m_dir.filePath(QStringLiteral("libri")));
    QVERIFY2(libri.ok(), libri.ok() ? "" : qPrintable(libri.error().message));
    auto vctk = AudioFixtures::makeVctk(m_dir.filePath(QStringLiteral("vctk")));
    QVERIFY2(vctk.ok(), vctk.ok() ? "" : qPrintable(vctk.error().message));
    m_corpora = {*libri, *vctk};
}

void TestAudioChecker::plantedClipped()
{
    for (const FixtureCorpus &corpus : std::as_const(m_corpora)) {
        const FixtureClip clip = corpus.first(PlantedKind::Clipped);
        const auto c = AudioChecker::checkFile(clip.path, clip.transcript);
        QVERIFY(c.ok());
        QVERIFY2(c->flags.testFlag(AudioCheck::Flag::Clipping), qPrintable(clip.path + QLatin1Char(' ') + flagList(c->flags)));
        QVERIFY2(c->clippedRatio > 0.01, qPrintable(QString::number(c->clippedRatio)));
        QVERIFY(c->peakDbfs > -0.01);
        QVERIFY(!c->flags.testFlag(AudioCheck::Flag::Silent));
        QVERIFY(!c->flags.testFlag(AudioCheck::Flag::TooQuiet));
    }
}

void TestAudioChecker::plantedSilent()
{
    for (const FixtureCorpus &corpus : std::as_const(m_corpora)) {
        const FixtureClip clip = corpus.first(PlantedKind::Silent);
        QVERIFY(!clip.transcript.isEmpty());
        const auto c = AudioChecker::checkFile(clip.path, clip.transcript);
        QVERIFY(c.ok());
        QVERIFY2(c->flags.testFlag(AudioCheck::Flag::Silent), qPrintable(flagList(c->flags)));
        QVERIFY(c->flags.testFlag(AudioCheck::Flag::TooQuiet));
        QVERIFY(!c->flags.testFlag(AudioCheck::Flag::Clipping));
        QCOMPARE(c->silenceRatio, 1.0);
        QCOMPARE(c->peakDbfs, AudioChecker::floorDbfs);
        QCOMPARE(c->rmsDbfs, AudioChecker::floorDbfs);
        QVERIFY(qAbs(c->seconds - 3.0) < 1e-9);
        QVERIFY(std::isnan(c->charsPerSecond)); // nothing is said, so there is no rate to measure
    }
}

void TestAudioChecker::normalSpeech()
{
    int checked = 0;
    for (const FixtureCorpus &corpus : std::as_const(m_corpora)) {
        for (const FixtureClip &clip : corpus.clips) {
            if (clip.kind != PlantedKind::Normal && clip.kind != PlantedKind::RateOutlier)
                continue;
            const auto c = AudioChecker::checkFile(clip.path, clip.transcript);
            QVERIFY(c.ok());
            // The rate outlier is plain speech too: only the dataset-wide check can see its transcript is wrong.
            QVERIFY2(c->flags == AudioCheck::Flags(), qPrintable(clip.path + QLatin1Char(' ') + flagList(c->flags)));
            QCOMPARE(c->channels, 1);
            QCOMPARE(c->sampleRate, corpus.kind == QLatin1String("vctk") ? 48000 : 16000);
            QVERIFY2(c->rmsDbfs > -35 && c->rmsDbfs < -8, qPrintable(QString::number(c->rmsDbfs)));
            QVERIFY2(c->silenceRatio < 0.5, qPrintable(QString::number(c->silenceRatio)));
            QCOMPARE(c->clippedRatio, 0.0);
            if (clip.kind == PlantedKind::Normal)
                QVERIFY2(c->charsPerSecond > 7 && c->charsPerSecond < 25, qPrintable(QString::number(c->charsPerSecond)));
            else
                QVERIFY2(c->charsPerSecond > 40, qPrintable(QString::number(c->charsPerSecond)));
            ++checked;
        }
    }
    QCOMPARE(checked, 13);
}

void TestAudioChecker::realFiles_data()
{
    // Frame counts from `soxi -s`, levels from `sox FILE -n stats` (Pk lev dB, RMS lev dB).
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("frames");
    QTest::addColumn<int>("rate");
    QTest::addColumn<double>("peak");
    QTest::addColumn<double>("rms");
    QTest::addColumn<QString>("transcript");
    QTest::newRow("lhotse flac") << lhotseFlac << qint64(186560) << 16000 << -1.94 << -28.57 << QString();
    QTest::newRow("lhotse wav") << data + QStringLiteral("lhotse/test/fixtures/libri/libri-1088-134315-0000.wav")
                                << qint64(256640) << 16000 << -9.71 << -28.18 << QString();
    QTest::newRow("vctk 0.92 mic1") << legacyVctkFlac << qint64(189056) << 48000 << -0.01 << -19.50
                                    << QStringLiteral("Ask her to bring these things with her from the store.");
    QTest::newRow("librispeech dummy") << legacyLibriFlac << qint64(77040) << 16000 << -4.20 << -21.82
                                       << QStringLiteral("MISTER QUILTER IS THE APOSTLE OF THE MIDDLE CLASSES AND WE "
                                                         "ARE GLAD TO WELCOME HIS GOSPEL");
}

void TestAudioChecker::realFiles()
{
    QFETCH(QString, path);
    QFETCH(qint64, frames);
    QFETCH(int, rate);
    QFETCH(double, peak);
    QFETCH(double, rms);
    QFETCH(QString, transcript);
    const auto c = AudioChecker::checkFile(path, transcript);
    QVERIFY(c.ok());
    QVERIFY2(!c->flags.testFlag(AudioCheck::Flag::Undecodable), qPrintable(c->error));
    QCOMPARE(c->sampleRate, rate);
    QCOMPARE(c->channels, 1);
    QCOMPARE(c->seconds, double(frames) / rate);
    QVERIFY2(qAbs(c->peakDbfs - peak) <= 0.01, qPrintable(QString::number(c->peakDbfs)));
    QVERIFY2(qAbs(c->rmsDbfs - rms) <= 0.01, qPrintable(QString::number(c->rmsDbfs)));
    QVERIFY(c->silenceRatio >= 0.0 && c->silenceRatio < 0.6);
    QCOMPARE(c->flags, AudioCheck::Flags()); // real, clean recordings
    if (transcript.isEmpty()) {
        QVERIFY(std::isnan(c->charsPerSecond));
    } else {
        // Read speech runs at about 10 to 20 letters a second.
        QVERIFY2(c->charsPerSecond > 10 && c->charsPerSecond < 22, qPrintable(QString::number(c->charsPerSecond)));
        // The speaking span is at most the clip, so the rate is at least letters / duration.
        QVERIFY(c->charsPerSecond >= AudioChecker::spokenCharacterCount(transcript) / c->seconds);
    }
}

void TestAudioChecker::levelsSilenceAndRate()
{
    // 0.3 s of digital silence, then 0.7 s of a 400 Hz sine at 16000/32768 of full scale.
    QList<qint16> samples(4800, 0);
    const QList<qint16> tone = sine(11200, 16000);
    samples += tone;
    double squares = 0;
    for (qint16 s : tone)
        squares += double(s) * s / (32768.0 * 32768.0);
    const auto c = checkBytes(wav(samples), QStringLiteral("Abc def, ghi!"));
    QVERIFY(c.ok());
    QCOMPARE(c->seconds, 1.0);
    QCOMPARE(c->sampleRate, 16000);
    QCOMPARE(c->channels, 1);
    QVERIFY(qAbs(c->peakDbfs - 20 * std::log10(16000.0 / 32768.0)) < 1e-9);
    QVERIFY(qAbs(c->rmsDbfs - 10 * std::log10(squares / 16000.0)) < 1e-9);
    QCOMPARE(c->silenceRatio, 0.3);               // 30 of 100 windows of 10 ms
    QVERIFY(qAbs(c->charsPerSecond - 9 / 0.7) < 1e-9); // 9 letters over the 0.7 s that are not silent
    QCOMPARE(c->clippedRatio, 0.0);
    QCOMPARE(c->flags, AudioCheck::Flags());
}

void TestAudioChecker::clippingRuns_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<QList<int>>("runs"); // triples: first frame, length, channel
    QTest::addColumn<qint64>("clipped");  // samples counted as clipped
    QTest::newRow("single full-scale samples") << 1 << QList<int>{100, 1, 0, 2000, 1, 0, 9000, 1, 0} << qint64(0);
    QTest::newRow("pairs are not clipping") << 1 << QList<int>{100, 2, 0, 2000, 2, 0} << qint64(0);
    QTest::newRow("runs of three") << 1 << QList<int>{100, 3, 0, 2000, 3, 0} << qint64(6);
    QTest::newRow("run across a read block") << 1 << QList<int>{8190, 5, 0} << qint64(5);
    QTest::newRow("run at the very end") << 1 << QList<int>{15996, 4, 0} << qint64(4);
    QTest::newRow("stereo, one channel") << 2 << QList<int>{500, 40, 1, 700, 1, 0} << qint64(40);
    QTest::newRow("stereo, channels apart") << 2 << QList<int>{500, 2, 0, 501, 2, 1} << qint64(0);
}

void TestAudioChecker::clippingRuns()
{
    QFETCH(int, channels);
    QFETCH(QList<int>, runs);
    QFETCH(qint64, clipped);
    const qint64 frames = 16000;
    const QList<qint16> tone = sine(frames, 8000);
    QList<qint16> samples;
    for (qint64 f = 0; f < frames; ++f) {
        for (int c = 0; c < channels; ++c)
            samples.append(tone[f]);
    }
    for (qsizetype i = 0; i + 2 < runs.size(); i += 3) {
        for (int k = 0; k < runs[i + 1]; ++k)
            samples[(runs[i] + k) * channels + runs[i + 2]] = (k % 2) ? qint16(-32768) : qint16(32767);
    }
    const auto c = checkBytes(wav(samples, channels));
    QVERIFY(c.ok());
    QCOMPARE(c->channels, channels);
    QCOMPARE(c->clippedRatio, double(clipped) / double(frames * channels));
    QCOMPARE(c->flags.testFlag(AudioCheck::Flag::Clipping), c->clippedRatio > AudioChecker::clippedRatioLimit);
    QVERIFY(c->peakDbfs > -0.001); // every case touches full scale
}

void TestAudioChecker::quietAndShort_data()
{
    QTest::addColumn<qint64>("frames");
    QTest::addColumn<int>("amplitude");
    QTest::addColumn<QString>("flags");
    QTest::newRow("normal") << qint64(16000) << 8000 << QString();
    QTest::newRow("quiet, not silent") << qint64(16000) << 250 << QStringLiteral("too_quiet"); // -45.4 dBFS RMS
    QTest::newRow("below the silence level") << qint64(16000) << 80 << QStringLiteral("silent,too_quiet");
    QTest::newRow("short") << qint64(4000) << 8000 << QStringLiteral("too_short");
    QTest::newRow("empty") << qint64(0) << 8000 << QStringLiteral("silent,too_quiet,too_short");
}

void TestAudioChecker::quietAndShort()
{
    QFETCH(qint64, frames);
    QFETCH(int, amplitude);
    QFETCH(QString, flags);
    const auto c = checkBytes(wav(sine(frames, amplitude)), QStringLiteral("hello"));
    QVERIFY(c.ok());
    QCOMPARE(flagList(c->flags), flags);
    QCOMPARE(c->seconds, frames / 16000.0);
}

void TestAudioChecker::spokenCharacters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("count");
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("punctuation and spaces") << QStringLiteral("Please call Stella.") << 16;
    QTest::newRow("apostrophe") << QStringLiteral("IT'S ALL RIGHT") << 11;
    QTest::newRow("digits") << QStringLiteral("room 101, floor 3") << 13;
    QTest::newRow("accents") << QStringLiteral("Café naïve") << 9;
    QTest::newRow("only punctuation") << QStringLiteral("... !?") << 0;
}

void TestAudioChecker::spokenCharacters()
{
    QFETCH(QString, text);
    QFETCH(int, count);
    QCOMPARE(AudioChecker::spokenCharacterCount(text), count);
}

void TestAudioChecker::corruptFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("damage");
    QTest::addColumn<bool>("mustFail");
    QTest::newRow("truncated to half") << QStringLiteral("half.flac") << QStringLiteral("truncate") << true;
    QTest::newRow("magic overwritten") << QStringLiteral("magic.flac") << QStringLiteral("magic") << true;
    QTest::newRow("empty file") << QStringLiteral("empty.flac") << QStringLiteral("empty") << true;
    QTest::newRow("missing file") << QStringLiteral("missing.flac") << QStringLiteral("missing") << true;
    QTest::newRow("stream info bit-flipped") << QStringLiteral("streaminfo.flac") << QStringLiteral("streaminfo") << false;
    QTest::newRow("audio frames bit-flipped") << QStringLiteral("frames.flac") << QStringLiteral("frames") << false;
}

void TestAudioChecker::corruptFiles()
{
    QFETCH(QString, name);
    QFETCH(QString, damage);
    QFETCH(bool, mustFail);
    QFile source(lhotseFlac);
    QVERIFY(source.open(QIODevice::ReadOnly));
    QByteArray bytes = source.readAll();
    if (damage == QLatin1String("truncate"))
        bytes.truncate(bytes.size() / 2);
    else if (damage == QLatin1String("magic"))
        bytes.replace(0, 4, "XXXX");
    else if (damage == QLatin1String("empty"))
        bytes.clear();
    else if (damage == QLatin1String("streaminfo"))
        for (int i = 18; i < 26; ++i) // sample rate, channels, bits per sample, total samples
            bytes[i] = char(~bytes[i]);
    else if (damage == QLatin1String("frames"))
        for (qsizetype i = bytes.size() / 3; i < bytes.size(); i += 997)
            bytes[i] = char(bytes[i] ^ 0x5a);
    const QString path = m_dir.filePath(name);
    if (damage != QLatin1String("missing")) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(bytes), bytes.size());
    }
    const auto c = AudioChecker::checkFile(path, QStringLiteral("some words"));
    QVERIFY(c.ok()); // a damaged clip is a result, not an error
    const bool undecodable = c->flags.testFlag(AudioCheck::Flag::Undecodable);
    if (mustFail)
        QVERIFY2(undecodable, qPrintable(flagList(c->flags)));
    if (undecodable) {
        QCOMPARE(c->flags, AudioCheck::Flags(AudioCheck::Flag::Undecodable));
        QVERIFY2(c->error.contains(path), qPrintable(c->error));
    } else {
        // Whatever libsndfile made of the damage, the figures are still figures.
        QVERIFY(std::isfinite(c->seconds) && std::isfinite(c->peakDbfs) && std::isfinite(c->rmsDbfs));
        QVERIFY(c->clippedRatio >= 0 && c->clippedRatio <= 1 && c->silenceRatio >= 0 && c->silenceRatio <= 1);
    }
    if (damage == QLatin1String("truncate"))
        QVERIFY2(c->error.contains(QStringLiteral("frame")), qPrintable(c->error));
}

void TestAudioChecker::cancelAndProgress()
{
    auto decoder = AudioDecoder::openFile(lhotseFlac);
    QVERIFY(decoder.ok());
    qint64 lastDone = -1;
    qint64 lastTotal = -1;
    WorkControl control;
    control.progress = [&](qint64 done, qint64 total) {
        QVERIFY(done > lastDone);
        lastDone = done;
        lastTotal = total;
    };
    const auto c = AudioChecker::check(**decoder, {}, control);
    QVERIFY(c.ok());
    QCOMPARE(lastDone, qint64(186560));
    QCOMPARE(lastTotal, qint64(186560));

    auto again = AudioDecoder::openFile(lhotseFlac);
    QVERIFY(again.ok());
    int calls = 0;
    WorkControl cancel;
    cancel.cancelled = [&calls] { return ++calls > 3; };
    const auto cancelled = AudioChecker::check(**again, {}, cancel);
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().code, Error::Code::Cancelled);
}

void TestAudioChecker::json()
{
    auto c = AudioChecker::checkFile(legacyLibriFlac, {});
    QVERIFY(c.ok());
    c->flags |= AudioCheck::Flag::RateOutlier;
    Json j = AudioChecker::toJson(*c);
    for (const char *key : {"seconds", "sample_rate", "channels", "peak_dbfs", "rms_dbfs", "clipped_ratio",
                            "silence_ratio", "chars_per_second", "rate_z", "suspicion", "flags"})
        QVERIFY2(j.contains(key), key);
    QVERIFY(!j.contains("error"));
    QVERIFY(j["chars_per_second"].is_null());
    QCOMPARE(j["sample_rate"].get<int>(), 16000);
    QCOMPARE(j["flags"], Json::array({"rate_outlier"}));

    const AudioCheck bad = AudioChecker::undecodable(QStringLiteral("x.flac: broken"));
    j = AudioChecker::toJson(bad);
    QCOMPARE(j["flags"], Json::array({"undecodable"}));
    QCOMPARE(j["error"].get<std::string>(), std::string("x.flac: broken"));
}

QTEST_GUILESS_MAIN(TestAudioChecker)
#include "tst_audiochecker.moc"
