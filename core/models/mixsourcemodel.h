// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mix/mixreport.h"

#include <QAbstractTableModel>
#include <QList>

namespace kx {

/**
 * What passed review per category and per source: one row per source of a
 * MixReport, category by category in mix order, most accepted first within a
 * category. Columns: category, dataset name, kind (converter or generator),
 * accepted scenarios, the source's share of its category's accepted ones,
 * reviewed scenarios and all scenarios.
 *
 * Holds values only; fed with setReport(). GUI thread only.
 */
class MixSourceModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MixSourceModel)

public:
    enum Column {
        CategoryColumn,
        NameColumn,
        KindColumn,
        AcceptedColumn,
        ShareColumn,     ///< within the category, "42.0 %"
        ReviewedColumn,
        ScenariosColumn,
        ColumnCount
    };
    enum Role {
        CategoryRole = Qt::UserRole + 1, ///< int(Category)
        DatasetIdRole,                   ///< qint64
        ShareRole,                       ///< double in [0, 1]
        AcceptedRole,                    ///< qint64
    };

    explicit MixSourceModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** Replaces every row with @p report's sources. */
    void setReport(const MixReport &report);

private:
    struct Row
    {
        MixReport::Source source;
        double share = 0;
    };
    QList<Row> m_rows;
};

} // namespace kx
