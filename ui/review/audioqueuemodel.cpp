// SPDX-License-Identifier: GPL-3.0-or-later
#include "audioqueuemodel.h"

#include "model/audiocheckflags.h"
#include "review/audioreviewsession.h"

#include <QColor>

namespace kx {

AudioQueueModel::AudioQueueModel(AudioReviewSession *session, QObject *parent)
    : QAbstractListModel(parent), m_session(session)
{
    connect(session, &AudioReviewSession::queueReset, this, [this] {
        beginResetModel();
        m_rows = 0;
        endResetModel();
    });
    connect(session, &AudioReviewSession::rowsChanged, this, &AudioQueueModel::sync);
}

void AudioQueueModel::sync()
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
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0), index(m_rows - 1), {Qt::DecorationRole, StatusRole, Qt::ToolTipRole});
}

int AudioQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

QVariant AudioQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const ScenarioRow &row = m_session->rows().at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        const QString flags = AudioCheckFlags::labels(AudioCheck::Flags::fromInt(row.audioFlags));
        return flags.isEmpty() ? row.name : QStringLiteral("%1\n⚠ %2").arg(row.name, flags);
    }
    case Qt::ToolTipRole:
        return tr("%1\n%2\nStatus: %3\nSuspicion: %4")
            .arg(row.name, row.preview, reviewStatusLabel(row.status))
            .arg(row.audioSuspicion, 0, 'f', 2);
    case Qt::DecorationRole:
        switch (row.status) {
        case ReviewStatus::Accepted: return QColor(0x2e, 0x9e, 0x4f);
        case ReviewStatus::Rejected: return QColor(0xd0, 0x3b, 0x3b);
        case ReviewStatus::Skipped: return QColor(0x9a, 0x9a, 0x9a);
        case ReviewStatus::Pending: return QColor(0xe0, 0xa8, 0x1c);
        }
        return {};
    case RowIdRole: return row.rowId;
    case StatusRole: return int(row.status);
    case FlagsRole: return row.audioFlags;
    case SuspicionRole: return row.audioSuspicion;
    default: return {};
    }
}

} // namespace kx
