// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewqueuedelegate.h"

#include "reviewqueuemodel.h"
#include "statusbadgedelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace kx {

namespace {
constexpr int kPad = 6;

QFont badgeFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.85);
    font.setWeight(QFont::DemiBold);
    return font;
}
} // namespace

ReviewQueueDelegate::ReviewQueueDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

void ReviewQueueDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor muted = text;
    muted.setAlphaF(0.62);
    const QRect r = option.rect.adjusted(kPad, kPad / 2, -kPad, -kPad / 2);

    // The badge, right-aligned on the first line.
    const QString key = index.data(ReviewQueueModel::StatusKeyRole).toString();
    const QString label = index.data(ReviewQueueModel::StatusLabelRole).toString();
    const QFont bf = badgeFont(option.font);
    const QFontMetrics bfm(bf);
    const int pillH = bfm.height() + 2;
    const int pillW = bfm.horizontalAdvance(label) + 14;
    const QRect pill(r.right() - pillW, r.top() + 1, pillW, pillH);
    const QColor color = StatusBadgeDelegate::colorFor(key);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), pillH / 2.0, pillH / 2.0);
    QColor fill = color;
    fill.setAlphaF(selected ? 0.85 : 0.18);
    painter->fillPath(path, fill);
    painter->setPen(QPen(color, 1));
    painter->drawPath(path);
    painter->setFont(bf);
    painter->setPen(selected ? QColor(Qt::white) : color.darker(120));
    painter->drawText(pill, Qt::AlignCenter, label);

    // Name and subtitle.
    const QFontMetrics fm(option.font);
    QFont nameFont = option.font;
    nameFont.setWeight(key == QLatin1String("pending") ? QFont::DemiBold : QFont::Normal);
    painter->setFont(nameFont);
    painter->setPen(text);
    const QRect nameRect(r.left(), r.top(), pill.left() - r.left() - kPad, fm.height());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(nameFont).elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight,
                                                        nameRect.width()));
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.9);
    painter->setFont(small);
    painter->setPen(muted);
    const QFontMetrics sfm(small);
    const QRect subRect(r.left(), r.top() + fm.height() + 2, r.width(), sfm.height());
    painter->drawText(subRect, Qt::AlignLeft | Qt::AlignVCenter,
                      sfm.elidedText(index.data(ReviewQueueModel::SubtitleRole).toString(), Qt::ElideRight,
                                     subRect.width()));
    painter->restore();
}

QSize ReviewQueueDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.9);
    const int h = QFontMetrics(option.font).height() + QFontMetrics(small).height() + 2 + kPad;
    return {120, h + kPad / 2}; // the width follows the view
}

} // namespace kx
