// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/csvreader.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

using Rows = QList<QStringList>;

class TestCsvReader final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reads_data();
    void reads();
    void rejects_data();
    void rejects();
    void header();
    void fixtures_data();
    void fixtures();
    void everyMmluDevFile();

private:
    QString write(const QByteArray &content);
    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestCsvReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestCsvReader::write(const QByteArray &content)
{
    const QString path = m_dir.filePath(QStringLiteral("t%1.csv").arg(++m_files));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

void TestCsvReader::reads_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<Rows>("rows");
    QTest::addColumn<QList<qint64>>("lines");
    const auto l = [](std::initializer_list<const char *> fields) {
        QStringList out;
        for (const char *f : fields)
            out.append(QString::fromUtf8(f));
        return out;
    };
    QTest::newRow("plain") << QByteArray("a,b,c\n1,2,3\n") << Rows{l({"a", "b", "c"}), l({"1", "2", "3"})}
                           << QList<qint64>{1, 2};
    QTest::newRow("no final newline") << QByteArray("a,b") << Rows{l({"a", "b"})} << QList<qint64>{1};
    QTest::newRow("empty fields") << QByteArray(",x,\n") << Rows{l({"", "x", ""})} << QList<qint64>{1};
    QTest::newRow("quoted comma") << QByteArray("\"True, True\",\"False, False\"\n")
                                  << Rows{l({"True, True", "False, False"})} << QList<qint64>{1};
    QTest::newRow("doubled quotes") << QByteArray("\"say \"\"hi\"\"\",\"\"\"\"\n")
                                    << Rows{l({"say \"hi\"", "\""})} << QList<qint64>{1};
    QTest::newRow("embedded newline") << QByteArray("\"line one\nline two\",b\nnext,row\n")
                                      << Rows{l({"line one\nline two", "b"}), l({"next", "row"})}
                                      << QList<qint64>{1, 3};
    QTest::newRow("embedded blank line") << QByteArray("\"a\n\nb\",c\n") << Rows{l({"a\n\nb", "c"})}
                                         << QList<qint64>{1};
    QTest::newRow("crlf and bom") << QByteArray("\xef\xbb\xbfx,y\r\n\"p\r\nq\",z\r\n")
                                  << Rows{l({"x", "y"}), l({"p\r\nq", "z"})} << QList<qint64>{1, 2};
    QTest::newRow("blank lines skipped") << QByteArray("a\n\n\nb\n") << Rows{l({"a"}), l({"b"})}
                                         << QList<qint64>{1, 4};
    QTest::newRow("quote inside unquoted kept") << QByteArray("5\" pipe,x\n") << Rows{l({"5\" pipe", "x"})}
                                                << QList<qint64>{1};
    QTest::newRow("utf-8") << QByteArray("caf\xc3\xa9,\xe2\x80\x99\n") << Rows{l({"café", "’"})}
                           << QList<qint64>{1};
    QTest::newRow("empty quoted") << QByteArray("\"\",\"\"\n") << Rows{l({"", ""})} << QList<qint64>{1};
}

void TestCsvReader::reads()
{
    QFETCH(QByteArray, content);
    QFETCH(Rows, rows);
    QFETCH(QList<qint64>, lines);
    CsvReader reader(write(content));
    QVERIFY(reader.open().ok());
    Rows got;
    for (;;) {
        auto more = reader.next();
        QVERIFY2(more.ok(), more.ok() ? "" : qPrintable(more.error().message));
        if (!*more)
            break;
        QStringList fields;
        for (int i = 0; i < reader.fieldCount(); ++i)
            fields.append(reader.fieldString(i));
        QCOMPARE(reader.lineNumber(), lines.value(got.size()));
        QCOMPARE(reader.recordIndex(), qint64(got.size()));
        got.append(fields);
    }
    QCOMPARE(got, rows);
}

