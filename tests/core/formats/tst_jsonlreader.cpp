// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/jsonlreader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kx;

class TestJsonlReader final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reads_data();
    void reads();
    void rejects_data();
    void rejects();
    void fixtures_data();
    void fixtures();
    void skipCounts();
    void realGsm8k();

private:
    QString write(const QByteArray &content);
    QTemporaryDir m_dir;
    int m_files = 0;
};

void TestJsonlReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestJsonlReader::write(const QByteArray &content)
{
    const QString path = m_dir.filePath(QStringLiteral("t%1.jsonl").arg(++m_files));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

void TestJsonlReader::reads_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("records");   // compact dumps
    QTest::addColumn<QList<qint64>>("lines");   // 1-based line of each record
    QTest::newRow("two records") << QByteArray("{\"a\":1}\n{\"b\":[true,null]}\n")
                                 << QStringList{QStringLiteral("{\"a\":1}"), QStringLiteral("{\"b\":[true,null]}")}
                                 << QList<qint64>{1, 2};
    QTest::newRow("no final newline") << QByteArray("{\"a\":1}") << QStringList{QStringLiteral("{\"a\":1}")}
                                      << QList<qint64>{1};
    QTest::newRow("blank lines skipped") << QByteArray("\n{\"a\":1}\n  \n\t\n{\"a\":2}\n\n")
                                         << QStringList{QStringLiteral("{\"a\":1}"), QStringLiteral("{\"a\":2}")}
                                         << QList<qint64>{2, 5};
    QTest::newRow("bom and crlf") << QByteArray("\xef\xbb\xbf{\"a\":\"x\"}\r\n\r\n{\"a\":\"y\"}\r\n")
                                  << QStringList{QStringLiteral("{\"a\":\"x\"}"), QStringLiteral("{\"a\":\"y\"}")}
                                  << QList<qint64>{1, 3};
    QTest::newRow("unicode kept") << QByteArray("{\"q\":\"Janet\xe2\x80\x99s ducks \\u00e9\"}\n")
                                  << QStringList{QStringLiteral("{\"q\":\"Janet’s ducks é\"}")} << QList<qint64>{1};
    QTest::newRow("not only objects") << QByteArray("[1,2]\n\"s\"\n3\n")
                                      << QStringList{QStringLiteral("[1,2]"), QStringLiteral("\"s\""),
                                                     QStringLiteral("3")}
                                      << QList<qint64>{1, 2, 3};
}

void TestJsonlReader::reads()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, records);
    QFETCH(QList<qint64>, lines);
    JsonlReader reader(write(content));
    QVERIFY(reader.open().ok());
    Json record;
    int i = 0;
    for (;; ++i) {
        auto more = reader.next(record);
        QVERIFY2(more.ok(), more.ok() ? "" : qPrintable(more.error().message));
        if (!*more)
            break;
        QVERIFY(i < records.size());
        QCOMPARE(qs(record.dump()), records.at(i));
        QCOMPARE(reader.lineNumber(), lines.at(i));
        QCOMPARE(reader.recordIndex(), qint64(i));
    }
    QCOMPARE(i, records.size());
    QCOMPARE(reader.bytesRead(), qint64(content.size()));
}

void TestJsonlReader::rejects_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("goodRecords");
    QTest::addColumn<QString>("message"); // "%1" is the file path
    QTest::newRow("syntax error line 3") << QByteArray("{\"a\":1}\n{\"a\":2}\n{\"a\":\n") << 2
                                         << QStringLiteral("%1:3: invalid JSON: column");
    QTest::newRow("trailing garbage") << QByteArray("{\"a\":1} x\n") << 0 << QStringLiteral("%1:1: invalid JSON:");
    QTest::newRow("after blank lines") << QByteArray("{\"a\":1}\n\n\n{oops}\n") << 1
                                       << QStringLiteral("%1:4: invalid JSON:");
    QTest::newRow("invalid utf-8") << QByteArray("{\"a\":1}\n{\"a\":\"caf\xe9\"}\n") << 1
                                   << QStringLiteral("%1:2: invalid UTF-8 at byte offset 17");
    QTest::newRow("invalid utf-8 after bom") << QByteArray("\xef\xbb\xbf{\"a\":\"\xc0\xaf\"}\n") << 0
                                             << QStringLiteral("%1:1: invalid UTF-8 at byte offset 9");
    QTest::newRow("truncated last line") << QByteArray("{\"a\":1}\n{\"a\":[1,2") << 1
                                         << QStringLiteral("%1:2: invalid JSON:");
}

void TestJsonlReader::rejects()
{
    QFETCH(QByteArray, content);
    QFETCH(int, goodRecords);
    QFETCH(QString, message);
    const QString path = write(content);
    JsonlReader reader(path);
    QVERIFY(reader.open().ok());
    Json record;
    for (int i = 0; i < goodRecords; ++i) {
        auto more = reader.next(record);
        QVERIFY(more.ok() && *more);
    }
    auto bad = reader.next(record);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, Error::Code::BadInput);
    QVERIFY2(bad.error().message.startsWith(message.arg(path)), qPrintable(bad.error().message));
}

void TestJsonlReader::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("broken line") << QStringLiteral("broken_line.jsonl") << QStringLiteral("broken_line.jsonl:3: invalid JSON: ");
    QTest::newRow("invalid utf-8") << QStringLiteral("invalid_utf8.jsonl")
                                   << QStringLiteral("invalid_utf8.jsonl:2: invalid UTF-8 at byte offset 88");
    QTest::newRow("empty") << QStringLiteral("empty.jsonl") << QStringLiteral("empty.jsonl: the file is empty");
}

void TestJsonlReader::fixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    JsonlReader reader(QStringLiteral(KX_TEST_FIXTURES "/importers/") + file);
    const auto opened = reader.open();
    Result<bool> r = opened.ok() ? Result<bool>(true) : Result<bool>(opened.error());
    Json record;
    while (r.ok() && *r)
        r = reader.next(record);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
}

void TestJsonlReader::skipCounts()
{
    JsonlReader reader(write("{\"a\":1}\n\n{not json at all}\n{\"a\":3}\n"));
    QVERIFY(reader.open().ok());
    qint64 n = 0;
    for (;;) {
        auto more = reader.skip();
        QVERIFY(more.ok());
        if (!*more)
            break;
        ++n;
    }
    QCOMPARE(n, qint64(3)); // skip() does not parse, so line 3 counts
    QCOMPARE(reader.lineNumber(), qint64(4));
}

void TestJsonlReader::realGsm8k()
{
    JsonlReader reader(QStringLiteral(KX_SHARED_DATA "/gsm8k/grade_school_math/data/test.jsonl"));
    QVERIFY(reader.open().ok());
    Json record;
    qint64 n = 0;
    for (;;) {
        auto more = reader.next(record);
        QVERIFY(more.ok());
        if (!*more)
            break;
        QVERIFY(record.contains("question") && record.contains("answer"));
        ++n;
    }
    QCOMPARE(n, qint64(1319));
    QCOMPARE(reader.bytesRead(), reader.size());
}

QTEST_GUILESS_MAIN(TestJsonlReader)
#include "tst_jsonlreader.moc"
