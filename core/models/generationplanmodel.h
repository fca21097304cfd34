// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mix/generationplan.h"

#include <QAbstractTableModel>

namespace kx {

/**
 * The rows of a GenerationPlan: generator (or "import" for a category no
 * generator serves), category, accepted scenarios the row must bring, the
 * acceptance rate used (with the evidence behind it in the tooltip), and how
 * many scenarios to generate, or "import N more".
 *
 * Holds values only; fed with setPlan(). GUI thread only.
 */
class GenerationPlanModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GenerationPlanModel)

public:
    enum Column { GeneratorColumn, CategoryColumn, ToAcceptColumn, RateColumn, ToGenerateColumn, ColumnCount };
    enum Role {
        GeneratorRole = Qt::UserRole + 1, ///< QString; empty for an import item
        ToGenerateRole,                   ///< qint64
        ImportMoreRole,                   ///< bool
    };

    explicit GenerationPlanModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** Replaces every row with @p plan's items. */
    void setPlan(const GenerationPlan &plan);
    const GenerationPlan &plan() const { return m_plan; }

private:
    GenerationPlan m_plan;
};

} // namespace kx
