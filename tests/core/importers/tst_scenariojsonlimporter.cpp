// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/scenariojsonlimporter.h"
#include "memorysink.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;
using kx::test::MemorySink;

class TestScenarioJsonlImporter final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void datasetCategory_data();
    void datasetCategory();
    void rejects_data();
    void rejects();
};

namespace {

QList<TestScenario> sampleScenarios()
{
    QList<TestScenario> out;
    TestScenario a;
    a.id = QStringLiteral("mem_recall_0");
    a.name = QStringLiteral("Memory Recall Test 0");
    a.messages = {{QStringLiteral("user"), QStringLiteral("What did I say about Paris?\nAnd Grüße 😀"), Json::object()}};
    a.memoryRequirements = {QStringLiteral("User visited Paris in May")};
    a.expectedCapabilities = {QStringLiteral("memory_recall")};
    a.evaluationCriteria = Json::parse(R"({"memory_accuracy":0.9,"coherence":0.8})");
    a.category = Category::Synthetic;
    a.provenance.generator = QStringLiteral("memory");
    a.provenance.seed = 7;
    a.status = ReviewStatus::Accepted;
    a.review = Json::parse(R"({"reviewer":"ana"})");
    out.append(a);

    TestScenario b;
    b.id = QStringLiteral("adv_1");
    b.name = QStringLiteral("Contradiction");
    b.messages = {{QStringLiteral("user"), QStringLiteral("I never said that."), Json::object()},
                  {QStringLiteral("assistant"), QStringLiteral("You did."), Json::parse(R"({"name":"bot"})")}};
    b.category = Category::Adversarial;
    b.provenance.sourceFile = QStringLiteral("x.jsonl");
    b.provenance.row = 3;
    b.extra = Json::parse(R"({"domain":"travel"})");
    out.append(b);

    TestScenario c;
    c.id = QStringLiteral("tool_2");
    c.name = QStringLiteral("Tool");
    c.messages = {{QStringLiteral("tool"), QStringLiteral("{}"), Json::object()}};
    c.category = Category::ToolUsage;
    out.append(c);
    return out;
}

} // namespace

void TestScenarioJsonlImporter::roundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("export.jsonl"));
    const QList<TestScenario> scenarios = sampleScenarios();
    QByteArray written;
    for (const TestScenario &s : scenarios)
        written += QByteArray::fromStdString(dumpCompact(s.toJson())) + '\n';
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(written);
    }

    MemorySink sink;
    ImportProgress progress;
    const auto n = ScenarioJsonlImporter().convertFile(path, sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(3));
    QCOMPARE(sink.scenarios, scenarios); // lossless: categories, provenance, extras all kept

    QByteArray again;
    for (const TestScenario &s : std::as_const(sink.scenarios))
        again += QByteArray::fromStdString(dumpCompact(s.toJson())) + '\n';
    QCOMPARE(again, written);
}

void TestScenarioJsonlImporter::datasetCategory_data()
{
    QTest::addColumn<QByteArray>("firstLine");
    QTest::addColumn<int>("category");
    QTest::newRow("adversarial") << QByteArray(R"({"id":"a","messages":[],"category":"adversarial"})")
                                 << int(Category::Adversarial);
    QTest::newRow("tool usage") << QByteArray(R"({"id":"a","messages":[],"category":"tool_usage"})")
                                << int(Category::ToolUsage);
    QTest::newRow("none given") << QByteArray(R"({"id":"a","messages":[]})") << int(Category::Benchmark);
}

void TestScenarioJsonlImporter::datasetCategory()
{
    QFETCH(QByteArray, firstLine);
    QFETCH(int, category);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.jsonl"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(firstLine + '\n');
    f.close();
    QCOMPARE(int(ScenarioJsonlImporter().datasetCategory({path})), category);
}

void TestScenarioJsonlImporter::rejects_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message"); // %1 = path
    QTest::newRow("bad category") << QByteArray("{\"id\":\"a\",\"messages\":[]}\n{\"id\":\"b\",\"category\":\"nope\"}\n")
                                  << QStringLiteral("%1:2: unknown \"category\"");
    QTest::newRow("not an object") << QByteArray("[1]\n") << QStringLiteral("%1:1: a scenario must be a JSON object");
    QTest::newRow("bad json") << QByteArray("{\"id\":\"a\"}\n{\n") << QStringLiteral("%1:2: invalid JSON:");
    QTest::newRow("only blank lines") << QByteArray("\n\n") << QStringLiteral("%1: the file holds no records");
}

void TestScenarioJsonlImporter::rejects()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.jsonl"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    MemorySink sink;
    ImportProgress progress;
    const auto n = ScenarioJsonlImporter().convertFile(path, sink, progress);
    QVERIFY(!n.ok());
    QVERIFY2(n.error().message.startsWith(message.arg(path)), qPrintable(n.error().message));
}

QTEST_GUILESS_MAIN(TestScenarioJsonlImporter)
#include "tst_scenariojsonlimporter.moc"
