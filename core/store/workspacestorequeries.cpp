// SPDX-License-Identifier: GPL-3.0-or-later
// The read side of WorkspaceStore: keyset pages, page anchors, counts and
// facets. Split from workspacestore.cpp to keep both files readable.
#include "workspacestore.h"

#include "ftsquery.h"
#include "model/audiocheckflags.h"
#include "scenariofiltersql.h"
#include "sqlitestatement.h"

#include <QHash>

namespace kx {

namespace {

const char *sortColumn(ScenarioSortKey key)
{
    switch (key) {
    case ScenarioSortKey::RowId: return "s.rowid";
    case ScenarioSortKey::Name: return "s.name";
    case ScenarioSortKey::Dataset: return "s.dataset_id";
    case ScenarioSortKey::Category: return "s.category";
    case ScenarioSortKey::Status: return "s.status";
    case ScenarioSortKey::Turns: return "s.turns";
    case ScenarioSortKey::AudioSuspicion: return "s.audio_suspicion";
    }
    return "s.rowid";
}

constexpr const char kRowColumns[] =
    "s.rowid, s.dataset_id, (SELECT d.name FROM datasets d WHERE d.id = s.dataset_id), s.uid, s.name, "
    "s.category, s.status, s.turns, s.preview, s.audio_flags, s.audio_suspicion";

ScenarioRow readRow(const SqliteStatement &stmt)
{
    ScenarioRow r;
    r.rowId = stmt.columnInt(0);
    r.datasetId = stmt.columnInt(1);
    r.datasetName = stmt.columnText(2);
    r.id = stmt.columnText(3);
    r.name = stmt.columnText(4);
    r.category = categoryFromKey(stmt.columnText(5)).value_or(Category::Benchmark);
    r.status = reviewStatusFromKey(stmt.columnText(6)).value_or(ReviewStatus::Pending);
    r.turns = int(stmt.columnInt(7));
    r.preview = stmt.columnText(8);
    r.audioFlags = int(stmt.columnInt(9));
    r.audioSuspicion = stmt.columnDouble(10);
    return r;
}

/**
 * The SQL of one keyset page. The textbook form is
 *   WHERE (col, rowid) > (:v, :r) ORDER BY col, rowid
 * but SQLite 3.40 seeks such a row value on `col` alone and then walks every
 * tie: on a low-cardinality key (status, category, dataset) over a million
 * rows that is tens of milliseconds per page. The same set, split in its two
 * halves — the rest of the tie (col = :v AND rowid > :r) and everything after
 * it (col > :v) — is two index seeks, so any page costs the same.
 */
QByteArray pageSql(const ScenarioSort &sort, const PageCursor &after, const QByteArray &condition)
{
    const QByteArray col = sortColumn(sort.key);
    const bool asc = sort.order == Qt::AscendingOrder;
    const QByteArray dir = asc ? " ASC" : " DESC";
    const QByteArray beyond = asc ? " > " : " < ";
    const QByteArray select = QByteArray("SELECT ") + kRowColumns + ", " + col
                              + " AS sort_key FROM scenarios s WHERE (" + condition + ")";

    if (after.atStart())
        return select + " ORDER BY " + col + dir + ", s.rowid" + dir + " LIMIT :limit";
    if (sort.key == ScenarioSortKey::RowId)
        return select + " AND s.rowid" + beyond + ":r ORDER BY s.rowid" + dir + " LIMIT :limit";
    return "SELECT * FROM (" + select + " AND " + col + " = :v AND s.rowid" + beyond + ":r ORDER BY s.rowid"
           + dir + " LIMIT :limit) UNION ALL SELECT * FROM (" + select + " AND " + col + beyond
           + ":v ORDER BY " + col + dir + ", s.rowid" + dir + " LIMIT :limit) ORDER BY sort_key" + dir
           + ", 1" + dir + " LIMIT :limit";
}

/**
 * A page of search hits in row order, driven by the FTS5 index: FTS5 yields
 * rowids in order and takes the rowid bound itself, so the first page of a
 * word found in half the workspace stops after @p limit hits instead of
 * collecting every hit first (what `rowid IN (SELECT … MATCH …)` does).
 */
QByteArray searchPageSql(const ScenarioSort &sort, const PageCursor &after, const QByteArray &otherConditions)
{
    const bool asc = sort.order == Qt::AscendingOrder;
    QByteArray sql = QByteArray("SELECT ") + kRowColumns
                     + ", s.rowid AS sort_key FROM scenario_fts f CROSS JOIN scenarios s ON s.rowid = f.rowid"
                       " WHERE scenario_fts MATCH :match AND ("
                     + otherConditions + ")";
    if (!after.atStart())
        sql += asc ? " AND f.rowid > :r" : " AND f.rowid < :r";
    return sql + (asc ? " ORDER BY f.rowid ASC" : " ORDER BY f.rowid DESC") + " LIMIT :limit";
}

void bindNamed(SqliteStatement &stmt, const char *name, const QVariant &value)
{
    if (const int index = stmt.parameterIndex(name))
        stmt.bind(index, value);
}

} // namespace

Result<QList<ScenarioRow>> WorkspaceStore::page(const ScenarioFilter &filter, const ScenarioSort &sort,
                                                const PageCursor &after, int limit) const
{
    if (limit <= 0)
        return QList<ScenarioRow>();
    const QString match = FtsQuery::fromUserText(filter.search);
    const bool searchInRowOrder = !match.isEmpty() && sort.key == ScenarioSortKey::RowId;
    const ScenarioFilterSql where(filter, searchInRowOrder ? ScenarioFilterSql::SearchPart : ScenarioFilterSql::NoPart);
    auto stmt = SqliteStatement::prepare(m_db, searchInRowOrder ? searchPageSql(sort, after, where.condition())
                                                                : pageSql(sort, after, where.condition()));
    if (!stmt)
        return stmt.error();
    where.bind(*stmt);
    bindNamed(*stmt, ":match", match);
    bindNamed(*stmt, ":limit", limit);
    bindNamed(*stmt, ":r", after.rowId);
    bindNamed(*stmt, ":v", after.sortValue);

    QList<ScenarioRow> rows;
    rows.reserve(limit);
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        rows.append(readRow(*stmt));
    }
    return rows;
}

