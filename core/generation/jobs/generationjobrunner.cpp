// SPDX-License-Identifier: GPL-3.0-or-later
#include "generationjobrunner.h"

#include "generation/jobs/generationjobexecutor.h"
#include "generation/jobs/generationjobplanner.h"
#include "store/jobstore.h"
#include "store/workspacestore.h"

#include <QDateTime>
#include <QPointer>
#include <QtConcurrent>

namespace kx {

namespace {
/** Updates of one job reach the GUI at most this often (the final one always does). */
constexpr qint64 updateIntervalMs = 100;

/** Runs @p fn with a store of its own on @p path. */
template<typename T, typename Fn>
Result<T> withStore(const QString &path, Fn fn)
{
    auto store = WorkspaceStore::open(path);
    if (!store)
        return store.error();
    return fn(**store);
}
} // namespace

GenerationJobRunner::GenerationJobRunner(const QString &workspacePath, QObject *parent)
    : QObject(parent), m_path(workspacePath)
{
    qRegisterMetaType<kx::GenerationJob>();
    m_pool.setMaxThreadCount(8);
}

GenerationJobRunner::~GenerationJobRunner()
{
    // Paused, not cancelled, and without waiting for slow requests: what is in flight is abandoned
    // (it stays pending) and the job resumes later, here or from the command line.
    for (const auto &executor : std::as_const(m_running))
        executor->requestPause(/*abandonInFlight=*/true);
    m_pool.waitForDone();
}

QFuture<Result<GenerationJob>> GenerationJobRunner::start(const GenerationJob &spec)
{
    const QString path = m_path;
    QFuture<Result<GenerationJob>> created = QtConcurrent::run(QThreadPool::globalInstance(), [path, spec] {
        return withStore<GenerationJob>(path, [&](WorkspaceStore &store) { return GenerationJobPlanner::create(spec, store); });
    });
    created.then(this, [this](const Result<GenerationJob> &job) {
        if (!job)
            return;
        Q_EMIT jobUpdated(*job);
        run(job->id);
    });
    return created;
}

void GenerationJobRunner::resume(qint64 jobId)
{
    if (!m_running.contains(jobId))
        run(jobId);
}

void GenerationJobRunner::pause(qint64 jobId)
{
    if (auto executor = m_running.value(jobId))
        executor->requestPause();
}

void GenerationJobRunner::cancel(qint64 jobId)
{
    if (auto executor = m_running.value(jobId))
        executor->requestCancel();
}

QFuture<Result<QList<GenerationJob>>> GenerationJobRunner::jobs()
{
    const QString path = m_path;
    // Reads go to the global pool: m_pool's threads may all be busy running jobs.
    return QtConcurrent::run(QThreadPool::globalInstance(), [path] {
        return withStore<QList<GenerationJob>>(path, [](WorkspaceStore &store) { return JobStore(store).jobs(); });
    });
}

QFuture<Result<QList<JobLogEntry>>> GenerationJobRunner::log(qint64 jobId, int limit)
{
    const QString path = m_path;
    return QtConcurrent::run(QThreadPool::globalInstance(), [path, jobId, limit] {
        return withStore<QList<JobLogEntry>>(path, [&](WorkspaceStore &store) {
            return JobStore(store).logEntries(jobId, limit);
        });
    });
}

void GenerationJobRunner::run(qint64 jobId)
{
    auto executor = std::make_shared<GenerationJobExecutor>(m_path, jobId);
    QPointer<GenerationJobRunner> self(this);
    executor->setUpdateCallback([self](const GenerationJob &job) {
        if (self)
            QMetaObject::invokeMethod(self, [self, job] { if (self) self->onUpdate(job); }, Qt::QueuedConnection);
    });
    m_running.insert(jobId, executor);
    QtConcurrent::run(&m_pool, [executor] { return executor->run(); })
        .then(this, [this, jobId](const Result<GenerationJob> &result) {
            m_running.remove(jobId);
            m_lastUpdateMs.remove(jobId);
            if (!result) {
                Q_EMIT jobFailed(jobId, result.error().message);
                return;
            }
            Q_EMIT jobUpdated(*result);
            Q_EMIT jobFinished(*result);
        });
}

void GenerationJobRunner::onUpdate(const GenerationJob &job)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool last = job.itemsPending() == 0 || job.state != JobState::Running;
    if (!last && now - m_lastUpdateMs.value(job.id, 0) < updateIntervalMs)
        return;
    m_lastUpdateMs.insert(job.id, now);
    Q_EMIT jobUpdated(job);
}

} // namespace kx
