// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/mmluimporter.h"
#include "memorysink.h"

#include <QDir>
#include <QSet>
#include <QTest>

using namespace kx;
using kx::test::MemorySink;

namespace {
const QString mmluDir = QStringLiteral(KX_SHARED_DATA "/mmlu/data");
const QString fixtures = QStringLiteral(KX_TEST_FIXTURES "/importers/");

Result<qint64> importFolder(const QString &dir, MemorySink &sink)
{
    MmluImporter importer;
    ImportProgress progress;
    qint64 total = 0;
    for (const QString &name : QDir(dir).entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name)) {
        auto n = importer.convertFile(QDir(dir).filePath(name), sink, progress);
        if (!n)
            return n.error();
        total += *n;
    }
    return total;
}
} // namespace

class TestMmluImporter final : public QObject
{
    Q_OBJECT

private slots:
    void devFolder();
    void splits_data();
    void splits();
    void multiLineQuestion();
    void subjectAndSplit_data();
    void subjectAndSplit();
    void rejects_data();
    void rejects();
    void defaultName();
};

void TestMmluImporter::devFolder()
{
    MemorySink sink;
    const auto n = importFolder(mmluDir + QStringLiteral("/dev"), sink);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(285));
    QSet<QString> subjects;
    QSet<QString> ids;
    for (const TestScenario &s : std::as_const(sink.scenarios)) {
        subjects.insert(s.provenance.config);
        ids.insert(s.id);
        QCOMPARE(s.provenance.split, QStringLiteral("dev"));
    }
    QCOMPARE(subjects.size(), 57);
    QCOMPARE(ids.size(), 285);

    const TestScenario &s = sink.scenarios.first();
    QCOMPARE(s.provenance.config, QStringLiteral("abstract_algebra"));
    QCOMPARE(s.provenance.row, qint64(0));
    QCOMPARE(s.provenance.sourceFile, mmluDir + QStringLiteral("/dev/abstract_algebra_dev.csv"));
    QCOMPARE(s.id, QStringLiteral("mmlu_abstract_algebra_dev_0"));
    QCOMPARE(s.messages.size(), 1);
    QCOMPARE(s.messages[0].role, QStringLiteral("user"));
    QCOMPARE(s.messages[0].content,
             QStringLiteral("Find all c in Z_3 such that Z_3[x]/(x^2 + c) is a field.\nA. 0\nB. 1\nC. 2\nD. 3"));
    QCOMPARE(qs((s.evaluationCriteria["expected_answer"]).dump()), qs((Json("B")).dump()));
    QCOMPARE(qs((s.evaluationCriteria["exact_match"]).dump()), qs((Json(1.0)).dump()));
    QCOMPARE(qs((s.evaluationCriteria["choices"]).dump()), qs((Json::parse(R"(["0","1","2","3"])")).dump()));
    QCOMPARE(s.expectedCapabilities, (QStringList{QStringLiteral("knowledge_recall"), QStringLiteral("multiple_choice")}));
    QCOMPARE(s.category, Category::Benchmark);

    // Row 1 has quoted fields with embedded commas.
    const TestScenario &quoted = sink.scenarios[1];
    QVERIFY(quoted.messages[0].content.endsWith(
        QStringLiteral("\nA. True, True\nB. False, False\nC. True, False\nD. False, True")));
}

void TestMmluImporter::splits_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("split");
    QTest::newRow("val") << QStringLiteral("val") << 1542 << QStringLiteral("val");
    QTest::newRow("test") << QStringLiteral("test") << 1179 << QStringLiteral("test");
}

void TestMmluImporter::splits()
{
    QFETCH(QString, folder);
    QFETCH(int, count);
    QFETCH(QString, split);
    MemorySink sink;
    const auto n = importFolder(mmluDir + QLatin1Char('/') + folder, sink);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(count));
    QCOMPARE(sink.scenarios.last().provenance.split, split);
}

