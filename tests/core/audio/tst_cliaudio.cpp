// SPDX-License-Identifier: GPL-3.0-or-later
// The `kairix audio` command, run as the real binary.
#include "audiofixtures.h"
#include "util/jsonqt.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;
using namespace kx::test;

namespace {

const QString lhotseFlac = QStringLiteral(KX_SHARED_DATA "/lhotse/test/fixtures/mix_cut_test/audio/storage/2412-153948-0000.flac");
const QString lhotseWav = QStringLiteral(KX_SHARED_DATA "/lhotse/test/fixtures/libri/libri-1088-134315-0000.wav");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCliAudio final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void peaksJson_data();
    void peaksJson();
    void peaksText();
    void checkJson_data();
    void checkJson();
    void checkText();
    void badFiles_data();
    void badFiles();
    void usage_data();
    void usage();
    void help();

private:
    Run kairix(const QStringList &args);
    /** A copy of the real FLAC damaged by @p damage ("truncate", "magic"), or a missing path. */
    QString damaged(const QString &damage);

    QTemporaryDir m_dir;
    FixtureCorpus m_corpus;
};

void TestCliAudio::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto corpus = AudioFixtures::makeLibriSpeech(m_dir.filePath(QStringLiteral("libri")));
    QVERIFY2(corpus.ok(), corpus.ok() ? "" : qPrintable(corpus.error().message));
    m_corpus = *corpus;
}

Run TestCliAudio::kairix(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.path()); // never touch the real default workspace
    env.remove(QStringLiteral("KAIRIX_DB"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KX_CLI_PATH), args);
    if (!p.waitForStarted() || !p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString TestCliAudio::damaged(const QString &damage)
{
    const QString path = m_dir.filePath(damage + QStringLiteral(".flac"));
    if (damage == QLatin1String("missing"))
        return path;
    QFile source(lhotseFlac);
    if (!source.open(QIODevice::ReadOnly))
        return {};
    QByteArray bytes = source.readAll();
    if (damage == QLatin1String("truncate"))
        bytes.truncate(bytes.size() / 2);
    else
        bytes.replace(0, 4, "RIFX");
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
        return {};
    return path;
}

void TestCliAudio::peaksJson_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("buckets");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<int>("rate");
    QTest::newRow("real flac, default buckets") << lhotseFlac << QStringList{} << 100 << 11.66 << 16000;
    QTest::newRow("real wav, 37 buckets") << lhotseWav << QStringList{QStringLiteral("--buckets"), QStringLiteral("37")}
                                          << 37 << 16.04 << 16000;
    QTest::newRow("real vctk flac at 48 kHz")
        << QStringLiteral(KX_SHARED_DATA "/hf-datasets-legacy/datasets/vctk/dummy/main/0.9.2/dummy_data/"
                          "VCTK-Corpus-0.92.zip/wav48_silence_trimmed/p225/p225_001_mic1.flac")
        << QStringList{QStringLiteral("--buckets=10")} << 10 << 98473.0 / 48000 << 48000;
    QTest::newRow("silent fixture") << QString() << QStringList{} << 100 << 3.0 << 16000;
}

void TestCliAudio::peaksJson()
{
    QFETCH(QString, file);
    QFETCH(QStringList, options);
    QFETCH(int, buckets);
    QFETCH(double, seconds);
    QFETCH(int, rate);
    const bool silent = file.isEmpty();
    if (silent)
        file = m_corpus.first(PlantedKind::Silent).path;
    const Run r = kairix(QStringList{QStringLiteral("audio"), QStringLiteral("peaks"), file, QStringLiteral("--json")}
                         + options);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.err.isEmpty());
    const Json j = Json::parse(r.out.toStdString(), nullptr, false);
    QVERIFY2(j.is_object(), r.out.constData());
    QVERIFY(qAbs(j["seconds"].get<double>() - seconds) < 1e-3);
    QCOMPARE(j["sample_rate"].get<int>(), rate);
    QCOMPARE(j["channels"].get<int>(), 1);
    QCOMPARE(j["buckets"].size(), size_t(buckets));
    double low = 0;
    double high = 0;
    for (const Json &pair : j["buckets"]) {
        QCOMPARE(pair.size(), size_t(2));
        QVERIFY(pair[0].get<double>() <= pair[1].get<double>());
        low = std::min(low, pair[0].get<double>());
        high = std::max(high, pair[1].get<double>());
    }
    QVERIFY(low >= -1.0 && high <= 1.0);
    if (silent)
        QVERIFY(low == 0.0 && high == 0.0);
    else
        QVERIFY(high - low > 0.3); // speech
}

void TestCliAudio::peaksText()
{
    const Run r = kairix({QStringLiteral("audio"), QStringLiteral("peaks"), lhotseFlac});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(lhotseFlac) && out.contains(QStringLiteral("11.66 s")) && out.contains(QStringLiteral("16000 Hz")),
             r.out.constData());
    QVERIFY(out.count(QLatin1Char('\n')) <= 3); // a summary, not the buckets
}

