// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>

namespace kx {

class AudioReviewSession;

/**
 * The clips of an AudioReviewSession as a list: the name, the verdict as
 * the decoration colour, and the automatic checks' flags and suspicion in the
 * tooltip and a second line. Follows the session's rows as they load and change.
 */
class AudioQueueModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { RowIdRole = Qt::UserRole + 1, StatusRole, FlagsRole, SuspicionRole };

    explicit AudioQueueModel(AudioReviewSession *session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    void sync();

    AudioReviewSession *m_session;
    int m_rows = 0;
};

} // namespace kx
