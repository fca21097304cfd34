// SPDX-License-Identifier: GPL-3.0-or-later
#include "mixsourcemodel.h"

#include <QLocale>

namespace kx {

MixSourceModel::MixSourceModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int MixSourceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MixSourceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MixSourceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const MixReport::Source &s = row.source;
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CategoryColumn: return categoryLabel(s.category);
        case NameColumn: return s.name.isEmpty() ? tr("(unnamed)") : s.name;
        case KindColumn: return s.kind;
        case AcceptedColumn: return locale.toString(s.accepted);
        case ShareColumn: return tr("%1 %").arg(locale.toString(row.share * 100.0, 'f', 1));
        case ReviewedColumn: return locale.toString(s.reviewed);
        case ScenariosColumn: return locale.toString(s.total);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= AcceptedColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case CategoryRole:
        return int(s.category);
    case DatasetIdRole:
        return s.datasetId;
    case ShareRole:
        return row.share;
    case AcceptedRole:
        return s.accepted;
    }
    return {};
}

QVariant MixSourceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CategoryColumn: return tr("Category");
    case NameColumn: return tr("Source");
    case KindColumn: return tr("Kind");
    case AcceptedColumn: return tr("Accepted");
    case ShareColumn: return tr("Share of category");
    case ReviewedColumn: return tr("Reviewed");
    case ScenariosColumn: return tr("Scenarios");
    }
    return {};
}

void MixSourceModel::setReport(const MixReport &report)
{
    beginResetModel();
    m_rows.clear();
    for (Category c : allCategories) {
        for (const MixReport::Source &s : report.sources(c))
            m_rows.append({s, report.sourceShare(s)});
    }
    endResetModel();
}

} // namespace kx
