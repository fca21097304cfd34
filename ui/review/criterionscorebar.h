// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/humanreview.h"

#include <QWidget>

#include <array>
#include <optional>

namespace kx {

/**
 * The reviewer's four criterion scores (clarity, complexity, coverage,
 * realism), one row each: the name, five segments filled to the score (0.2
 * each; a score between steps fills part of a segment), and the value. The
 * focused criterion — the one the number keys score — is highlighted.
 * Clicking a segment asks for that score, clicking a name for the focus; the
 * owner decides (the widget shows only what it is given).
 */
class CriterionScoreBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CriterionScoreBar)

public:
    using Scores = std::array<std::optional<double>, criterionCount>;

    explicit CriterionScoreBar(QWidget *parent = nullptr);

    void setScores(const Scores &scores);
    const Scores &scores() const { return m_scores; }
    void setFocusedCriterion(Criterion criterion);
    Criterion focusedCriterion() const { return m_focused; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /** Segment @p step (1–5) of @p criterion (a Criterion) was clicked. */
    void segmentClicked(int criterion, int step);
    /** The name of @p criterion (a Criterion) was clicked. */
    void criterionClicked(int criterion);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    int rowHeight() const;
    int labelWidth() const;
    QRect segmentsRect(int row) const;

    Scores m_scores{};
    Criterion m_focused = Criterion::Clarity;
};

} // namespace kx
