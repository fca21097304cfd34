// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetlistmodel.h"

#include "models/futurereply.h"
#include "store/asyncworkspace.h"

#include <QLocale>

namespace kx {

DatasetListModel::DatasetListModel(AsyncWorkspace *workspace, QObject *parent)
    : QAbstractTableModel(parent)
    , m_workspace(workspace)
{
    refresh();
}

int DatasetListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_datasets.size()) + 1;
}

int DatasetListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int DatasetListModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_datasets.size(); ++i)
        if (m_datasets.at(i).id == id)
            return i + 1;
    return 0;
}

QVariant DatasetListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() == 0) {
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == NameColumn)
                return tr("All datasets");
            if (index.column() == ScenariosColumn)
                return QLocale().toString(m_total);
            return {};
        case Qt::ToolTipRole:
            return tr("%1 datasets, %2 scenarios")
                .arg(QLocale().toString(m_datasets.size()), QLocale().toString(m_total));
        case Qt::TextAlignmentRole:
            if (index.column() == ScenariosColumn)
                return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
            return {};
        case DatasetIdRole: return qint64(0);
        case IsAllRole: return true;
        case ScenarioCountRole: return m_total;
        case CategoryKeyRole: return QString();
        }
        return {};
    }

    const TestDataset &d = m_datasets.at(index.row() - 1);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return d.name;
        case KindColumn: return d.kind;
        case CategoryColumn: return categoryLabel(d.category);
        case ScenariosColumn: return QLocale().toString(d.scenarioCount);
        case VersionColumn: return d.version;
        case CreatedColumn: return QLocale().toString(d.createdAt.toLocalTime(), QLocale::ShortFormat);
        }
        return {};
    case Qt::ToolTipRole:
        return tr("%1\nKind: %2 · Category: %3 · Version: %4\n%5 scenarios\nSource: %6")
            .arg(d.name, d.kind, categoryLabel(d.category), d.version, QLocale().toString(d.scenarioCount),
                 d.source.isEmpty() ? tr("unknown") : d.source);
    case Qt::TextAlignmentRole:
        if (index.column() == ScenariosColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case DatasetIdRole: return d.id;
    case IsAllRole: return false;
    case ScenarioCountRole: return d.scenarioCount;
    case CategoryKeyRole: return categoryKey(d.category);
    }
    return {};
}

QVariant DatasetListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(
            (section == ScenariosColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Dataset");
    case KindColumn: return tr("Kind");
    case CategoryColumn: return tr("Category");
    case ScenariosColumn: return tr("Scenarios");
    case VersionColumn: return tr("Version");
    case CreatedColumn: return tr("Created");
    }
    return {};
}

void DatasetListModel::refresh()
{
    if (!m_workspace)
        return;
    const quint64 generation = ++m_generation;
    onFutureReady(this, m_workspace->datasets(), [this, generation](Result<QList<TestDataset>> result) {
        if (generation != m_generation)
            return;
        if (!result) {
            emit errorOccurred(result.error().message);
            return;
        }
        apply(std::move(*result));
    });
}

void DatasetListModel::apply(QList<TestDataset> datasets)
{
    qint64 total = 0;
    for (const TestDataset &d : datasets)
        total += d.scenarioCount;

    // Same ids in the same order: update in place so the selection survives.
    bool sameIds = datasets.size() == m_datasets.size();
    for (int i = 0; sameIds && i < datasets.size(); ++i)
        sameIds = datasets.at(i).id == m_datasets.at(i).id;
    if (sameIds) {
        m_datasets = std::move(datasets);
        m_total = total;
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_datasets = std::move(datasets);
        m_total = total;
        endResetModel();
    }
    emit loaded();
}

} // namespace kx
