// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariotablemodel.h"

#include "models/futurereply.h"
#include "store/asyncworkspace.h"

#include <QTimer>

#include <limits>

namespace kx {

namespace {
// At most this many page queries wait on the worker at once; while the user
// drags the scrollbar, newer requests overtake older ones instead of queueing
// behind every page the thumb passed over.
constexpr int maxInFlight = 3;
constexpr int maxWanted = 16;
} // namespace

ScenarioTableModel::ScenarioTableModel(AsyncWorkspace *workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
{
    requery(Requery::FromTop);
}

ScenarioTableModel::~ScenarioTableModel() = default;

int ScenarioTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int ScenarioTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

ScenarioSortKey ScenarioTableModel::sortKeyForColumn(int column)
{
    switch (column) {
    case NameColumn: return ScenarioSortKey::Name;
    case DatasetColumn: return ScenarioSortKey::Dataset;
    case CategoryColumn: return ScenarioSortKey::Category;
    case StatusColumn: return ScenarioSortKey::Status;
    case TurnsColumn: return ScenarioSortKey::Turns;
    default: return ScenarioSortKey::RowId;
    }
}

const ScenarioRow *ScenarioTableModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return nullptr;
    const auto it = m_pages.constFind(row / pageSize);
    if (it == m_pages.cend())
        return nullptr;
    const int offset = row % pageSize;
    return offset < it->size() ? &it->at(offset) : nullptr;
}

QVariant ScenarioTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int page = index.row() / pageSize;
    const ScenarioRow *row = rowAt(index.row());
    if (!row) {
        if (!m_pages.contains(page))
            requestPage(page);
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == NameColumn ? QVariant(tr("Loading…")) : QVariant();
        case LoadedRole:
            return false;
        default:
            return {};
        }
    }
    touch(page);

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn: return row->id;
        case NameColumn: return row->name;
        case DatasetColumn: return row->datasetName;
        case CategoryColumn: return categoryLabel(row->category);
        case StatusColumn: return reviewStatusLabel(row->status);
        case TurnsColumn: return row->turns;
        case PreviewColumn: return row->preview;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == NameColumn)
            return row->name;
        if (index.column() == PreviewColumn)
            return row->preview;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == TurnsColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case RowIdRole: return row->rowId;
    case StatusKeyRole: return reviewStatusKey(row->status);
    case CategoryKeyRole: return categoryKey(row->category);
    case LoadedRole: return true;
    case DatasetIdRole: return row->datasetId;
    }
    return {};
}

QVariant ScenarioTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < m_rowCount)
            return section + 1;
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(
            (section == TurnsColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("ID");
    case NameColumn: return tr("Name");
    case DatasetColumn: return tr("Dataset");
    case CategoryColumn: return tr("Category");
    case StatusColumn: return tr("Status");
    case TurnsColumn: return tr("Turns");
    case PreviewColumn: return tr("Preview");
    }
    return {};
}

Qt::ItemFlags ScenarioTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

void ScenarioTableModel::sort(int column, Qt::SortOrder order)
{
    const ScenarioSort sort{sortKeyForColumn(column), order};
    m_sortColumn = column;
    // Views call sort() on every setModel() and header change; the same SQL
    // order is already shown or being counted, so only a new order re-queries.
    if (sort == m_sort)
        return;
    m_sort = sort;
    requery(Requery::FromTop);
}

void ScenarioTableModel::setFilter(const ScenarioFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    requery(Requery::FromTop);
}

void ScenarioTableModel::refresh()
{
    requery(Requery::KeepPosition);
}

void ScenarioTableModel::requery(Requery mode)
{
    if (!m_workspace)
        return;
    const quint64 generation = ++m_pendingGeneration;
    const ScenarioFilter filter = m_filter;
    const ScenarioSort sort = m_sort;
    if (mode == Requery::FromTop) {
        // The first page needs no anchor: it starts at the top. Asked for first, it shows rows at once
        // while the worker still counts a million matches and computes the page anchors behind it.
        onFutureReady(this, m_workspace->page(filter, sort, PageCursor{}, pageSize),
                      [this, generation](Result<QList<ScenarioRow>> rows) {
                          // An error is reported by the count below, which fails the same way.
                          if (generation == m_pendingGeneration && rows)
                              showFirstPage(generation, std::move(*rows));
                      });
    }
    // Count and anchors come in two steps on the worker; the rows on display
    // stay until both are in, so a refresh does not flash an empty table.
    onFutureReady(this, m_workspace->count(filter), [this, generation, filter, sort](Result<qint64> count) {
        if (generation != m_pendingGeneration || !m_workspace)
            return;
        if (!count) {
            emit errorOccurred(count.error().message);
            return;
        }
        const qint64 total = *count;
        onFutureReady(this, m_workspace->pageAnchors(filter, sort, pageSize),
                      [this, generation, total](Result<QList<PageCursor>> anchors) {
                          if (generation != m_pendingGeneration)
                              return;
                          if (!anchors) {
                              emit errorOccurred(anchors.error().message);
                              return;
                          }
                          if (m_partial && m_generation == generation
                              && completeFirstPage(total, std::move(*anchors)))
                              return;
                          beginResetModel();
                          m_partial = false;
                          m_generation = generation;
                          m_total = total;
                          m_rowCount = int(qMin<qint64>(total, std::numeric_limits<int>::max()));
                          m_anchors = std::move(*anchors);
                          m_pages.clear();
                          m_lru.clear();
                          m_inFlight.clear();
                          m_wanted.clear();
                          endResetModel();
                          emit countChanged(m_total);
                      });
    });
}

