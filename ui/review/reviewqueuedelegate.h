// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace kx {

/**
 * Paints a row of the review queue: the scenario's name over a muted second
 * line (ReviewQueueModel::SubtitleRole), and its review status as a coloured
 * pill on the right, in the scenario table's badge colours.
 */
class ReviewQueueDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewQueueDelegate)

public:
    explicit ReviewQueueDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace kx
