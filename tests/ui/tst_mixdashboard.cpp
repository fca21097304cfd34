// SPDX-License-Identifier: GPL-3.0-or-later
// The Mix page on a real workspace file: GSM8K questions (benchmark) and offline memory and adversarial
// scenarios, with verdicts stored as the review queue stores them. The page must show the accepted counts
// per category and source, refuse a target that is not a mix, save one that is, plan as GenerationPlanner
// does, launch the planned jobs through the runner, and create, export and diff snapshots.
#include "curationworkspace.h"
#include "generation/jobs/generationjobrunner.h"
#include "mix/generationplanner.h"
#include "mix/mixchart.h"
#include "mix/mixdashboard.h"
#include "mix/mixtargeteditor.h"
#include "mix/snapshotpanel.h"
#include "models/generationplanmodel.h"
#include "models/mixsourcemodel.h"
#include "models/snapshotlistmodel.h"
#include "store/mixstore.h"

#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace kx;
using namespace kx::test;

class tst_MixDashboard final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    MixTarget storedTarget()
    {
        auto store = WorkspaceStore::open(m_path);
        return MixStore(**store).target().value();
    }

    bool loadInto(MixDashboard &dashboard)
    {
        QSignalSpy loaded(&dashboard, &MixDashboard::reportLoaded);
        dashboard.resize(1400, 900);
        dashboard.show();
        if (!QTest::qWaitForWindowExposed(&dashboard))
            return false;
        dashboard.setWorkspace(m_path);
        return loaded.wait(20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("mix.kairix"));
        auto store = WorkspaceStore::open(m_path);
        QVERIFY(store.ok());
        QVERIFY(importGsm8k(**store));
        QVERIFY(generateOffline(m_path, **store, QStringLiteral("memory"), 10));
        QVERIFY(generateOffline(m_path, **store, QStringLiteral("adversarial"), 6));
        // Accepted: 6 benchmark; 8 synthetic of 10 reviewed; 2 adversarial of 4 reviewed.
        const QList<qint64> gsm = rowsWithPrefix(**store, QStringLiteral("gsm8k"));
        const QList<qint64> memory = rowsWithPrefix(**store, QStringLiteral("memory"));
        const QList<qint64> adversarial = rowsWithPrefix(**store, QStringLiteral("adversarial"));
        QCOMPARE(gsm.size(), 50);
        QCOMPARE(memory.size(), 10);
        QCOMPARE(adversarial.size(), 6);
        for (int i = 0; i < 6; ++i)
            QVERIFY(giveVerdict(**store, gsm.at(i), QStringLiteral("qa"), true));
        for (int i = 0; i < 10; ++i)
            QVERIFY(giveVerdict(**store, memory.at(i), QStringLiteral("qa"), i < 8));
        for (int i = 0; i < 4; ++i)
            QVERIFY(giveVerdict(**store, adversarial.at(i), QStringLiteral("qa"), i < 2));
    }

    void showsTheCounts()
    {
        MixDashboard dashboard;
        QAbstractItemModelTester sources(dashboard.sourceModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester plan(dashboard.planModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(loadInto(dashboard));
        const MixReport &report = *dashboard.report();
        QCOMPARE(report.count(Category::Benchmark), 6);
        QCOMPARE(report.count(Category::Synthetic), 8);
        QCOMPARE(report.count(Category::ToolUsage), 0);
        QCOMPARE(report.count(Category::Adversarial), 2);
        // The suite size defaults to the closing size: synthetic 8 / 0.4 = 20.
        QCOMPARE(dashboard.suiteSize(), report.closingSize());
        QCOMPARE(dashboard.suiteSize(), 20);

        // Chart, in shares: target 30/40/20/10 beside accepted 6/16, 8/16, 0, 2/16.
        QBarSet *target = dashboard.chart()->targetSet();
        QBarSet *accepted = dashboard.chart()->acceptedSet();
        QCOMPARE(target->count(), 4);
        QCOMPARE(target->at(0), 30.0);
        QCOMPARE(target->at(1), 40.0);
        QCOMPARE(accepted->at(0), 37.5);
        QCOMPARE(accepted->at(1), 50.0);
        QCOMPARE(accepted->at(2), 0.0);
        QCOMPARE(accepted->at(3), 12.5);
        dashboard.chart()->setMode(MixChart::Mode::Counts);
        QCOMPARE(target->at(1), 8.0);  // 40 % of 20
        QCOMPARE(accepted->at(1), 8.0);

        // Sources: GSM8K in benchmark with all 6; the memory job's dataset has all synthetic ones.
        MixSourceModel *model = dashboard.sourceModel();
        QVERIFY(model->rowCount() >= 3);
        const QModelIndex first = model->index(0, MixSourceModel::NameColumn);
        QCOMPARE(first.data(MixSourceModel::CategoryRole).toInt(), int(Category::Benchmark));
        QVERIFY2(first.data().toString().contains(QStringLiteral("GSM8K")), qPrintable(first.data().toString()));
        QCOMPARE(first.data(MixSourceModel::AcceptedRole).toLongLong(), 6);
        QCOMPARE(first.siblingAtColumn(MixSourceModel::ShareColumn).data(MixSourceModel::ShareRole).toDouble(), 1.0);
        QCOMPARE(first.siblingAtColumn(MixSourceModel::ScenariosColumn).data().toString(), QStringLiteral("50"));
        qint64 synthetic = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex i = model->index(row, 0);
            if (i.data(MixSourceModel::CategoryRole).toInt() == int(Category::Synthetic))
                synthetic += i.data(MixSourceModel::AcceptedRole).toLongLong();
        }
        QCOMPARE(synthetic, 8);
        QVERIFY(dashboard.summaryLabel()->text().contains(QStringLiteral("16 accepted")));
    }

    void badTargetCannotBeSavedAndAGoodOnePersists()
    {
        MixDashboard dashboard;
        QVERIFY(loadInto(dashboard));
        MixTargetEditor *editor = dashboard.targetEditor();
        QCOMPARE(editor->shareBox(Category::Synthetic)->value(), 40.0);
        QVERIFY(!editor->saveButton()->isEnabled());  // nothing changed yet

        // 50 + 60 + 20 + 10 = 140 %: refused, and the total says so.
        editor->shareBox(Category::Benchmark)->setValue(50);
        editor->shareBox(Category::Synthetic)->setValue(60);
        QVERIFY(!editor->isValid());
        QVERIFY(!editor->saveButton()->isEnabled());
        QVERIFY(editor->totalLabel()->text().contains(QStringLiteral("140")));
        QSignalSpy saved(&dashboard, &MixDashboard::targetSaved);
        QVERIFY(!editor->save());
        QVERIFY(!dashboard.saveTarget(editor->editedTarget()));
        QTest::qWait(300);
        QCOMPARE(saved.count(), 0);
        QCOMPARE(storedTarget(), MixTarget());

        // 25 + 45 + 20 + 10: saved to the workspace with the button.
        editor->shareBox(Category::Benchmark)->setValue(25);
        editor->shareBox(Category::Synthetic)->setValue(45);
        QVERIFY(editor->isValid());
        QVERIFY(editor->saveButton()->isEnabled());
        QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
        QVERIFY(saved.wait(20000));
        QCOMPARE(storedTarget().share(Category::Benchmark), 0.25);
        QCOMPARE(storedTarget().share(Category::Synthetic), 0.45);
        QSignalSpy reloaded(&dashboard, &MixDashboard::reportLoaded);
        QVERIFY(reloaded.wait(20000));
        QCOMPARE(dashboard.report()->target().share(Category::Synthetic), 0.45);
        QVERIFY(!editor->saveButton()->isEnabled());

        // Back to the seed's mix for the other tests.
        QVERIFY(dashboard.saveTarget(MixTarget()));
        QVERIFY(saved.wait(20000));
        QCOMPARE(storedTarget(), MixTarget());
    }

    void plannerMatchesGenerationPlanner()
    {
        MixDashboard dashboard;
        QVERIFY(loadInto(dashboard));
        dashboard.setSuiteSize(40);
        auto store = WorkspaceStore::open(m_path);
        MixStore mix(**store);
        GenerationPlanner planner;
        const auto acceptance = mix.generatorAcceptance().value();
        for (auto it = acceptance.cbegin(); it != acceptance.cend(); ++it) {
            if (planner.generators().contains(it.key()))
                QVERIFY(planner.setAcceptance(it.key(), it->accepted, it->reviewed).ok());
        }
        const GenerationPlan expected = planner.plan(mix.report().value(), 40).value();
        QCOMPARE(dashboard.plan().items, expected.items);
        QVERIFY(!expected.items.isEmpty());
        GenerationPlanModel *model = dashboard.planModel();
        QCOMPARE(model->rowCount(), int(expected.items.size()));
        // Suite of 40: tool usage has nothing and no generator: "import N more".
        bool sawImport = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            const GenerationPlan::Item &item = expected.items.at(row);
            const QModelIndex toGenerate = model->index(row, GenerationPlanModel::ToGenerateColumn);
            QCOMPARE(toGenerate.data(GenerationPlanModel::ToGenerateRole).toLongLong(), item.toGenerate);
            if (item.importMore()) {
                sawImport = true;
                QVERIFY(toGenerate.data().toString().startsWith(QStringLiteral("import")));
            }
        }
        QVERIFY(sawImport);
    }

    void snapshotsCreateExportAndDiff()
    {
        MixDashboard dashboard;
        QVERIFY(loadInto(dashboard));
        SnapshotPanel *panel = dashboard.snapshotPanel();
        QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // No category is honoured with tool usage empty: the form proposes every accepted scenario.
        QCOMPARE(panel->sizeBox()->value(), 16);
        QSignalSpy created(panel, &SnapshotPanel::snapshotCreated);
        QSignalSpy changed(&dashboard, &MixDashboard::workspaceChanged);
        QVERIFY(panel->createSnapshot(QStringLiteral("suite"), 16, 7, false));
        QVERIFY(created.wait(20000));
        const Snapshot first = created.takeFirst().at(0).value<Snapshot>();
        // Quotas for 16 are 5 / 6 / 3 / 2: benchmark 5, synthetic 6, tool usage 0 of 3, adversarial 2.
        QCOMPARE(first.members.size(), 13);
        QCOMPARE(first.version, QStringLiteral("1"));
        QCOMPARE(changed.count(), 1);
        QTRY_COMPARE(panel->model()->rowCount(), 1);
        QCOMPARE(panel->model()->index(0, SnapshotListModel::ShortfallColumn).data(SnapshotListModel::ShortfallRole).toLongLong(), 3);

        // A second version with another seed and redistribution: 16 members.
        QVERIFY(panel->createSnapshot(QStringLiteral("suite"), 16, 8, true));
        QVERIFY(created.wait(20000));
        const Snapshot second = created.takeFirst().at(0).value<Snapshot>();
        QCOMPARE(second.version, QStringLiteral("2"));
        QCOMPARE(second.members.size(), 16);
        QTRY_COMPARE(panel->model()->rowCount(), 2);

        // Export the first as JSONL: one scenario a line.
        QSignalSpy exported(panel, &SnapshotPanel::exported);
        const QString out = m_dir.filePath(QStringLiteral("suite-v1.jsonl"));
        QTRY_VERIFY(!panel->isBusy());
        QVERIFY(panel->exportSnapshot(first.id, out));
        QVERIFY(exported.wait(20000));
        QCOMPARE(exported.at(0).at(1).toLongLong(), 13);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 13);

        // Diff: the newer version holds 16, the older 13; everything in both is unchanged.
        QSignalSpy diffed(panel, &SnapshotPanel::diffReady);
        QVERIFY(panel->diffSnapshots(first.id, second.id));
        QVERIFY(diffed.wait(20000));
        const SnapshotDiff diff = diffed.at(0).at(0).value<SnapshotDiff>();
        QCOMPARE(diff.unchangedCount() + diff.added().size(), 16);
        QCOMPARE(diff.unchangedCount() + diff.removed().size(), 13);
        QVERIFY(diff.changed().isEmpty());
        QCOMPARE(panel->diffView()->topLevelItemCount(), 4);
        QCOMPARE(panel->diffView()->topLevelItem(0)->childCount(), int(diff.added().size()));
    }

    void launchJobsStartsThePlannedJobs()
    {
        GenerationJobRunner runner(m_path);
        const int before = int(runner.jobs().result().value().size());
        QCOMPARE(before, 2);
        MixDashboard dashboard;
        QVERIFY(loadInto(dashboard));
        QVERIFY(!dashboard.launchButton()->isEnabled());  // no runner yet
        dashboard.setJobRunner(&runner);
        // At the closing size (20) synthetic and adversarial are full: nothing to generate.
        QVERIFY(!dashboard.launchButton()->isEnabled());
        dashboard.setSuiteSize(40);
        QVERIFY(dashboard.launchButton()->isEnabled());
        QList<GenerationJob> planned = dashboard.plan().generationJobs();
        QVERIFY(!planned.isEmpty());
        QSignalSpy launched(&dashboard, &MixDashboard::jobsLaunched);
        QCOMPARE(dashboard.launchPlannedJobs(), int(planned.size()));
        QCOMPARE(launched.count(), 1);
        QList<GenerationJob> jobs;
        QTRY_VERIFY_WITH_TIMEOUT((jobs = runner.jobs().result().value()).size() == before + planned.size(), 20000);
        // The planned generators with the planned counts, on the offline backend (the runner may store them in any order).
        QMap<QString, int> want;
        QMap<QString, int> got;
        for (const GenerationJob &job : std::as_const(planned))
            want.insert(job.generator, job.requested);
        for (int i = 0; i < planned.size(); ++i) {
            got.insert(jobs.at(i).generator, jobs.at(i).requested);
            QCOMPARE(jobs.at(i).backend, QStringLiteral("offline"));
        }
        QCOMPARE(got, want);
    }
};

QTEST_MAIN(tst_MixDashboard)
#include "tst_mixdashboard.moc"
