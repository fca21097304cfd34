// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenariosink.h"
#include "model/audiocheck.h"
#include "model/reviewevent.h"
#include "model/testdataset.h"
#include "model/testscenario.h"
#include "store/prompttemplatestore.h"
#include "store/scenarioquery.h"
#include "util/result.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>

namespace kx {

class WorkspaceStore;

/** What an import through AsyncWorkspace::import() added. */
struct ImportSummary
{
    QList<qint64> datasetIds;
    qint64 scenarioCount = 0;
};

/**
 * The GUI's face of the workspace. It owns a WorkspaceStore that lives on one
 * dedicated worker thread (a single-thread pool whose thread never expires, so
 * the connection always runs on the same thread) and returns a QFuture for
 * every call; calls run in the order they were made. Only value types cross
 * threads.
 *
 * Imports run on a second connection, on a second thread, opened on the same
 * file: WAL lets the table keep paging while the import writes. That is why
 * AsyncWorkspace needs a file path — ":memory:" opens (for tests of the read
 * side) but cannot be shared between connections, so import() then fails.
 *
 * changed() is emitted on the thread that owns this object after every
 * successful write (setStatus, removeDataset, import) so views refresh.
 *
 * Lifetime: the destructor waits for running work to finish; futures handed
 * out before stay valid.
 */
class AsyncWorkspace final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AsyncWorkspace)

public:
    /** Converter work to run inside an import: feed everything to @p sink. Runs on the import thread. */
    using ImportJob = std::function<Result<void>(ScenarioSink &sink)>;

    explicit AsyncWorkspace(QObject *parent = nullptr);
    ~AsyncWorkspace() override;

    /** Opens (creating and migrating) @p path on the worker; replaces an earlier store. */
    QFuture<Result<void>> open(const QString &path);
    /** The path given to open(); empty before. */
    QString path() const { return m_path; }

    QFuture<Result<QList<TestDataset>>> datasets();
    QFuture<Result<TestDataset>> dataset(qint64 id);
    QFuture<Result<QList<ScenarioRow>>> page(const ScenarioFilter &filter, const ScenarioSort &sort,
                                             const PageCursor &after, int limit);
    QFuture<Result<qint64>> count(const ScenarioFilter &filter);
    QFuture<Result<QList<PageCursor>>> pageAnchors(const ScenarioFilter &filter, const ScenarioSort &sort,
                                                   int pageSize);
    QFuture<Result<TestScenario>> scenario(qint64 rowId);
    QFuture<Result<QList<FacetCount>>> categoryFacet(const ScenarioFilter &filter);
    QFuture<Result<QList<FacetCount>>> statusFacet(const ScenarioFilter &filter);
    QFuture<Result<QList<FacetCount>>> capabilityFacet(const ScenarioFilter &filter, int limit = 50);
    QFuture<Result<QList<FacetCount>>> audioFlagFacet(const ScenarioFilter &filter);
    /** Durable at once; emits changed() on success. */
    QFuture<Result<void>> setStatus(qint64 rowId, ReviewStatus status);
    /** Emits changed() on success. */
    QFuture<Result<void>> removeDataset(qint64 id);
    /** WorkspaceStore::updateScenario: durable when the future finishes; emits changed() when something changed. */
    QFuture<Result<ReviewEvent>> updateScenario(qint64 rowId, const TestScenario &after, const QString &reviewer,
                                                const QString &action);
    QFuture<Result<QList<ReviewEvent>>> reviewEvents(qint64 rowId);
    QFuture<Result<std::optional<QByteArray>>> audioPeaks(const QString &clipKey);
    /** Does not emit changed(): the cache is not content. */
    QFuture<Result<void>> putAudioPeaks(const QString &clipKey, const QByteArray &blob);
    QFuture<Result<std::optional<AudioCheck>>> audioCheck(qint64 rowId);

    // Prompt templates (PromptTemplateStore on the worker's connection)
    /** The saved versions of @p templateId, oldest first; the built-in one is not listed. */
    QFuture<Result<QList<StoredPromptTemplate>>> promptTemplateVersions(const QString &templateId);
    /** The newest saved version of @p templateId, else the built-in one. */
    QFuture<Result<PromptTemplate>> currentPromptTemplate(const QString &templateId);
    /**
     * PromptTemplateStore::save(): durable when the future finishes. Callers
     * run GeneratorRegistry::checkTemplate() first. Does not emit changed():
     * no scenario changed.
     */
    QFuture<Result<PromptTemplate>> savePromptTemplate(const PromptTemplate &edited, const QString &author);

    /** Long work on the workspace (audio checks, say) that must not hold up the table's queries. */
    using StoreJob = std::function<Result<void>(WorkspaceStore &store)>;
    /**
     * Runs @p job on its own connection to path(), on the import thread, so
     * paging goes on meanwhile. Emits changed() when it succeeds.
     */
    QFuture<Result<void>> runOnOwnConnection(StoreJob job);

    /**
     * Runs @p job inside one ImportSession on a separate connection to path()
     * and commits it; an error from @p job or a cancel rolls everything back.
     * Emits changed() on success.
     */
    QFuture<Result<ImportSummary>> import(ImportJob job);
    /** The same, for callers without an AsyncWorkspace: runs on @p pool (global pool if null). */
    static QFuture<Result<ImportSummary>> importInto(const QString &path, ImportJob job,
                                                     QThreadPool *pool = nullptr);

Q_SIGNALS:
    /** The workspace content changed through this object; re-query what is shown. */
    void changed();

private:
    template<typename T, typename Fn>
    QFuture<Result<T>> onWorker(Fn fn);
    template<typename T, typename Fn>
    QFuture<Result<T>> writeOnWorker(Fn fn);
    void notifyChanged();

    QThreadPool m_worker;
    QThreadPool m_importPool;
    std::unique_ptr<WorkspaceStore> m_store; ///< touched only on the worker thread
    QString m_path;
};

} // namespace kx
