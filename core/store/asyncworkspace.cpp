// SPDX-License-Identifier: GPL-3.0-or-later
#include "asyncworkspace.h"

#include "storelogging.h"
#include "workspacestore.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

namespace kx {

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(kx::AsyncWorkspace) };

Error notOpen()
{
    return Error::notFound(Tr::tr("no workspace is open"));
}
} // namespace

AsyncWorkspace::AsyncWorkspace(QObject *parent) : QObject(parent)
{
    // One thread that never expires: the connection stays on the thread that opened it.
    m_worker.setMaxThreadCount(1);
    m_worker.setExpiryTimeout(-1);
    m_worker.setObjectName(QStringLiteral("kx.store.worker"));
    m_importPool.setMaxThreadCount(1);
    m_importPool.setObjectName(QStringLiteral("kx.store.import"));
}

AsyncWorkspace::~AsyncWorkspace()
{
    m_importPool.waitForDone();
    // Close the connection on its own thread, after everything queued before it.
    m_worker.start([this] { m_store.reset(); });
    m_worker.waitForDone();
}

template<typename T, typename Fn>
QFuture<Result<T>> AsyncWorkspace::onWorker(Fn fn)
{
    // The lambda reads m_store on the worker thread only; open() replaces it there too.
    return QtConcurrent::run(&m_worker, [this, fn = std::move(fn)]() -> Result<T> {
        if (!m_store)
            return notOpen();
        return fn(*m_store);
    });
}

template<typename T, typename Fn>
QFuture<Result<T>> AsyncWorkspace::writeOnWorker(Fn fn)
{
    return onWorker<T>([this, fn = std::move(fn)](WorkspaceStore &store) -> Result<T> {
        Result<T> r = fn(store);
        if (r)
            notifyChanged();
        return r;
    });
}

void AsyncWorkspace::notifyChanged()
{
    // Posted, so changed() arrives on the owner's thread; dropped if we are gone by then.
    QMetaObject::invokeMethod(this, [this] { Q_EMIT changed(); }, Qt::QueuedConnection);
}

QFuture<Result<void>> AsyncWorkspace::open(const QString &path)
{
    m_path = path;
    return QtConcurrent::run(&m_worker, [this, path]() -> Result<void> {
        m_store.reset();
        auto store = WorkspaceStore::open(path);
        if (!store)
            return store.error();
        m_store = std::move(store.value());
        return {};
    });
}

QFuture<Result<QList<TestDataset>>> AsyncWorkspace::datasets()
{
    return onWorker<QList<TestDataset>>([](WorkspaceStore &s) { return s.datasets(); });
}

QFuture<Result<TestDataset>> AsyncWorkspace::dataset(qint64 id)
{
    return onWorker<TestDataset>([id](WorkspaceStore &s) { return s.dataset(id); });
}

QFuture<Result<QList<ScenarioRow>>> AsyncWorkspace::page(const ScenarioFilter &filter, const ScenarioSort &sort,
                                                         const PageCursor &after, int limit)
{
    return onWorker<QList<ScenarioRow>>(
        [filter, sort, after, limit](WorkspaceStore &s) { return s.page(filter, sort, after, limit); });
}

QFuture<Result<qint64>> AsyncWorkspace::count(const ScenarioFilter &filter)
{
    return onWorker<qint64>([filter](WorkspaceStore &s) { return s.count(filter); });
}

QFuture<Result<QList<PageCursor>>> AsyncWorkspace::pageAnchors(const ScenarioFilter &filter,
                                                               const ScenarioSort &sort, int pageSize)
{
    return onWorker<QList<PageCursor>>(
        [filter, sort, pageSize](WorkspaceStore &s) { return s.pageAnchors(filter, sort, pageSize); });
}

QFuture<Result<TestScenario>> AsyncWorkspace::scenario(qint64 rowId)
{
    return onWorker<TestScenario>([rowId](WorkspaceStore &s) { return s.scenario(rowId); });
}

QFuture<Result<QList<FacetCount>>> AsyncWorkspace::categoryFacet(const ScenarioFilter &filter)
{
    return onWorker<QList<FacetCount>>([filter](WorkspaceStore &s) { return s.categoryFacet(filter); });
}

QFuture<Result<QList<FacetCount>>> AsyncWorkspace::statusFacet(const ScenarioFilter &filter)
{
    return onWorker<QList<FacetCount>>([filter](WorkspaceStore &s) { return s.statusFacet(filter); });
}

QFuture<Result<QList<FacetCount>>> AsyncWorkspace::capabilityFacet(const ScenarioFilter &filter, int limit)
{
    return onWorker<QList<FacetCount>>(
        [filter, limit](WorkspaceStore &s) { return s.capabilityFacet(filter, limit); });
}

QFuture<Result<QList<FacetCount>>> AsyncWorkspace::audioFlagFacet(const ScenarioFilter &filter)
{
    return onWorker<QList<FacetCount>>([filter](WorkspaceStore &s) { return s.audioFlagFacet(filter); });
}

