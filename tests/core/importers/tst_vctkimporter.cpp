// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/vctkimporter.h"
#include "memorysink.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;
using kx::test::MemorySink;

namespace {
const QString dir092 = QStringLiteral(
    KX_SHARED_DATA "/hf-datasets-legacy/datasets/vctk/dummy/main/0.9.2/dummy_data/VCTK-Corpus-0.92.zip/");
const QString info080 = QStringLiteral(KX_SHARED_DATA "/vctk-0.80-speaker-info/speaker-info.txt");
const QString lhotseWav = QStringLiteral(KX_SHARED_DATA "/lhotse/test/fixtures/libri/libri-1088-134315-0000.wav");
const QString fixtures = QStringLiteral(KX_TEST_FIXTURES "/importers/vctk/");

void writeText(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(text);
}

QString str(const Json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? qs(it->get<std::string>()) : QString();
}
}

class TestVctkImporter final : public QObject
{
    Q_OBJECT

private slots:
    void corpus092();
    void speakerInfo_data();
    void speakerInfo();
    void layout080();
    void missingMicrophones();
    void shortSpeakerLine();
};

void TestVctkImporter::corpus092()
{
    MemorySink sink;
    ImportProgress progress;
    VctkImporter importer;
    const auto n = importer.convertFile(dir092 + QStringLiteral("speaker-info.txt"), sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(3));
    QCOMPARE(importer.skippedCount(), qint64(0));
    QStringList ids;
    for (const TestScenario &s : std::as_const(sink.scenarios))
        ids << s.id;
    QCOMPARE(ids, (QStringList{QStringLiteral("vctk_p225_001_0"), QStringLiteral("vctk_p225_002_0"),
                               QStringLiteral("vctk_p226_001_0")}));
    const TestScenario &s = sink.scenarios[1];
    QCOMPARE(s.messages[0].content, QStringLiteral("Ask her to bring these things with her from the store."));
    QCOMPARE(str(s.audio, "path"), QDir::cleanPath(dir092 + QStringLiteral("wav48_silence_trimmed/p225/p225_002_mic1.flac")));
    QCOMPARE(str(s.audio, "mic2_path"), QDir::cleanPath(dir092 + QStringLiteral("wav48_silence_trimmed/p225/p225_002_mic2.flac")));
    QCOMPARE(str(s.audio, "format"), QStringLiteral("flac"));
    QCOMPARE(str(s.audio, "mic"), QStringLiteral("mic1"));
    QCOMPARE(str(s.audio, "speaker_id"), QStringLiteral("p225"));
    QCOMPARE(str(s.audio, "age"), QStringLiteral("23"));
    QCOMPARE(str(s.audio, "gender"), QStringLiteral("F"));
    QCOMPARE(str(s.audio, "accent"), QStringLiteral("English"));
    QCOMPARE(str(s.audio, "region"), QStringLiteral("Southern England"));
    QCOMPARE(s.provenance.sourceFile, QDir::cleanPath(dir092 + QStringLiteral("txt/p225/p225_002.txt")));
    QCOMPARE(s.provenance.row, qint64(0));
    QCOMPARE(qs(s.provenance.extra["corpus_version"].get<std::string>()), QStringLiteral("0.92"));
    QCOMPARE(s.category, Category::Benchmark);
    // p226 has trailing blanks in its transcript and no newline after its speaker line.
    QCOMPARE(sink.scenarios[2].messages[0].content, QStringLiteral("Please call Stella."));
    QCOMPARE(str(sink.scenarios[2].audio, "region"), QStringLiteral("Surrey"));
}

void TestVctkImporter::speakerInfo_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("age");
    QTest::addColumn<QString>("accent");
    QTest::addColumn<QString>("region");
    QTest::newRow("two-word region") << QStringLiteral("p225") << QStringLiteral("23") << QStringLiteral("English")
                                     << QStringLiteral("Southern England");
    QTest::newRow("empty region") << QStringLiteral("p248") << QStringLiteral("23") << QStringLiteral("Indian")
                                  << QString();
    QTest::newRow("last line") << QStringLiteral("p376") << QStringLiteral("22") << QStringLiteral("Indian")
                               << QString();
    QTest::newRow("scottish") << QStringLiteral("p237") << QStringLiteral("22") << QStringLiteral("Scottish")
                              << QStringLiteral("Fife");
}

