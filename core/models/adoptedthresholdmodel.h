// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/qualitystore.h"

#include <QAbstractTableModel>
#include <QList>

namespace kx {

/**
 * The thresholds leads adopted for the gate, newest first: the threshold,
 * who adopted it, when (local time), and the F1 it was chosen on when the
 * figures recorded one.
 *
 * Holds values only; fed with setThresholds() from QualityStore::thresholds()
 * (or QcReport::adopted). GUI thread only.
 */
class AdoptedThresholdModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdoptedThresholdModel)

public:
    enum Column { ThresholdColumn, AdoptedByColumn, AdoptedAtColumn, F1Column, ColumnCount };
    enum Role {
        ThresholdRole = Qt::UserRole + 1, ///< double
        AdoptedAtRole,                    ///< QDateTime, UTC
    };

    explicit AdoptedThresholdModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** Replaces every row; @p thresholds are shown in the order given. */
    void setThresholds(const QList<AdoptedThreshold> &thresholds);
    const QList<AdoptedThreshold> &thresholds() const { return m_thresholds; }

private:
    QList<AdoptedThreshold> m_thresholds;
};

} // namespace kx
