// SPDX-License-Identifier: GPL-3.0-or-later
#include "generationplanmodel.h"

#include <QLocale>

namespace kx {

GenerationPlanModel::GenerationPlanModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int GenerationPlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plan.items.size());
}

int GenerationPlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GenerationPlanModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GenerationPlan::Item &item = m_plan.items.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case GeneratorColumn: return item.importMore() ? tr("(import)") : item.generator;
        case CategoryColumn: return categoryLabel(item.category);
        case ToAcceptColumn: return locale.toString(item.toAccept);
        case RateColumn: return tr("%1 %").arg(locale.toString(item.acceptanceRate * 100.0, 'f', 0));
        case ToGenerateColumn:
            return item.importMore() ? tr("import %1 more").arg(locale.toString(item.toGenerate))
                                     : locale.toString(item.toGenerate);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= ToAcceptColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (index.column() == RateColumn)
            return item.observedReviewed > 0
                ? tr("%1 accepted of %2 reviewed, smoothed towards 70 %").arg(item.observedAccepted).arg(item.observedReviewed)
                : tr("No review yet: the prior of 70 %");
        if (index.column() == ToGenerateColumn && item.importMore())
            return tr("No generator makes %1 scenarios: import more from a dataset").arg(categoryLabel(item.category));
        break;
    case GeneratorRole:
        return item.generator;
    case ToGenerateRole:
        return item.toGenerate;
    case ImportMoreRole:
        return item.importMore();
    }
    return {};
}

QVariant GenerationPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case GeneratorColumn: return tr("Generator");
    case CategoryColumn: return tr("Category");
    case ToAcceptColumn: return tr("To accept");
    case RateColumn: return tr("Acceptance");
    case ToGenerateColumn: return tr("To generate");
    }
    return {};
}

void GenerationPlanModel::setPlan(const GenerationPlan &plan)
{
    beginResetModel();
    m_plan = plan;
    endResetModel();
}

} // namespace kx
