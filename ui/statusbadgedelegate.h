// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace kx {

/**
 * Paints a review status as a small coloured pill (pending amber, accepted
 * green, rejected red, skipped grey). Reads the status key from
 * ScenarioTableModel::StatusKeyRole and the label from Qt::DisplayRole.
 */
class StatusBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusBadgeDelegate)

public:
    explicit StatusBadgeDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /** The badge colour of a status key ("pending", "accepted", …). */
    static QColor colorFor(const QString &statusKey);
};

} // namespace kx
