// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobspanel.h"

#include "generation/jobs/generationjobexecutor.h"

#include <QCoreApplication>

#include "generation/jobs/generationjobrunner.h"
#include "jobprogressdelegate.h"
#include "launchjobdialog.h"
#include "models/futurereply.h"
#include "models/joblistmodel.h"

#include <QAction>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace kx {

namespace {
constexpr int logDelayMs = 300;        ///< a running job's log is reloaded at most this often
constexpr int scenarioThrottleMs = 500;

QString formatLogLine(const JobLogEntry &e)
{
    const QString time = e.at.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    // Item errors usually name their item already; say it only where they do not.
    QString item = e.item >= 0 ? JobsPanel::tr("item %1: ").arg(e.item) : QString();
    if (!item.isEmpty() && e.message.startsWith(item))
        item.clear();
    return QStringLiteral("%1  %2  %3%4").arg(time, e.level.leftJustified(7), item, e.message);
}
} // namespace

JobsPanel::JobsPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new JobListModel(this))
{
    setObjectName(QStringLiteral("jobsPanel"));
    QStyle *s = style();
    m_newJob = new QAction(QIcon::fromTheme(QStringLiteral("document-new"), s->standardIcon(QStyle::SP_FileIcon)),
                           tr("&New Job…"), this);
    m_newJob->setToolTip(tr("Start a generation job (Ctrl+G)"));
    connect(m_newJob, &QAction::triggered, this, &JobsPanel::newJobRequested);
    m_pause = new QAction(s->standardIcon(QStyle::SP_MediaPause), tr("&Pause"), this);
    m_pause->setToolTip(tr("Stop taking new items; the ones in flight finish. Resume continues."));
    connect(m_pause, &QAction::triggered, this, &JobsPanel::pauseCurrent);
    m_resume = new QAction(s->standardIcon(QStyle::SP_MediaPlay), tr("&Resume"), this);
    m_resume->setToolTip(tr("Continue the job where it stopped; failed items are tried again"));
    connect(m_resume, &QAction::triggered, this, &JobsPanel::resumeCurrent);
    m_cancel = new QAction(s->standardIcon(QStyle::SP_MediaStop), tr("&Cancel"), this);
    m_cancel->setToolTip(tr("Stop now; the scenarios made so far stay"));
    connect(m_cancel, &QAction::triggered, this, &JobsPanel::cancelCurrent);
    m_refresh = new QAction(QIcon(QStringLiteral(":/icons/refresh.png")), tr("Re&fresh"), this);
    m_refresh->setToolTip(tr("Reload the jobs from the workspace (also those run by the kairix command)"));
    connect(m_refresh, &QAction::triggered, this, &JobsPanel::refresh);

    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("jobsToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(16, 16));
    bar->addAction(m_newJob);
    bar->addSeparator();
    bar->addActions({m_pause, m_resume, m_cancel});
    bar->addSeparator();
    bar->addAction(m_refresh);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("jobsNote"));
    m_note->setWordWrap(true);
    m_note->setContentsMargins(6, 2, 6, 2);
    m_note->setForegroundRole(QPalette::PlaceholderText);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("jobsTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(JobListModel::ProgressColumn, new JobProgressDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    const QList<QPair<int, int>> widths = {
        {JobListModel::JobColumn, 56},      {JobListModel::GeneratorColumn, 100}, {JobListModel::BackendColumn, 240},
        {JobListModel::StateColumn, 90},    {JobListModel::ProgressColumn, 170},  {JobListModel::ScenariosColumn, 130},
        {JobListModel::FailedColumn, 60},   {JobListModel::TokensColumn, 90}};
    for (const auto &[column, width] : widths)
        m_view->setColumnWidth(column, width);
    m_view->setAccessibleName(tr("Generation jobs"));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &JobsPanel::onCurrentChanged);

    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("jobLog"));
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setPlaceholderText(tr("Select a job to see its log."));
    m_log->setAccessibleName(tr("Job log"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("jobsSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_log);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_note);
    layout->addWidget(splitter, 1);

    m_logTimer = new QTimer(this);
    m_logTimer->setSingleShot(true);
    m_logTimer->setInterval(logDelayMs);
    connect(m_logTimer, &QTimer::timeout, this, &JobsPanel::loadLog);
    m_scenarioTimer = new QTimer(this);
    m_scenarioTimer->setSingleShot(true);
    m_scenarioTimer->setInterval(scenarioThrottleMs);
    connect(m_scenarioTimer, &QTimer::timeout, this, [this] {
        if (!m_scenariosPending)
            return;
        m_scenariosPending = false;
        m_scenarioTimer->start();
        emit scenariosAdded();
    });

    setRunner(nullptr);
}

JobsPanel::~JobsPanel() = default;

void JobsPanel::setRunner(GenerationJobRunner *runner)
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = runner;
    ++m_listGeneration;
    ++m_logGeneration;
    m_model->clear();
    m_log->clear();
    const bool on = runner != nullptr;
    m_view->setEnabled(on);
    m_log->setEnabled(on);
    m_newJob->setEnabled(on);
    m_refresh->setEnabled(on);
    m_note->setText(on ? QString() : tr("Open a workspace to run generation jobs."));
    m_note->setVisible(!on);
    updateActions();
    if (!on)
        return;
    connect(runner, &GenerationJobRunner::jobUpdated, this, &JobsPanel::onJobUpdated);
    connect(runner, &GenerationJobRunner::jobFinished, this, [this](const GenerationJob &job) {
        onJobUpdated(job);
        if (job.id == currentJobId())
            loadLog();
    });
    connect(runner, &GenerationJobRunner::jobFailed, this, &JobsPanel::onJobFailed);
    refresh();
}

JobsPanel::Actions JobsPanel::actionsFor(const GenerationJob &job, bool runningHere)
{
    Actions a;
    if (runningHere) {
        a.pause = true;
        a.cancel = true;
        return a;
    }
    switch (job.state) {
    case JobState::Running:
        // Listed as running but not here: resumable when interrupted, not while another process runs it.
        a.resume = !GenerationJobExecutor::processAlive(job.ownerPid) || job.ownerPid == QCoreApplication::applicationPid();
        break;
    case JobState::Queued:
    case JobState::Paused:
    case JobState::Cancelled:
    case JobState::Failed:
        a.resume = true;
        break;
    case JobState::Completed:
        a.resume = job.itemsFailed > 0;
        break;
    }
    return a;
}

qint64 JobsPanel::currentJobId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(JobListModel::JobIdRole).toLongLong() : 0;
}

