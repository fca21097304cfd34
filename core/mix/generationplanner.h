// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mix/generationplan.h"
#include "mix/mixreport.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

namespace kx {

/**
 * Sizes the generation needed to close a MixReport's gaps.
 *
 * Rules:
 * - Suite size: a number S, or @ref closeToLargest for the report's
 *   closingSize() (keep everything accepted, bring the rest up to the mix).
 *   Each category needs max(0, MixReport::gap(i, S)) more accepted scenarios.
 * - Acceptance rate of a generator (or, for imports, of a category): the
 *   share of its reviewed scenarios that were accepted, smoothed towards a
 *   prior: rate = (a + m·w) / (r + w) with a accepted of r reviewed, prior
 *   mean m = 0.7 (the seed's quality bar) and weight w = 2 pseudo-reviews by
 *   default. With no review yet the rate is m; with m = 0.5, w = 2 it is
 *   Laplace's (a + 1) / (r + 2); with w = 0 it is a / r. The rate is never
 *   taken below @ref minimumRate, so a generator that has had everything
 *   rejected gets a large but finite number.
 * - Scenarios to produce = ceil(toAccept / rate).
 * - A category's need is split among the generators that make it (by
 *   GenerationJobPlanner::categoryOf: "adversarial" → adversarial, the others
 *   → synthetic) in proportion to their weights, by the largest-remainder
 *   rule (ties to the earlier generator). Default weights: memory 1,
 *   conversation 1, adversarial 1, augment 0, fusion 0 — the seed's synthetic
 *   share is "memory/conversation", and augment and fusion depend on parent
 *   scenarios or chosen personas, so they take part only when given a weight.
 * - A category no generator with a positive weight makes (benchmark, tool
 *   usage) gets one "import more" item, sized with that category's own
 *   acceptance rate from the report (accepted over reviewed, same prior).
 *
 * A value type; any thread.
 */
class GenerationPlanner final
{
    Q_DECLARE_TR_FUNCTIONS(kx::GenerationPlanner)

public:
    /** plan() suite size meaning "the report's closingSize()". */
    static constexpr qint64 closeToLargest = -1;
    static constexpr double defaultPriorMean = 0.7;
    static constexpr double defaultPriorWeight = 2.0;
    /** The lowest acceptance rate plan() divides by. */
    static constexpr double minimumRate = 0.01;

    /** Default prior and weights, no observations. */
    GenerationPlanner();

    /**
     * Records that @p accepted of @p reviewed scenarios from @p generator
     * passed review (replacing an earlier call). BadInput when a count is
     * negative or accepted exceeds reviewed.
     */
    Result<void> setAcceptance(const QString &generator, qint64 accepted, qint64 reviewed);
    /** The smoothed rate of @p generator as plan() uses it; the prior mean when it has no observations. */
    double acceptanceRate(const QString &generator) const;
    /** The smoothed rate for @p accepted of @p reviewed. */
    double smoothedRate(qint64 accepted, qint64 reviewed) const;

    /** Sets the prior; BadInput unless 0 < @p mean <= 1 and @p weight >= 0. */
    Result<void> setPrior(double mean, double weight);
    double priorMean() const { return m_priorMean; }
    double priorWeight() const { return m_priorWeight; }

    /**
     * Sets the weight of @p generator in its category's split (0 leaves it
     * out). A generator not known yet is added after the others. BadInput for
     * a negative or non-finite weight or an empty name.
     */
    Result<void> setWeight(const QString &generator, double weight);
    /** The weight of @p generator, 0 when unknown. */
    double weight(const QString &generator) const;
    /** Every generator the planner knows, in its order (memory, conversation, adversarial, augment, fusion, then added ones). */
    QStringList generators() const;

    /**
     * The plan for @p report and a suite of @p suiteSize scenarios (or
     * @ref closeToLargest). Items come in mix order, generators in the
     * planner's order; rows with nothing to accept are left out. BadInput for
     * a suite size below -1.
     */
    Result<GenerationPlan> plan(const MixReport &report, qint64 suiteSize = closeToLargest) const;

private:
    struct Observed
    {
        qint64 accepted = 0;
        qint64 reviewed = 0;
    };
    struct Weighted
    {
        QString generator;
        double weight = 0;
    };

    QList<Weighted> m_weights;
    QMap<QString, Observed> m_observed;
    double m_priorMean = defaultPriorMean;
    double m_priorWeight = defaultPriorWeight;
};

} // namespace kx
