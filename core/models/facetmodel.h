// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/scenarioquery.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QSet>

namespace kx {

class AsyncWorkspace;

/**
 * The values of one facet (category, status, capability or automatic audio check flag) with their counts
 * under the current filter, each checkable. Column 0 is the checkable label,
 * column 1 the count. Checking values narrows the filter: applyTo() writes
 * this facet's part. The counts come from the workspace asynchronously, with
 * this facet's own selection ignored so other values stay reachable.
 *
 * Checked values survive a refresh even when their count drops to zero.
 * Does not own the workspace. GUI thread only.
 */
class FacetModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FacetModel)

public:
    enum class Facet { Category, Status, Capability, AudioCheck };
    enum Column { LabelColumn, CountColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, ///< QString stable key ("benchmark", "accepted", a capability)
        CountRole,                  ///< qint64
    };

    FacetModel(Facet facet, AsyncWorkspace *workspace, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    Facet facet() const { return m_facet; }
    QString title() const;

    /** Sets the filter the counts are computed under and re-queries. */
    void setBaseFilter(const ScenarioFilter &filter);
    /** Re-queries the counts under the current base filter. */
    void refresh();

    QStringList checkedKeys() const;
    void setCheckedKeys(const QStringList &keys);
    void clearChecks();
    /** Writes this facet's selection into @p filter (replacing that part). */
    void applyTo(ScenarioFilter &filter) const;

Q_SIGNALS:
    /** The user (or setCheckedKeys) changed which values are checked. */
    void checkedChanged();
    /** New counts arrived. */
    void loaded();
    void errorOccurred(const QString &message);

private:
    void apply(QList<FacetCount> values);

    Facet m_facet;
    QPointer<AsyncWorkspace> m_workspace;
    ScenarioFilter m_base;
    QList<FacetCount> m_values;
    QStringList m_checked;  ///< in check order
    quint64 m_generation = 0;
};

} // namespace kx
