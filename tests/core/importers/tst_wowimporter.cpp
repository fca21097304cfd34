// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/wowimporter.h"
#include "memorysink.h"

#include <QTest>

using namespace kx;
using kx::test::MemorySink;

namespace {
const QString fixtures = QStringLiteral(KX_TEST_FIXTURES "/importers/wow/");
}

class TestWowImporter final : public QObject
{
    Q_OBJECT

private slots:
    void dialogs();
    void rejects();
};

void TestWowImporter::dialogs()
{
    MemorySink sink;
    ImportProgress progress;
    const auto n = WowImporter().convertFile(fixtures + QStringLiteral("valid_random_split.json"), sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(2));
    const TestScenario &s = sink.scenarios.first();
    QCOMPARE(s.id, QStringLiteral("wow_valid_random_split_0"));
    QCOMPARE(s.name, QStringLiteral("Wizard of Wikipedia: Blue whale"));
    QCOMPARE(s.messages.size(), 4);
    QCOMPARE(s.messages[0].role, QStringLiteral("assistant"));
    QCOMPARE(s.messages[1].role, QStringLiteral("user"));
    QCOMPARE(s.memoryRequirements,
             (QStringList{QStringLiteral("Topic: Blue whale"),
                          QStringLiteral("At up to 29.9 metres in length, it is the largest animal known to have ever existed."),
                          QStringLiteral("with a maximum recorded weight of 199 tonnes")}));
    QCOMPARE(s.category, Category::Synthetic);
    QCOMPARE(s.expectedCapabilities, (QStringList{QStringLiteral("knowledge_grounding"), QStringLiteral("factual_recall")}));
    QCOMPARE(s.provenance.split, QStringLiteral("validation"));
    QCOMPARE(s.provenance.config, QStringLiteral("random_split"));
    QCOMPARE(qs(s.extra["apprentice_persona"].get<std::string>()), QStringLiteral("i love the ocean."));

    const TestScenario &jazz = sink.scenarios[1];
    QCOMPARE(jazz.provenance.row, qint64(1));
    QCOMPARE(jazz.messages[0].role, QStringLiteral("user"));
    QCOMPARE(jazz.memoryRequirements, QStringList{QStringLiteral("Topic: Jazz")}); // no_passages_used left out
}

void TestWowImporter::rejects()
{
    MemorySink sink;
    ImportProgress progress;
    const auto n = WowImporter().convertFile(fixtures + QStringLiteral("turn_without_text.json"), sink, progress);
    QVERIFY(!n.ok());
    QVERIFY2(n.error().message.contains(QStringLiteral("turn_without_text.json: dialog 0: turn 0 has no \"text\"")),
             qPrintable(n.error().message));
    QCOMPARE(sink.scenarios.size(), 0);
}

QTEST_GUILESS_MAIN(TestWowImporter)
#include "tst_wowimporter.moc"
