// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusbadgedelegate.h"

#include "models/scenariotablemodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace kx {

StatusBadgeDelegate::StatusBadgeDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QColor StatusBadgeDelegate::colorFor(const QString &statusKey)
{
    if (statusKey == QLatin1String("accepted"))
        return QColor(0x2e, 0x9d, 0x57);
    if (statusKey == QLatin1String("rejected"))
        return QColor(0xd6, 0x45, 0x45);
    if (statusKey == QLatin1String("pending"))
        return QColor(0xd9, 0x8c, 0x1a);
    return QColor(0x86, 0x8e, 0x96);
}

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    const QString key = index.data(ScenarioTableModel::StatusKeyRole).toString();
    if (key.isEmpty()) {
        // Row not loaded yet: fall back to the plain placeholder text.
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    // Let the style draw the selection/hover background without text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QString label = index.data(Qt::DisplayRole).toString();
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.9);
    font.setWeight(QFont::DemiBold);
    const QFontMetrics fm(font);
    const int hPad = 8;
    const int height = qMin(option.rect.height() - 4, fm.height() + 4);
    const int width = qMin(option.rect.width() - 8, fm.horizontalAdvance(label) + 2 * hPad);
    const QRect pill(option.rect.left() + 4, option.rect.center().y() - height / 2 + 1, width, height);

    const QColor color = colorFor(key);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
    QColor fill = color;
    fill.setAlphaF(0.18);
    painter->fillPath(path, fill);
    painter->setPen(QPen(color, 1));
    painter->drawPath(path);
    painter->setFont(font);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(selected ? option.palette.color(QPalette::HighlightedText) : color.darker(115));
    painter->drawText(pill, Qt::AlignCenter, fm.elidedText(label, Qt::ElideRight, pill.width() - 2 * hPad + 4));
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 24;
    return size;
}

} // namespace kx