void TestVctkImporter::speakerInfo()
{
    QFETCH(QString, id);
    QFETCH(QString, age);
    QFETCH(QString, accent);
    QFETCH(QString, region);
    const auto speakers = VctkImporter::readSpeakerInfo(info080);
    QVERIFY2(speakers.ok(), speakers.ok() ? "" : qPrintable(speakers.error().message));
    QCOMPARE(speakers->size(), 109);
    QVERIFY(speakers->contains(id));
    const VctkImporter::Speaker s = speakers->value(id);
    QCOMPARE(s.age, age);
    QCOMPARE(s.accent, accent);
    QCOMPARE(s.region, region);
}

void TestVctkImporter::layout080()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::link(info080, dir.filePath(QStringLiteral("speaker-info.txt"))));
    writeText(dir.filePath(QStringLiteral("txt/p225/p225_001.txt")), "Please call Stella.\n");
    writeText(dir.filePath(QStringLiteral("txt/p227/p227_001.txt")), "Please call Stella.\n");
    QDir().mkpath(dir.filePath(QStringLiteral("wav48/p225")));
    // A link to a real WAV stands for the recording: only its path matters here.
    QVERIFY(QFile::link(lhotseWav, dir.filePath(QStringLiteral("wav48/p225/p225_001.wav"))));

    MemorySink sink;
    ImportProgress progress;
    VctkImporter importer;
    const auto n = importer.convertFile(dir.filePath(QStringLiteral("speaker-info.txt")), sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(1));
    QCOMPARE(importer.skippedCount(), qint64(1)); // p227_001 has no audio
    const TestScenario &s = sink.scenarios.first();
    QCOMPARE(str(s.audio, "path"), dir.filePath(QStringLiteral("wav48/p225/p225_001.wav")));
    QCOMPARE(str(s.audio, "format"), QStringLiteral("wav"));
    QCOMPARE(str(s.audio, "accent"), QStringLiteral("English"));
    QCOMPARE(str(s.audio, "region"), QStringLiteral("Southern England"));
    QCOMPARE(qs(s.provenance.extra["corpus_version"].get<std::string>()), QStringLiteral("0.80"));
}

void TestVctkImporter::missingMicrophones()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::link(dir092 + QStringLiteral("speaker-info.txt"), dir.filePath(QStringLiteral("speaker-info.txt"))));
    writeText(dir.filePath(QStringLiteral("txt/p225/p225_001.txt")), "Please call Stella.\n");
    writeText(dir.filePath(QStringLiteral("txt/p225/p225_002.txt")), "Ask her.\n");
    QDir().mkpath(dir.filePath(QStringLiteral("wav48_silence_trimmed/p225")));
    QDir().mkpath(dir.filePath(QStringLiteral("wav48_silence_trimmed/p226"))); // audio, no txt (like p315)
    QVERIFY(QFile::link(dir092 + QStringLiteral("wav48_silence_trimmed/p225/p225_001_mic2.flac"),
                        dir.filePath(QStringLiteral("wav48_silence_trimmed/p225/p225_001_mic2.flac"))));
    QVERIFY(QFile::link(dir092 + QStringLiteral("wav48_silence_trimmed/p226/p226_001_mic1.flac"),
                        dir.filePath(QStringLiteral("wav48_silence_trimmed/p226/p226_001_mic1.flac"))));

    MemorySink sink;
    ImportProgress progress;
    VctkImporter importer;
    const auto n = importer.convertFile(dir.filePath(QStringLiteral("speaker-info.txt")), sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(1));
    QCOMPARE(importer.skippedCount(), qint64(1)); // p225_002: neither mic
    const TestScenario &s = sink.scenarios.first();
    QCOMPARE(str(s.audio, "mic"), QStringLiteral("mic2"));
    QVERIFY(str(s.audio, "path").endsWith(QStringLiteral("p225_001_mic2.flac")));
    QVERIFY(!s.audio.contains("mic2_path"));
}

void TestVctkImporter::shortSpeakerLine()
{
    MemorySink sink;
    ImportProgress progress;
    const auto n = VctkImporter().convertFile(fixtures + QStringLiteral("short_line/speaker-info.txt"), sink, progress);
    QVERIFY(!n.ok());
    QVERIFY2(n.error().message.contains(QStringLiteral("short_line/speaker-info.txt:3: a speaker line needs")),
             qPrintable(n.error().message));
    QCOMPARE(sink.scenarios.size(), 0);
}

QTEST_GUILESS_MAIN(TestVctkImporter)
#include "tst_vctkimporter.moc"
