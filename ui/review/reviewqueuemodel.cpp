// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewqueuemodel.h"

#include "review/scenarioreviewsession.h"

namespace kx {

ReviewQueueModel::ReviewQueueModel(ScenarioReviewSession *session, QObject *parent)
    : QAbstractListModel(parent), m_session(session)
{
    connect(session, &ScenarioReviewSession::queueReset, this, [this] {
        beginResetModel();
        m_rows = 0;
        endResetModel();
    });
    connect(session, &ScenarioReviewSession::rowsChanged, this, &ReviewQueueModel::sync);
}

void ReviewQueueModel::sync()
{
    const int now = int(m_session->rows().size());
    if (now > m_rows) {
        beginInsertRows({}, m_rows, now - 1);
        m_rows = now;
        endInsertRows();
    } else if (now < m_rows) {
        beginResetModel();
        m_rows = now;
        endResetModel();
    }
    // A save changes one row's status; which one is not said, and a page is cheap to repaint.
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0), index(m_rows - 1),
                           {Qt::DisplayRole, Qt::ToolTipRole, StatusKeyRole, StatusLabelRole});
}

int ReviewQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

QVariant ReviewQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const ScenarioRow &row = m_session->rows().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.name.isEmpty() ? row.id : row.name;
    case SubtitleRole:
        return row.turns == 1 ? tr("%1 · %2 · 1 turn").arg(row.datasetName, categoryLabel(row.category))
                              : tr("%1 · %2 · %3 turns").arg(row.datasetName, categoryLabel(row.category)).arg(row.turns);
    case Qt::ToolTipRole:
        return tr("%1\n%2\nStatus: %3").arg(row.name, row.preview, reviewStatusLabel(row.status));
    case Qt::AccessibleTextRole:
        return tr("%1, %2").arg(row.name, reviewStatusLabel(row.status));
    case RowIdRole: return row.rowId;
    case StatusKeyRole: return reviewStatusKey(row.status);
    case StatusLabelRole: return reviewStatusLabel(row.status);
    default: return {};
    }
}

} // namespace kx
