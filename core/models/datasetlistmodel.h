// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/testdataset.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace kx {

class AsyncWorkspace;

/**
 * The dataset registry as a table: name, kind, category, scenarios, version,
 * created. Row 0 is a synthetic "All datasets" entry (DatasetIdRole 0) whose
 * scenario count is the workspace total. Loads asynchronously on refresh().
 *
 * Does not own the workspace, which must outlive the model. GUI thread only.
 */
class DatasetListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatasetListModel)

public:
    enum Column { NameColumn, KindColumn, CategoryColumn, ScenariosColumn, VersionColumn, CreatedColumn,
                  ColumnCount };
    enum Role {
        DatasetIdRole = Qt::UserRole + 1, ///< qint64; 0 for the "All datasets" row
        IsAllRole,                        ///< bool
        ScenarioCountRole,                ///< qint64
        CategoryKeyRole,                  ///< "benchmark", …; empty on the "All" row
    };

    explicit DatasetListModel(AsyncWorkspace *workspace, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** Reloads the registry in the background; loaded() follows. */
    void refresh();

    /** The datasets as last loaded, without the "All" row. */
    const QList<TestDataset> &datasets() const { return m_datasets; }
    /** Sum of the datasets' scenario counts. */
    qint64 totalScenarios() const { return m_total; }
    /** The model row of dataset @p id; 0 (the "All" row) when not found. */
    int rowOf(qint64 id) const;

Q_SIGNALS:
    void loaded();
    void errorOccurred(const QString &message);

private:
    void apply(QList<TestDataset> datasets);

    QPointer<AsyncWorkspace> m_workspace;
    QList<TestDataset> m_datasets;
    qint64 m_total = 0;
    quint64 m_generation = 0;
};

} // namespace kx
