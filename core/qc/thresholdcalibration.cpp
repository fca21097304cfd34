// SPDX-License-Identifier: GPL-3.0-or-later
#include "thresholdcalibration.h"

#include <algorithm>
#include <cmath>

namespace kx {

namespace {

/** How many of the ascending @p scores are strictly above @p threshold. */
int countAbove(const QList<double> &scores, double threshold)
{
    return int(scores.cend() - std::upper_bound(scores.cbegin(), scores.cend(), threshold));
}

/** F1 as the fraction num / den of integer counts; a 0 / 0 is F1 = 0. */
struct F1Fraction
{
    qint64 num = 0;
    qint64 den = 1;
};

F1Fraction f1Fraction(const ThresholdCalibration::Point &p)
{
    const qint64 den = 2 * qint64(p.trueKeeps) + p.falseKeeps + p.falseRejects;
    return den == 0 ? F1Fraction{0, 1} : F1Fraction{2 * qint64(p.trueKeeps), den};
}

/** a ≥ b for two fractions with positive denominators. */
bool notWorse(const F1Fraction &a, const F1Fraction &b)
{
    // Both numerators are at most 2N and denominators at most 2N: the products fit in 64 bits.
    return a.num * b.den >= b.num * a.den;
}

} // namespace

ThresholdCalibration::ThresholdCalibration(const QList<Sample> &samples, Grid grid)
{
    for (const Sample &s : samples) {
        if (!std::isfinite(s.score))
            continue;
        (s.humanKeep ? m_keptScores : m_rejectedScores).append(s.score);
    }
    std::sort(m_keptScores.begin(), m_keptScores.end());
    std::sort(m_rejectedScores.begin(), m_rejectedScores.end());
    if (sampleCount() == 0)
        return;

    QList<double> thresholds;
    if (grid == Grid::Percent) {
        thresholds.reserve(101);
        for (int i = 0; i <= 100; ++i)
            thresholds.append(i / 100.0);
    } else {
        thresholds = m_keptScores + m_rejectedScores;
        thresholds.append(0.0);
        std::sort(thresholds.begin(), thresholds.end());
        thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());
    }
    m_curve.reserve(thresholds.size());
    for (double t : std::as_const(thresholds))
        m_curve.append(pointAt(t));
}

ThresholdCalibration::Point ThresholdCalibration::pointAt(double threshold) const
{
    Point p;
    p.threshold = threshold;
    const int keeps = int(m_keptScores.size());
    const int rejects = int(m_rejectedScores.size());
    p.trueKeeps = countAbove(m_keptScores, threshold);
    p.falseKeeps = countAbove(m_rejectedScores, threshold);
    p.falseRejects = keeps - p.trueKeeps;
    p.trueRejects = rejects - p.falseKeeps;

    const int autoKeeps = p.trueKeeps + p.falseKeeps;
    const int total = keeps + rejects;
    p.precision = autoKeeps > 0 ? double(p.trueKeeps) / autoKeeps : 0.0;
    p.recall = keeps > 0 ? double(p.trueKeeps) / keeps : 0.0;
    const F1Fraction f1 = f1Fraction(p);
    p.f1 = double(f1.num) / double(f1.den);
    p.keepRate = total > 0 ? double(autoKeeps) / total : 0.0;
    p.falseKeepRate = rejects > 0 ? double(p.falseKeeps) / rejects : 0.0;
    return p;
}

std::optional<double> ThresholdCalibration::suggestedThreshold() const
{
    std::optional<qsizetype> best;
    for (qsizetype i = 0; i < m_curve.size(); ++i) {
        // ">=": a later (higher) threshold wins a tie.
        if (!best || notWorse(f1Fraction(m_curve[i]), f1Fraction(m_curve[*best])))
            best = i;
    }
    if (!best || m_curve[*best].trueKeeps == 0)
        return std::nullopt;
    return m_curve[*best].threshold;
}

QualityScores ThresholdCalibration::effectiveScores(const QualityScores &autoScores,
                                                    const QList<QMap<QualityCriterion, double>> &humanScores)
{
    QualityScores out = autoScores;
    for (QualityCriterion c : allQualityCriteria) {
        double sum = 0.0;
        int n = 0;
        for (const auto &reviewer : humanScores) {
            const auto it = reviewer.constFind(c);
            if (it != reviewer.cend() && *it >= 0.0 && *it <= 1.0) {
                sum += *it;
                ++n;
            }
        }
        if (n > 0)
            out.setValue(c, sum / n);
    }
    return out;
}

} // namespace kx
