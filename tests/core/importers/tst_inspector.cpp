// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/inspector.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

namespace {
const QString data = QStringLiteral(KX_SHARED_DATA "/");
const QString fixtures = QStringLiteral(KX_TEST_FIXTURES "/importers/");
}

class TestInspector final : public QObject
{
    Q_OBJECT

private slots:
    void inspect_data();
    void inspect();
    void gsm8kRows();
    void mmluRowsByIndex();
    void csvWithHeader();
    void toJsonKeys();
    void hubParquetAudio();
    void parquetTesting();
    void parquetZeroRows();
    void brokenParquet();
    void parquetHugeColumnLeftOut();
    void errors_data();
    void errors();
};

void TestInspector::inspect_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("rowCount");
    QTest::addColumn<int>("sampled");
    QTest::addColumn<QString>("schema");
    QTest::newRow("gsm8k") << data + QStringLiteral("gsm8k/grade_school_math/data/test.jsonl") << 5
                           << QStringLiteral("jsonl") << QStringLiteral("gsm8k") << qint64(1319) << 5
                           << QStringLiteral(R"({"question":["string"],"answer":["string"]})");
    QTest::newRow("bbh") << data + QStringLiteral("bbh/bbh/navigate.json") << 3 << QStringLiteral("json")
                         << QStringLiteral("bbh") << qint64(250) << 3
                         << QStringLiteral(R"({"input":["string"],"target":["string"]})");
    QTest::newRow("mmlu") << data + QStringLiteral("mmlu/data/dev/college_computer_science_dev.csv") << 10
                          << QStringLiteral("csv") << QStringLiteral("mmlu") << qint64(5) << 5
                          << QStringLiteral(R"({"0":["string"],"1":["string"],"2":["string"],"3":["string"],"4":["string"],"5":["string"]})");
    QTest::newRow("mixed types") << fixtures + QStringLiteral("other_records.jsonl") << 5 << QStringLiteral("jsonl")
                                 << QStringLiteral("unknown") << qint64(2) << 2
                                 << QStringLiteral(R"({"name":["string"],"value":["integer","number"]})");
    QTest::newRow("zero rows") << fixtures + QStringLiteral("broken_line.jsonl") << 0 << QStringLiteral("jsonl")
                               << QStringLiteral("gsm8k") << qint64(4) << 0 << QStringLiteral("{}");
    QTest::newRow("toolbench array") << data + QStringLiteral("toolbench/data_example/instruction/G1_query.json") << 1
                                     << QStringLiteral("json") << QStringLiteral("toolbench") << qint64(-1) << 1
                                     << QString();
}

void TestInspector::inspect()
{
    QFETCH(QString, file);
    QFETCH(int, rows);
    QFETCH(QString, format);
    QFETCH(QString, kind);
    QFETCH(qint64, rowCount);
    QFETCH(int, sampled);
    QFETCH(QString, schema);
    const auto report = Inspector::inspect(file, rows);
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    QCOMPARE(report->format, format);
    QCOMPARE(report->kind, kind);
    if (rowCount >= 0)
        QCOMPARE(report->rowCount, rowCount);
    else
        QVERIFY(report->rowCount > 0);
    QCOMPARE(int(report->rows.size()), sampled);
    if (!schema.isEmpty())
        QCOMPARE(qs(report->schema.dump()), schema);
}

void TestInspector::gsm8kRows()
{
    const auto report = Inspector::inspect(data + QStringLiteral("gsm8k/grade_school_math/data/test.jsonl"), 2);
    QVERIFY(report.ok());
    QVERIFY(qs(report->rows[0]["question"].get<std::string>()).startsWith(QStringLiteral("Janet’s ducks lay 16 eggs")));
}

void TestInspector::mmluRowsByIndex()
{
    const auto report = Inspector::inspect(data + QStringLiteral("mmlu/data/dev/abstract_algebra_dev.csv"), 1);
    QVERIFY(report.ok());
    QCOMPARE(report->rowCount, qint64(5));
    QCOMPARE(qs(report->rows[0].dump()),
             QStringLiteral(R"({"0":"Find all c in Z_3 such that Z_3[x]/(x^2 + c) is a field.","1":"0","2":"1","3":"2","4":"3","5":"B"})"));
}

void TestInspector::csvWithHeader()
{
    const auto report = Inspector::inspect(fixtures + QStringLiteral("people.csv"), 5);
    QVERIFY(report.ok());
    QCOMPARE(report->rowCount, qint64(2)); // the header is not a row
    QCOMPARE(qs(report->rows.dump()), QStringLiteral(R"([{"name":"ana","age":"31"},{"name":"bo","age":"27"}])"));
}

void TestInspector::toJsonKeys()
{
    const auto report = Inspector::inspect(fixtures + QStringLiteral("bbh_pretty.json"), 1);
    QVERIFY(report.ok());
    const Json j = report->toJson();
    QStringList keys;
    for (const auto &[k, v] : j.items())
        keys.append(qs(k));
    QCOMPARE(keys, (QStringList{QStringLiteral("format"), QStringLiteral("kind"), QStringLiteral("schema"),
                                QStringLiteral("row_count"), QStringLiteral("rows")}));
    QCOMPARE(qs((j["row_count"]).dump()), qs((Json(2)).dump()));
    QCOMPARE(qs((j["rows"][0]["target"]).dump()), qs((Json("False")).dump()));
}