PageCursor WorkspaceStore::cursorAfter(const ScenarioRow &row, const ScenarioSort &sort)
{
    PageCursor c;
    c.rowId = row.rowId;
    switch (sort.key) {
    case ScenarioSortKey::RowId: c.sortValue = row.rowId; break;
    case ScenarioSortKey::Name: c.sortValue = row.name; break;
    case ScenarioSortKey::Dataset: c.sortValue = row.datasetId; break;
    case ScenarioSortKey::Category: c.sortValue = categoryKey(row.category); break;
    case ScenarioSortKey::Status: c.sortValue = reviewStatusKey(row.status); break;
    case ScenarioSortKey::Turns: c.sortValue = qint64(row.turns); break;
    case ScenarioSortKey::AudioSuspicion: c.sortValue = row.audioSuspicion; break;
    }
    return c;
}

Result<qint64> WorkspaceStore::count(const ScenarioFilter &filter) const
{
    const ScenarioFilterSql where(filter);
    auto stmt = SqliteStatement::prepare(m_db, "SELECT count(*) FROM scenarios s WHERE " + where.condition());
    if (!stmt)
        return stmt.error();
    where.bind(*stmt);
    auto row = stmt->step();
    if (!row)
        return row.error();
    return *row ? stmt->columnInt(0) : 0;
}

Result<QList<PageCursor>> WorkspaceStore::pageAnchors(const ScenarioFilter &filter, const ScenarioSort &sort,
                                                      int pageSize) const
{
    if (pageSize <= 0)
        return Error::badInput(tr("the page size must be positive, not %1").arg(pageSize));
    const ScenarioFilterSql where(filter);
    const QByteArray col = sortColumn(sort.key);
    const QByteArray dir = sort.order == Qt::AscendingOrder ? " ASC" : " DESC";
    // Only the sort key and rowid are read, so this walks one covering index.
    auto stmt = SqliteStatement::prepare(m_db, "SELECT " + col + ", s.rowid FROM scenarios s WHERE "
                                                   + where.condition() + " ORDER BY " + col + dir
                                                   + ", s.rowid" + dir);
    if (!stmt)
        return stmt.error();
    where.bind(*stmt);

    QList<PageCursor> anchors{PageCursor()};
    std::optional<PageCursor> pending; // the end of a full page, kept only if another row follows
    for (qint64 i = 0;; ++i) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        if (pending) {
            anchors.append(std::move(*pending));
            pending.reset();
        }
        if ((i + 1) % pageSize == 0) // materialize values only for page ends
            pending = PageCursor{stmt->columnValue(0), stmt->columnInt(1)};
    }
    return anchors;
}

