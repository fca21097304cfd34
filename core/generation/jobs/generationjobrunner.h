// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/generationjob.h"
#include "util/result.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <memory>

namespace kx {

class GenerationJobExecutor;

/**
 * The GUI's face of generation jobs on one workspace file: creates jobs, runs
 * them off the GUI thread (each on its own connection, through a
 * GenerationJobExecutor), and pauses, resumes and cancels them.
 *
 * Signals are emitted on the thread that owns the runner (the GUI thread):
 * jobUpdated() whenever a job's state or counters change (at most about ten
 * times a second per job), jobFinished() once a run ends (completed, paused,
 * cancelled or failed). Only GenerationJob values cross threads.
 *
 * Lifetime: the destructor pauses every running job, abandoning requests in
 * flight (they stay pending), and waits for the threads; a job paused so is
 * resumable later, by this or another process.
 */
class GenerationJobRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GenerationJobRunner)

public:
    explicit GenerationJobRunner(const QString &workspacePath, QObject *parent = nullptr);
    ~GenerationJobRunner() override;

    QString workspacePath() const { return m_path; }

    /**
     * Plans and stores the job @p spec (see GenerationJobPlanner::create) and
     * starts it. The future gives the stored job (state Queued or Running) or
     * why it could not be created; nothing is stored then.
     */
    QFuture<Result<GenerationJob>> start(const GenerationJob &spec);
    /** Runs a stored job again from where it stopped (paused, cancelled, interrupted, or with failed items). */
    void resume(qint64 jobId);
    /** Asks a running job to stop taking items; in-flight items finish first. No-op when not running here. */
    void pause(qint64 jobId);
    /** Asks a running job to stop now; in-flight requests are abandoned. No-op when not running here. */
    void cancel(qint64 jobId);
    /** Whether job @p jobId is running in this process. */
    bool isRunning(qint64 jobId) const { return m_running.contains(jobId); }

    /** Every job of the workspace, newest first (read on a worker thread). */
    QFuture<Result<QList<GenerationJob>>> jobs();
    /** The last @p limit log lines of a job. */
    QFuture<Result<QList<JobLogEntry>>> log(qint64 jobId, int limit = 500);

Q_SIGNALS:
    /** A job's state or counters changed. */
    void jobUpdated(const kx::GenerationJob &job);
    /** A run of a job ended; @p job is its final stored form. */
    void jobFinished(const kx::GenerationJob &job);
    /** A job could not be run: @p message says why (already passed through tr()). */
    void jobFailed(qint64 jobId, const QString &message);

private:
    void run(qint64 jobId);
    void onUpdate(const GenerationJob &job);

    QString m_path;
    QThreadPool m_pool;                                            ///< one thread per running job (8; more wait, Queued)
    QHash<qint64, std::shared_ptr<GenerationJobExecutor>> m_running; ///< touched on the owner thread only
    QHash<qint64, qint64> m_lastUpdateMs;
};

} // namespace kx
