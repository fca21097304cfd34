// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/hub/parquetimporter.h"

#include "../memorysink.h"
#include "formats/parquet/parquetfile.h"
#include "hubtree.h"
#include "importers/importprogress.h"

#include <QTest>

using namespace kx;
using namespace kx::test;

class TestParquetImporter final : public QObject
{
    Q_OBJECT

private slots:
    void realHubAudioFile();
    void audioBytesAreNotInlined();
    void missingColumnForGivenKind();
};

void TestParquetImporter::realHubAudioFile()
{
    const QString file = QFileInfo(hubAudioParquet()).absoluteFilePath();
    ParquetImporter importer(QStringLiteral("audio"), QStringLiteral("default"), QStringLiteral("test"));
    QCOMPARE(importer.defaultName(file, {file}), QStringLiteral("Audio default test"));
    MemorySink sink;
    ImportProgress progress;
    auto added = importer.convertFile(file, sink, progress);
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    QCOMPARE(*added, qint64(300));
    QCOMPARE(sink.scenarios.size(), 300);
    const TestScenario &first = sink.scenarios.first();
    QCOMPARE(first.id, QStringLiteral("audio_test-00000-of-00001_0"));
    QCOMPARE(first.messages.first().content, QStringLiteral("(audio 0_george_0.wav)"));
    QVERIFY2(first.evaluationCriteria == Json({{"expected_label", "0"}}), first.evaluationCriteria.dump().c_str());
    QCOMPARE(first.provenance.config, QStringLiteral("default"));
    QCOMPARE(first.provenance.split, QStringLiteral("test"));
    QCOMPARE(first.provenance.row, qint64(0));
    // Row 299 is the last of row group 2 (three groups of 100).
    const TestScenario &last = sink.scenarios.last();
    QCOMPARE(last.provenance.row, qint64(299));
    QVERIFY(last.evaluationCriteria["expected_label"] == Json("9"));
    const Json expected = {{"parquet", ss(file)}, {"row_group", 2}, {"row", 99}, {"column", "audio.bytes"},
                           {"path", "9_yweweler_4.wav"}, {"format", "wav"}};
    QVERIFY2(last.audio == expected, last.audio.dump().c_str());
}

void TestParquetImporter::audioBytesAreNotInlined()
{
    const QString file = QFileInfo(hubAudioParquet()).absoluteFilePath();
    ParquetImporter importer(QStringLiteral("audio"), QStringLiteral("default"), QStringLiteral("test"));
    MemorySink sink;
    ImportProgress progress;
    QVERIFY(importer.convertFile(file, sink, progress).ok());
    // 300 clips of 1.9 MB would not fit in a few hundred bytes a scenario.
    qint64 total = 0;
    for (const TestScenario &s : std::as_const(sink.scenarios)) {
        const std::string json = s.toJson().dump();
        QVERIFY(json.find("RIFF") == std::string::npos);
        QVERIFY(json.find("bytes_base64") == std::string::npos);
        total += qint64(json.size());
    }
    QVERIFY2(total < 300 * 1024, qPrintable(QString::number(total)));
}

void TestParquetImporter::missingColumnForGivenKind()
{
    // --kind gsm8k on the audio file: the projection names columns the file lacks.
    const QString file = QFileInfo(hubAudioParquet()).absoluteFilePath();
    ParquetImporter importer(QStringLiteral("gsm8k"), QStringLiteral("default"), QStringLiteral("test"));
    MemorySink sink;
    ImportProgress progress;
    auto added = importer.convertFile(file, sink, progress);
    QVERIFY(!added.ok());
    QVERIFY2(added.error().message.contains(QStringLiteral("question")), qPrintable(added.error().message));
    QCOMPARE(sink.scenarios.size(), 0);
}

QTEST_GUILESS_MAIN(TestParquetImporter)
#include "tst_parquetimporter.moc"
