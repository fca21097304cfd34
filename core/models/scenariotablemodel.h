// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/scenarioquery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>

namespace kx {

class AsyncWorkspace;

/**
 * The scenario table, instant at millions of rows.
 *
 * On a reset (a new filter, sort or refresh()) the model asks the workspace,
 * asynchronously, for the row count and the page anchors (one keyset cursor
 * per page of @ref pageSize rows). It then reports the full rowCount and loads
 * pages lazily: data() on a row that is not loaded returns a placeholder and
 * requests that page by keyset, and dataChanged() follows when it arrives.
 * Loaded pages are kept in an LRU cache of at most @ref maxCachedPages pages.
 *
 * Every reset bumps a generation counter; replies tagged with an older
 * generation are dropped, so a slow page of an old filter never shows up.
 *
 * Does not own the workspace, which must outlive the model. GUI thread only.
 */
class ScenarioTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioTableModel)

public:
    enum Column { IdColumn, NameColumn, DatasetColumn, CategoryColumn, StatusColumn, TurnsColumn,
                  PreviewColumn, ColumnCount };
    enum Role {
        RowIdRole = Qt::UserRole + 1, ///< qint64 workspace key; 0 while loading
        StatusKeyRole,                ///< "pending", "accepted", …; empty while loading
        CategoryKeyRole,              ///< "benchmark", …; empty while loading
        LoadedRole,                   ///< bool: the row's page is in memory
        DatasetIdRole,                ///< qint64
    };

    static constexpr int pageSize = 256;
    static constexpr int maxCachedPages = 48;

    explicit ScenarioTableModel(AsyncWorkspace *workspace, QObject *parent = nullptr);
    ~ScenarioTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /** Re-queries in SQL order; columns without a sort key sort by workspace order. */
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    ScenarioFilter filter() const { return m_filter; }
    /** Replaces the filter and re-queries. Setting an equal filter does nothing. */
    void setFilter(const ScenarioFilter &filter);
    ScenarioSort sortOrder() const { return m_sort; }
    int sortColumn() const { return m_sortColumn; }

    /** Re-queries everything (after an import, say), keeping filter and sort. */
    void refresh();

    /** The total number of rows under the filter; -1 until the first count arrives. */
    qint64 totalCount() const { return m_total; }
    /** True between a reset request and the arrival of its count. */
    bool isCounting() const { return m_pendingGeneration != m_generation || m_partial; }

    /** The row at @p row if its page is loaded. */
    const ScenarioRow *rowAt(int row) const;
    /** Number of pages currently held in memory (for tests). */
    int cachedPageCount() const { return int(m_pages.size()); }
    /** Bounds the page cache; defaults to maxCachedPages. At least 1. */
    void setCacheLimit(int pages) { m_cacheLimit = qMax(1, pages); }

    static ScenarioSortKey sortKeyForColumn(int column);

Q_SIGNALS:
    /** The count for the current filter arrived; rowCount() is now final. */
    void countChanged(qint64 total);
    /** A page arrived and its rows were announced with dataChanged(). */
    void pageLoaded(int page);
    /** A query failed; @p message is for the user. */
    void errorOccurred(const QString &message);

private:
    /** FromTop (new filter or sort) shows the first page before the count; KeepPosition (a refresh) keeps
     *  the rows on display until the new count and anchors are in, so the view does not jump. */
    enum class Requery { FromTop, KeepPosition };
    void requery(Requery mode);
    void showFirstPage(quint64 generation, QList<ScenarioRow> rows);
    /** Turns the first page on display into the whole table; false when it must be reset instead. */
    bool completeFirstPage(qint64 total, QList<PageCursor> anchors);
    void requestPage(int page) const;
    void dispatch();
    void applyPage(int page, QList<ScenarioRow> rows);
    void touch(int page) const;
    void evict(int keep);

    QPointer<AsyncWorkspace> m_workspace;
    ScenarioFilter m_filter;
    ScenarioSort m_sort;
    int m_sortColumn = -1;

    // The generation of the state on display, and of the newest reset asked for.
    quint64 m_generation = 0;
    quint64 m_pendingGeneration = 0;
    qint64 m_total = -1;
    int m_rowCount = 0;
    bool m_partial = false;              ///< only the first page is known; count and anchors pending
    QList<PageCursor> m_anchors;

    // Mutable: data() is const but loads on demand.
    mutable QHash<int, QList<ScenarioRow>> m_pages;
    mutable QList<int> m_lru;            ///< most recently used last
    mutable QSet<int> m_inFlight;
    mutable QList<int> m_wanted;         ///< pages data() asked for, newest last
    mutable bool m_dispatchScheduled = false;
    int m_cacheLimit = maxCachedPages;
};

} // namespace kx
