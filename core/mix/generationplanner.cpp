// SPDX-License-Identifier: GPL-3.0-or-later
#include "generationplanner.h"

#include "generation/jobs/generationjobplanner.h"
#include "mix/apportion.h"

#include <algorithm>
#include <cmath>

namespace kx {

namespace {

/** Scenarios to produce so that @p toAccept pass at @p rate; the slack keeps 40 / 0.8 at 50. */
qint64 toProduce(qint64 toAccept, double rate)
{
    return qint64(std::ceil(double(toAccept) / rate - 1e-9));
}

} // namespace

GenerationPlanner::GenerationPlanner()
    : m_weights{{QStringLiteral("memory"), 1.0},
                {QStringLiteral("conversation"), 1.0},
                {QStringLiteral("adversarial"), 1.0},
                {QStringLiteral("augment"), 0.0},
                {QStringLiteral("fusion"), 0.0}}
{
}

Result<void> GenerationPlanner::setAcceptance(const QString &generator, qint64 accepted, qint64 reviewed)
{
    if (accepted < 0 || reviewed < 0 || accepted > reviewed)
        return Error::badInput(tr("Acceptance counts for the %1 generator must satisfy 0 <= accepted <= reviewed, not %2 of %3.")
                                   .arg(generator)
                                   .arg(accepted)
                                   .arg(reviewed));
    m_observed.insert(generator, Observed{accepted, reviewed});
    return {};
}

double GenerationPlanner::smoothedRate(qint64 accepted, qint64 reviewed) const
{
    const double denominator = double(reviewed) + m_priorWeight;
    const double rate = denominator > 0 ? (double(accepted) + m_priorMean * m_priorWeight) / denominator
                                        : m_priorMean;
    return std::clamp(rate, minimumRate, 1.0);
}

double GenerationPlanner::acceptanceRate(const QString &generator) const
{
    const auto it = m_observed.constFind(generator);
    return it == m_observed.cend() ? smoothedRate(0, 0) : smoothedRate(it->accepted, it->reviewed);
}

Result<void> GenerationPlanner::setPrior(double mean, double weight)
{
    if (!(mean > 0 && mean <= 1) || !(weight >= 0) || !std::isfinite(weight))
        return Error::badInput(tr("The acceptance prior needs a mean in (0, 1] and a weight of at least 0, not %1 and %2.")
                                   .arg(mean)
                                   .arg(weight));
    m_priorMean = mean;
    m_priorWeight = weight;
    return {};
}

Result<void> GenerationPlanner::setWeight(const QString &generator, double weight)
{
    if (generator.isEmpty())
        return Error::badInput(tr("A generator weight needs a generator name."));
    if (!std::isfinite(weight) || weight < 0)
        return Error::badInput(tr("The weight of the %1 generator must be a number of at least 0, not %2.")
                                   .arg(generator)
                                   .arg(weight));
    for (Weighted &w : m_weights) {
        if (w.generator == generator) {
            w.weight = weight;
            return {};
        }
    }
    m_weights.append(Weighted{generator, weight});
    return {};
}

double GenerationPlanner::weight(const QString &generator) const
{
    for (const Weighted &w : m_weights)
        if (w.generator == generator)
            return w.weight;
    return 0.0;
}

QStringList GenerationPlanner::generators() const
{
    QStringList names;
    for (const Weighted &w : m_weights)
        names << w.generator;
    return names;
}

Result<GenerationPlan> GenerationPlanner::plan(const MixReport &report, qint64 suiteSize) const
{
    if (suiteSize < closeToLargest)
        return Error::badInput(tr("The suite size must be at least 0, not %1.").arg(suiteSize));

    GenerationPlan plan;
    plan.suiteSize = suiteSize == closeToLargest ? report.closingSize() : suiteSize;

    for (Category c : allCategories) {
        const qint64 need = std::max<qint64>(0, report.gap(c, plan.suiteSize));
        plan.missing[std::size_t(c)] = need;
        if (need == 0)
            continue;

        QList<const Weighted *> makers;
        QList<double> weights;
        for (const Weighted &w : m_weights) {
            if (w.weight > 0 && GenerationJobPlanner::categoryOf(w.generator) == c) {
                makers << &w;
                weights << w.weight;
            }
        }

        if (makers.isEmpty()) {
            // No generator: the user imports more. A category's review counts
            // of 0 mean "unknown", so only the prior speaks then.
            GenerationPlan::Item item;
            item.category = c;
            item.toAccept = need;
            item.observedAccepted = report.count(c);
            item.observedReviewed = report.reviewed(c);
            item.acceptanceRate = report.reviewed(c) > 0 ? smoothedRate(report.count(c), report.reviewed(c))
                                                         : smoothedRate(0, 0);
            item.toGenerate = toProduce(need, item.acceptanceRate);
            plan.items.append(item);
            continue;
        }

        const QList<qint64> split = largestRemainder(weights, need);
        for (qsizetype k = 0; k < makers.size(); ++k) {
            if (split[k] == 0)
                continue;
            const QString &name = makers[k]->generator;
            const Observed seen = m_observed.value(name);
            GenerationPlan::Item item;
            item.generator = name;
            item.category = c;
            item.toAccept = split[k];
            item.acceptanceRate = acceptanceRate(name);
            item.toGenerate = toProduce(split[k], item.acceptanceRate);
            item.observedAccepted = seen.accepted;
            item.observedReviewed = seen.reviewed;
            plan.items.append(item);
        }
    }
    return plan;
}

} // namespace kx
