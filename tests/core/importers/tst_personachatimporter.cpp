// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/personachatimporter.h"
#include "memorysink.h"

#include <QTest>

using namespace kx;
using kx::test::MemorySink;

namespace {
const QString fixtures = QStringLiteral(KX_TEST_FIXTURES "/importers/personachat/");
}

class TestPersonaChatImporter final : public QObject
{
    Q_OBJECT

private slots:
    void sampleFile();
    void rejects();
};

void TestPersonaChatImporter::sampleFile()
{
    const QString file = fixtures + QStringLiteral("personachat_truecased_sample_valid.json");
    MemorySink sink;
    ImportProgress progress;
    const auto n = PersonaChatImporter().convertFile(file, sink, progress);
    QVERIFY2(n.ok(), n.ok() ? "" : qPrintable(n.error().message));
    QCOMPARE(*n, qint64(2));
    const TestScenario &s = sink.scenarios.first();
    QCOMPARE(s.id, QStringLiteral("personachat_personachat_truecased_sample_valid_0"));
    QCOMPARE(s.category, Category::Synthetic);
    QCOMPARE(s.memoryRequirements, (QStringList{QStringLiteral("I love to go hiking on weekends."),
                                                QStringLiteral("My dog is named Max."),
                                                QStringLiteral("I work as a nurse.")}));
    QCOMPARE(s.messages.size(), 5); // the last utterance's full history
    QCOMPARE(s.messages.first().role, QStringLiteral("user"));
    QCOMPARE(s.messages[1].role, QStringLiteral("assistant"));
    QCOMPARE(s.messages.last().role, QStringLiteral("user"));
    QCOMPARE(s.messages.last().content, QStringLiteral("What do you do for a living?"));
    QCOMPARE(qs(s.evaluationCriteria["expected_response"].get<std::string>()),
             QStringLiteral("I work night shifts as a nurse, so weekends are for hiking."));
    QCOMPARE(s.expectedCapabilities,
             (QStringList{QStringLiteral("persona_consistency"), QStringLiteral("memory_recall")}));
    QCOMPARE(s.provenance.config, QStringLiteral("sample"));
    QCOMPARE(s.provenance.split, QStringLiteral("validation"));
    QCOMPARE(s.provenance.row, qint64(0));
    QCOMPARE(s.provenance.extra["utterances"].get<int>(), 3);

    const TestScenario &second = sink.scenarios[1];
    QCOMPARE(second.provenance.row, qint64(1));
    QCOMPARE(second.messages.size(), 1);
    QCOMPARE(second.messages[0].content, QStringLiteral("__SILENCE__"));
    QCOMPARE(second.memoryRequirements.size(), 2);
}

void TestPersonaChatImporter::rejects()
{
    MemorySink sink;
    ImportProgress progress;
    const auto n = PersonaChatImporter().convertFile(fixtures + QStringLiteral("no_utterances.json"), sink, progress);
    QVERIFY(!n.ok());
    QVERIFY2(n.error().message.contains(QStringLiteral("no_utterances.json: dialogue 0: \"utterances\"")),
             qPrintable(n.error().message));
    QCOMPARE(sink.scenarios.size(), 0);
}

QTEST_GUILESS_MAIN(TestPersonaChatImporter)
#include "tst_personachatimporter.moc"
