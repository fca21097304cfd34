// SPDX-License-Identifier: GPL-3.0-or-later
#include "mixchart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QValueAxis>

#include <cmath>

namespace kx {

MixChart::MixChart(QWidget *parent)
    : QChartView(parent)
{
    setObjectName(QStringLiteral("mixChart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(360, 240);
    auto *c = new QChart;
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setMargins(QMargins(4, 4, 4, 4));
    setChart(c);

    m_target = new QBarSet(tr("Target"), this);
    m_target->setColor(QColor(0x99, 0xb8, 0xd9));
    m_target->setBorderColor(QColor(0x00, 0x72, 0xb2));
    m_accepted = new QBarSet(tr("Accepted"), this);
    m_accepted->setColor(QColor(0x00, 0x9e, 0x73));
    m_accepted->setBorderColor(QColor(0x00, 0x6b, 0x4e));
    m_series = new QBarSeries(this);
    m_series->append(m_target);
    m_series->append(m_accepted);
    // Values are read off the axis: labels on bars this narrow overlap.
    m_series->setLabelsVisible(false);
    m_series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    c->addSeries(m_series);

    m_x = new QBarCategoryAxis(this);
    QStringList names;
    for (Category cat : allCategories)
        names.append(categoryLabel(cat));
    m_x->append(names);
    m_y = new QValueAxis(this);
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignLeft);
    m_series->attachAxis(m_x);
    m_series->attachAxis(m_y);
    redraw();
}

void MixChart::setReport(const MixReport &report, qint64 suiteSize)
{
    m_report = report;
    m_suiteSize = suiteSize;
    redraw();
}

void MixChart::setMode(Mode mode)
{
    m_mode = mode;
    redraw();
}

void MixChart::redraw()
{
    m_target->remove(0, m_target->count());
    m_accepted->remove(0, m_accepted->count());
    double top = 0;
    if (m_mode == Mode::Shares) {
        for (Category c : allCategories) {
            const double t = m_report.target().share(c) * 100.0;
            const double a = m_report.share(c) * 100.0;
            m_target->append(t);
            m_accepted->append(a);
            top = std::max({top, t, a});
        }
        chart()->setTitle(tr("Target and accepted share per category"));
        m_y->setTitleText(tr("% of suite"));
        m_y->setLabelFormat(QStringLiteral("%.0f"));
        m_series->setLabelsFormat(QStringLiteral("@value %"));
        m_series->setLabelsPrecision(3);
    } else {
        const CategoryCounts quota = m_report.target().apportion(m_suiteSize);
        for (Category c : allCategories) {
            const double t = double(quota[std::size_t(c)]);
            const double a = double(m_report.count(c));
            m_target->append(t);
            m_accepted->append(a);
            top = std::max({top, t, a});
        }
        chart()->setTitle(tr("Target and accepted scenarios for a suite of %1").arg(m_suiteSize));
        m_y->setTitleText(tr("Scenarios"));
        m_y->setLabelFormat(QStringLiteral("%.0f"));
        m_series->setLabelsFormat(QStringLiteral("@value"));
    }
    // Headroom for the value labels above the bars.
    m_y->setRange(0, top > 0 ? std::ceil(top * 1.15) : 1.0);
    m_y->applyNiceNumbers();
}

} // namespace kx
