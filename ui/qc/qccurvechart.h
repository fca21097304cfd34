// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "qc/thresholdcalibration.h"

#include <QChartView>

#include <optional>

class QLineSeries;
class QValueAxis;

namespace kx {

/**
 * The QC view's chart: over the threshold 0–1, the gate's keep rate and
 * false-keep rate and its precision, recall and F1 against the human
 * verdicts, as lines, with a vertical marker at the threshold in force and
 * a dashed one at the suggested threshold.
 */
class QcCurveChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QcCurveChart)

public:
    explicit QcCurveChart(QWidget *parent = nullptr);

    /** Replaces the five curves with @p curve (ascending thresholds); empty clears them. */
    void setCurve(const QList<ThresholdCalibration::Point> &curve);
    /** Moves the markers; the suggested one is hidden when @p suggested is nullopt. */
    void setMarkers(double threshold, std::optional<double> suggested);

    /** The series, for tests: keep rate, false-keep rate, precision, recall, F1, threshold, suggested. */
    QList<QLineSeries *> allSeries() const;

private:
    QLineSeries *addLine(const QString &name, const QColor &color, Qt::PenStyle style, qreal width);

    QValueAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    QLineSeries *m_keepRate = nullptr;
    QLineSeries *m_falseKeepRate = nullptr;
    QLineSeries *m_precision = nullptr;
    QLineSeries *m_recall = nullptr;
    QLineSeries *m_f1 = nullptr;
    QLineSeries *m_thresholdMarker = nullptr;
    QLineSeries *m_suggestedMarker = nullptr;
};

} // namespace kx