void TestInspector::hubParquetAudio()
{
    const QString file = data + QStringLiteral("hf-hub-parquet-samples/mteb--free-spoken-digit-dataset/data/"
                                               "test-00000-of-00001.parquet");
    const auto report = Inspector::inspect(file, 3);
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    QCOMPARE(report->format, QStringLiteral("parquet"));
    QCOMPARE(report->kind, QStringLiteral("audio"));
    QCOMPARE(qs(report->schema.dump()),
             QStringLiteral(R"({"audio":"struct<bytes: BYTE_ARRAY, path: BYTE_ARRAY STRING>","label":"INT64"})"));
    QCOMPARE(report->rowCount, qint64(300));
    QCOMPARE(int(report->rows.size()), 3);
    QCOMPARE(qs(report->rows[1].dump()),
             QStringLiteral(R"({"audio":{"bytes":{"bytes_ref":{"size":9498}},"path":"0_george_1.wav"},"label":0})"));
    // The WAV bytes stay in the file: only their size is reported.
    const Json &audio = report->rows[0]["audio"];
    QVERIFY(audio["bytes"].contains("bytes_ref"));
    QVERIFY(audio["bytes"]["bytes_ref"]["size"].get<qint64>() > 1000);
    QVERIFY(report->toJson().dump().size() < 4000);
}

void TestInspector::parquetTesting()
{
    const auto report = Inspector::inspect(data + QStringLiteral("parquet-testing/data/alltypes_plain.parquet"), 2);
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    QCOMPARE(report->format, QStringLiteral("parquet"));
    QCOMPARE(report->kind, QStringLiteral("unknown"));
    QCOMPARE(report->rowCount, qint64(8));
    QCOMPARE(int(report->rows.size()), 2);
    QCOMPARE(qs(report->schema["timestamp_col"].dump()), QStringLiteral(R"("INT96")"));
    QCOMPARE(qs(report->rows[0]["id"].dump()), QStringLiteral("4"));
    // Short binary values stay inline.
    QCOMPARE(qs(report->rows[0]["string_col"].dump()), QStringLiteral(R"({"bytes_base64":"MA=="})"));
}

void TestInspector::parquetZeroRows()
{
    const QString file = data + QStringLiteral("parquet-testing/data/nested_lists.snappy.parquet");
    const auto report = Inspector::inspect(file, 0);
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    QCOMPARE(qs(report->schema.dump()), QStringLiteral(R"({"a":"list<list<list<BYTE_ARRAY UTF8>>>","b":"INT32"})"));
    QCOMPARE(report->rowCount, qint64(3));
    QCOMPARE(int(report->rows.size()), 0);
}

void TestInspector::brokenParquet()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken.parquet"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("PAR1 this is not a parquet file at all PAR1");
    f.close();
    const auto report = Inspector::inspect(path, 5);
    QVERIFY(!report.ok());
    QVERIFY2(report.error().message.contains(QStringLiteral("broken.parquet")), qPrintable(report.error().message));
}

void TestInspector::parquetHugeColumnLeftOut()
{
    // Its one map column holds a 1 GiB string: a preview must not decode it.
    const QString file = data + QStringLiteral("parquet-testing/data/large_string_map.brotli.parquet");
    const auto report = Inspector::inspect(file, 5);
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
    QCOMPARE(report->rowCount, qint64(2));
    QCOMPARE(qs(report->schema.dump()), QStringLiteral(R"({"arr":"map<BYTE_ARRAY STRING, INT32>"})"));
    QCOMPARE(qs(report->rows.dump()),
             QStringLiteral(R"([{"arr":{"too_large":{"column_chunk_size":2147483827}}},)"
                            R"({"arr":{"too_large":{"column_chunk_size":2147483827}}}])"));
}

void TestInspector::errors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << fixtures + QStringLiteral("empty.jsonl") << QStringLiteral("empty.jsonl: the file is empty");
    QTest::newRow("notes") << fixtures + QStringLiteral("notes.txt")
                           << QStringLiteral("notes.txt: unknown format (not JSONL, JSON or CSV of a known kind)");
    QTest::newRow("invalid utf-8 on line 2") << fixtures + QStringLiteral("invalid_utf8.jsonl")
                                             << QStringLiteral("invalid_utf8.jsonl:2: invalid UTF-8 at byte offset 88");
    QTest::newRow("unterminated") << fixtures + QStringLiteral("unterminated_quote.csv")
                                  << QStringLiteral("unterminated_quote.csv:2: unterminated quoted field starting on line 2");
    QTest::newRow("folder") << fixtures + QStringLiteral("broken_folder") << QStringLiteral("is a folder");
}

void TestInspector::errors()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    const auto report = Inspector::inspect(file, 5);
    QVERIFY(!report.ok());
    QVERIFY2(report.error().message.contains(message), qPrintable(report.error().message));
}

QTEST_GUILESS_MAIN(TestInspector)
#include "tst_inspector.moc"
