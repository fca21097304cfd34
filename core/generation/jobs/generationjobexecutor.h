// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/generators/generationbackend.h"
#include "model/generationjob.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace kx {

class GeneratorRegistry;
struct GenerationOptions;

/**
 * Runs one stored generation job to its end, blocking: the engine under both
 * `kairix generate` and the GUI's GenerationJobRunner.
 *
 * run() opens its own connection to the workspace, marks the job Running
 * (owned by this process), and works through the items that have no row yet
 * (failed ones are retried) on up to GenerationJob::concurrency threads. Each
 * finished item is committed with its scenarios in one transaction
 * (JobStore::commitItem), so a process killed at any moment loses only the
 * items in flight, and a later run() finishes the job with exactly the
 * requested scenarios: none lost, none twice.
 *
 * requestPause() lets the items in flight finish, then stops (Paused), or
 * abandons them when asked to; requestCancel() abandons them (Cancelled). Both may be called from any
 * thread, before or during run(); a run that finished is not affected.
 *
 * The API key (openai backend) is read when run() starts, from
 * KAIRIX_API_KEY / OPENAI_API_KEY or the system keychain, and goes nowhere
 * but the Authorization header.
 */
class GenerationJobExecutor final
{
    Q_DECLARE_TR_FUNCTIONS(kx::GenerationJobExecutor)
    Q_DISABLE_COPY_MOVE(GenerationJobExecutor)

public:
    /** Called with the job's stored state after every item and state change; on worker threads, one call at a time. */
    using UpdateCallback = std::function<void(const GenerationJob &job)>;

    GenerationJobExecutor(QString workspacePath, qint64 jobId);
    ~GenerationJobExecutor();

    qint64 jobId() const { return m_jobId; }
    void setUpdateCallback(UpdateCallback callback) { m_onUpdate = std::move(callback); }
    /** Answers requests with @p backend instead of the one the job names (tests, benchmarks). */
    void setBackend(std::shared_ptr<GenerationBackend> backend) { m_backendOverride = std::move(backend); }

    /**
     * Runs the job until every item has finished, or a pause or cancel. Returns
     * the job as stored at the end (Completed, Paused, Cancelled, or Failed
     * when it could not run: the error says why). Errors: NotFound (no such
     * job), BadInput (another live process runs it), Database.
     */
    Result<GenerationJob> run();

    /**
     * Stop taking items and end Paused. In-flight items finish and are kept,
     * unless @p abandonInFlight (closing the application: do not wait for slow
     * requests), in which case they are abandoned and stay pending.
     */
    void requestPause(bool abandonInFlight = false);
    /** Stop now and end Cancelled; in-flight items are abandoned and stay pending. */
    void requestCancel();

    /** Whether process @p pid is alive on this machine (a Running job whose owner is dead was interrupted). */
    static bool processAlive(qint64 pid);

private:
    enum Stop { Go = 0, Pause = 1, Cancel = 2, PauseNow = 3 };
    void abandonInFlight();
    Result<std::shared_ptr<GenerationBackend>> makeBackend(const GenerationJob &job,
                                                            const std::shared_ptr<const GeneratorRegistry> &registry,
                                                            const GenerationOptions &options) const;

    QString m_path;
    qint64 m_jobId = 0;
    UpdateCallback m_onUpdate;
    std::shared_ptr<GenerationBackend> m_backendOverride;
    std::atomic<int> m_stop{Go};
    std::mutex m_backendMutex;
    std::shared_ptr<GenerationBackend> m_backend; ///< the running backend, for requestCancel()
};

} // namespace kx
