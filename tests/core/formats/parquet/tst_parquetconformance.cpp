// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance of the parquet reader over the apache/parquet-testing corpus:
// every file in data/ is either read completely (row counts from the footer
// and from decoding agree, documented values match) or refused with the
// reason listed below; every file in bad_data/ fails cleanly.
#include "formats/csvreader.h"
#include "formats/parquet/parquetfile.h"

#include <QDirIterator>
#include <QtTest>

using namespace kx;

namespace {

QString corpus(const QString &sub) { return QStringLiteral(KX_SHARED_DATA "/parquet-testing/") + sub; }

// Files of data/ that are refused on purpose, with a fragment of the reason.
// A file that starts to read (or fails differently) fails the test, so
// regressions and improvements both show up here.
const QMap<QString, QString> &expectedRefusals()
{
    static const QMap<QString, QString> m = {
        // The dictionary page header claims more bytes than the column chunk holds.
        {QStringLiteral("nation.dict-malformed.parquet"), QStringLiteral("extends past the column chunk")},
    };
    return m;
}

// Files whose footer num_rows differs from the sum of their row groups.
const QMap<QString, qint64> &footerRowCountQuirks()
{
    // repeated_no_annotation.parquet's writer left FileMetaData.num_rows at 0;
    // its one row group holds 6 rows (README: "6 rows").
    static const QMap<QString, qint64> m = {{QStringLiteral("repeated_no_annotation.parquet"), 0}};
    return m;
}

struct FileContents
{
    QString error;
    qint64 footerRows = 0;
    qint64 rowGroupRows = 0;
    std::vector<Json> rows;
};

FileContents readAll(const QString &path)
{
    FileContents c;
    auto file = ParquetFile::open(path);
    if (!file) {
        c.error = file.error().message;
        return c;
    }
    c.footerRows = (*file)->rowCount();
    for (int g = 0; g < (*file)->rowGroupCount(); ++g) {
        c.rowGroupRows += (*file)->rowGroupRowCount(g);
        auto batch = (*file)->readRowGroup(g);
        if (!batch) {
            c.error = batch.error().message;
            return c;
        }
        for (Json &row : batch->rows)
            c.rows.push_back(std::move(row));
    }
    return c;
}

QString cellText(const Json &j)
{
    if (j.is_null())
        return QString();
    if (j.is_string())
        return qs(j.get<std::string>());
    return qs(j.dump());
}

} // namespace

class TestParquetConformance : public QObject
{
    Q_OBJECT

private slots:
    void readsEveryFile_data();
    void readsEveryFile();
    void matchesExpectCsv_data();
    void matchesExpectCsv();
    void documentedValues_data();
    void documentedValues();
    void badDataFails_data();
    void badDataFails();
};

