// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/audiocheck.h"
#include "model/reviewevent.h"
#include "model/testdataset.h"
#include "model/testscenario.h"
#include "store/importsession.h"
#include "store/scenarioquery.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

struct sqlite3;

namespace kx {

/**
 * The workspace: one SQLite file (WAL, synchronous=NORMAL, foreign keys on,
 * 5 s busy timeout) holding datasets, scenarios, their FTS5 index and review
 * state. Opening runs the schema migrations (PRAGMA user_version); a workspace
 * written by a newer schema is refused with Error::Code::SchemaTooNew and left
 * untouched.
 *
 * Threading: an instance owns one connection and must be used by one thread at
 * a time. The GUI uses it through AsyncWorkspace, which keeps it on a worker
 * thread; the CLI uses it directly. Several instances may open the same file
 * (WAL lets readers run while an import writes).
 *
 * Sorting is by SQLite's BINARY collation (byte order of UTF-8) and always
 * ends with the rowid, so every order is total and keyset paging is exact.
 */
class WorkspaceStore final
{
    Q_DECLARE_TR_FUNCTIONS(kx::WorkspaceStore)
    Q_DISABLE_COPY_MOVE(WorkspaceStore)

public:
    /** The schema version this build writes. */
    static constexpr int currentSchemaVersion = 5;

    /**
     * Opens or creates @p path (":memory:" for a private in-memory workspace)
     * and migrates it. Errors: SchemaTooNew (file newer than this build),
     * BadInput (not an SQLite file), Io (cannot open), Database (migration failed).
     */
    static Result<std::unique_ptr<WorkspaceStore>> open(const QString &path);
    /** Closes the connection; an open ImportSession must be gone by then. */
    ~WorkspaceStore();

    QString path() const { return m_path; }
    /** PRAGMA user_version as stored; currentSchemaVersion once open() succeeded. */
    int schemaVersion() const;

    // Registry
    /** Every dataset in id order, with scenarioCount filled in. */
    Result<QList<TestDataset>> datasets() const;
    /** One dataset with its scenarioCount; NotFound when there is none with @p id. */
    Result<TestDataset> dataset(qint64 id) const;
    /** Removes a dataset with its scenarios, capability rows and search index entries, in one transaction. */
    Result<void> removeDataset(qint64 id);

    // Scenarios
    /**
     * Up to @p limit rows strictly after @p after, in @p sort order (the rowid
     * breaks ties, in the same direction). Keyset paging, never OFFSET: the cost
     * of a page does not depend on how deep it is.
     */
    Result<QList<ScenarioRow>> page(const ScenarioFilter &filter, const ScenarioSort &sort,
                                    const PageCursor &after, int limit) const;
    /** The cursor that ends @p row, to ask for the page after it. */
    static PageCursor cursorAfter(const ScenarioRow &row, const ScenarioSort &sort);
    /** Number of scenarios matching @p filter. */
    Result<qint64> count(const ScenarioFilter &filter) const;
    /**
     * The cursors that start every page of @p pageSize rows: element k is the
     * cursor after which page k begins (element 0 is the start cursor). One
     * index scan; lets a view jump to any row without OFFSET. An empty
     * selection still has one (empty) page.
     */
    Result<QList<PageCursor>> pageAnchors(const ScenarioFilter &filter, const ScenarioSort &sort,
                                          int pageSize) const;
    /** The full scenario, equal (==) to what was added; NotFound for an unknown @p rowId. */
    Result<TestScenario> scenario(qint64 rowId) const;
    /**
     * Calls @p visit for each matching scenario in row order, without loading
     * them all. Stops at and returns the first error @p visit returns.
     */
    Result<void> forEachScenario(const ScenarioFilter &filter,
                                 const std::function<Result<void>(const TestScenario &)> &visit) const;
    /** Like forEachScenario(), with each scenario's row id. */
    Result<void> forEachScenarioRow(const ScenarioFilter &filter,
                                    const std::function<Result<void>(qint64 rowId, const TestScenario &)> &visit) const;
    /** Sets the review status of one scenario, durably (its own transaction). NotFound for an unknown row. */
    Result<void> setStatus(qint64 rowId, ReviewStatus status);

    // Review (audit trail)
    /**
     * Replaces scenario @p rowId with @p after (its search index and
     * capability rows follow) and appends one review event holding the
     * changed top-level keys before and after, all in one transaction: durable
     * when this returns. Returns the event, or an event with id 0 when nothing
     * changed (then nothing is written). The dataset and the row id stay.
     */
    Result<ReviewEvent> updateScenario(qint64 rowId, const TestScenario &after, const QString &reviewer,
                                       const QString &action);
    /** The audit trail of one scenario, oldest first. */
    Result<QList<ReviewEvent>> reviewEvents(qint64 rowId) const;

    // Audio
    /** The cached peak pyramid blob of the clip with content key @p clipKey, if any. */
    Result<std::optional<QByteArray>> audioPeaks(const QString &clipKey) const;
    /** Stores (or replaces) the peak pyramid blob of a clip. */
    Result<void> putAudioPeaks(const QString &clipKey, const QByteArray &blob);
    /**
     * Stores the automatic checks of scenarios, replacing earlier ones, and
     * copies flags and suspicion onto the scenarios for filtering and
     * ordering. One transaction; NotFound (and nothing stored) for an unknown row.
     */
    Result<void> putAudioChecks(const QList<std::pair<qint64, AudioCheck>> &checks);
    /** The stored checks of one scenario; empty when it was never checked. */
    Result<std::optional<AudioCheck>> audioCheck(qint64 rowId) const;

    // Facets (counts under @p filter, ignoring that facet's own part of it)
    /** One entry per category in mix order, zero counts included. */
    Result<QList<FacetCount>> categoryFacet(const ScenarioFilter &filter) const;
    /** One entry per review status, zero counts included. */
    Result<QList<FacetCount>> statusFacet(const ScenarioFilter &filter) const;
    /** One entry per automatic-check flag (AudioCheckFlags::all() order, zero counts included): clips that raised it. */
    Result<QList<FacetCount>> audioFlagFacet(const ScenarioFilter &filter) const;
    /** The @p limit most frequent capabilities, most frequent first, ties by name. */
    Result<QList<FacetCount>> capabilityFacet(const ScenarioFilter &filter, int limit = 50) const;

    /**
     * Starts one import transaction. Only one may be open per store; the
     * session must be destroyed before the store.
     */
    Result<std::unique_ptr<ImportSession>> beginImport();

    /** The raw connection, for tests and benchmarks; same thread rules as the store. */
    sqlite3 *handle() const { return m_db; }

private:
    friend class ImportSession;
    WorkspaceStore(sqlite3 *db, QString path);
    Result<void> configure();
    Result<QList<FacetCount>> facet(const ScenarioFilter &filter, int ignoredPart, const char *column) const;

    sqlite3 *m_db = nullptr;
    QString m_path;
    bool m_importOpen = false;
};

} // namespace kx
