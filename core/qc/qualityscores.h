// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/criterion.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace kx {

/** The four quality criteria of the seed's quality-control gate (seed section 4); the model's Criterion. */
using QualityCriterion = Criterion;

/** All criteria in the seed's order. */
inline constexpr const auto &allQualityCriteria = allCriteria;

/**
 * The scores of one scenario on the four criteria, each in [0, 1] (1 is best),
 * and the gate of the seed's quality control: a scenario is kept when the mean
 * of the four, overall(), is above the threshold (default 0.7).
 *
 * A plain value type: copy it freely, use it on any thread. Values are stored
 * as given; setValue() and fromJson() are the places that check the range.
 */
struct QualityScores
{
    Q_DECLARE_TR_FUNCTIONS(kx::QualityScores)

public:
    /** The seed's gate: "keep when > 0.7". */
    static constexpr double defaultThreshold = 0.7;

    double clarity = 0.0;    ///< is it clear what the user asks?
    double complexity = 0.0; ///< how much does it demand (turns, memories, capabilities, facts)?
    double coverage = 0.0;   ///< are capabilities, criteria and memories actually covered?
    double realism = 0.0;    ///< does it read like a real conversation?

    /** The mean of the four criteria (the seed's `sum(scores.values()) / len(scores)`). */
    double overall() const { return (clarity + complexity + coverage + realism) / 4.0; }

    /** The score of criterion @p c. */
    double value(QualityCriterion c) const;
    /** Sets criterion @p c to @p v clamped into [0, 1]; a NaN becomes 0. */
    void setValue(QualityCriterion c, double v);

    /**
     * The gate: true when @p scores' overall() is strictly above @p threshold.
     * A scenario exactly at the threshold is not kept, as in the seed (`score > 0.7`).
     */
    static bool passes(const QualityScores &scores, double threshold = defaultThreshold);

    /**
     * `{"clarity", "complexity", "coverage", "realism", "overall"}`, numbers as
     * stored (no rounding, so fromJson(toJson()) gives the same values back).
     * "overall" is informative: fromJson() recomputes it.
     */
    Json toJson() const;
    /**
     * Reads the object toJson() writes. The four criteria are required and
     * must be numbers in [0, 1]; "overall" and unknown keys are ignored. The
     * error names the offending key.
     */
    static Result<QualityScores> fromJson(const Json &j);

    /** The stable key of a criterion: "clarity", "complexity", "coverage", "realism". */
    static QString criterionKey(QualityCriterion c);
    /** A key back to its criterion; nullopt for anything else (case-sensitive). */
    static std::optional<QualityCriterion> criterionFromKey(QStringView key);
    /** A translated label for the UI. */
    static QString criterionLabel(QualityCriterion c);

    bool operator==(const QualityScores &) const = default;
};

} // namespace kx
