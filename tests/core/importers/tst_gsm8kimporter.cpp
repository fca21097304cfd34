// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/gsm8kimporter.h"
#include "memorysink.h"

#include <QTest>

using namespace kx;
using kx::test::MemorySink;

namespace {
const QString testFile = QStringLiteral(KX_SHARED_DATA "/gsm8k/grade_school_math/data/test.jsonl");
const QString fixtures = QStringLiteral(KX_TEST_FIXTURES "/importers/");
}

class TestGsm8kImporter final : public QObject
{
    Q_OBJECT

private slots:
    void realTestFile();
    void otherFiles_data();
    void otherFiles();
    void splitAndConfig_data();
    void splitAndConfig();
    void bomCrlf();
    void rejects_data();
    void rejects();
    void progressAndCancel();
    void sinkErrorStops();
};

void TestGsm8kImporter::realTestFile()
{
    MemorySink sink;
    ImportProgress progress;
    const auto n = Gsm8kImporter().convertFile(testFile, sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(1319));
    QCOMPARE(sink.scenarios.size(), 1319);

    const TestScenario &first = sink.scenarios.first();
    QCOMPARE(first.id, QStringLiteral("gsm8k_test_0"));
    QCOMPARE(first.messages.size(), 1);
    QCOMPARE(first.messages[0].role, QStringLiteral("user"));
    QVERIFY(first.messages[0].content.startsWith(QStringLiteral("Janet’s ducks lay 16 eggs")));
    QCOMPARE(qs((first.evaluationCriteria["expected_answer"]).dump()), qs((Json("18")).dump()));
    QCOMPARE(qs((first.evaluationCriteria["exact_match"]).dump()), qs((Json(1.0)).dump()));
    QVERIFY(qs(first.evaluationCriteria["reference_solution"].get<std::string>())
                .startsWith(QStringLiteral("Janet sells 16 - 3 - 4 = <<16-3-4=9>>9 duck eggs a day.")));
    QCOMPARE(first.expectedCapabilities,
             (QStringList{QStringLiteral("mathematical_reasoning"), QStringLiteral("multi_step_reasoning")}));
    QCOMPARE(first.category, Category::Benchmark);
    QCOMPARE(first.provenance.sourceFile, testFile);
    QCOMPARE(first.provenance.split, QStringLiteral("test"));
    QCOMPARE(first.provenance.config, QStringLiteral("main"));
    QCOMPARE(first.provenance.row, qint64(0));

    const TestScenario &last = sink.scenarios.last();
    QCOMPARE(last.provenance.row, qint64(1318));
    QCOMPARE(last.id, QStringLiteral("gsm8k_test_1318"));
    // Every row has an answer and distinct ids.
    QSet<QString> ids;
    for (const TestScenario &s : std::as_const(sink.scenarios)) {
        QVERIFY(!s.evaluationCriteria["expected_answer"].get<std::string>().empty());
        ids.insert(s.id);
    }
    QCOMPARE(ids.size(), 1319);
}

void TestGsm8kImporter::otherFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("split");
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("firstId");
    QTest::newRow("train") << QStringLiteral("train.first500.jsonl") << 500 << QStringLiteral("train")
                           << QStringLiteral("main") << QStringLiteral("gsm8k_train.first500_0");
    QTest::newRow("socratic") << QStringLiteral("test_socratic.first50.jsonl") << 50 << QStringLiteral("test")
                              << QStringLiteral("socratic") << QStringLiteral("gsm8k_test_socratic.first50_0");
}

void TestGsm8kImporter::otherFiles()
{
    QFETCH(QString, file);
    QFETCH(int, count);
    QFETCH(QString, split);
    QFETCH(QString, config);
    QFETCH(QString, firstId);
    MemorySink sink;
    ImportProgress progress;
    const auto n = Gsm8kImporter().convertFile(QStringLiteral(KX_SHARED_DATA "/gsm8k/grade_school_math/data/") + file,
                                               sink, progress);
    QVERIFY(n.ok());
    QCOMPARE(*n, qint64(count));
    QCOMPARE(sink.scenarios.first().provenance.split, split);
    QCOMPARE(sink.scenarios.first().provenance.config, config);
    QCOMPARE(sink.scenarios.first().id, firstId);
}

