// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "qc/qcreport.h"

#include <QAbstractTableModel>
#include <QList>

namespace kx {

/**
 * One row per reviewer of a QcReport: how many verdicts they gave, how many
 * of them were keeps, and Cohen's kappa between their verdicts and the
 * automatic gate at the report's threshold ("–" where it is undefined).
 *
 * Holds values only; the owner feeds it with setFigures() after building a
 * report off the GUI thread. GUI thread only.
 */
class ReviewerFiguresModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewerFiguresModel)

public:
    enum Column { ReviewerColumn, VerdictsColumn, KeepsColumn, KappaColumn, ColumnCount };
    enum Role {
        ReviewerRole = Qt::UserRole + 1, ///< QString
        KappaRole,                       ///< double, or an invalid QVariant when undefined
    };

    explicit ReviewerFiguresModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** Replaces every row (reviewers in name order, as the map holds them). */
    void setFigures(const QMap<QString, QcReport::ReviewerFigures> &figures);

private:
    struct Row
    {
        QString reviewer;
        QcReport::ReviewerFigures figures;
    };
    QList<Row> m_rows;
};

} // namespace kx