void TestParquetConformance::readsEveryFile_data()
{
    QTest::addColumn<QString>("path");
    QDirIterator it(corpus(QStringLiteral("data")), {QStringLiteral("*.parquet")}, QDir::Files,
                    QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths << it.next();
    paths.sort();
    QCOMPARE(paths.size(), 75); // the corpus as copied (SOURCE.md); a change must be looked at
    for (const QString &p : paths)
        QTest::newRow(qPrintable(QDir(corpus(QStringLiteral("data"))).relativeFilePath(p))) << p;
}

void TestParquetConformance::readsEveryFile()
{
    QFETCH(QString, path);
    const QString name = QFileInfo(path).fileName();
    const FileContents c = readAll(path);
    if (expectedRefusals().contains(name)) {
        QVERIFY2(!c.error.isEmpty(), "expected a refusal, but the file read");
        QVERIFY2(c.error.contains(expectedRefusals().value(name)), qPrintable(c.error));
        return;
    }
    QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
    QCOMPARE(qint64(c.rows.size()), c.rowGroupRows);
    QCOMPARE(c.footerRows, footerRowCountQuirks().value(name, c.rowGroupRows));
    for (const Json &row : c.rows)
        QVERIFY(row.is_object());
}

void TestParquetConformance::matchesExpectCsv_data()
{
    QTest::addColumn<QString>("parquet");
    QTest::addColumn<QString>("csv");
    QTest::addColumn<int>("expectedRows");
    QDirIterator it(corpus(QStringLiteral("data")), {QStringLiteral("*_expect.csv")}, QDir::Files);
    QStringList csvs;
    while (it.hasNext())
        csvs << it.next();
    csvs.sort();
    QCOMPARE(csvs.size(), 4);
    const QMap<QString, int> rows = {{QStringLiteral("delta_binary_packed"), 200},
                                     {QStringLiteral("delta_byte_array"), 1000},
                                     {QStringLiteral("delta_encoding_optional_column"), 100},
                                     {QStringLiteral("delta_encoding_required_column"), 100}};
    for (const QString &csv : csvs) {
        QString base = QFileInfo(csv).fileName();
        base.chop(int(qstrlen("_expect.csv")));
        QTest::newRow(qPrintable(base)) << QFileInfo(csv).path() + QLatin1Char('/') + base + QStringLiteral(".parquet")
                                        << csv << rows.value(base, -1);
    }
}

void TestParquetConformance::matchesExpectCsv()
{
    QFETCH(QString, parquet);
    QFETCH(QString, csv);
    QFETCH(int, expectedRows);
    const FileContents c = readAll(parquet);
    QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
    QCOMPARE(int(c.rows.size()), expectedRows);
    CsvReader reader(csv, CsvReader::Options{true, 0, ','});
    QVERIFY(reader.open().ok());
    size_t row = 0;
    for (;;) {
        Result<bool> more = reader.next();
        QVERIFY2(more.ok(), qPrintable(more.ok() ? QString() : more.error().message));
        if (!*more)
            break;
        QVERIFY(row < c.rows.size());
        const Json &r = c.rows[row];
        QCOMPARE(int(r.size()), reader.fieldCount());
        int col = 0;
        // Columns are compared by position: some files' names differ from the CSV header.
        for (auto it = r.begin(); it != r.end(); ++it, ++col) {
            const QString want = reader.fieldString(col);
            const QString got = cellText(*it);
            if (got != want)
                QFAIL(qPrintable(QStringLiteral("row %1 column %2: got \"%3\", want \"%4\"")
                                     .arg(row).arg(col).arg(got, want)));
        }
        ++row;
    }
    QCOMPARE(row, c.rows.size());
}

void TestParquetConformance::documentedValues_data()
{
    // Values documented by the corpus (README.md, the per-file .md notes) or
    // by the generating code those notes quote.
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("json");
    auto add = [](const char *tag, const char *file, int row, const char *field, const char *json) {
        QTest::newRow(tag) << QString::fromLatin1(file) << row << QString::fromLatin1(field) << QString::fromUtf8(json);
    };
    add("alltypes_plain id", "alltypes_plain.parquet", 0, "id", "4");
    add("alltypes_plain timestamp", "alltypes_plain.parquet", 0, "timestamp_col", "\"2009-03-01T00:00:00.000000000\"");
    add("alltypes_plain string", "alltypes_plain.parquet", 1, "string_col", "{\"bytes_base64\":\"MQ==\"}");
    add("alltypes_dictionary", "alltypes_dictionary.parquet", 1, "id", "1");
    add("int96 micros", "int96_from_spark.parquet", 0, "a", "\"2024-01-01T20:34:56.123456000\"");
    add("int96 utc", "int96_from_spark.parquet", 1, "a", "\"2024-01-01T01:00:00.000000000\"");
    add("int96 year 9999", "int96_from_spark.parquet", 2, "a", "\"9999-12-31T03:00:00.000000000\"");
    add("int96 null", "int96_from_spark.parquet", 4, "a", "null");
    // Spark overflowed int64 when it wrote 290000-12-31 (micros + the Julian
    // epoch exceed 2^63), so the file's bytes really hold this instant.
    add("int96 written overflowed", "int96_from_spark.parquet", 5, "a", "\"-294554-12-13T14:58:10.448384000\"");
    add("byte_array_decimal", "byte_array_decimal.parquet", 23, "value", "\"24.00\"");
    add("fixed_length_decimal", "fixed_length_decimal.parquet", 4, "value", "\"5.00\"");
    add("fixed_length_decimal_legacy", "fixed_length_decimal_legacy.parquet", 0, "value", "\"1.00\"");
    add("int32_decimal", "int32_decimal.parquet", 9, "value", "\"10.00\"");
    add("int64_decimal", "int64_decimal.parquet", 23, "value", "\"24.00\"");
    add("datapage_v2 list", "datapage_v2.snappy.parquet", 0, "e", "[1,2,3]");
    add("datapage_v2 string", "datapage_v2.snappy.parquet", 0, "a", "\"abc\"");
    add("null_list", "null_list.parquet", 0, "emptylist", "[]");
    add("old_list_structure", "old_list_structure.parquet", 0, "a", "[[1,2],[3,4]]");
    add("nested_lists", "nested_lists.snappy.parquet", 0, "a", "[[[\"a\",\"b\"],[\"c\"]],[null,[\"d\"]]]");
    add("nested_maps", "nested_maps.snappy.parquet", 0, "a", "{\"a\":{\"1\":true,\"2\":false}}");
    add("map_no_value", "map_no_value.parquet", 0, "my_map_no_v", "{\"1\":null,\"2\":null,\"3\":null}");
    add("list_columns", "list_columns.parquet", 0, "utf8_list", "[\"abc\",\"efg\",\"hij\"]");
    add("repeated_primitive_no_list", "repeated_primitive_no_list.parquet", 0, "Int32_list", "[0,1,2,3]");
    add("nonnullable.impala", "nonnullable.impala.parquet", 0, "int_array_array", "[[-1,-2],[]]");
    add("nullable.impala map", "nullable.impala.parquet", 0, "int_map", "{\"k1\":1,\"k2\":100}");
    add("hadoop lz4", "hadoop_lz4_compressed.parquet", 0, "v11", "42.0");
    add("non-hadoop lz4", "non_hadoop_lz4_compressed.parquet", 0, "c0", "1593604800");
    add("lz4 raw larger", "lz4_raw_compressed_larger.parquet", 0, "a", "\"c7ce6bef-d5b0-4863-b199-8ea8c7fb117b\"");
    add("concatenated gzip", "concatenated_gzip_members.parquet", 512, "long_col", "513");
    add("float16", "float16_nonzeros_and_nans.parquet", 1, "x", "1.0");
    add("byte_stream_split", "byte_stream_split.zstd.parquet", 0, "f32", "1.764052391052246");
    add("rle booleans", "rle_boolean_encoding.parquet", 0, "datatype_boolean", "true");
}

void TestParquetConformance::documentedValues()
{
    QFETCH(QString, file);
    QFETCH(int, row);
    QFETCH(QString, field);
    QFETCH(QString, json);
    const FileContents c = readAll(corpus(QStringLiteral("data/")) + file);
    QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
    QVERIFY(size_t(row) < c.rows.size());
    const Json &r = c.rows[size_t(row)];
    QVERIFY2(r.contains(ss(field)), qPrintable(qs(r.dump())));
    QCOMPARE(qs(dumpCompact(r[ss(field)])), json);
}

void TestParquetConformance::badDataFails_data()
{
    QTest::addColumn<QString>("path");
    QDirIterator it(corpus(QStringLiteral("bad_data")), {QStringLiteral("*.parquet")}, QDir::Files);
    QStringList paths;
    while (it.hasNext())
        paths << it.next();
    paths.sort();
    QCOMPARE(paths.size(), 8);
    for (const QString &p : paths)
        QTest::newRow(qPrintable(QFileInfo(p).fileName())) << p;
}

void TestParquetConformance::badDataFails()
{
    QFETCH(QString, path);
    const FileContents c = readAll(path);
    // ARROW-GH-43605 crashed Arrow (dictionary indices with RLE bit width 0),
    // but the file is valid: width 0 means every index is 0.
    if (QFileInfo(path).fileName() == QLatin1String("ARROW-GH-43605.parquet")) {
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QCOMPARE(c.rows.size(), size_t(21186));
        QCOMPARE(qs(dumpCompact(c.rows.front())), QStringLiteral("{\"min_fl\":0}"));
        return;
    }
    QVERIFY2(!c.error.isEmpty(), "a malformed file was read without error");
    // The message names the file.
    QVERIFY2(c.error.contains(QFileInfo(path).fileName()), qPrintable(c.error));
}

QTEST_GUILESS_MAIN(TestParquetConformance)
#include "tst_parquetconformance.moc"
