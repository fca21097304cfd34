// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/empatheticimporter.h"
#include "memorysink.h"

#include <QTest>

using namespace kx;
using kx::test::MemorySink;

namespace {
const QString realDir = QStringLiteral(
    KX_SHARED_DATA "/hf-datasets-legacy/datasets/empathetic_dialogues/dummy/0.1.0/dummy_data/empatheticdialogues/");
const QString fixtures = QStringLiteral(KX_TEST_FIXTURES "/importers/empathetic/");
}

class TestEmpatheticImporter final : public QObject
{
    Q_OBJECT

private slots:
    void realFiles_data();
    void realFiles();
    void realTrainContent();
    void groupsConsecutiveRows();
    void rejects_data();
    void rejects();
};

void TestEmpatheticImporter::realFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("messages");
    QTest::addColumn<QString>("split");
    QTest::addColumn<QString>("emotion");
    QTest::addColumn<QString>("convId");
    QTest::newRow("train") << QStringLiteral("train.csv") << 2 << QStringLiteral("train")
                           << QStringLiteral("sentimental") << QStringLiteral("hit:0_conv:1");
    QTest::newRow("valid") << QStringLiteral("valid.csv") << 2 << QStringLiteral("validation")
                           << QStringLiteral("sentimental") << QStringLiteral("hit:0_conv:1");
    QTest::newRow("test") << QStringLiteral("test.csv") << 1 << QStringLiteral("test")
                          << QStringLiteral("guilty") << QStringLiteral("hit:0_conv:0");
}

void TestEmpatheticImporter::realFiles()
{
    QFETCH(QString, file);
    QFETCH(int, messages);
    QFETCH(QString, split);
    QFETCH(QString, emotion);
    QFETCH(QString, convId);
    MemorySink sink;
    ImportProgress progress;
    const auto n = EmpatheticImporter().convertFile(realDir + file, sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(1));
    QCOMPARE(sink.scenarios.size(), 1);
    const TestScenario &s = sink.scenarios.first();
    QCOMPARE(s.messages.size(), messages);
    QCOMPARE(s.category, Category::Synthetic);
    QCOMPARE(s.provenance.split, split);
    QCOMPARE(s.provenance.config, QStringLiteral("default"));
    QCOMPARE(s.provenance.row, qint64(0));
    QCOMPARE(s.provenance.sourceFile, realDir + file);
    QCOMPARE(qs(s.evaluationCriteria["emotion"].get<std::string>()), emotion);
    QCOMPARE(qs(s.provenance.extra["conv_id"].get<std::string>()), convId);
    QCOMPARE(s.messages.first().role, QStringLiteral("user"));
    for (const ChatMessage &m : s.messages)
        QVERIFY(!m.content.contains(QLatin1String("_comma_")));
}

void TestEmpatheticImporter::realTrainContent()
{
    MemorySink sink;
    ImportProgress progress;
    QVERIFY(EmpatheticImporter().convertFile(realDir + QStringLiteral("train.csv"), sink, progress).ok());
    const TestScenario &s = sink.scenarios.first();
    QCOMPARE(s.id, QStringLiteral("empathetic_train_0"));
    QCOMPARE(s.messages[1].role, QStringLiteral("assistant"));
    // "_comma_" restored in an utterance and in the situation.
    QCOMPARE(s.messages[1].content, QStringLiteral("Was this a friend you were in love with, or just a best friend?"));
    QCOMPARE(qs(s.evaluationCriteria["situation"].get<std::string>()),
             QStringLiteral("I remember going to the fireworks with my best friend. There was a lot of people, "
                            "but it only felt like us in the world."));
    QCOMPARE(qs(s.extra["empathetic_dialogues"]["selfeval"].get<std::string>()), QStringLiteral("5|5|5_2|2|5"));
    QCOMPARE(s.expectedCapabilities,
             (QStringList{QStringLiteral("empathy"), QStringLiteral("emotional_awareness"),
                          QStringLiteral("multi_turn_conversation")}));
    QCOMPARE(s.provenance.extra["last_row"].get<qint64>(), qint64(1));
}

void TestEmpatheticImporter::groupsConsecutiveRows()
{
    MemorySink sink;
    ImportProgress progress;
    const auto n = EmpatheticImporter().convertFile(fixtures + QStringLiteral("two_conversations.csv"), sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(2));
    QCOMPARE(sink.scenarios[0].messages.size(), 3);
    QCOMPARE(sink.scenarios[0].messages[2].role, QStringLiteral("user"));
    QCOMPARE(sink.scenarios[0].messages[2].content, QStringLiteral("Just the cat."));
    QCOMPARE(sink.scenarios[1].id, QStringLiteral("empathetic_two_conversations_3"));
    QCOMPARE(sink.scenarios[1].provenance.row, qint64(3));
    QCOMPARE(sink.scenarios[1].messages.size(), 2);
    QCOMPARE(qs(sink.scenarios[1].evaluationCriteria["situation"].get<std::string>()),
             QStringLiteral("I got the job, finally."));
}

void TestEmpatheticImporter::rejects_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("reason");
    QTest::newRow("ragged row") << QStringLiteral("ragged_row.csv") << QStringLiteral("ragged_row.csv:3:");
    QTest::newRow("split conversation") << QStringLiteral("split_conversation.csv")
                                        << QStringLiteral("split_conversation.csv:4: the rows of conversation");
    QTest::newRow("missing column") << QStringLiteral("missing_column.csv")
                                    << QStringLiteral("missing_column.csv:1: the header has no \"prompt\" column");
}

void TestEmpatheticImporter::rejects()
{
    QFETCH(QString, file);
    QFETCH(QString, reason);
    MemorySink sink;
    ImportProgress progress;
    const auto n = EmpatheticImporter().convertFile(fixtures + file, sink, progress);
    QVERIFY(!n.ok());
    QVERIFY2(n.error().message.contains(reason), qPrintable(n.error().message));
    // The ragged row is the second of its conversation: nothing of it was added.
    if (file == QLatin1String("ragged_row.csv"))
        QCOMPARE(sink.scenarios.size(), 0);
}

QTEST_GUILESS_MAIN(TestEmpatheticImporter)
#include "tst_empatheticimporter.moc"