QFuture<Result<void>> AsyncWorkspace::setStatus(qint64 rowId, ReviewStatus status)
{
    return writeOnWorker<void>([rowId, status](WorkspaceStore &s) { return s.setStatus(rowId, status); });
}

QFuture<Result<void>> AsyncWorkspace::removeDataset(qint64 id)
{
    return writeOnWorker<void>([id](WorkspaceStore &s) { return s.removeDataset(id); });
}

QFuture<Result<ReviewEvent>> AsyncWorkspace::updateScenario(qint64 rowId, const TestScenario &after,
                                                            const QString &reviewer, const QString &action)
{
    return onWorker<ReviewEvent>([this, rowId, after, reviewer, action](WorkspaceStore &s) -> Result<ReviewEvent> {
        auto event = s.updateScenario(rowId, after, reviewer, action);
        if (event && event->id != 0)
            notifyChanged();
        return event;
    });
}

QFuture<Result<QList<ReviewEvent>>> AsyncWorkspace::reviewEvents(qint64 rowId)
{
    return onWorker<QList<ReviewEvent>>([rowId](WorkspaceStore &s) { return s.reviewEvents(rowId); });
}

QFuture<Result<std::optional<QByteArray>>> AsyncWorkspace::audioPeaks(const QString &clipKey)
{
    return onWorker<std::optional<QByteArray>>([clipKey](WorkspaceStore &s) { return s.audioPeaks(clipKey); });
}

QFuture<Result<void>> AsyncWorkspace::putAudioPeaks(const QString &clipKey, const QByteArray &blob)
{
    return onWorker<void>([clipKey, blob](WorkspaceStore &s) { return s.putAudioPeaks(clipKey, blob); });
}

QFuture<Result<std::optional<AudioCheck>>> AsyncWorkspace::audioCheck(qint64 rowId)
{
    return onWorker<std::optional<AudioCheck>>([rowId](WorkspaceStore &s) { return s.audioCheck(rowId); });
}

QFuture<Result<QList<StoredPromptTemplate>>> AsyncWorkspace::promptTemplateVersions(const QString &templateId)
{
    return onWorker<QList<StoredPromptTemplate>>(
        [templateId](WorkspaceStore &s) { return PromptTemplateStore(s).versions(templateId); });
}

QFuture<Result<PromptTemplate>> AsyncWorkspace::currentPromptTemplate(const QString &templateId)
{
    return onWorker<PromptTemplate>(
        [templateId](WorkspaceStore &s) { return PromptTemplateStore(s).current(templateId); });
}

QFuture<Result<PromptTemplate>> AsyncWorkspace::savePromptTemplate(const PromptTemplate &edited,
                                                                   const QString &author)
{
    return onWorker<PromptTemplate>(
        [edited, author](WorkspaceStore &s) { return PromptTemplateStore(s).save(edited, author); });
}

QFuture<Result<void>> AsyncWorkspace::runOnOwnConnection(StoreJob job)
{
    const QString path = m_path;
    auto work = [path, job = std::move(job)]() -> Result<void> {
        if (path.isEmpty() || path == QLatin1String(":memory:"))
            return Error::badInput(Tr::tr("this needs a workspace file: an in-memory workspace (\"%1\") "
                                          "cannot be shared with a second connection")
                                       .arg(path));
        auto store = WorkspaceStore::open(path);
        if (!store)
            return store.error();
        return job(**store);
    };
    return QtConcurrent::run(&m_importPool, std::move(work)).then([this](Result<void> r) {
        if (r)
            notifyChanged();
        return r;
    });
}

QFuture<Result<ImportSummary>> AsyncWorkspace::import(ImportJob job)
{
    QFuture<Result<ImportSummary>> future = importInto(m_path, std::move(job), &m_importPool);
    // The continuation runs on the import thread right after the job; notifyChanged() posts.
    return future.then([this](Result<ImportSummary> r) {
        if (r)
            notifyChanged();
        return r;
    });
}

QFuture<Result<ImportSummary>> AsyncWorkspace::importInto(const QString &path, ImportJob job, QThreadPool *pool)
{
    auto work = [path, job = std::move(job)]() -> Result<ImportSummary> {
        if (path.isEmpty() || path == QLatin1String(":memory:"))
            return Error::badInput(Tr::tr("imports need a workspace file: an in-memory workspace (\"%1\") "
                                          "cannot be shared with the import's own connection")
                                       .arg(path));
        auto store = WorkspaceStore::open(path);
        if (!store)
            return store.error();
        Result<ImportSummary> out = [&]() -> Result<ImportSummary> {
            auto session = (*store)->beginImport();
            if (!session)
                return session.error();
            if (auto r = job(**session); !r)
                return r.error(); // the session's destructor rolls back
            if (auto r = (*session)->commit(); !r)
                return r.error();
            return ImportSummary{(*session)->datasetIds(), (*session)->scenarioCount()};
        }();
        return out;
    };
    return QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(), std::move(work));
}

} // namespace kx