void ScenarioTableModel::showFirstPage(quint64 generation, QList<ScenarioRow> rows)
{
    beginResetModel();
    m_generation = generation;
    m_partial = true;
    m_rowCount = int(rows.size());
    m_anchors = {PageCursor{}};
    m_pages.clear();
    m_lru.clear();
    m_inFlight.clear();
    m_wanted.clear();
    m_pages.insert(0, std::move(rows));
    m_lru.append(0);
    endResetModel();
    emit pageLoaded(0);
}

bool ScenarioTableModel::completeFirstPage(qint64 total, QList<PageCursor> anchors)
{
    const int count = int(qMin<qint64>(total, std::numeric_limits<int>::max()));
    // The workspace changed between the first page and the count: start clean instead.
    if (count < m_rowCount || anchors.isEmpty())
        return false;
    m_partial = false;
    m_total = total;
    m_anchors = std::move(anchors);
    if (count > m_rowCount) {
        beginInsertRows(QModelIndex(), m_rowCount, count - 1);
        m_rowCount = count;
        endInsertRows();
    }
    emit countChanged(m_total);
    return true;
}

void ScenarioTableModel::requestPage(int page) const
{
    if (m_inFlight.contains(page) || page >= m_anchors.size())
        return;
    m_wanted.removeOne(page);
    m_wanted.append(page);
    while (m_wanted.size() > maxWanted)
        m_wanted.removeFirst();
    if (!m_dispatchScheduled) {
        m_dispatchScheduled = true;
        // Dispatch outside data(): views call it while painting.
        QTimer::singleShot(0, const_cast<ScenarioTableModel *>(this), &ScenarioTableModel::dispatch);
    }
}

void ScenarioTableModel::dispatch()
{
    m_dispatchScheduled = false;
    if (!m_workspace)
        return;
    while (m_inFlight.size() < maxInFlight && !m_wanted.isEmpty()) {
        const int page = m_wanted.takeLast();  // newest first
        if (m_pages.contains(page) || m_inFlight.contains(page) || page >= m_anchors.size())
            continue;
        m_inFlight.insert(page);
        const quint64 generation = m_generation;
        onFutureReady(this, m_workspace->page(m_filter, m_sort, m_anchors.at(page), pageSize),
                      [this, generation, page](Result<QList<ScenarioRow>> rows) {
                          // A page of an older filter or sort: drop it.
                          if (generation != m_generation)
                              return;
                          m_inFlight.remove(page);
                          if (!rows)
                              emit errorOccurred(rows.error().message);
                          else
                              applyPage(page, std::move(*rows));
                          if (!m_wanted.isEmpty())
                              dispatch();
                      });
    }
}

void ScenarioTableModel::applyPage(int page, QList<ScenarioRow> rows)
{
    const int first = page * pageSize;
    if (first >= m_rowCount)
        return;
    m_pages.insert(page, std::move(rows));
    touch(page);
    evict(page);
    const int last = qMin(m_rowCount - 1, first + pageSize - 1);
    emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    emit pageLoaded(page);
}

void ScenarioTableModel::touch(int page) const
{
    if (!m_lru.isEmpty() && m_lru.constLast() == page)
        return;
    m_lru.removeOne(page);
    m_lru.append(page);
}

void ScenarioTableModel::evict(int keep)
{
    while (m_pages.size() > m_cacheLimit && !m_lru.isEmpty()) {
        const int victim = m_lru.takeFirst();
        if (victim == keep) {
            m_lru.append(victim);
            continue;
        }
        m_pages.remove(victim);
    }
}

} // namespace kx
