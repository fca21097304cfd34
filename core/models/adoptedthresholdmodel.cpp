// SPDX-License-Identifier: GPL-3.0-or-later
#include "adoptedthresholdmodel.h"

#include <QLocale>

namespace kx {

AdoptedThresholdModel::AdoptedThresholdModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int AdoptedThresholdModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_thresholds.size());
}

int AdoptedThresholdModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AdoptedThresholdModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AdoptedThreshold &a = m_thresholds.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ThresholdColumn: return locale.toString(a.threshold, 'f', 2);
        case AdoptedByColumn: return a.adoptedBy;
        case AdoptedAtColumn: return locale.toString(a.adoptedAt.toLocalTime(), QLocale::ShortFormat);
        case F1Column:
            if (a.figures.is_object() && a.figures.contains("f1") && a.figures["f1"].is_number())
                return locale.toString(a.figures["f1"].get<double>(), 'f', 3);
            return QStringLiteral("–");
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ThresholdColumn || index.column() == F1Column)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ThresholdRole:
        return a.threshold;
    case AdoptedAtRole:
        return a.adoptedAt;
    }
    return {};
}

QVariant AdoptedThresholdModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ThresholdColumn: return tr("Threshold");
    case AdoptedByColumn: return tr("Adopted by");
    case AdoptedAtColumn: return tr("When");
    case F1Column: return tr("F1");
    }
    return {};
}

void AdoptedThresholdModel::setThresholds(const QList<AdoptedThreshold> &thresholds)
{
    beginResetModel();
    m_thresholds = thresholds;
    endResetModel();
}

} // namespace kx
