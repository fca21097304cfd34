// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenariosink.h"
#include "model/testdataset.h"
#include "model/testscenario.h"
#include "store/scenarioquery.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

struct sqlite3;

namespace kx {

class ImportSession;

/**
 * The workspace: one SQLite file (WAL) holding datasets, scenarios, their FTS5
 * index and review state. Opening runs the schema migrations; a workspace
 * written by a newer schema is refused with Error::Code::SchemaTooNew.
 *
 * Threading: an instance owns one connection and must be used by one thread at
 * a time. The GUI uses it through AsyncWorkspace, which keeps it on a worker
 * thread; the CLI uses it directly. Several instances may open the same file
 * (WAL lets readers run while an import writes).
 */
class WorkspaceStore final
{
    Q_DECLARE_TR_FUNCTIONS(kx::WorkspaceStore)
    Q_DISABLE_COPY_MOVE(WorkspaceStore)

public:
    /** The schema version this build writes. */
    static constexpr int currentSchemaVersion = 1;

    /** Opens or creates @p path (":memory:" for a private in-memory workspace) and migrates it. */
    static Result<std::unique_ptr<WorkspaceStore>> open(const QString &path);
    ~WorkspaceStore();

    QString path() const { return m_path; }
    int schemaVersion() const;

    // Registry
    Result<QList<TestDataset>> datasets() const;
    Result<TestDataset> dataset(qint64 id) const;
    Result<void> removeDataset(qint64 id);

    // Scenarios
    /** Up to @p limit rows strictly after @p after, in @p sort order. Keyset paging, never OFFSET. */
    Result<QList<ScenarioRow>> page(const ScenarioFilter &filter, const ScenarioSort &sort,
                                    const PageCursor &after, int limit) const;
    /** The cursor that ends @p row, to ask for the page after it. */
    static PageCursor cursorAfter(const ScenarioRow &row, const ScenarioSort &sort);
    /** Number of scenarios matching @p filter. */
    Result<qint64> count(const ScenarioFilter &filter) const;
    /**
     * The cursors that start every page of @p pageSize rows: element k is the
     * cursor after which page k begins (element 0 is the start cursor). One
     * index scan; lets a view jump to any row without OFFSET.
     */
    Result<QList<PageCursor>> pageAnchors(const ScenarioFilter &filter, const ScenarioSort &sort,
                                          int pageSize) const;
    Result<TestScenario> scenario(qint64 rowId) const;
    /** Calls @p visit for each matching scenario in row order, without loading them all. */
    Result<void> forEachScenario(const ScenarioFilter &filter,
                                 const std::function<Result<void>(const TestScenario &)> &visit) const;
    /** Sets the review status of one scenario, durably. */
    Result<void> setStatus(qint64 rowId, ReviewStatus status);

    // Facets (counts under @p filter, ignoring that facet's own part of it)
    Result<QList<FacetCount>> categoryFacet(const ScenarioFilter &filter) const;
    Result<QList<FacetCount>> statusFacet(const ScenarioFilter &filter) const;
    Result<QList<FacetCount>> capabilityFacet(const ScenarioFilter &filter, int limit = 50) const;

    /** Starts one import transaction. Only one may be open per store. */
    Result<std::unique_ptr<ImportSession>> beginImport();

    sqlite3 *handle() const { return m_db; }

private:
    WorkspaceStore(sqlite3 *db, QString path);
    Result<void> migrate();

    sqlite3 *m_db = nullptr;
    QString m_path;
};

/**
 * One import as one transaction: datasets and scenarios added through it appear
 * together on commit(), or not at all. Destroying an uncommitted session rolls
 * it back, leaving the workspace exactly as before.
 */
class ImportSession final : public ScenarioSink
{
    Q_DECLARE_TR_FUNCTIONS(kx::ImportSession)
    Q_DISABLE_COPY_MOVE(ImportSession)

public:
    ~ImportSession() override;
    Result<qint64> beginDataset(const TestDataset &dataset) override;
    Result<void> add(const TestScenario &scenario) override;
    Result<void> commit();
    QList<qint64> datasetIds() const { return m_datasetIds; }
    qint64 scenarioCount() const { return m_scenarioCount; }

private:
    friend class WorkspaceStore;
    explicit ImportSession(WorkspaceStore &store);
    struct Statements;

    WorkspaceStore &m_store;
    std::unique_ptr<Statements> m_statements;
    QList<qint64> m_datasetIds;
    qint64 m_currentDataset = 0;
    qint64 m_scenarioCount = 0;
    bool m_open = false;
};

} // namespace kx
