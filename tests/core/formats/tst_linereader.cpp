// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/linereader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kx;

class TestLineReader final : public QObject
{
    Q_OBJECT

private slots:
    void lines_data();
    void lines();
    void offsets();
    void missingFile();
    void lineTooLong();
};

void TestLineReader::lines_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("bufferSize");
    QTest::addColumn<QList<QByteArray>>("expected");
    QTest::newRow("lf") << QByteArray("a\nbb\nccc\n") << 1024 << QList<QByteArray>{"a", "bb", "ccc"};
    QTest::newRow("no final newline") << QByteArray("a\nbb") << 1024 << QList<QByteArray>{"a", "bb"};
    QTest::newRow("crlf") << QByteArray("a\r\nbb\r\n") << 1024 << QList<QByteArray>{"a", "bb"};
    QTest::newRow("bom") << QByteArray("\xef\xbb\xbfx\ny") << 1024 << QList<QByteArray>{"x", "y"};
    QTest::newRow("bom only") << QByteArray("\xef\xbb\xbf") << 1024 << QList<QByteArray>{};
    QTest::newRow("empty lines kept") << QByteArray("\n\nz\n") << 1024 << QList<QByteArray>{"", "", "z"};
    QTest::newRow("tiny buffer") << QByteArray("first line\nsecond, longer line\nthird\n") << 4
                                 << QList<QByteArray>{"first line", "second, longer line", "third"};
    QTest::newRow("line longer than buffer") << QByteArray(5000, 'x') + "\nend" << 64
                                             << QList<QByteArray>{QByteArray(5000, 'x'), "end"};
}

void TestLineReader::lines()
{
    QFETCH(QByteArray, content);
    QFETCH(int, bufferSize);
    QFETCH(QList<QByteArray>, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f.txt"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();

    LineReader reader(path, bufferSize);
    QVERIFY(reader.open().ok());
    QList<QByteArray> got;
    QByteArrayView line;
    for (;;) {
        auto more = reader.next(line);
        QVERIFY(more.ok());
        if (!*more)
            break;
        got.append(line.toByteArray());
        QCOMPARE(reader.lineNumber(), qint64(got.size()));
    }
    QCOMPARE(got, expected);
    QCOMPARE(reader.bytesConsumed(), qint64(content.size()));
}

void TestLineReader::offsets()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f.txt"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("\xef\xbb\xbf" "ab\r\ncd\n");
    f.close();
    LineReader reader(path, 2);
    QVERIFY(reader.open().ok());
    QByteArrayView line;
    QVERIFY(*reader.next(line));
    QCOMPARE(reader.lineOffset(), qint64(3));
    QVERIFY(reader.lineHadCr());
    QVERIFY(*reader.next(line));
    QCOMPARE(line, QByteArrayView("cd"));
    QCOMPARE(reader.lineOffset(), qint64(7));
    QVERIFY(!reader.lineHadCr());
}

void TestLineReader::missingFile()
{
    LineReader reader(QStringLiteral("/nonexistent/dir/x.jsonl"));
    const auto r = reader.open();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::Io);
    QVERIFY(r.error().message.contains(QLatin1String("/nonexistent/dir/x.jsonl")));
}

void TestLineReader::lineTooLong()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f.txt"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("short\n" + QByteArray(1000, 'x') + "\nshort\n");
    f.close();
    LineReader reader(path, 64, 512);
    QVERIFY(reader.open().ok());
    QByteArrayView line;
    QVERIFY(*reader.next(line));
    const auto r = reader.next(line);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().message, path + QStringLiteral(":2: the line is longer than 512 bytes"));
}

QTEST_GUILESS_MAIN(TestLineReader)
#include "tst_linereader.moc"