void JobsPanel::selectJob(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, JobListModel::JobColumn));
}

void JobsPanel::refresh()
{
    if (!m_runner)
        return;
    const quint64 generation = ++m_listGeneration;
    onFutureReady(this, m_runner->jobs(), [this, generation](Result<QList<GenerationJob>> result) {
        if (generation != m_listGeneration)
            return;
        if (!result) {
            emit errorOccurred(tr("Could not read the generation jobs:\n%1").arg(result.error().message));
            return;
        }
        const qint64 current = currentJobId();
        m_model->setJobs(std::move(*result));
        restoreSelection(current);
        m_note->setText(tr("No generation jobs yet. New Job… (Ctrl+G) starts one."));
        m_note->setVisible(m_model->rowCount() == 0);
        updateActions();
    });
}

void JobsPanel::restoreSelection(qint64 jobId)
{
    if (m_model->rowCount() == 0)
        return;
    const int row = m_model->rowOf(jobId);
    if (row >= 0 && m_view->currentIndex().row() == row)
        return;
    m_view->setCurrentIndex(m_model->index(qMax(0, row), JobListModel::JobColumn));
}

void JobsPanel::onJobUpdated(const GenerationJob &job)
{
    const int row = m_model->rowOf(job.id);
    const qint64 before = row >= 0 ? m_model->job(row).generated : 0;
    m_model->updateJob(job);
    m_note->setVisible(false);
    if (row < 0 && !m_view->currentIndex().isValid())
        selectJob(job.id);
    if (job.generated > before) {
        // Leading edge at once, then at most one trailing signal per interval.
        if (m_scenarioTimer->isActive()) {
            m_scenariosPending = true;
        } else {
            m_scenarioTimer->start();
            emit scenariosAdded();
        }
    }
    if (job.id == currentJobId()) {
        updateActions();
        if (!m_logTimer->isActive())
            m_logTimer->start();
    }
}

