// SPDX-License-Identifier: GPL-3.0-or-later
#include "../core/models/testworkspace.h"
#include "generation/jobs/generationjobrunner.h"
#include "jobs/jobspanel.h"
#include "jobs/launchjobdialog.h"
#include "mainwindow.h"
#include "models/datasetlistmodel.h"
#include "models/joblistmodel.h"
#include "models/scenariotablemodel.h"
#include "scenariotableview.h"
#include "store/workspacestore.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QRadioButton>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

namespace {
GenerationJob fakeJob(qint64 id, JobState state, int failed = 0)
{
    GenerationJob job;
    job.id = id;
    job.generator = QStringLiteral("memory");
    job.state = state;
    job.requested = 10;
    job.itemsTotal = 10;
    job.itemsFailed = failed;
    job.itemsDone = state == JobState::Completed ? 10 - failed : 4;
    job.generated = job.itemsDone;
    job.createdAt = QDateTime::currentDateTimeUtc();
    return job;
}

QString cell(const JobsPanel &panel, qint64 id, int column)
{
    const int row = panel.model()->rowOf(id);
    return row < 0 ? QString() : panel.model()->index(row, column).data().toString();
}

/** Fills in and starts a job from the panel's launch dialog; returns its id (0 on failure). */
qint64 launch(JobsPanel &panel, const QString &generator, int count, int concurrency)
{
    // The first list read creates the workspace file; a job started at the same moment
    // would migrate the new file from a second connection too (see the report: a core race).
    auto *note = panel.findChild<QLabel *>(QStringLiteral("jobsNote"));
    if (!QTest::qWaitFor([note] { return note->text().contains(QStringLiteral("No generation jobs yet")); }, 10000))
        return 0;
    LaunchJobDialog *dialog = panel.showLaunchDialog({}, {});
    if (!dialog || !dialog->isVisible())
        return 0;
    dialog->setGenerator(generator);
    auto *backend = dialog->findChild<QComboBox *>(QStringLiteral("backendCombo"));
    backend->setCurrentIndex(backend->findData(QStringLiteral("offline")));
    dialog->findChild<QSpinBox *>(QStringLiteral("countSpin"))->setValue(count);
    dialog->findChild<QSpinBox *>(QStringLiteral("seedSpin"))->setValue(7);
    dialog->findChild<QSpinBox *>(QStringLiteral("concurrencySpin"))->setValue(concurrency);
    QSignalSpy started(&panel, &JobsPanel::jobStarted);
    QSignalSpy errors(&panel, &JobsPanel::errorOccurred);
    QPushButton *start = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    if (!start->isEnabled()) {
        qWarning("%s", qPrintable(dialog->validationError()));
        return 0;
    }
    QTest::mouseClick(start, Qt::LeftButton);
    if (!started.wait(30000)) {
        for (const QList<QVariant> &e : std::as_const(errors))
            qWarning("%s", qPrintable(e.at(0).toString()));
        return 0;
    }
    return started.at(0).at(0).toLongLong();
}
} // namespace

class TestJobsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void disabledWithoutRunner();
    void actionsFollowState_data();
    void actionsFollowState();
    void buttonsFollowSelectedJob();
    void runsAnOfflineJobToCompletion();
    void pauseResumeCancel();
    void mainWindowAugmentsTheSelection();

private:
    QTemporaryDir m_dir;
};

void TestJobsPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLoggingCategory::setFilterRules(QStringLiteral("kx.*.debug=false\nkx.*.info=false"));
    QCoreApplication::setOrganizationName(QStringLiteral("KairixTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_jobspanel"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

void TestJobsPanel::disabledWithoutRunner()
{
    JobsPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(!panel.newJobAction()->isEnabled());
    QVERIFY(!panel.pauseAction()->isEnabled());
    QVERIFY(!panel.resumeAction()->isEnabled());
    QVERIFY(!panel.cancelAction()->isEnabled());
    QVERIFY(!panel.view()->isEnabled());
    auto *note = panel.findChild<QLabel *>(QStringLiteral("jobsNote"));
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QStringLiteral("workspace")));
    // The dialog opens (Ctrl+G works before the workspace is ready) but Start says why nothing ran.
    LaunchJobDialog *dialog = panel.showLaunchDialog({}, {});
    QVERIFY(dialog);
    QSignalSpy errors(&panel, &JobsPanel::errorOccurred);
    dialog->accept();
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.at(0).at(0).toString().contains(QStringLiteral("no workspace")));
}

void TestJobsPanel::actionsFollowState_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("failed");
    QTest::addColumn<bool>("runningHere");
    QTest::addColumn<bool>("pause");
    QTest::addColumn<bool>("resume");
    QTest::addColumn<bool>("cancel");
    QTest::newRow("running here") << int(JobState::Running) << 0 << true << true << false << true;
    QTest::newRow("queued, being started") << int(JobState::Queued) << 0 << true << true << false << true;
    QTest::newRow("interrupted") << int(JobState::Running) << 0 << false << false << true << false;
    QTest::newRow("paused") << int(JobState::Paused) << 0 << false << false << true << false;
    QTest::newRow("cancelled") << int(JobState::Cancelled) << 0 << false << false << true << false;
    QTest::newRow("failed") << int(JobState::Failed) << 0 << false << false << true << false;
    QTest::newRow("completed") << int(JobState::Completed) << 0 << false << false << false << false;
    QTest::newRow("completed, items failed") << int(JobState::Completed) << 2 << false << false << true << false;
}

void TestJobsPanel::actionsFollowState()
{
    QFETCH(int, state);
    QFETCH(int, failed);
    QFETCH(bool, runningHere);
    const auto a = JobsPanel::actionsFor(fakeJob(1, JobState(state), failed), runningHere);
    QTEST(a.pause, "pause");
    QTEST(a.resume, "resume");
    QTEST(a.cancel, "cancel");
}

void TestJobsPanel::buttonsFollowSelectedJob()
{
    GenerationJobRunner runner(m_dir.filePath(QStringLiteral("buttons.kairix")));
    JobsPanel panel;
    panel.setRunner(&runner);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *note = panel.findChild<QLabel *>(QStringLiteral("jobsNote"));
    QTRY_VERIFY(note->text().contains(QStringLiteral("No generation jobs yet")));
    QVERIFY(note->isVisible());
    QVERIFY(panel.newJobAction()->isEnabled());

    // Updates as the runner sends them: a new job goes on top, the first becomes current.
    emit runner.jobUpdated(fakeJob(901, JobState::Paused));
    emit runner.jobUpdated(fakeJob(902, JobState::Completed));
    emit runner.jobUpdated(fakeJob(903, JobState::Completed, 2));
    emit runner.jobUpdated(fakeJob(904, JobState::Cancelled));
    QCOMPARE(panel.model()->rowCount(), 4);
    QCOMPARE(panel.model()->index(0, 0).data(JobListModel::JobIdRole).toLongLong(), qint64(904));
    QCOMPARE(panel.currentJobId(), qint64(901));
    QVERIFY(!note->isVisible());

    struct Expect { qint64 id; bool pause, resume, cancel; };
    for (const Expect &e : {Expect{901, false, true, false}, Expect{902, false, false, false},
                            Expect{903, false, true, false}, Expect{904, false, true, false}}) {
        panel.selectJob(e.id);
        QCOMPARE(panel.currentJobId(), e.id);
        QCOMPARE(panel.pauseAction()->isEnabled(), e.pause);
        QCOMPARE(panel.resumeAction()->isEnabled(), e.resume);
        QCOMPARE(panel.cancelAction()->isEnabled(), e.cancel);
    }
    // An update of the current job changes its buttons.
    panel.selectJob(901);
    emit runner.jobUpdated(fakeJob(901, JobState::Completed));
    QVERIFY(!panel.resumeAction()->isEnabled());
    QCOMPARE(cell(panel, 901, JobListModel::StateColumn), QStringLiteral("Completed"));
}

