// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace kx {

/**
 * Paints a generation job's progress as the style's progress bar with
 * "finished / total" on it. Reads JobListModel::ProgressRole (0..1),
 * ItemsFinishedRole and ItemsTotalRole; a job whose plan is not made yet
 * (no total) gets the plain text of Qt::DisplayRole.
 */
class JobProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobProgressDelegate)

public:
    explicit JobProgressDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace kx