void TestCsvReader::rejects_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("expectedFields");
    QTest::addColumn<QString>("message"); // %1 = path
    QTest::newRow("unterminated quote") << QByteArray("a,b\nc,\"open\nstill open\n") << 0
                                        << QStringLiteral("%1:2: unterminated quoted field starting on line 2");
    QTest::newRow("unterminated in later field") << QByteArray("x,y\n\n\"a\nb\",\"c\nd\n") << 0
                                                 << QStringLiteral("%1:3: unterminated quoted field starting on line 4");
    QTest::newRow("ragged short") << QByteArray("1,2,3\n1,2\n") << 3 << QStringLiteral("%1:2: expected 3 fields, found 2");
    QTest::newRow("ragged long") << QByteArray("1,2,3,4,5,6,7\n") << 6 << QStringLiteral("%1:1: expected 6 fields, found 7");
    QTest::newRow("ragged after multi-line") << QByteArray("\"a\nb\",2,3\nx,y\n") << 3
                                             << QStringLiteral("%1:3: expected 3 fields, found 2");
    QTest::newRow("invalid utf-8") << QByteArray("ok,fine\nbad,caf\xe9\n") << 0
                                   << QStringLiteral("%1:2: invalid UTF-8 at byte offset 15");
    QTest::newRow("invalid utf-8 in quoted continuation") << QByteArray("\"a\nb\xff\",c\n") << 0
                                                          << QStringLiteral("%1:2: invalid UTF-8 at byte offset 4");
}

void TestCsvReader::rejects()
{
    QFETCH(QByteArray, content);
    QFETCH(int, expectedFields);
    QFETCH(QString, message);
    const QString path = write(content);
    CsvReader reader(path, CsvReader::Options{false, expectedFields, ','});
    QVERIFY(reader.open().ok());
    Result<bool> r = true;
    while (r.ok() && *r)
        r = reader.next();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::BadInput);
    QCOMPARE(r.error().message, message.arg(path));
}

void TestCsvReader::header()
{
    const QString path = write("name,\"age, years\"\nana,31\nbo\n");
    CsvReader reader(path, CsvReader::Options{true, 0, ','});
    QVERIFY(reader.open().ok());
    QCOMPARE(reader.header(), (QStringList{QStringLiteral("name"), QStringLiteral("age, years")}));
    auto r = reader.next();
    QVERIFY(r.ok() && *r);
    QCOMPARE(reader.recordIndex(), qint64(0));
    QCOMPARE(reader.fieldString(1), QStringLiteral("31"));
    r = reader.next();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().message, QStringLiteral("%1:3: expected 2 fields, found 1").arg(path));
}

void TestCsvReader::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("unterminated") << QStringLiteral("unterminated_quote.csv")
                                  << QStringLiteral("unterminated_quote.csv:2: unterminated quoted field starting on line 2");
    QTest::newRow("ragged") << QStringLiteral("ragged_rows.csv")
                            << QStringLiteral("ragged_rows.csv:4: expected 6 fields, found 5");
    QTest::newRow("invalid utf-8") << QStringLiteral("invalid_utf8.csv")
                                   << QStringLiteral("invalid_utf8.csv:2: invalid UTF-8 at byte offset 19");
}

void TestCsvReader::fixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    CsvReader reader(QStringLiteral(KX_TEST_FIXTURES "/importers/") + file, CsvReader::Options{false, 6, ','});
    QVERIFY(reader.open().ok());
    Result<bool> r = true;
    while (r.ok() && *r)
        r = reader.next();
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.endsWith(message), qPrintable(r.error().message));
}

void TestCsvReader::everyMmluDevFile()
{
    const QDir dir(QStringLiteral(KX_SHARED_DATA "/mmlu/data/dev"));
    const QStringList files = dir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 57);
    qint64 total = 0;
    for (const QString &name : files) {
        CsvReader reader(dir.filePath(name), CsvReader::Options{false, 6, ','});
        QVERIFY(reader.open().ok());
        int rows = 0;
        for (;;) {
            auto more = reader.next();
            QVERIFY2(more.ok(), more.ok() ? "" : qPrintable(more.error().message));
            if (!*more)
                break;
            QCOMPARE(reader.fieldCount(), 6);
            const QByteArrayView answer = reader.field(5);
            QVERIFY2(answer == "A" || answer == "B" || answer == "C" || answer == "D", qPrintable(name));
            ++rows;
        }
        QCOMPARE(rows, 5); // every MMLU dev file holds the five few-shot examples
        total += rows;
    }
    QCOMPARE(total, qint64(285));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