void TestCliAudio::checkJson_data()
{
    QTest::addColumn<int>("planted");
    QTest::addColumn<bool>("withTranscript");
    QTest::addColumn<QStringList>("flags");
    QTest::newRow("clipped") << int(PlantedKind::Clipped) << true << QStringList{QStringLiteral("clipping")};
    QTest::newRow("silent") << int(PlantedKind::Silent) << true
                            << QStringList{QStringLiteral("silent"), QStringLiteral("too_quiet")};
    QTest::newRow("normal") << int(PlantedKind::Normal) << true << QStringList{};
    QTest::newRow("normal, no transcript") << int(PlantedKind::Normal) << false << QStringList{};
}

void TestCliAudio::checkJson()
{
    QFETCH(int, planted);
    QFETCH(bool, withTranscript);
    QFETCH(QStringList, flags);
    const FixtureClip clip = m_corpus.first(PlantedKind(planted));
    QStringList args{QStringLiteral("audio"), QStringLiteral("check"), clip.path, QStringLiteral("--json")};
    if (withTranscript)
        args << QStringLiteral("--transcript") << clip.transcript;
    const Run r = kairix(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const Json j = Json::parse(r.out.toStdString(), nullptr, false);
    QVERIFY2(j.is_object(), r.out.constData());
    for (const char *key : {"seconds", "sample_rate", "channels", "peak_dbfs", "rms_dbfs", "clipped_ratio",
                            "silence_ratio", "chars_per_second", "rate_z", "suspicion", "flags"})
        QVERIFY2(j.contains(key), key);
    QCOMPARE(toStringList(j["flags"]), flags);
    QCOMPARE(j["sample_rate"].get<int>(), 16000);
    QCOMPARE(j["channels"].get<int>(), 1);
    const bool hasRate = withTranscript && PlantedKind(planted) != PlantedKind::Silent;
    QCOMPARE(j["chars_per_second"].is_number(), hasRate);
    if (hasRate)
        QVERIFY(j["chars_per_second"].get<double>() > 5 && j["chars_per_second"].get<double>() < 30);
    QCOMPARE(j["suspicion"].get<double>() >= 10.0, !flags.isEmpty());
}

void TestCliAudio::checkText()
{
    const FixtureClip clip = m_corpus.first(PlantedKind::Clipped);
    const Run r = kairix({QStringLiteral("audio"), QStringLiteral("check"), clip.path, QStringLiteral("--transcript"),
                          clip.transcript});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.contains(clip.path) && out.contains(QStringLiteral("characters/s"))
                 && out.contains(QStringLiteral("flags: Clipping")),
             r.out.constData());
}

void TestCliAudio::badFiles_data()
{
    QTest::addColumn<QString>("subcommand");
    QTest::addColumn<QString>("damage");
    for (const char *sub : {"peaks", "check"}) {
        for (const char *damage : {"truncate", "magic", "missing"})
            QTest::addRow("%s %s", sub, damage) << QString::fromLatin1(sub) << QString::fromLatin1(damage);
    }
}

void TestCliAudio::badFiles()
{
    QFETCH(QString, subcommand);
    QFETCH(QString, damage);
    const QString file = damaged(damage);
    QVERIFY(!file.isEmpty());
    const Run r = kairix({QStringLiteral("audio"), subcommand, file, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.isEmpty(), r.out.constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(file), r.err.constData());
    if (damage == QLatin1String("truncate"))
        QVERIFY2(r.err.contains("frame"), r.err.constData());
}

void TestCliAudio::usage_data()
{
    QTest::addColumn<QStringList>("args");
    const QString f = lhotseFlac;
    QTest::newRow("no subcommand") << QStringList{};
    QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("play"), f};
    QTest::newRow("peaks without a file") << QStringList{QStringLiteral("peaks")};
    QTest::newRow("check with two files") << QStringList{QStringLiteral("check"), f, f};
    QTest::newRow("zero buckets") << QStringList{QStringLiteral("peaks"), f, QStringLiteral("--buckets"), QStringLiteral("0")};
    QTest::newRow("buckets not a number") << QStringList{QStringLiteral("peaks"), f, QStringLiteral("--buckets"), QStringLiteral("x")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("check"), f, QStringLiteral("--bogus")};
    QTest::newRow("transcript without text") << QStringList{QStringLiteral("check"), f, QStringLiteral("--transcript")};
}

void TestCliAudio::usage()
{
    QFETCH(QStringList, args);
    const Run r = kairix(QStringList{QStringLiteral("audio")} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.isEmpty());
}

void TestCliAudio::help()
{
    const Run top = kairix({QStringLiteral("--help")});
    QCOMPARE(top.exitCode, 0);
    QVERIFY(top.out.contains("audio peaks FILE") && top.out.contains("audio check FILE"));
    const Run sub = kairix({QStringLiteral("audio"), QStringLiteral("check"), QStringLiteral("--help")});
    QCOMPARE(sub.exitCode, 0);
    QVERIFY2(sub.out.contains("--transcript"), sub.out.constData());
}

QTEST_GUILESS_MAIN(TestCliAudio)
#include "tst_cliaudio.moc"
