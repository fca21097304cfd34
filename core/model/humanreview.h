// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/category.h"
#include "model/criterion.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QDateTime>
#include <QString>

#include <array>
#include <optional>

namespace kx {

/**
 * One reviewer's judgement of one scenario: a verdict, per-criterion scores
 * in [0, 1] (any may be missing), a comment, when. Stored in the scenario's
 * review JSON under "reviews" → reviewer name:
 * @code
 * {"verdict": "accepted", "scores": {"clarity": 0.8, "realism": 0.6}, "comment": "…", "at": "2026-…Z"}
 * @endcode
 * and mirrored, in the same transaction, into the workspace's human_reviews
 * table for the QC statistics. A value type.
 */
struct HumanReview
{
    QString reviewer;
    std::optional<ReviewStatus> verdict;                          ///< nullopt: scores or comment only
    std::array<std::optional<double>, criterionCount> scores{};   ///< indexed by Criterion
    QString comment;
    QDateTime at;                                                 ///< UTC

    std::optional<double> score(Criterion c) const { return scores[size_t(c)]; }
    void setScore(Criterion c, std::optional<double> value) { scores[size_t(c)] = value; }
    /** Mean of the scores given; nullopt when there is none. */
    std::optional<double> meanScore() const;

    /** The stored form (without the reviewer, which is its key). */
    Json toJson() const;
    /** Reads the stored form; BadInput names the reviewer and what is wrong (a score outside [0, 1], an unknown verdict). */
    static Result<HumanReview> fromJson(const QString &reviewer, const Json &j);
    bool operator==(const HumanReview &) const = default;
};

} // namespace kx
