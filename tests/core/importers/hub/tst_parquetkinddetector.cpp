// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/hub/parquetkinddetector.h"

#include "formats/parquet/parquetfile.h"
#include "hubtree.h"

#include <QTest>

using namespace kx;
using namespace kx::test;

class TestParquetKindDetector final : public QObject
{
    Q_OBJECT

private slots:
    void kindOf_data();
    void kindOf();
    void realHubAudioFile();
    void unknownSchemaNamesFileAndColumns();
};

void TestParquetKindDetector::kindOf_data()
{
    QTest::addColumn<QString>("columns");
    QTest::addColumn<QString>("audioColumn");
    QTest::addColumn<QString>("kind");
    QTest::newRow("gsm8k") << "question,answer" << "" << "gsm8k";
    QTest::newRow("mmlu") << "question,subject,choices,answer" << "" << "mmlu";
    QTest::newRow("bbh") << "input,target" << "" << "bbh";
    QTest::newRow("personachat") << "personality,candidates,history,conv_id,utterance_idx" << "" << "personachat";
    QTest::newRow("empathetic") << "conv_id,utterance_idx,context,prompt,speaker_idx,utterance,selfeval,tags" << ""
                                << "empathetic";
    QTest::newRow("librispeech") << "file,audio,text,speaker_id,chapter_id,id" << "audio" << "librispeech";
    QTest::newRow("vctk") << "speaker_id,audio,file,text,text_id,age,gender,accent,region,comment" << "audio"
                          << "vctk";
    QTest::newRow("other audio") << "audio,label" << "audio" << "audio";
    QTest::newRow("audio under another name") << "clip,sentence" << "clip" << "audio";
    QTest::newRow("question only") << "question,label" << "" << "unknown";
    QTest::newRow("librispeech without audio") << "file,text,speaker_id,chapter_id,id" << "" << "unknown";
}

void TestParquetKindDetector::kindOf()
{
    QFETCH(QString, columns);
    QFETCH(QString, audioColumn);
    QFETCH(QString, kind);
    ParquetKindDetector::Columns c;
    c.names = columns.split(QLatin1Char(','));
    c.audioColumn = audioColumn;
    QCOMPARE(ParquetKindDetector::kindOf(c), kind);
}

void TestParquetKindDetector::realHubAudioFile()
{
    auto file = ParquetFile::open(hubAudioParquet());
    QVERIFY(file.ok());
    const auto columns = ParquetKindDetector::columnsOf(**file);
    QCOMPARE(columns.names, QStringList({QStringLiteral("audio"), QStringLiteral("label")}));
    QCOMPARE(columns.audioColumn, QStringLiteral("audio"));
    QVERIFY(columns.features["label"]["_type"] == Json("ClassLabel"));
    auto kind = ParquetKindDetector::detect(**file);
    QVERIFY(kind.ok());
    QCOMPARE(*kind, QStringLiteral("audio"));
}

void TestParquetKindDetector::unknownSchemaNamesFileAndColumns()
{
    auto file = ParquetFile::open(unknownSchemaParquet());
    QVERIFY(file.ok());
    auto kind = ParquetKindDetector::detect(**file);
    QVERIFY(!kind.ok());
    QCOMPARE(kind.error().code, Error::Code::BadInput);
    const QString message = kind.error().message;
    QVERIFY2(message.startsWith(unknownSchemaParquet() + QStringLiteral(": the parquet columns (id, bool_col, ")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("match no known kind")), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestParquetKindDetector)
#include "tst_parquetkinddetector.moc"
