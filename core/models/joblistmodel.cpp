// SPDX-License-Identifier: GPL-3.0-or-later
#include "joblistmodel.h"

#include "generation/jobs/generationjobexecutor.h"

#include <QCoreApplication>

#include <QLocale>

namespace kx {

namespace {
QVariant rightAligned() { return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter)); }

bool isNumeric(int column)
{
    return column == JobListModel::JobColumn || column == JobListModel::ScenariosColumn
           || column == JobListModel::FailedColumn || column == JobListModel::TokensColumn;
}
} // namespace

JobListModel::JobListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int JobListModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_jobs.size(); ++i)
        if (m_jobs.at(i).id == id)
            return i;
    return -1;
}

QString JobListModel::backendLabel(const GenerationJob &job)
{
    if (job.backend == QLatin1String("offline"))
        return tr("Offline");
    const QString backend = job.backend == QLatin1String("openai") ? tr("OpenAI-compatible") : job.backend;
    return job.model.isEmpty() ? backend : tr("%1 · %2").arg(backend, job.model);
}

QString JobListModel::stateLabel(const GenerationJob &job)
{
    if (job.state == JobState::Running && job.ownerPid != QCoreApplication::applicationPid()) {
        // Stored as running by another process: alive, it runs the job; gone, the job was interrupted.
        return GenerationJobExecutor::processAlive(job.ownerPid)
            ? tr("Running (process %1)").arg(job.ownerPid)
            : tr("Interrupted");
    }
    return jobStateLabel(job.state);
}

QVariant JobListModel::display(const GenerationJob &job, int column) const
{
    const QLocale locale;
    switch (column) {
    case JobColumn: return tr("#%1").arg(job.id);
    case GeneratorColumn: return job.generator;
    case BackendColumn: return backendLabel(job);
    case StateColumn: return stateLabel(job);
    case ProgressColumn:
        // Before the plan is made the number of items is not known yet.
        if (job.itemsTotal <= 0)
            return QStringLiteral("–");
        return tr("%1 / %2").arg(locale.toString(job.itemsDone + job.itemsFailed), locale.toString(job.itemsTotal));
    case ScenariosColumn:
        return tr("%1 / %2").arg(locale.toString(job.generated), locale.toString(job.requested));
    case FailedColumn: return locale.toString(job.itemsFailed);
    case TokensColumn: return locale.toString(job.promptTokens + job.completionTokens);
    case CreatedColumn:
        return job.createdAt.isValid() ? locale.toString(job.createdAt.toLocalTime(), QLocale::ShortFormat)
                                       : QString();
    }
    return {};
}

QVariant JobListModel::toolTip(const GenerationJob &job, int column) const
{
    const QLocale locale;
    switch (column) {
    case StateColumn:
        if (!job.error.isEmpty())
            return tr("%1: %2").arg(stateLabel(job), job.error);
        return stateLabel(job);
    case ProgressColumn:
        return tr("%1 of %2 items done, %3 failed, %4 pending")
            .arg(locale.toString(job.itemsDone), locale.toString(job.itemsTotal),
                 locale.toString(job.itemsFailed), locale.toString(job.itemsPending()));
    case TokensColumn:
        return tr("Prompt: %1 tokens\nCompletion: %2 tokens")
            .arg(locale.toString(job.promptTokens), locale.toString(job.completionTokens));
    case BackendColumn:
        return job.baseUrl.isEmpty() ? backendLabel(job) : tr("%1\n%2").arg(backendLabel(job), job.baseUrl);
    case CreatedColumn:
        return job.createdAt.isValid() ? locale.toString(job.createdAt.toLocalTime(), QLocale::LongFormat)
                                       : QString();
    }
    return {};
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GenerationJob &job = m_jobs.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(job, index.column());
    case Qt::ToolTipRole: return toolTip(job, index.column());
    case Qt::TextAlignmentRole:
        if (isNumeric(index.column()))
            return rightAligned();
        return {};
    case JobIdRole: return job.id;
    case ProgressRole: return job.progress();
    case StateRole: return int(job.state);
    case ItemsFinishedRole: return job.itemsDone + job.itemsFailed;
    case ItemsTotalRole: return job.itemsTotal;
    }
    return {};
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment((isNumeric(section) ? Qt::AlignRight : Qt::AlignLeft)
                                                 | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ProgressColumn: return tr("Items finished (done or failed) of items planned");
        case ScenariosColumn: return tr("Scenarios stored of scenarios requested");
        case FailedColumn: return tr("Items that failed; Resume retries them");
        case TokensColumn: return tr("Prompt and completion tokens reported by the backend");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case JobColumn: return tr("Job");
    case GeneratorColumn: return tr("Generator");
    case BackendColumn: return tr("Backend / model");
    case StateColumn: return tr("State");
    case ProgressColumn: return tr("Progress");
    case ScenariosColumn: return tr("Scenarios");
    case FailedColumn: return tr("Failed");
    case TokensColumn: return tr("Tokens");
    case CreatedColumn: return tr("Created");
    }
    return {};
}

void JobListModel::setJobs(QList<GenerationJob> jobs)
{
    bool sameIds = jobs.size() == m_jobs.size();
    for (int i = 0; sameIds && i < jobs.size(); ++i)
        sameIds = jobs.at(i).id == m_jobs.at(i).id;
    if (sameIds) {
        m_jobs = std::move(jobs);
        if (!m_jobs.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_jobs = std::move(jobs);
    endResetModel();
}

void JobListModel::updateJob(const GenerationJob &job)
{
    const int row = rowOf(job.id);
    if (row < 0) {
        beginInsertRows({}, 0, 0);
        m_jobs.prepend(job);
        endInsertRows();
        return;
    }
    m_jobs[row] = job;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void JobListModel::clear()
{
    if (m_jobs.isEmpty())
        return;
    beginResetModel();
    m_jobs.clear();
    endResetModel();
}

} // namespace kx