void TestJobsPanel::runsAnOfflineJobToCompletion()
{
    const QString path = m_dir.filePath(QStringLiteral("real.kairix"));
    GenerationJobRunner runner(path);
    JobsPanel panel;
    panel.resize(1000, 600);
    panel.setRunner(&runner);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy added(&panel, &JobsPanel::scenariosAdded);
    QSignalSpy errors(&panel, &JobsPanel::errorOccurred);
    QSignalSpy finished(&runner, &GenerationJobRunner::jobFinished);

    const qint64 id = launch(panel, QStringLiteral("memory"), 20, 4);
    QVERIFY(id > 0);
    QCOMPARE(panel.currentJobId(), id);
    QTRY_COMPARE_WITH_TIMEOUT(cell(panel, id, JobListModel::StateColumn), QStringLiteral("Completed"), 60000);
    QCOMPARE(cell(panel, id, JobListModel::ScenariosColumn), QStringLiteral("20 / 20"));
    QCOMPARE(cell(panel, id, JobListModel::ProgressColumn), QStringLiteral("20 / 20"));
    QCOMPARE(cell(panel, id, JobListModel::FailedColumn), QStringLiteral("0"));
    QCOMPARE(cell(panel, id, JobListModel::GeneratorColumn), QStringLiteral("memory"));
    QCOMPARE(cell(panel, id, JobListModel::BackendColumn), QStringLiteral("Offline"));
    QCOMPARE(panel.model()->index(panel.model()->rowOf(id), 0).data(JobListModel::ProgressRole).toDouble(), 1.0);
    QVERIFY(!added.isEmpty());
    QVERIFY2(errors.isEmpty(), errors.isEmpty() ? "" : qPrintable(errors.at(0).at(0).toString()));
    QTRY_VERIFY(!finished.isEmpty());
    QVERIFY(!panel.pauseAction()->isEnabled());
    QVERIFY(!panel.cancelAction()->isEnabled());
    QVERIFY(!panel.resumeAction()->isEnabled());
    QTRY_VERIFY(!panel.logView()->toPlainText().isEmpty());

    // The scenarios are in the workspace, and a refresh lists the same job.
    auto store = WorkspaceStore::open(path);
    QVERIFY(store.ok());
    const auto datasets = (*store)->datasets();
    QVERIFY(datasets.ok());
    qint64 total = 0;
    for (const TestDataset &d : *datasets)
        total += d.scenarioCount;
    QCOMPARE(total, qint64(20));
    panel.model()->clear();
    panel.refresh();
    QTRY_COMPARE(panel.model()->rowCount(), 1);
    QCOMPARE(cell(panel, id, JobListModel::ScenariosColumn), QStringLiteral("20 / 20"));
    QCOMPARE(panel.currentJobId(), id);
}

void TestJobsPanel::pauseResumeCancel()
{
    GenerationJobRunner runner(m_dir.filePath(QStringLiteral("pause.kairix")));
    JobsPanel panel;
    panel.setRunner(&runner);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy finished(&runner, &GenerationJobRunner::jobFinished);

    // Big enough (about a millisecond an item) to still be running when Pause is pressed.
    const qint64 id = launch(panel, QStringLiteral("memory"), 50000, 1);
    QVERIFY(id > 0);
    QTRY_VERIFY(runner.isRunning(id) && panel.pauseAction()->isEnabled());
    QVERIFY(panel.cancelAction()->isEnabled());
    QVERIFY(!panel.resumeAction()->isEnabled());
    panel.pauseAction()->trigger();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last().at(0).value<GenerationJob>().state, JobState::Paused);
    QTRY_COMPARE(cell(panel, id, JobListModel::StateColumn), QStringLiteral("Paused"));
    QVERIFY(panel.resumeAction()->isEnabled());
    QVERIFY(!panel.pauseAction()->isEnabled());
    const qint64 before = panel.model()->job(panel.model()->rowOf(id)).generated;
    QVERIFY(before < 50000);

    panel.resumeAction()->trigger();
    QVERIFY(runner.isRunning(id));
    QVERIFY(panel.cancelAction()->isEnabled());
    QVERIFY(!panel.resumeAction()->isEnabled());
    QTRY_VERIFY(panel.model()->job(panel.model()->rowOf(id)).generated > before);
    panel.cancelAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(panel, id, JobListModel::StateColumn), QStringLiteral("Cancelled"), 30000);
    QTRY_VERIFY(!runner.isRunning(id));
    QVERIFY(panel.resumeAction()->isEnabled());
    QVERIFY(!panel.cancelAction()->isEnabled());
}

