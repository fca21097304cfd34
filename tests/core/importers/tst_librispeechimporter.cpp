// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/librispeechimporter.h"
#include "memorysink.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;
using kx::test::MemorySink;

namespace {
const QString dummyDir = QStringLiteral(
    KX_SHARED_DATA "/hf-datasets-legacy/datasets/librispeech_asr/dummy/clean/2.1.0/dummy_data/dev-clean.tar.gz/"
                   "LibriSpeech/dev-clean/1272/128104/");
const QString lhotse = QStringLiteral(KX_SHARED_DATA "/lhotse/test/fixtures/");
const QString fixtures = QStringLiteral(KX_TEST_FIXTURES "/importers/librispeech/");

/** The lhotse Kaldi "text" line of @p id, without the "lbi-" id. */
QByteArray lhotseTranscript(const QByteArray &id)
{
    QFile f(lhotse + QStringLiteral("mini_librispeech/text"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.startsWith(QByteArray("lbi-" + id + ' ')))
            return line.mid(4);
    }
    return {};
}
}

class TestLibriSpeechImporter final : public QObject
{
    Q_OBJECT

private slots:
    void dummyChapter();
    void lhotseChapter();
    void lhotseMissingLine();
    void rejects_data();
    void rejects();
    void acceptsOnlyTransFiles();

private:
    /** Builds test-clean/2412/153948/ in @p dir: links to the real lhotse FLACs and a trans.txt. */
    static QString makeChapter(const QTemporaryDir &dir, bool bothFlacs);
};

void TestLibriSpeechImporter::dummyChapter()
{
    const QString file = dummyDir + QStringLiteral("1272-128104.trans.txt");
    MemorySink sink;
    ImportProgress progress;
    const auto n = LibriSpeechImporter().convertFile(file, sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(1));
    const TestScenario &s = sink.scenarios.first();
    QCOMPARE(s.id, QStringLiteral("librispeech_1272-128104_0"));
    QCOMPARE(s.messages.size(), 1);
    QCOMPARE(s.messages[0].role, QStringLiteral("user"));
    QCOMPARE(s.messages[0].content,
             QStringLiteral("MISTER QUILTER IS THE APOSTLE OF THE MIDDLE CLASSES AND WE ARE GLAD TO WELCOME HIS GOSPEL"));
    QCOMPARE(qs(s.audio["path"].get<std::string>()), QDir::cleanPath(dummyDir + QStringLiteral("1272-128104-0000.flac")));
    QCOMPARE(qs(s.audio["format"].get<std::string>()), QStringLiteral("flac"));
    QCOMPARE(qs(s.audio["speaker_id"].get<std::string>()), QStringLiteral("1272"));
    QCOMPARE(qs(s.audio["chapter_id"].get<std::string>()), QStringLiteral("128104"));
    QCOMPARE(qs(s.audio["utterance_id"].get<std::string>()), QStringLiteral("1272-128104-0000"));
    QCOMPARE(s.category, Category::Benchmark);
    QCOMPARE(s.expectedCapabilities, (QStringList{QStringLiteral("speech_recognition"), QStringLiteral("voice_input")}));
    QCOMPARE(s.provenance.sourceFile, file);
    QCOMPARE(s.provenance.config, QStringLiteral("dev-clean"));
    QCOMPARE(s.provenance.split, QStringLiteral("dev"));
    QCOMPARE(s.provenance.row, qint64(0));
    QCOMPARE(qs(s.evaluationCriteria["expected_transcript"].get<std::string>()), s.messages[0].content);
}