void TestGsm8kImporter::splitAndConfig_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("split");
    QTest::addColumn<QString>("config");
    QTest::newRow("test") << QStringLiteral("/x/test.jsonl") << QStringLiteral("test") << QStringLiteral("main");
    QTest::newRow("train") << QStringLiteral("train.jsonl") << QStringLiteral("train") << QStringLiteral("main");
    QTest::newRow("socratic") << QStringLiteral("train_socratic.jsonl") << QStringLiteral("train")
                              << QStringLiteral("socratic");
    QTest::newRow("other") << QStringLiteral("mine.jsonl") << QString() << QStringLiteral("main");
}

void TestGsm8kImporter::splitAndConfig()
{
    QFETCH(QString, file);
    QFETCH(QString, split);
    QFETCH(QString, config);
    QCOMPARE(Gsm8kImporter::splitOf(file), split);
    QCOMPARE(Gsm8kImporter::configOf(file), config);
}

void TestGsm8kImporter::bomCrlf()
{
    MemorySink sink;
    ImportProgress progress;
    const auto n = Gsm8kImporter().convertFile(fixtures + QStringLiteral("gsm8k_bom_crlf.jsonl"), sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(2));
    QCOMPARE(sink.scenarios[0].messages[0].content, QStringLiteral("What is 5 + 5?"));
    QCOMPARE(qs((sink.scenarios[1].evaluationCriteria["expected_answer"]).dump()), qs((Json("12")).dump()));
    QCOMPARE(sink.scenarios[1].provenance.row, qint64(1)); // the blank line does not count
}

void TestGsm8kImporter::rejects_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("broken line") << QStringLiteral("broken_line.jsonl") << QStringLiteral("broken_line.jsonl:3: invalid JSON: ");
    QTest::newRow("invalid utf-8") << QStringLiteral("invalid_utf8.jsonl")
                                   << QStringLiteral("invalid_utf8.jsonl:2: invalid UTF-8 at byte offset 88");
    QTest::newRow("empty") << QStringLiteral("empty.jsonl") << QStringLiteral("empty.jsonl: the file is empty");
    QTest::newRow("no answer") << QStringLiteral("broken_folder/3_third.jsonl")
                               << QStringLiteral("3_third.jsonl:3: \"answer\" is missing or not a string");
    QTest::newRow("wrong kind") << QStringLiteral("other_records.jsonl")
                                << QStringLiteral("other_records.jsonl:1: \"question\" is missing or not a string");
}

void TestGsm8kImporter::rejects()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    MemorySink sink;
    ImportProgress progress;
    const auto n = Gsm8kImporter().convertFile(fixtures + file, sink, progress);
    QVERIFY(!n.ok());
    QVERIFY2(n.error().message.contains(message), qPrintable(n.error().message));
}

void TestGsm8kImporter::progressAndCancel()
{
    qint64 lastDone = -1;
    qint64 lastTotal = -1;
    int reports = 0;
    WorkControl control;
    control.progress = [&](qint64 done, qint64 total) {
        QVERIFY(done >= lastDone);
        lastDone = done;
        lastTotal = total;
        ++reports;
    };
    const qint64 size = QFileInfo(testFile).size();
    {
        MemorySink sink;
        ImportProgress progress(control, size);
        QVERIFY(Gsm8kImporter().convertFile(testFile, sink, progress).ok());
        QCOMPARE(lastDone, size);
        QCOMPARE(lastTotal, size);
        QVERIFY(reports >= 2); // mid-file reports, then the end
    }
    {
        control.cancelled = [&] { return lastDone > 0; };
        MemorySink sink;
        ImportProgress progress(control, size);
        lastDone = -1;
        const auto n = Gsm8kImporter().convertFile(testFile, sink, progress);
        QVERIFY(!n.ok());
        QCOMPARE(n.error().code, Error::Code::Cancelled);
        QCOMPARE(sink.scenarios.size(), qsizetype(ImportProgress::stride)); // stopped at the first check
    }
}

void TestGsm8kImporter::sinkErrorStops()
{
    MemorySink sink;
    sink.failAt = 10;
    ImportProgress progress;
    const auto n = Gsm8kImporter().convertFile(testFile, sink, progress);
    QVERIFY(!n.ok());
    QCOMPARE(n.error().code, Error::Code::Database);
    QCOMPARE(sink.scenarios.size(), 10);
}

QTEST_GUILESS_MAIN(TestGsm8kImporter)
#include "tst_gsm8kimporter.moc"
