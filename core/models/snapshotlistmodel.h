// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mix/snapshot.h"

#include <QAbstractTableModel>
#include <QList>

namespace kx {

/**
 * The snapshots of a workspace, newest first: id, name, version, when it was
 * created (local time), its size (members) and its shortfall (places a
 * category could not fill, from the metadata the sampler wrote).
 *
 * Holds values only (snapshots without members, as SnapshotStore::snapshots()
 * gives them); fed with setSnapshots(). GUI thread only.
 */
class SnapshotListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotListModel)

public:
    enum Column { IdColumn, NameColumn, VersionColumn, CreatedColumn, SizeColumn, ShortfallColumn, ColumnCount };
    enum Role {
        SnapshotIdRole = Qt::UserRole + 1, ///< qint64
        SizeRole,                          ///< qint64
        ShortfallRole,                     ///< qint64, over all categories
    };

    explicit SnapshotListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** Replaces every row, in the order given. */
    void setSnapshots(const QList<Snapshot> &snapshots);
    const QList<Snapshot> &snapshots() const { return m_snapshots; }
    /** The row of snapshot @p id, or -1. */
    int rowOf(qint64 id) const;

    /** The members of @p s: "size" from its metadata, else its member count. */
    static qint64 sizeOf(const Snapshot &s);
    /** The places @p s lacks over all categories, from its metadata's "shortfall". */
    static qint64 shortfallOf(const Snapshot &s);

private:
    QList<Snapshot> m_snapshots;
};

} // namespace kx