Result<QList<FacetCount>> WorkspaceStore::facet(const ScenarioFilter &filter, int ignoredPart,
                                                const char *column) const
{
    const ScenarioFilterSql where(filter, ScenarioFilterSql::Part(ignoredPart));
    auto stmt = SqliteStatement::prepare(m_db, QByteArray("SELECT ") + column + ", count(*) FROM scenarios s WHERE "
                                                   + where.condition() + " GROUP BY " + column);
    if (!stmt)
        return stmt.error();
    where.bind(*stmt);
    QList<FacetCount> out;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        out.append(FacetCount{stmt->columnText(0), QString(), stmt->columnInt(1)});
    }
    return out;
}

namespace {
/**
 * Every value of a closed facet (category, status) in its fixed order, with the
 * count GROUP BY found for it or 0: a facet lists the values nothing matches too.
 */
template<typename Value, size_t N>
QList<FacetCount> completeFacet(const QList<FacetCount> &found, const Value (&values)[N], QString (*key)(Value),
                                QString (*label)(Value))
{
    QList<FacetCount> out;
    for (Value v : values) {
        FacetCount f{key(v), label(v), 0};
        for (const FacetCount &counted : found)
            if (counted.key == f.key)
                f.count = counted.count;
        out.append(f);
    }
    return out;
}
} // namespace

Result<QList<FacetCount>> WorkspaceStore::categoryFacet(const ScenarioFilter &filter) const
{
    auto counts = facet(filter, ScenarioFilterSql::CategoryPart, "s.category");
    if (!counts)
        return counts.error();
    return completeFacet(*counts, allCategories, &categoryKey, &categoryLabel);
}

Result<QList<FacetCount>> WorkspaceStore::statusFacet(const ScenarioFilter &filter) const
{
    auto counts = facet(filter, ScenarioFilterSql::StatusPart, "s.status");
    if (!counts)
        return counts.error();
    return completeFacet(*counts, allReviewStatuses, &reviewStatusKey, &reviewStatusLabel);
}

Result<QList<FacetCount>> WorkspaceStore::audioFlagFacet(const ScenarioFilter &filter) const
{
    // Grouped by the flag combination (a handful of them), then counted per flag.
    const ScenarioFilterSql where(filter, ScenarioFilterSql::AudioFlagsPart);
    auto stmt = SqliteStatement::prepare(m_db, "SELECT s.audio_flags, count(*) FROM scenarios s WHERE s.audio_flags != 0 "
                                               "AND (" + where.condition() + ") GROUP BY s.audio_flags");
    if (!stmt)
        return stmt.error();
    where.bind(*stmt);
    QList<FacetCount> out;
    for (AudioCheck::Flag flag : AudioCheckFlags::all())
        out.append(FacetCount{AudioCheckFlags::key(flag), AudioCheckFlags::label(flag), 0});
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const qint64 flags = stmt->columnInt(0);
        for (int i = 0; i < out.size(); ++i)
            if (flags & int(AudioCheckFlags::all().at(i)))
                out[i].count += stmt->columnInt(1);
    }
    return out;
}

Result<QList<FacetCount>> WorkspaceStore::capabilityFacet(const ScenarioFilter &filter, int limit) const
{
    const ScenarioFilterSql where(filter, ScenarioFilterSql::CapabilityPart);
    const bool unfiltered = where.condition() == "1";
    // Without a filter the capability table answers alone; with one, each row joins its scenario.
    const QByteArray from = unfiltered ? QByteArray("scenario_capabilities c")
                                       : "scenario_capabilities c JOIN scenarios s ON s.rowid = c.scenario_id WHERE "
                                             + where.condition();
    auto stmt = SqliteStatement::prepare(m_db, "SELECT c.capability, count(*) AS n FROM " + from
                                                   + " GROUP BY c.capability ORDER BY n DESC, c.capability ASC "
                                                     "LIMIT :limit");
    if (!stmt)
        return stmt.error();
    where.bind(*stmt);
    bindNamed(*stmt, ":limit", qint64(limit));
    QList<FacetCount> out;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const QString key = stmt->columnText(0);
        out.append(FacetCount{key, key, stmt->columnInt(1)});
    }
    return out;
}

} // namespace kx
