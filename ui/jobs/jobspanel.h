// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/jobs/generationjobrunner.h"
#include "model/generationjob.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QPlainTextEdit;
class QTableView;
class QTimer;

namespace kx {

class JobListModel;
class LaunchJobDialog;

/**
 * The generation jobs of the open workspace: a table with a progress bar per
 * job, a toolbar (New Job…, Pause, Resume, Cancel, Refresh) whose buttons
 * follow the selected job's state, and the selected job's log below.
 *
 * Follows a GenerationJobRunner, which it does not own: live updates come
 * from its signals, the full list and the log are read through its futures
 * (off the GUI thread). With no runner the panel is disabled and says why.
 *
 * GUI thread only.
 */
class JobsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsPanel)

public:
    /** Which toolbar actions a job allows. */
    struct Actions
    {
        bool pause = false;
        bool resume = false;
        bool cancel = false;
    };

    explicit JobsPanel(QWidget *parent = nullptr);
    ~JobsPanel() override;

    /** Follows @p runner (not owned; null disables the panel) and loads its jobs. */
    void setRunner(GenerationJobRunner *runner);
    GenerationJobRunner *runner() const { return m_runner; }

    /**
     * What a job in @p job's state allows: Pause and Cancel while it runs in
     * this process (@p runningHere); Resume when it is stopped and has work
     * left (paused, cancelled, queued, interrupted, failed, or completed with
     * failed items).
     */
    static Actions actionsFor(const GenerationJob &job, bool runningHere);

    /**
     * Opens the launch dialog (window-modal, non-blocking) with @p selected
     * and @p shown as the candidate augment parents; Start hands its spec to
     * the runner (errorOccurred() when there is none, or it refuses the job).
     * Returns the dialog.
     */
    LaunchJobDialog *showLaunchDialog(const QList<qint64> &selected, const QList<qint64> &shown);

    /** The job of the current row; 0 when none. */
    qint64 currentJobId() const;
    /** Makes job @p id the current row if it is listed. */
    void selectJob(qint64 id);

    JobListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPlainTextEdit *logView() const { return m_log; }
    QAction *newJobAction() const { return m_newJob; }
    QAction *pauseAction() const { return m_pause; }
    QAction *resumeAction() const { return m_resume; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *refreshAction() const { return m_refresh; }

public Q_SLOTS:
    /** Reloads every job from the workspace. */
    void refresh();
    void pauseCurrent();
    void resumeCurrent();
    void cancelCurrent();

Q_SIGNALS:
    /** New Job… was triggered: the owner gathers the augment parents and calls showLaunchDialog(). */
    void newJobRequested();
    /** A job was started from the launch dialog. */
    void jobStarted(qint64 jobId);
    /** Jobs stored new scenarios; emitted at most about twice a second. */
    void scenariosAdded();
    /** Something failed (starting a job, reading the list); @p message is for the user. */
    void errorOccurred(const QString &message);

private:
    void onJobUpdated(const GenerationJob &job);
    void onJobFailed(qint64 jobId, const QString &message);
    void onCurrentChanged();
    void updateActions();
    void loadLog();
    void restoreSelection(qint64 jobId);

    QPointer<GenerationJobRunner> m_runner;
    JobListModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QLabel *m_note = nullptr;
    QAction *m_newJob = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_refresh = nullptr;
    QTimer *m_logTimer = nullptr;        ///< coalesces log reloads while a job runs
    QTimer *m_scenarioTimer = nullptr;   ///< throttles scenariosAdded()
    bool m_scenariosPending = false;
    quint64 m_listGeneration = 0;        ///< drops a job list that a newer refresh overtook
    quint64 m_logGeneration = 0;         ///< drops a log that belongs to an earlier selection
    QPointer<LaunchJobDialog> m_dialog;
};

} // namespace kx
