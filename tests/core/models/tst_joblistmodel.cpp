// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/joblistmodel.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

using namespace kx;

namespace {
GenerationJob makeJob(qint64 id, JobState state = JobState::Running)
{
    GenerationJob job;
    job.id = id;
    job.generator = QStringLiteral("memory");
    job.backend = QStringLiteral("offline");
    job.state = state;
    job.ownerPid = state == JobState::Running ? QCoreApplication::applicationPid() : 0; // running here
    job.requested = 20;
    job.itemsTotal = 20;
    job.itemsDone = 5;
    job.itemsFailed = 1;
    job.generated = 5;
    job.promptTokens = 100;
    job.completionTokens = 23;
    job.createdAt = QDateTime(QDate(2024, 5, 6), QTime(7, 8), Qt::UTC);
    return job;
}
} // namespace

class TestJobListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsColumnsAndRoles();
    void backendLabels();
    void setJobsKeepsRowsWhenIdsMatch();
    void setJobsResetsOnNewIds();
    void updateJobChangesOneRow();
    void updateJobInsertsNewAtTop();
    void progressBeforePlan();
};

void TestJobListModel::showsColumnsAndRoles()
{
    JobListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    GenerationJob failed = makeJob(7, JobState::Failed);
    failed.error = QStringLiteral("no backend");
    model.setJobs({makeJob(8), failed});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(JobListModel::ColumnCount));

    auto cell = [&](int row, int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
    QCOMPARE(cell(0, JobListModel::JobColumn).toString(), QStringLiteral("#8"));
    QCOMPARE(cell(0, JobListModel::GeneratorColumn).toString(), QStringLiteral("memory"));
    QCOMPARE(cell(0, JobListModel::BackendColumn).toString(), QStringLiteral("Offline"));
    QCOMPARE(cell(0, JobListModel::StateColumn).toString(), QStringLiteral("Running"));
    // Stored as running by a process that is gone: interrupted; by another live process (PID 1): says which.
    GenerationJob orphan = makeJob(9);
    orphan.ownerPid = 0x3ffffff0;
    QCOMPARE(JobListModel::stateLabel(orphan), QStringLiteral("Interrupted"));
    orphan.ownerPid = 1;
    QCOMPARE(JobListModel::stateLabel(orphan), QStringLiteral("Running (process 1)"));
    QCOMPARE(cell(0, JobListModel::ProgressColumn).toString(), QStringLiteral("6 / 20"));
    QCOMPARE(cell(0, JobListModel::ScenariosColumn).toString(), QStringLiteral("5 / 20"));
    QCOMPARE(cell(0, JobListModel::FailedColumn).toString(), QStringLiteral("1"));
    QCOMPARE(cell(0, JobListModel::TokensColumn).toString(), QStringLiteral("123"));
    QVERIFY(!cell(0, JobListModel::CreatedColumn).toString().isEmpty());
    QVERIFY(cell(0, JobListModel::TokensColumn, Qt::ToolTipRole).toString().contains(QStringLiteral("100")));

    QCOMPARE(cell(0, 0, JobListModel::JobIdRole).toLongLong(), qint64(8));
    QCOMPARE(cell(0, 0, JobListModel::ProgressRole).toDouble(), 6.0 / 20.0);
    QCOMPARE(cell(0, 0, JobListModel::StateRole).toInt(), int(JobState::Running));
    QCOMPARE(cell(0, 0, JobListModel::ItemsFinishedRole).toInt(), 6);
    QCOMPARE(cell(0, 0, JobListModel::ItemsTotalRole).toInt(), 20);
    QCOMPARE(cell(1, 0, JobListModel::StateRole).toInt(), int(JobState::Failed));
    QVERIFY(cell(1, JobListModel::StateColumn, Qt::ToolTipRole).toString().contains(QStringLiteral("no backend")));

    QCOMPARE(model.headerData(JobListModel::ProgressColumn, Qt::Horizontal).toString(), QStringLiteral("Progress"));
    QCOMPARE(model.headerData(JobListModel::TokensColumn, Qt::Horizontal).toString(), QStringLiteral("Tokens"));
    QCOMPARE(model.rowOf(7), 1);
    QCOMPARE(model.rowOf(99), -1);
    QCOMPARE(model.job(1).error, QStringLiteral("no backend"));
}

