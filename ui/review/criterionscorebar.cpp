// SPDX-License-Identifier: GPL-3.0-or-later
#include "criterionscorebar.h"

#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace kx {

namespace {
constexpr int kSteps = 5;
constexpr int kMargin = 4;
constexpr int kValueWidthChars = 5;

QString valueText(const std::optional<double> &v)
{
    return v ? QLocale().toString(*v, 'f', 2) : QStringLiteral("–");
}
} // namespace

CriterionScoreBar::CriterionScoreBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("criterionScoreBar"));
    setAccessibleName(tr("Criterion scores"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFocusPolicy(Qt::NoFocus);
}

void CriterionScoreBar::setScores(const Scores &scores)
{
    if (scores == m_scores)
        return;
    m_scores = scores;
    QStringList parts;
    for (Criterion c : allCriteria)
        parts << tr("%1 %2").arg(criterionLabel(c), valueText(m_scores[size_t(c)]));
    setAccessibleDescription(parts.join(QStringLiteral(", ")));
    update();
}

void CriterionScoreBar::setFocusedCriterion(Criterion criterion)
{
    if (criterion == m_focused)
        return;
    m_focused = criterion;
    update();
}

int CriterionScoreBar::rowHeight() const
{
    return fontMetrics().height() + 10;
}

int CriterionScoreBar::labelWidth() const
{
    int w = 0;
    for (Criterion c : allCriteria)
        w = std::max(w, fontMetrics().horizontalAdvance(QStringLiteral("9  ") + criterionLabel(c)));
    return w + 16;
}

QRect CriterionScoreBar::segmentsRect(int row) const
{
    const int valueW = fontMetrics().horizontalAdvance(QLatin1Char('0')) * kValueWidthChars + 8;
    const int left = kMargin + labelWidth();
    const int top = row * rowHeight() + 5;
    return QRect(left, top, std::max(kSteps * 8, width() - left - valueW - kMargin), rowHeight() - 10);
}

QSize CriterionScoreBar::sizeHint() const
{
    return {labelWidth() + 200, criterionCount * rowHeight() + 2};
}

QSize CriterionScoreBar::minimumSizeHint() const
{
    return {labelWidth() + 90, criterionCount * rowHeight() + 2};
}

void CriterionScoreBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const QColor highlight = pal.color(QPalette::Highlight);
    const QColor text = pal.color(isEnabled() ? QPalette::Normal : QPalette::Disabled, QPalette::WindowText);
    QColor muted = text;
    muted.setAlphaF(0.55);
    const QColor fill = isEnabled() ? highlight : muted;
    QColor empty = pal.color(QPalette::Mid);
    empty.setAlphaF(0.35);

    for (int row = 0; row < criterionCount; ++row) {
        const Criterion c = allCriteria[row];
        const bool focused = c == m_focused && isEnabled();
        const QRect rowRect(0, row * rowHeight(), width(), rowHeight());
        if (focused) {
            QColor band = highlight;
            band.setAlphaF(0.14);
            QPainterPath path;
            path.addRoundedRect(QRectF(rowRect).adjusted(1, 1, -1, -1), 4, 4);
            p.fillPath(path, band);
            p.setPen(QPen(highlight, 1));
            p.drawPath(path);
        }
        QFont f = font();
        f.setBold(focused);
        p.setFont(f);
        p.setPen(text);
        const QRect labelRect(kMargin + 4, rowRect.top(), labelWidth() - 8, rowRect.height());
        p.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter,
                   (focused ? QStringLiteral("▸ ") : QStringLiteral("   ")) + criterionLabel(c));

        const QRect seg = segmentsRect(row);
        const double gap = 3;
        const double w = (seg.width() - gap * (kSteps - 1)) / kSteps;
        const std::optional<double> score = m_scores[size_t(c)];
        const double filled = score ? *score * kSteps : 0;
        for (int k = 0; k < kSteps; ++k) {
            const QRectF box(seg.left() + k * (w + gap), seg.top(), w, seg.height());
            QPainterPath path;
            path.addRoundedRect(box, 3, 3);
            p.fillPath(path, empty);
            const double part = std::clamp(filled - k, 0.0, 1.0);
            if (part > 0) {
                QPainterPath done;
                done.addRoundedRect(QRectF(box.left(), box.top(), box.width() * part, box.height()), 3, 3);
                p.fillPath(done, fill);
            }
        }
        p.setFont(font());
        p.setPen(score ? text : muted);
        const QRect valueRect(seg.right() + 6, rowRect.top(), width() - seg.right() - 6 - kMargin, rowRect.height());
        p.drawText(valueRect, Qt::AlignRight | Qt::AlignVCenter, valueText(score));
    }
}

void CriterionScoreBar::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !isEnabled())
        return QWidget::mousePressEvent(event);
    const QPoint pos = event->position().toPoint();
    const int row = pos.y() / rowHeight();
    if (row < 0 || row >= criterionCount)
        return;
    const QRect seg = segmentsRect(row);
    if (pos.x() >= seg.left() && pos.x() <= seg.right()) {
        const int step = std::clamp(int((pos.x() - seg.left()) * kSteps / std::max(1, seg.width())) + 1, 1, kSteps);
        Q_EMIT segmentClicked(int(allCriteria[row]), step);
    } else {
        Q_EMIT criterionClicked(int(allCriteria[row]));
    }
    event->accept();
}

bool CriterionScoreBar::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = help->pos().y() / rowHeight();
        if (row >= 0 && row < criterionCount) {
            const Criterion c = allCriteria[row];
            QToolTip::showText(help->globalPos(),
                               tr("%1: %2\nClick a segment to score, or focus it with ←/→ and press 1–5 "
                                  "(0.2 … 1.0); 0 clears.")
                                   .arg(criterionLabel(c), valueText(m_scores[size_t(c)])),
                               this);
            return true;
        }
    }
    return QWidget::event(event);
}

} // namespace kx
