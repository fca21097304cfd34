// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/columnmappingimporter.h"
#include "memorysink.h"

#include <QTest>

using namespace kx;
using kx::test::MemorySink;

namespace {
const QString fixtures = QStringLiteral(KX_TEST_FIXTURES "/importers/generic/");
}

class TestColumnMappingImporter final : public QObject
{
    Q_OBJECT

private slots:
    void parseMapping();
    void parseMappingErrors_data();
    void parseMappingErrors();
    void files_data();
    void files();
    void csvCategory();
    void unknownColumn_data();
    void unknownColumn();
};

void TestColumnMappingImporter::parseMapping()
{
    const auto m = ColumnMappingImporter::parseMapping({QStringLiteral("user=question,expected=answer"),
                                                        QStringLiteral("id=qid")});
    QVERIFY(m.ok());
    QCOMPARE(m->size(), 3);
    QCOMPARE(m->value(QStringLiteral("user")), QStringLiteral("question"));
    QCOMPARE(m->value(QStringLiteral("id")), QStringLiteral("qid"));
}

void TestColumnMappingImporter::parseMappingErrors_data()
{
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("message");
    QTest::newRow("no user") << QStringLiteral("expected=answer") << QStringLiteral("the user column is required");
    QTest::newRow("bad target") << QStringLiteral("user=q,foo=bar") << QStringLiteral("unknown target \"foo\"");
    QTest::newRow("no column") << QStringLiteral("user=") << QStringLiteral("\"user=\" is not TARGET=COLUMN");
}

void TestColumnMappingImporter::parseMappingErrors()
{
    QFETCH(QString, item);
    QFETCH(QString, message);
    const auto m = ColumnMappingImporter::parseMapping({item});
    QVERIFY(!m.ok());
    QVERIFY2(m.error().message.contains(message), qPrintable(m.error().message));
}

void TestColumnMappingImporter::files_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("jsonl") << QStringLiteral("qa.jsonl");
    QTest::newRow("csv") << QStringLiteral("qa.csv");
}

void TestColumnMappingImporter::files()
{
    QFETCH(QString, file);
    const auto mapping = ColumnMappingImporter::parseMapping({QStringLiteral("user=question,expected=answer,id=qid")});
    QVERIFY(mapping.ok());
    MemorySink sink;
    ImportProgress progress;
    const auto n = ColumnMappingImporter(*mapping).convertFile(fixtures + file, sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(2));
    const TestScenario &s = sink.scenarios.first();
    QCOMPARE(s.id, QStringLiteral("q1"));
    QCOMPARE(s.messages.size(), 1);
    QCOMPARE(s.messages[0].content, QStringLiteral("What is 2+2?"));
    QCOMPARE(qs(s.evaluationCriteria["expected_answer"].get<std::string>()), QStringLiteral("4"));
    QCOMPARE(s.category, Category::Benchmark);
    QCOMPARE(sink.scenarios[1].provenance.row, qint64(1));
    QCOMPARE(sink.scenarios[1].provenance.sourceFile, fixtures + file);
}

void TestColumnMappingImporter::csvCategory()
{
    const auto mapping = ColumnMappingImporter::parseMapping({QStringLiteral("user=question"),
                                                              QStringLiteral("category=kind")});
    MemorySink sink;
    ImportProgress progress;
    const auto n = ColumnMappingImporter(*mapping).convertFile(fixtures + QStringLiteral("qa.csv"), sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(sink.scenarios[0].category, Category::Adversarial);
    QCOMPARE(sink.scenarios[1].category, Category::Benchmark);
    QCOMPARE(sink.scenarios[1].messages[0].content, QStringLiteral("Capital of France, please?"));
    QCOMPARE(sink.scenarios[1].id, QStringLiteral("generic_qa_1"));
}

void TestColumnMappingImporter::unknownColumn_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("jsonl") << QStringLiteral("qa.jsonl") << QStringLiteral("qa.jsonl:1: no column \"prompt\" (mapped to user)");
    QTest::newRow("csv") << QStringLiteral("qa.csv") << QStringLiteral("qa.csv:1: no column \"prompt\" (mapped to user)");
}

void TestColumnMappingImporter::unknownColumn()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    const auto mapping = ColumnMappingImporter::parseMapping({QStringLiteral("user=prompt")});
    MemorySink sink;
    ImportProgress progress;
    const auto n = ColumnMappingImporter(*mapping).convertFile(fixtures + file, sink, progress);
    QVERIFY(!n.ok());
    QVERIFY2(n.error().message.contains(message), qPrintable(n.error().message));
    QCOMPARE(sink.scenarios.size(), 0);
}

QTEST_GUILESS_MAIN(TestColumnMappingImporter)
#include "tst_columnmappingimporter.moc"
