// SPDX-License-Identifier: GPL-3.0-or-later
#include "qccurvechart.h"

#include <QChart>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

namespace kx {

QcCurveChart::QcCurveChart(QWidget *parent)
    : QChartView(parent)
{
    setObjectName(QStringLiteral("qcCurveChart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(420, 300);
    auto *c = new QChart;
    c->setTitle(tr("The gate over thresholds"));
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setMargins(QMargins(4, 4, 4, 4));
    setChart(c);

    m_x = new QValueAxis(this);
    m_x->setRange(0, 1);
    m_x->setTickCount(11);
    m_x->setLabelFormat(QStringLiteral("%.1f"));
    m_x->setTitleText(tr("Threshold"));
    m_y = new QValueAxis(this);
    m_y->setRange(0, 1);
    m_y->setTickCount(6);
    m_y->setLabelFormat(QStringLiteral("%.1f"));
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignLeft);

    // Colour-blind-safe (Okabe–Ito) and told apart by style as well.
    m_keepRate = addLine(tr("Keep rate"), QColor(0x00, 0x72, 0xb2), Qt::SolidLine, 2);
    m_falseKeepRate = addLine(tr("False-keep rate"), QColor(0xd5, 0x5e, 0x00), Qt::SolidLine, 2);
    m_precision = addLine(tr("Precision"), QColor(0x00, 0x9e, 0x73), Qt::DashLine, 1.5);
    m_recall = addLine(tr("Recall"), QColor(0xcc, 0x79, 0xa7), Qt::DashLine, 1.5);
    m_f1 = addLine(tr("F1"), QColor(0x33, 0x33, 0x33), Qt::SolidLine, 2.5);
    m_thresholdMarker = addLine(tr("Threshold"), QColor(0x56, 0xb4, 0xe9), Qt::SolidLine, 2);
    m_suggestedMarker = addLine(tr("Suggested"), QColor(0xe6, 0x9f, 0x00), Qt::DashDotLine, 2);
}

QLineSeries *QcCurveChart::addLine(const QString &name, const QColor &color, Qt::PenStyle style, qreal width)
{
    auto *series = new QLineSeries(this);
    series->setName(name);
    QPen pen(color);
    pen.setStyle(style);
    pen.setWidthF(width);
    series->setPen(pen);
    chart()->addSeries(series);
    series->attachAxis(m_x);
    series->attachAxis(m_y);
    return series;
}

void QcCurveChart::setCurve(const QList<ThresholdCalibration::Point> &curve)
{
    QList<QPointF> keep, falseKeep, precision, recall, f1;
    for (const ThresholdCalibration::Point &p : curve) {
        keep.append({p.threshold, p.keepRate});
        falseKeep.append({p.threshold, p.falseKeepRate});
        precision.append({p.threshold, p.precision});
        recall.append({p.threshold, p.recall});
        f1.append({p.threshold, p.f1});
    }
    m_keepRate->replace(keep);
    m_falseKeepRate->replace(falseKeep);
    m_precision->replace(precision);
    m_recall->replace(recall);
    m_f1->replace(f1);
}

void QcCurveChart::setMarkers(double threshold, std::optional<double> suggested)
{
    m_thresholdMarker->replace({QPointF(threshold, 0), QPointF(threshold, 1)});
    m_suggestedMarker->setVisible(suggested.has_value());
    if (suggested)
        m_suggestedMarker->replace({QPointF(*suggested, 0), QPointF(*suggested, 1)});
    else
        m_suggestedMarker->clear();
}

QList<QLineSeries *> QcCurveChart::allSeries() const
{
    return {m_keepRate, m_falseKeepRate, m_precision, m_recall, m_f1, m_thresholdMarker, m_suggestedMarker};
}

} // namespace kx