void TestMmluImporter::multiLineQuestion()
{
    MemorySink sink;
    ImportProgress progress;
    const auto n = MmluImporter().convertFile(mmluDir + QStringLiteral("/dev/college_computer_science_dev.csv"),
                                              sink, progress);
    QVERIFY(n.ok());
    QCOMPARE(*n, qint64(5));
    const QString content = sink.scenarios[1].messages[0].content;
    QVERIFY(content.startsWith(QStringLiteral("A certain pipelined RISC machine has 8 general-purpose registers "
                                              "R0, R1, . . . , R7 and supports the following operations.\nADD Rs1")));
    QVERIFY(content.endsWith(QStringLiteral("BC?\nA. 5\nB. 6\nC. 7\nD. 8")));
    QCOMPARE(qs((sink.scenarios[1].evaluationCriteria["expected_answer"]).dump()), qs((Json("B")).dump()));
    QCOMPARE(sink.scenarios[1].provenance.row, qint64(1));
}

void TestMmluImporter::subjectAndSplit_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("split");
    QTest::newRow("dev") << QStringLiteral("/d/abstract_algebra_dev.csv") << QStringLiteral("abstract_algebra")
                         << QStringLiteral("dev");
    QTest::newRow("val") << QStringLiteral("anatomy_val.csv") << QStringLiteral("anatomy") << QStringLiteral("val");
    QTest::newRow("test") << QStringLiteral("high_school_european_history_test.csv")
                          << QStringLiteral("high_school_european_history") << QStringLiteral("test");
    QTest::newRow("no split") << QStringLiteral("arc_easy.csv") << QStringLiteral("arc_easy") << QString();
    QTest::newRow("only a split") << QStringLiteral("_dev.csv") << QStringLiteral("_dev") << QString();
}

void TestMmluImporter::subjectAndSplit()
{
    QFETCH(QString, file);
    QFETCH(QString, subject);
    QFETCH(QString, split);
    const auto [gotSubject, gotSplit] = MmluImporter::subjectAndSplit(file);
    QCOMPARE(gotSubject, subject);
    QCOMPARE(gotSplit, split);
}

void TestMmluImporter::rejects_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("added");
    QTest::newRow("ragged") << QStringLiteral("ragged_rows.csv") << QStringLiteral("ragged_rows.csv:4: expected 6 fields, found 5") << 2;
    QTest::newRow("unterminated") << QStringLiteral("unterminated_quote.csv")
                                  << QStringLiteral("unterminated_quote.csv:2: unterminated quoted field starting on line 2") << 1;
    QTest::newRow("invalid utf-8") << QStringLiteral("invalid_utf8.csv")
                                   << QStringLiteral("invalid_utf8.csv:2: invalid UTF-8 at byte offset 19") << 1;
    QTest::newRow("bad answer") << QStringLiteral("mmlu_bad_answer.csv")
                                << QStringLiteral("mmlu_bad_answer.csv:2: the answer must be A, B, C or D, found \"E\"") << 1;
    QTest::newRow("not mmlu") << QStringLiteral("people.csv") << QStringLiteral("people.csv:1: expected 6 fields, found 2") << 0;
    QTest::newRow("empty") << QStringLiteral("empty.jsonl") << QStringLiteral("empty.jsonl: the file is empty") << 0;
}

void TestMmluImporter::rejects()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    QFETCH(int, added);
    MemorySink sink;
    ImportProgress progress;
    const auto n = MmluImporter().convertFile(fixtures + file, sink, progress);
    QVERIFY(!n.ok());
    QCOMPARE(n.error().code, Error::Code::BadInput);
    QVERIFY2(n.error().message.endsWith(message), qPrintable(n.error().message));
    QCOMPARE(sink.scenarios.size(), added);
}

void TestMmluImporter::defaultName()
{
    MmluImporter importer;
    QCOMPARE(importer.defaultName(QStringLiteral("d"), {QStringLiteral("d/a_dev.csv"), QStringLiteral("d/b_dev.csv")}),
             QStringLiteral("MMLU dev"));
    QCOMPARE(importer.defaultName(QStringLiteral("d"), {QStringLiteral("d/a_dev.csv"), QStringLiteral("d/b_val.csv")}),
             QStringLiteral("MMLU"));
}

QTEST_GUILESS_MAIN(TestMmluImporter)
#include "tst_mmluimporter.moc"
