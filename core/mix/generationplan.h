// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mix/mixtarget.h"
#include "model/generationjob.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace kx {

/**
 * What GenerationPlanner worked out: for a suite of @ref suiteSize scenarios,
 * how many more accepted scenarios each category needs and, per generator,
 * how many it must produce to get them at its acceptance rate. Categories no
 * generator serves (benchmark, tool usage) appear as "import more" items with
 * no generator. A value type; any thread.
 */
class GenerationPlan final
{
    Q_DECLARE_TR_FUNCTIONS(kx::GenerationPlan)

public:
    /** One row of the plan. */
    struct Item
    {
        QString generator;          ///< registry key; empty: no generator serves the category, import more
        Category category = Category::Synthetic;
        qint64 toAccept = 0;        ///< accepted scenarios this row must bring
        qint64 toGenerate = 0;      ///< scenarios to generate (or import), ceil(toAccept / acceptanceRate)
        double acceptanceRate = 0;  ///< the rate used, prior included (see GenerationPlanner)
        qint64 observedAccepted = 0;  ///< the evidence behind the rate
        qint64 observedReviewed = 0;

        /** True for a category without a generator: the user has to import @ref toGenerate more. */
        bool importMore() const { return generator.isEmpty(); }
        /**
         * A job spec for one-click launch: @ref generator and `requested` =
         * @ref toGenerate, everything else at GenerationJob's defaults (offline
         * backend, seed 0); the caller adjusts it (an augment job also needs its
         * parents) and passes it to GenerationJobPlanner::create(). BadInput for
         * an import item or an item with nothing to generate.
         */
        Result<GenerationJob> toGenerationJob() const;
        /**
         * `{"generator" (null for import), "category", "action" ("generate" or
         * "import"), "to_accept", "to_generate", "acceptance_rate",
         * "observed_accepted", "observed_reviewed"}`.
         */
        Json toJson() const;
        bool operator==(const Item &) const = default;
    };

    qint64 suiteSize = 0;           ///< the suite the plan sizes for
    CategoryCounts missing{};       ///< accepted scenarios each category lacks, max(0, gap)
    QList<Item> items;              ///< in mix order, then in the planner's generator order

    /** Scenarios to generate over all generator items. */
    qint64 totalToGenerate() const;
    /** Scenarios to import over all import items. */
    qint64 totalToImport() const;
    /** The items with a generator, as job specs (see Item::toGenerationJob()). */
    QList<GenerationJob> generationJobs() const;

    /**
     * `{"suite_size", "missing": {category: n}, "items": [Item::toJson()…],
     * "to_generate", "to_import"}`.
     */
    Json toJson() const;
};

} // namespace kx
