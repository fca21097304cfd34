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
    QTest::addColumn<QString>("leaves"); // "column:leaf|leaf;column:leaf" for struct / list columns
    QTest::newRow("gsm8k") << "question,answer" << "" << "gsm8k" << QString();
    QTest::newRow("mmlu") << "question,subject,choices,answer" << "" << "mmlu" << QString();
    QTest::newRow("bbh") << "input,target" << "" << "bbh" << QString();
    QTest::newRow("personachat") << "personality,candidates,history,conv_id,utterance_idx" << "" << "personachat" << QString();
    QTest::newRow("empathetic") << "conv_id,utterance_idx,context,prompt,speaker_idx,utterance,selfeval,tags" << ""
                                << "empathetic" << QString();
    QTest::newRow("librispeech") << "file,audio,text,speaker_id,chapter_id,id" << "audio" << "librispeech" << QString();
    QTest::newRow("vctk") << "speaker_id,audio,file,text,text_id,age,gender,accent,region,comment" << "audio"
                          << "vctk" << QString();
    QTest::newRow("other audio") << "audio,label" << "audio" << "audio" << QString();
    QTest::newRow("audio under another name") << "clip,sentence" << "clip" << "audio" << QString();
    QTest::newRow("question only") << "question,label" << "" << "unknown" << QString();
    QTest::newRow("librispeech without audio") << "file,text,speaker_id,chapter_id,id" << "" << "unknown" << QString();
    QTest::newRow("wow nested") << "chosen_topic,persona,wizard_eval,dialog" << "" << "wow"
                                << "dialog:speaker|text|checked_sentence";
    QTest::newRow("wow dialog without text") << "chosen_topic,dialog" << "" << "unknown" << "dialog:speaker";
    QTest::newRow("wow flat") << "persona,chosen_topic,speaker,text" << "" << "wow" << QString();
    QTest::newRow("toolbench query") << "query,query_id,api_list" << "" << "toolbench"
                                     << "api_list:category_name|tool_name|api_name";
    QTest::newRow("toolllama") << "id,conversations" << "" << "toolbench" << "conversations:from|value";
    QTest::newRow("chat with role/content") << "id,conversations" << "" << "unknown" << "conversations:role|content";
    QTest::newRow("webshop") << "instruction,asin,instruction_attributes" << "" << "webshop" << QString();
    QTest::newRow("alpaca") << "instruction,input,output" << "" << "unknown" << QString();
}

void TestParquetKindDetector::kindOf()
{
    QFETCH(QString, columns);
    QFETCH(QString, audioColumn);
    QFETCH(QString, kind);
    ParquetKindDetector::Columns c;
    c.names = columns.split(QLatin1Char(','));
    c.audioColumn = audioColumn;
    QFETCH(QString, leaves);
    for (const QString &entry : leaves.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        c.leafNames.insert(entry.section(QLatin1Char(':'), 0, 0), entry.section(QLatin1Char(':'), 1).split(QLatin1Char('|')));
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
