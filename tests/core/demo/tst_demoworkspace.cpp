// SPDX-License-Identifier: GPL-3.0-or-later
#include "collectingsink.h"
#include "demo/demodata.h"
#include "demo/demoworkspace.h"
#include "store/workspacestore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

using kx::test::CollectingSink;

class TestDemoWorkspace final : public QObject
{
    Q_OBJECT

private slots:
    void coversTheFourCategories();
    void isDeterministic();
    void createsOnceAndKeepsUserData();
};

void TestDemoWorkspace::coversTheFourCategories()
{
    CollectingSink sink;
    const auto written = DemoData::write(sink);
    QVERIFY(written.ok());
    QCOMPARE(*written, qint64(sink.scenarios.size()));
    QVERIFY(sink.scenarios.size() >= 200 && sink.scenarios.size() <= 600);
    QCOMPARE(sink.datasets.size(), qsizetype(4));

    QHash<Category, int> perCategory;
    QSet<QString> ids;
    int reviewed = 0;
    for (const TestScenario &s : std::as_const(sink.scenarios)) {
        ++perCategory[s.category];
        QVERIFY2(!ids.contains(s.id), qPrintable(s.id));
        ids.insert(s.id);
        QVERIFY(!s.messages.isEmpty());
        QVERIFY(!s.expectedCapabilities.isEmpty());
        QVERIFY(!s.evaluationCriteria.empty());
        reviewed += s.status != ReviewStatus::Pending;
    }
    for (Category c : allCategories)
        QVERIFY2(perCategory.value(c) >= 20, qPrintable(categoryKey(c)));
    QVERIFY(reviewed > 0);
    // The seed's own contradiction case is in the adversarial set.
    const auto contradiction = std::find_if(sink.scenarios.cbegin(), sink.scenarios.cend(), [](const TestScenario &s) {
        return s.id == QLatin1String("contradiction_0");
    });
    QVERIFY(contradiction != sink.scenarios.cend());
    QCOMPARE(contradiction->memoryRequirements.first(), QStringLiteral("User's favorite color is blue"));
    QCOMPARE(contradiction->evaluationCriteria["handling"].get<std::string>(), std::string("acknowledge_contradiction"));
}

void TestDemoWorkspace::isDeterministic()
{
    CollectingSink a, b, c;
    QVERIFY(DemoData::write(a, 7).ok());
    QVERIFY(DemoData::write(b, 7).ok());
    QVERIFY(DemoData::write(c, 8).ok());
    QCOMPARE(a.scenarios, b.scenarios);
    QVERIFY(a.scenarios != c.scenarios);
}

void TestDemoWorkspace::createsOnceAndKeepsUserData()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nested/folder/workspace.kairix"));
    QVERIFY(DemoWorkspace::createIfMissing(path).ok());
    QVERIFY(QFile::exists(path));
    QVERIFY(!QFile::exists(path + QStringLiteral(".creating")));
    qint64 demoCount = 0;
    {
        auto store = WorkspaceStore::open(path);
        QVERIFY(store.ok());
        const auto datasets = (*store)->datasets();
        QVERIFY(datasets.ok());
        // DemoData's four datasets and DemoAudio's voice clips (tst_demoaudio checks those).
        QCOMPARE(datasets->size(), qsizetype(5));
        for (const TestDataset &d : *datasets) {
            QCOMPARE(d.kind, QStringLiteral("demo"));
            demoCount += d.scenarioCount;
        }
        // The user removes a dataset: a second launch must not bring it back.
        QVERIFY((*store)->removeDataset(datasets->first().id).ok());
    }
    QVERIFY(DemoWorkspace::createIfMissing(path).ok());
    auto store = WorkspaceStore::open(path);
    QVERIFY(store.ok());
    QCOMPARE((*store)->datasets()->size(), qsizetype(4));
    QVERIFY(*(*store)->count(ScenarioFilter{}) < demoCount);
}

QTEST_GUILESS_MAIN(TestDemoWorkspace)
#include "tst_demoworkspace.moc"
