// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/columnmappingimporter.h"
#include "hub/parquetmaker.h"
#include "importers/importprogress.h"
#include "importers/importservice.h"
#include "memorysink.h"
#include "store/workspacestore.h"

#include <QTemporaryDir>
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
    void parquet();
    void parquetUnknownColumn();
    void parquetThroughImportService();

private:
    /** Writes a 5-row parquet file (qid, question, answer, choices: list<string>) in row groups of 2. */
    static QString writeQa(const QString &path);
};

QString TestColumnMappingImporter::writeQa(const QString &path)
{
    using namespace kx::test;
    std::vector<ParquetRow> rows;
    for (int i = 0; i < 5; ++i) {
        const std::string n = std::to_string(i);
        rows.push_back({text("q" + n), text("What is " + n + "+1?"), i == 3 ? null() : text(std::to_string(i + 1)),
                        items({"a" + n, "b" + n})});
    }
    return writeParquet(path, {stringField("qid"), stringField("question"), stringField("answer"), listField("choices")},
                        rows, 2);
}

void TestColumnMappingImporter::parquet()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("qa.parquet"));
    const QString err = writeQa(file);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    ColumnMappingImporter importer({{QStringLiteral("user"), QStringLiteral("question")},
                                    {QStringLiteral("expected"), QStringLiteral("answer")},
                                    {QStringLiteral("system"), QStringLiteral("choices")}});
    QVERIFY(importer.suffixes().contains(QStringLiteral("parquet")));
    MemorySink sink;
    ImportProgress progress;
    const auto added = importer.convertFile(file, sink, progress);
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    QCOMPARE(*added, qint64(5));
    QCOMPARE(sink.scenarios.size(), 5);
    // Row 4 is in the third row group.
    const TestScenario &last = sink.scenarios.at(4);
    QCOMPARE(last.id, QStringLiteral("generic_qa_4"));
    QCOMPARE(last.provenance.row, qint64(4));
    QCOMPARE(last.provenance.sourceFile, file);
    QCOMPARE(last.messages.size(), 2);
    QCOMPARE(last.messages.at(0).role, QStringLiteral("system"));
    QCOMPARE(last.messages.at(0).content, QStringLiteral(R"(["a4","b4"])")); // a list becomes its JSON text
    QCOMPARE(last.messages.at(1).content, QStringLiteral("What is 4+1?"));
    QVERIFY(last.evaluationCriteria["expected_answer"] == Json("5"));
    // A null cell maps to an empty text.
    QVERIFY(sink.scenarios.at(3).evaluationCriteria["expected_answer"] == Json(""));
}

void TestColumnMappingImporter::parquetUnknownColumn()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("qa.parquet"));
    QVERIFY(writeQa(file).isEmpty());
    ColumnMappingImporter importer({{QStringLiteral("user"), QStringLiteral("question")},
                                    {QStringLiteral("id"), QStringLiteral("uid")}});
    MemorySink sink;
    ImportProgress progress;
    const auto added = importer.convertFile(file, sink, progress);
    QVERIFY(!added.ok());
    const QString message = added.error().message;
    QVERIFY2(message.startsWith(file + QStringLiteral(": no column \"uid\" (mapped to id)")), qPrintable(message));
    QVERIFY2(message.endsWith(QStringLiteral("qid, question, answer, choices")), qPrintable(message));
    QCOMPARE(sink.scenarios.size(), 0);
}

void TestColumnMappingImporter::parquetThroughImportService()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("data/qa.parquet"));
    QVERIFY(writeQa(file).isEmpty());
    auto store = WorkspaceStore::open(dir.filePath(QStringLiteral("workspace.kairix")));
    QVERIFY(store.ok());
    ImportRequest request;
    request.paths = {file};
    request.mapping = {QStringLiteral("user=question,expected=answer,id=qid")};
    const auto outcome = ImportService::run(**store, request);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
    QCOMPARE(outcome->kind, QStringLiteral("generic"));
    QCOMPARE(outcome->scenarios, qint64(5));
    QCOMPARE(outcome->datasetIds.size(), 1);
    QList<TestScenario> stored;
    ScenarioFilter filter;
    filter.datasetIds = outcome->datasetIds;
    QVERIFY((*store)->forEachScenario(filter, [&stored](const TestScenario &s) -> Result<void> {
        stored.append(s);
        return {};
    }).ok());
    QCOMPARE(stored.size(), 5);
    QCOMPARE(stored.at(2).id, QStringLiteral("q2"));
    QCOMPARE(stored.at(2).messages.first().content, QStringLiteral("What is 2+1?"));

    // A bad column fails the import and the session is rolled back: still one dataset.
    request.mapping = {QStringLiteral("user=prompt")};
    const auto failed = ImportService::run(**store, request);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().message.contains(QStringLiteral("qid, question, answer, choices")),
             qPrintable(failed.error().message));
    QCOMPARE((*store)->datasets()->size(), 1);
}

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
