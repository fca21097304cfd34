// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/jsondocumentreader.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

class TestJsonDocumentReader final : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void sizeCap();
    void missingFile();
    void realBbh();
};

void TestJsonDocumentReader::parses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("dump");
    QTest::newRow("object") << QByteArray("{\"examples\": [{\"input\": \"a\", \"target\": \"b\"}]}")
                            << QStringLiteral("{\"examples\":[{\"input\":\"a\",\"target\":\"b\"}]}");
    QTest::newRow("pretty with bom") << QByteArray("\xef\xbb\xbf{\n  \"k\": [1,\n 2]\n}\n")
                                     << QStringLiteral("{\"k\":[1,2]}");
    QTest::newRow("keys keep order") << QByteArray("{\"z\":1,\"a\":2}") << QStringLiteral("{\"z\":1,\"a\":2}");
    QTest::newRow("array") << QByteArray("[\"x\", 2.5]") << QStringLiteral("[\"x\",2.5]");
}

void TestJsonDocumentReader::parses()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, dump);
    const auto doc = JsonDocumentReader::parse(text, QStringLiteral("t.json"));
    QVERIFY2(doc.ok(), doc.ok() ? "" : qPrintable(doc.error().message));
    QCOMPARE(qs(doc->dump()), dump);
}

void TestJsonDocumentReader::rejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("t.json: the file is empty");
    QTest::newRow("missing comma line 3") << QByteArray("{\n  \"a\": 1\n  \"b\": 2\n}")
                                          << QStringLiteral("t.json:3:5: invalid JSON: ");
    QTest::newRow("unterminated") << QByteArray("{\"a\": [1, 2") << QStringLiteral("t.json:1:12: invalid JSON: ");
    QTest::newRow("invalid utf-8") << QByteArray("{\n\"a\": \"caf\xe9\"}") << QStringLiteral("t.json:2:10: invalid UTF-8 at byte offset 11");
    QTest::newRow("trailing garbage") << QByteArray("{}\n}") << QStringLiteral("t.json:2:1: invalid JSON: ");
}

void TestJsonDocumentReader::rejects()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const auto doc = JsonDocumentReader::parse(text, QStringLiteral("t.json"));
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, Error::Code::BadInput);
    QVERIFY2(doc.error().message.startsWith(message), qPrintable(doc.error().message));
}

void TestJsonDocumentReader::sizeCap()
{
    const auto doc = JsonDocumentReader::read(QStringLiteral(KX_SHARED_DATA "/bbh/bbh/navigate.json"), 100);
    QVERIFY(!doc.ok());
    QVERIFY(doc.error().message.contains(QLatin1String("navigate.json")));
    QVERIFY(doc.error().message.contains(QLatin1String("100")));
}

void TestJsonDocumentReader::missingFile()
{
    const auto doc = JsonDocumentReader::read(QStringLiteral("/nonexistent/x.json"));
    QVERIFY(!doc.ok());
    QCOMPARE(doc.error().code, Error::Code::Io);
    QVERIFY(doc.error().message.startsWith(QLatin1String("/nonexistent/x.json: ")));
}

void TestJsonDocumentReader::realBbh()
{
    const QDir dir(QStringLiteral(KX_SHARED_DATA "/bbh/bbh"));
    qint64 total = 0;
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const auto doc = JsonDocumentReader::read(dir.filePath(name));
        QVERIFY2(doc.ok(), qPrintable(name));
        total += qint64((*doc)["examples"].size());
    }
    QCOMPARE(total, qint64(6511));
    const auto broken = JsonDocumentReader::read(QStringLiteral(KX_TEST_FIXTURES "/importers/bbh_broken.json"));
    QVERIFY(!broken.ok());
    QVERIFY2(broken.error().message.contains(QLatin1String("bbh_broken.json:4:")), qPrintable(broken.error().message));
}

QTEST_GUILESS_MAIN(TestJsonDocumentReader)
#include "tst_jsondocumentreader.moc"
