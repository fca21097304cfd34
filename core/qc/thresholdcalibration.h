// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "qc/qualityscores.h"

#include <QList>
#include <QMap>

#include <optional>

namespace kx {

/**
 * How well the automatic gate ("keep when overall > t") matches the human
 * verdicts, at every threshold t of a grid, and the threshold that matches
 * them best. The QC view charts curve(); a lead adopts suggestedThreshold().
 *
 * For a threshold t, each verdicted scenario is a
 *   true keep    (auto keeps, human kept),   false keep   (auto keeps, human rejected),
 *   false reject (auto rejects, human kept), true reject  (auto rejects, human rejected),
 * and, with human keep as the positive class:
 *   precision     = true keeps / auto keeps            (0 when the gate keeps nothing),
 *   recall        = true keeps / human keeps           (0 when humans kept nothing),
 *   F1            = 2·true keeps / (2·true keeps + false keeps + false rejects)
 *                   (the harmonic mean of the two; 0 when there is no true keep),
 *   keep rate     = auto keeps / samples,
 *   false-keep rate = false keeps / human rejects      (the share of what humans
 *                   rejected that the gate would let through; 0 with no human reject).
 * No value is ever NaN.
 *
 * A value class: build it from the verdicts, then read it from any thread.
 * Building sorts the scores once (O(N log N)); each threshold then costs
 * O(log N), so a grid over a million verdicts is instant.
 */
class ThresholdCalibration final
{
public:
    /** One verdicted scenario: its automatic overall score and the human verdict. */
    struct Sample
    {
        double score = 0.0;
        bool humanKeep = false;
    };

    /** The gate's outcome at one threshold. */
    struct Point
    {
        double threshold = 0.0;
        int trueKeeps = 0;
        int falseKeeps = 0;
        int falseRejects = 0;
        int trueRejects = 0;
        double precision = 0.0;
        double recall = 0.0;
        double f1 = 0.0;
        double keepRate = 0.0;
        double falseKeepRate = 0.0;
    };

    /** The thresholds curve() is made of. */
    enum class Grid {
        Percent,        ///< 0.00, 0.01, …, 1.00 (101 points, each i / 100.0 exactly)
        DistinctScores, ///< 0.0 and every distinct sample score, ascending
    };

    /**
     * Takes the verdicts; samples whose score is NaN or infinite are dropped.
     * @p grid chooses the thresholds of curve() and suggestedThreshold(); the
     * default is the percent grid of the QC view.
     */
    explicit ThresholdCalibration(const QList<Sample> &samples, Grid grid = Grid::Percent);

    /** How many samples were kept (finite scores). */
    int sampleCount() const { return int(m_keptScores.size() + m_rejectedScores.size()); }
    /** Human keeps among the samples. */
    int humanKeeps() const { return int(m_keptScores.size()); }

    /** The gate's outcome at every threshold of the grid, ascending; empty when there are no samples. */
    const QList<Point> &curve() const { return m_curve; }

    /** The gate's outcome at any @p threshold (for the threshold in force, say). */
    Point pointAt(double threshold) const;

    /**
     * The grid threshold with the highest F1. Ties go to the higher threshold:
     * among equally good gates the stricter one keeps fewer scenarios, and a
     * needless keep costs more than a needless reject in a curated test suite.
     * F1 values are compared exactly (as fractions of the integer counts), so
     * rounding cannot break a tie. nullopt when there are no samples or F1 is
     * 0 at every threshold (no threshold gets a single keep right, e.g. humans
     * kept nothing): the verdicts give no evidence for any threshold.
     */
    std::optional<double> suggestedThreshold() const;

    /**
     * The effective scores of one scenario: for each criterion, the mean of
     * the human scores given for it where at least one reviewer gave one,
     * else the automatic score. @p humanScores holds one map per reviewer
     * (criterion -> score); values outside [0, 1] or NaN are ignored.
     */
    static QualityScores effectiveScores(const QualityScores &autoScores,
                                         const QList<QMap<QualityCriterion, double>> &humanScores);

private:
    QList<double> m_keptScores;     ///< scores of the human keeps, ascending
    QList<double> m_rejectedScores; ///< scores of the human rejects, ascending
    QList<Point> m_curve;
};

} // namespace kx
