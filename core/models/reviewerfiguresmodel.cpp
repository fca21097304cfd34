// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewerfiguresmodel.h"

#include <QLocale>

namespace kx {

ReviewerFiguresModel::ReviewerFiguresModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int ReviewerFiguresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReviewerFiguresModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewerFiguresModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ReviewerColumn: return row.reviewer;
        case VerdictsColumn: return QLocale().toString(row.figures.verdicts);
        case KeepsColumn: return QLocale().toString(row.figures.keeps);
        case KappaColumn:
            return row.figures.kappaVsAuto ? QLocale().toString(*row.figures.kappaVsAuto, 'f', 3) : QStringLiteral("–");
        }
        break;
    case Qt::TextAlignmentRole:
        return index.column() == ReviewerColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == KappaColumn && !row.figures.kappaVsAuto)
            return tr("Undefined: the reviewer and the gate each gave a single label throughout");
        break;
    case ReviewerRole:
        return row.reviewer;
    case KappaRole:
        return row.figures.kappaVsAuto ? QVariant(*row.figures.kappaVsAuto) : QVariant();
    }
    return {};
}

QVariant ReviewerFiguresModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ReviewerColumn: return tr("Reviewer");
    case VerdictsColumn: return tr("Verdicts");
    case KeepsColumn: return tr("Keeps");
    case KappaColumn: return tr("κ vs gate");
    }
    return {};
}

void ReviewerFiguresModel::setFigures(const QMap<QString, QcReport::ReviewerFigures> &figures)
{
    beginResetModel();
    m_rows.clear();
    for (auto it = figures.cbegin(); it != figures.cend(); ++it)
        m_rows.append({it.key(), it.value()});
    endResetModel();
}

} // namespace kx