void TestJobsPanel::mainWindowAugmentsTheSelection()
{
    const QString path = m_dir.filePath(QStringLiteral("window.kairix"));
    QVERIFY(test::fillWorkspace(path, 12));
    MainWindow window;
    window.resize(1280, 860);
    window.openWorkspace(path);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // The runner comes once the workspace is open; the dock stays hidden until asked for.
    QTRY_VERIFY(window.jobsPanel()->runner() != nullptr);
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("jobsDock"));
    QVERIFY(dock && !dock->isVisible());
    QTRY_COMPARE(window.scenarioModel()->totalCount(), qint64(12));
    QTRY_COMPARE(window.datasetModel()->rowCount(), 2);
    window.scenarioView()->setCurrentIndex(window.scenarioModel()->index(3, 0));
    QTRY_VERIFY(window.scenarioModel()->index(3, 0).data(ScenarioTableModel::RowIdRole).toLongLong() > 0);
    const qint64 parent = window.scenarioModel()->index(3, 0).data(ScenarioTableModel::RowIdRole).toLongLong();

    // Ctrl+G opens the launch dialog with the selection as augment parents.
    QTest::keyClick(&window, Qt::Key_G, Qt::ControlModifier);
    auto *dialog = window.findChild<LaunchJobDialog *>();
    QTRY_VERIFY(dialog && dialog->isVisible());
    dialog->setGenerator(QStringLiteral("augment"));
    auto *backend = dialog->findChild<QComboBox *>(QStringLiteral("backendCombo"));
    backend->setCurrentIndex(backend->findData(QStringLiteral("offline")));
    QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("parentsSelected"))->isChecked());
    QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("parentsShown"))->text().contains(QStringLiteral("(12)")));
    QCOMPARE(dialog->spec().parents, QList<qint64>{parent});
    QCOMPARE(dialog->spec().requested, 10);

    QSignalSpy started(window.jobsPanel(), &JobsPanel::jobStarted);
    QSignalSpy added(window.jobsPanel(), &JobsPanel::scenariosAdded);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(started.wait(30000));
    const qint64 id = started.at(0).at(0).toLongLong();
    QTRY_VERIFY(dock->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(cell(*window.jobsPanel(), id, JobListModel::StateColumn), QStringLiteral("Completed"), 60000);
    QCOMPARE(cell(*window.jobsPanel(), id, JobListModel::ScenariosColumn), QStringLiteral("10 / 10"));
    QVERIFY(!added.isEmpty());
    // The registry and the table follow: a new dataset with the ten variants.
    QTRY_COMPARE(window.datasetModel()->rowCount(), 3);
    QTRY_COMPARE(window.scenarioModel()->totalCount(), qint64(22));
    QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("errorBox")));

    // Ctrl+Shift+J hides and shows the dock.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_J, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(!dock->isVisible());
    QTest::keyClick(&window, Qt::Key_J, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(dock->isVisible());
}

QTEST_MAIN(TestJobsPanel)
#include "tst_jobspanel.moc"
