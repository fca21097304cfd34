// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/bbhimporter.h"
#include "memorysink.h"

#include <QDir>
#include <QSet>
#include <QTest>

using namespace kx;
using kx::test::MemorySink;

namespace {
const QString bbhDir = QStringLiteral(KX_SHARED_DATA "/bbh/bbh");
const QString fixtures = QStringLiteral(KX_TEST_FIXTURES "/importers/");
}

class TestBbhImporter final : public QObject
{
    Q_OBJECT

private slots:
    void allTasks();
    void navigate();
    void prettyPrinted();
    void rejects_data();
    void rejects();
    void taskCapability_data();
    void taskCapability();
    void defaultName();
};

void TestBbhImporter::allTasks()
{
    const QStringList files = QDir(bbhDir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 27);
    MemorySink sink;
    ImportProgress progress;
    BbhImporter importer;
    qint64 total = 0;
    for (const QString &name : files) {
        const auto n = importer.convertFile(QDir(bbhDir).filePath(name), sink, progress);
        QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
        total += *n;
    }
    QCOMPARE(total, qint64(6511));
    QCOMPARE(sink.scenarios.size(), 6511);

    QSet<QString> configs;
    QSet<QString> ids;
    for (const TestScenario &s : std::as_const(sink.scenarios)) {
        configs.insert(s.provenance.config);
        ids.insert(s.id);
        QCOMPARE(s.provenance.split, QStringLiteral("test"));
        QCOMPARE(s.category, Category::Benchmark);
        QCOMPARE(s.expectedCapabilities.first(), QStringLiteral("complex_reasoning"));
        QCOMPARE(s.expectedCapabilities.size(), 2); // every BBH task has its own capability
        QVERIFY(s.evaluationCriteria["expected_answer"].is_string());
    }
    QCOMPARE(configs.size(), 27);
    QCOMPARE(ids.size(), 6511);
}

void TestBbhImporter::navigate()
{
    const QString file = QDir(bbhDir).filePath(QStringLiteral("navigate.json"));
    MemorySink sink;
    ImportProgress progress;
    const auto n = BbhImporter().convertFile(file, sink, progress);
    QVERIFY(n.ok());
    QCOMPARE(*n, qint64(250));
    const TestScenario &s = sink.scenarios.first();
    QCOMPARE(s.id, QStringLiteral("bbh_navigate_0"));
    QCOMPARE(s.provenance.config, QStringLiteral("navigate"));
    QCOMPARE(s.provenance.sourceFile, file);
    QCOMPARE(s.provenance.row, qint64(0));
    QVERIFY(s.messages[0].content.startsWith(
        QStringLiteral("If you follow these instructions, do you return to the starting point? Always face forward.")));
    QVERIFY(s.messages[0].content.endsWith(QStringLiteral("Options:\n- Yes\n- No")));
    QCOMPARE(qs((s.evaluationCriteria["expected_answer"]).dump()), qs((Json("No")).dump()));
    QCOMPARE(qs((s.evaluationCriteria["exact_match"]).dump()), qs((Json(1.0)).dump()));
    QCOMPARE(s.expectedCapabilities,
             (QStringList{QStringLiteral("complex_reasoning"), QStringLiteral("spatial_reasoning")}));
    QCOMPARE(sink.scenarios.last().provenance.row, qint64(249));
}

void TestBbhImporter::prettyPrinted()
{
    MemorySink sink;
    ImportProgress progress;
    const auto n = BbhImporter().convertFile(fixtures + QStringLiteral("bbh_pretty.json"), sink, progress);
    QVERIFY(n.ok());
    QCOMPARE(*n, qint64(2));
    QCOMPARE(qs((sink.scenarios[1].evaluationCriteria["expected_answer"]).dump()), qs((Json("True")).dump()));
    QCOMPARE(sink.scenarios[1].provenance.config, QStringLiteral("bbh_pretty"));
    QCOMPARE(sink.scenarios[1].expectedCapabilities, QStringList{QStringLiteral("complex_reasoning")});
}

void TestBbhImporter::rejects_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("syntax") << QStringLiteral("bbh_broken.json") << QStringLiteral("bbh_broken.json:4:");
    QTest::newRow("no examples") << QStringLiteral("other_records.jsonl") << QStringLiteral("invalid JSON");
    QTest::newRow("empty") << QStringLiteral("empty.jsonl") << QStringLiteral("empty.jsonl: the file is empty");
}

void TestBbhImporter::rejects()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    MemorySink sink;
    ImportProgress progress;
    const auto n = BbhImporter().convertFile(fixtures + file, sink, progress);
    QVERIFY(!n.ok());
    QVERIFY2(n.error().message.contains(message), qPrintable(n.error().message));
    QVERIFY(sink.scenarios.isEmpty());
}

void TestBbhImporter::taskCapability_data()
{
    QTest::addColumn<QString>("task");
    QTest::addColumn<QString>("capability");
    QTest::newRow("navigate") << QStringLiteral("navigate") << QStringLiteral("spatial_reasoning");
    QTest::newRow("dates") << QStringLiteral("date_understanding") << QStringLiteral("temporal_reasoning");
    QTest::newRow("deduction 7") << QStringLiteral("logical_deduction_seven_objects") << QStringLiteral("logical_reasoning");
    QTest::newRow("arithmetic") << QStringLiteral("multistep_arithmetic_two") << QStringLiteral("mathematical_reasoning");
    QTest::newRow("unknown") << QStringLiteral("my_task") << QString();
}

void TestBbhImporter::taskCapability()
{
    QFETCH(QString, task);
    QFETCH(QString, capability);
    QCOMPARE(BbhImporter::taskCapability(task), capability);
}

void TestBbhImporter::defaultName()
{
    BbhImporter importer;
    QCOMPARE(importer.defaultName(bbhDir, {bbhDir + QStringLiteral("/navigate.json")}), QStringLiteral("BIG-Bench Hard"));
    const QString one = bbhDir + QStringLiteral("/navigate.json");
    QCOMPARE(importer.defaultName(one, {one}), QStringLiteral("BIG-Bench Hard: navigate"));
}

QTEST_GUILESS_MAIN(TestBbhImporter)
#include "tst_bbhimporter.moc"