void TestJobListModel::backendLabels()
{
    GenerationJob job = makeJob(1);
    QCOMPARE(JobListModel::backendLabel(job), QStringLiteral("Offline"));
    job.backend = QStringLiteral("openai");
    QCOMPARE(JobListModel::backendLabel(job), QStringLiteral("OpenAI-compatible"));
    job.model = QStringLiteral("qwen2.5-7b");
    QCOMPARE(JobListModel::backendLabel(job), QStringLiteral("OpenAI-compatible · qwen2.5-7b"));
}

void TestJobListModel::setJobsKeepsRowsWhenIdsMatch()
{
    JobListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJobs({makeJob(3), makeJob(2), makeJob(1)});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    GenerationJob done = makeJob(2, JobState::Completed);
    done.itemsDone = 19;
    model.setJobs({makeJob(3), done, makeJob(1)});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(1, JobListModel::StateColumn).data().toString(), QStringLiteral("Completed"));
    QCOMPARE(model.index(1, JobListModel::ProgressColumn).data().toString(), QStringLiteral("20 / 20"));
}

void TestJobListModel::setJobsResetsOnNewIds()
{
    JobListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJobs({makeJob(2), makeJob(1)});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setJobs({makeJob(3), makeJob(2), makeJob(1)});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data(JobListModel::JobIdRole).toLongLong(), qint64(3));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.setJobs({});
    QCOMPARE(model.rowCount(), 0);
}

void TestJobListModel::updateJobChangesOneRow()
{
    JobListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJobs({makeJob(3), makeJob(2), makeJob(1)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    GenerationJob update = makeJob(2, JobState::Paused);
    update.itemsDone = 10;
    update.generated = 10;
    model.updateJob(update);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.at(0).at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 1);
    QCOMPARE(bottomRight.row(), 1);
    QCOMPARE(topLeft.column(), 0);
    QCOMPARE(bottomRight.column(), JobListModel::ColumnCount - 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, JobListModel::StateColumn).data().toString(), QStringLiteral("Paused"));
    QCOMPARE(model.index(1, JobListModel::ScenariosColumn).data().toString(), QStringLiteral("10 / 20"));
    QCOMPARE(model.index(1, 0).data(JobListModel::ProgressRole).toDouble(), 11.0 / 20.0);
    // Its neighbours are untouched.
    QCOMPARE(model.index(0, JobListModel::StateColumn).data().toString(), QStringLiteral("Running"));
    QCOMPARE(model.index(2, JobListModel::ScenariosColumn).data().toString(), QStringLiteral("5 / 20"));
}

void TestJobListModel::updateJobInsertsNewAtTop()
{
    JobListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.updateJob(makeJob(1));
    model.updateJob(makeJob(2, JobState::Queued));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.updateJob(makeJob(5));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(model.rowCount(), 3);
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(JobListModel::JobIdRole).toLongLong());
    QCOMPARE(ids, QList<qint64>({5, 2, 1}));
    QCOMPARE(model.index(1, JobListModel::StateColumn).data().toString(), QStringLiteral("Queued"));
}

void TestJobListModel::progressBeforePlan()
{
    JobListModel model;
    GenerationJob queued = makeJob(4, JobState::Queued);
    queued.itemsTotal = 0;
    queued.itemsDone = 0;
    queued.itemsFailed = 0;
    model.updateJob(queued);
    QCOMPARE(model.index(0, 0).data(JobListModel::ProgressRole).toDouble(), 0.0);
    QCOMPARE(model.index(0, JobListModel::ProgressColumn).data().toString(), QStringLiteral("–"));
}

QTEST_GUILESS_MAIN(TestJobListModel)
#include "tst_joblistmodel.moc"
