// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jsonqt.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace kx {

/**
 * The sample rows of an inspected file (InspectReport::rows) as a table:
 * one column per key, in the order first seen, and "value" for rows that
 * are not objects. Cells show strings as they are and anything else as
 * compact JSON, on one line and cut to a few hundred characters, with
 * binary references shown as "‹n bytes›"; the tool tip holds more. Meant
 * for the ~20 rows of a preview, so everything is in memory. GUI thread only.
 */
class ImportPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportPreviewModel)

public:
    explicit ImportPreviewModel(QObject *parent = nullptr);

    /** Replaces the rows with @p rows (a JSON array; anything else empties the model). */
    void setRows(const Json &rows);
    void clear();
    const QStringList &columns() const { return m_columns; }
    /** The whole text of a cell, not cut. */
    QString fullText(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    /** The value at @p row, @p column, or nullptr when the row lacks that key. */
    const Json *cell(int row, int column) const;

    QStringList m_columns;
    std::vector<Json> m_rows;
};

} // namespace kx