void JobsPanel::onJobFailed(qint64 jobId, const QString &message)
{
    emit errorOccurred(tr("Generation job #%1 could not run:\n%2").arg(jobId).arg(message));
    refresh();
}

void JobsPanel::onCurrentChanged()
{
    updateActions();
    ++m_logGeneration;
    m_log->clear();
    m_logTimer->stop();
    loadLog();
}

void JobsPanel::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    Actions a;
    if (m_runner && current.isValid()) {
        const GenerationJob &job = m_model->job(current.row());
        a = actionsFor(job, m_runner->isRunning(job.id));
    }
    m_pause->setEnabled(a.pause);
    m_resume->setEnabled(a.resume);
    m_cancel->setEnabled(a.cancel);
}

void JobsPanel::loadLog()
{
    const qint64 id = currentJobId();
    if (!m_runner || id <= 0)
        return;
    const quint64 generation = ++m_logGeneration;
    onFutureReady(this, m_runner->log(id), [this, generation](Result<QList<JobLogEntry>> result) {
        if (generation != m_logGeneration)
            return;
        QScrollBar *scroll = m_log->verticalScrollBar();
        const bool atEnd = scroll->value() == scroll->maximum();
        const int kept = scroll->value();
        if (!result) {
            m_log->setPlainText(result.error().message);
            return;
        }
        QStringList lines;
        lines.reserve(result->size());
        for (const JobLogEntry &e : std::as_const(*result))
            lines.append(formatLogLine(e));
        m_log->setPlainText(lines.join(QLatin1Char('\n')));
        scroll->setValue(atEnd ? scroll->maximum() : kept);
    });
}

void JobsPanel::pauseCurrent()
{
    if (const qint64 id = currentJobId(); m_runner && id > 0)
        m_runner->pause(id);
}

void JobsPanel::resumeCurrent()
{
    const qint64 id = currentJobId();
    if (!m_runner || id <= 0)
        return;
    m_runner->resume(id);
    updateActions();
}

void JobsPanel::cancelCurrent()
{
    if (const qint64 id = currentJobId(); m_runner && id > 0)
        m_runner->cancel(id);
}

LaunchJobDialog *JobsPanel::showLaunchDialog(const QList<qint64> &selected, const QList<qint64> &shown)
{
    if (!m_dialog) {
        m_dialog = new LaunchJobDialog(nullptr, this);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &QDialog::accepted, this, [this, dialog = m_dialog] {
            if (!dialog)
                return;
            if (!m_runner) {
                emit errorOccurred(tr("The generation job could not start: no workspace is open yet."));
                return;
            }
            const GenerationJob spec = dialog->spec();
            onFutureReady(this, m_runner->start(spec), [this](Result<GenerationJob> job) {
                if (!job) {
                    emit errorOccurred(tr("The generation job could not start:\n%1").arg(job.error().message));
                    return;
                }
                m_model->updateJob(*job);
                m_note->setVisible(false);
                selectJob(job->id);
                emit jobStarted(job->id);
            });
        });
    }
    m_dialog->setParentCandidates(selected, shown);
    m_dialog->open();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

} // namespace kx
