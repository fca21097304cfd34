// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mix/mixreport.h"

#include <QChartView>

class QBarSet;
class QBarSeries;
class QBarCategoryAxis;
class QValueAxis;

namespace kx {

/**
 * Target beside accepted, per category, as a grouped bar chart: either as
 * shares of the suite (percent) or as scenario counts for a suite of a given
 * size (the target's whole quotas beside the accepted counts).
 */
class MixChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MixChart)

public:
    enum class Mode { Shares, Counts };

    explicit MixChart(QWidget *parent = nullptr);

    /** Draws @p report; @p suiteSize sizes the target bars in Counts mode. */
    void setReport(const MixReport &report, qint64 suiteSize);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

    // For tests.
    QBarSet *targetSet() const { return m_target; }
    QBarSet *acceptedSet() const { return m_accepted; }

private:
    void redraw();

    Mode m_mode = Mode::Shares;
    MixReport m_report;
    qint64 m_suiteSize = 0;
    QBarSeries *m_series = nullptr;
    QBarSet *m_target = nullptr;
    QBarSet *m_accepted = nullptr;
    QBarCategoryAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
};

} // namespace kx
