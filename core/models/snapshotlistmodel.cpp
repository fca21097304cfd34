// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshotlistmodel.h"

#include <QLocale>

namespace kx {

SnapshotListModel::SnapshotListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int SnapshotListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_snapshots.size());
}

int SnapshotListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 SnapshotListModel::sizeOf(const Snapshot &s)
{
    if (s.metadata.is_object() && s.metadata.contains("size") && s.metadata["size"].is_number_integer())
        return s.metadata["size"].get<qint64>();
    return s.members.size();
}

qint64 SnapshotListModel::shortfallOf(const Snapshot &s)
{
    qint64 total = 0;
    if (!s.metadata.is_object() || !s.metadata.contains("shortfall") || !s.metadata["shortfall"].is_object())
        return 0;
    for (const auto &[key, value] : s.metadata["shortfall"].items()) {
        if (value.is_number_integer())
            total += value.get<qint64>();
    }
    return total;
}

QVariant SnapshotListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Snapshot &s = m_snapshots.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn: return s.id;
        case NameColumn: return s.name;
        case VersionColumn: return s.version;
        case CreatedColumn: return locale.toString(s.createdAt.toLocalTime(), QLocale::ShortFormat);
        case SizeColumn: return locale.toString(sizeOf(s));
        case ShortfallColumn: {
            const qint64 shortfall = shortfallOf(s);
            return shortfall == 0 ? tr("none") : locale.toString(shortfall);
        }
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || index.column() == SizeColumn || index.column() == ShortfallColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case SnapshotIdRole:
        return s.id;
    case SizeRole:
        return sizeOf(s);
    case ShortfallRole:
        return shortfallOf(s);
    }
    return {};
}

QVariant SnapshotListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Id");
    case NameColumn: return tr("Name");
    case VersionColumn: return tr("Version");
    case CreatedColumn: return tr("Created");
    case SizeColumn: return tr("Size");
    case ShortfallColumn: return tr("Shortfall");
    }
    return {};
}

void SnapshotListModel::setSnapshots(const QList<Snapshot> &snapshots)
{
    beginResetModel();
    m_snapshots = snapshots;
    endResetModel();
}

int SnapshotListModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_snapshots.size(); ++i) {
        if (m_snapshots.at(i).id == id)
            return i;
    }
    return -1;
}

} // namespace kx