QString TestLibriSpeechImporter::makeChapter(const QTemporaryDir &dir, bool bothFlacs)
{
    const QString chapter = dir.filePath(QStringLiteral("test-clean/2412/153948/"));
    QDir().mkpath(chapter);
    // Symbolic links: the real audio is referenced, never copied.
    QFile::link(lhotse + QStringLiteral("mix_cut_test/audio/storage/2412-153948-0000.flac"),
                chapter + QStringLiteral("2412-153948-0000.flac"));
    if (bothFlacs)
        QFile::link(lhotse + QStringLiteral("mix_cut_test/audio/storage/2412-153948-0001.flac"),
                    chapter + QStringLiteral("2412-153948-0001.flac"));
    QFile trans(chapter + QStringLiteral("2412-153948.trans.txt"));
    if (trans.open(QIODevice::WriteOnly))
        trans.write(lhotseTranscript("2412-153948-0000") + '\n');
    return trans.fileName();
}

void TestLibriSpeechImporter::lhotseChapter()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = makeChapter(dir, false);
    MemorySink sink;
    ImportProgress progress;
    const auto n = LibriSpeechImporter().convertFile(file, sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(1));
    const TestScenario &s = sink.scenarios.first();
    QVERIFY(s.messages[0].content.startsWith(QStringLiteral("IF THE READER WILL EXCUSE ME I WILL SAY NOTHING")));
    QVERIFY(s.messages[0].content.endsWith(QStringLiteral("PAINFUL TO MYSELF")));
    QCOMPARE(qs(s.audio["utterance_id"].get<std::string>()), QStringLiteral("2412-153948-0000"));
    QCOMPARE(s.provenance.config, QStringLiteral("test-clean"));
    QCOMPARE(s.provenance.split, QStringLiteral("test"));
}

void TestLibriSpeechImporter::lhotseMissingLine()
{
    // 2412-153948-0001.flac is there, but the transcript file has no line for it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = makeChapter(dir, true);
    MemorySink sink;
    ImportProgress progress;
    const auto n = LibriSpeechImporter().convertFile(file, sink, progress);
    QVERIFY(!n.ok());
    QVERIFY2(n.error().message.contains(QStringLiteral("2412-153948-0001.flac has no transcript line in "
                                                       "2412-153948.trans.txt")),
             qPrintable(n.error().message));
    QCOMPARE(sink.scenarios.size(), 0);
}

void TestLibriSpeechImporter::rejects_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no text") << QStringLiteral("no_text/dev-clean/19/198/19-198.trans.txt")
                             << QStringLiteral("19-198.trans.txt:1: utterance \"19-198-0000\" has no transcript");
    QTest::newRow("missing audio") << QStringLiteral("missing_audio/dev-clean/19/198/19-198.trans.txt")
                                   << QStringLiteral("19-198.trans.txt:1: the audio file ");
    QTest::newRow("wrong chapter") << QStringLiteral("wrong_chapter/dev-clean/19/227/19-227.trans.txt")
                                   << QStringLiteral("19-227.trans.txt:1: utterance id \"19-198-0000\" does not belong");
    QTest::newRow("missing file") << QStringLiteral("nowhere/1-2.trans.txt") << QStringLiteral("1-2.trans.txt");
}

void TestLibriSpeechImporter::rejects()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    MemorySink sink;
    ImportProgress progress;
    const auto n = LibriSpeechImporter().convertFile(fixtures + file, sink, progress);
    QVERIFY(!n.ok());
    QVERIFY2(n.error().message.contains(reason), qPrintable(n.error().message));
    QCOMPARE(sink.scenarios.size(), 0);
}

void TestLibriSpeechImporter::acceptsOnlyTransFiles()
{
    const LibriSpeechImporter importer;
    QVERIFY(importer.accepts(QStringLiteral("/a/1272/128104/1272-128104.trans.txt")));
    QVERIFY(!importer.accepts(QStringLiteral("/a/LibriSpeech/README.TXT")));
    QVERIFY(!importer.accepts(QStringLiteral("/a/1272/128104/1272-128104-0000.flac")));
}

QTEST_GUILESS_MAIN(TestLibriSpeechImporter)
#include "tst_librispeechimporter.moc"
