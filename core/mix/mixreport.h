// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mix/mixtarget.h"

#include <QList>
#include <QString>

namespace kx {

/**
 * What passed review, per category and per source, against a MixTarget.
 * Built from counts the store computes (no SQL here): one Source row per
 * (category, dataset) with its accepted, reviewed and total scenarios.
 *
 * Definitions (A = accepted scenarios in all categories, a_i = accepted in
 * category i, t_i = its target share):
 * - share_i = a_i / A (0 when A = 0); a source's share is its accepted count
 *   over a_i of its category (0 when a_i = 0).
 * - For a suite of S scenarios, rawGap(i, S) = t_i·S − a_i, and
 *   gap(i, S) = q_i(S) − a_i where q(S) = MixTarget::apportion(S) gives whole
 *   quotas adding up to S (largest remainder); the two agree whenever t_i·S is
 *   whole and differ by less than 1 otherwise. Positive: scenarios missing;
 *   negative: scenarios to spare.
 * - honouredSize() S* = floor(min over t_i > 0 of a_i / t_i): the largest suite
 *   whose every category reaches its exact share t_i·S with what is accepted
 *   now, so a snapshot of that size has no shortfall.
 * - closingSize() S^ = ceil(max over t_i > 0 of a_i / t_i): the smallest suite
 *   that keeps every accepted scenario of the most over-represented category
 *   and is in the mix; gap(i, S^) >= 0 for every category, and closing those
 *   gaps is "closing the gap to the largest category".
 * Categories with a zero target take no part in S* and S^.
 *
 * A value type; any thread.
 */
class MixReport final
{
    Q_DECLARE_TR_FUNCTIONS(kx::MixReport)

public:
    /** One source of scenarios in one category, usually a dataset. */
    struct Source
    {
        Category category = Category::Benchmark;
        qint64 datasetId = 0;   ///< 0 when the row is not one dataset
        QString name;           ///< the dataset's name
        QString kind;           ///< converter or generator: "mmlu", "toolbench", "memory", …
        qint64 accepted = 0;    ///< scenarios that passed review
        qint64 reviewed = 0;    ///< scenarios with a verdict (accepted + rejected); 0 when unknown
        qint64 total = 0;       ///< all scenarios, reviewed or not; 0 when unknown
        bool operator==(const Source &) const = default;
    };

    /** An empty report against the default target. */
    MixReport() = default;

    /**
     * The report for @p sources against @p target. Rows naming the same
     * category, dataset id, name and kind are added together. BadInput when the
     * target fails MixTarget::validate(), a count is negative, or a row has more
     * accepted than reviewed or total scenarios (a zero reviewed or total
     * means unknown and is not checked).
     */
    static Result<MixReport> build(const MixTarget &target, const QList<Source> &sources);

    const MixTarget &target() const { return m_target; }

    /** Accepted scenarios in @p c (a_i). */
    qint64 count(Category c) const { return m_accepted[std::size_t(c)]; }
    /** Scenarios with a verdict in @p c. */
    qint64 reviewed(Category c) const { return m_reviewed[std::size_t(c)]; }
    /** All scenarios in @p c. */
    qint64 total(Category c) const { return m_total[std::size_t(c)]; }
    /** Accepted scenarios in all categories (A). */
    qint64 acceptedTotal() const;
    /** All scenarios in all categories. */
    qint64 scenarioTotal() const;
    /** a_i / A, or 0 when nothing is accepted. */
    double share(Category c) const;

    /** The sources of @p c, most accepted first, then by name, kind and dataset id. */
    QList<Source> sources(Category c) const;
    /** A source's accepted count over its category's, or 0. */
    double sourceShare(const Source &source) const;

    /** t_i·S − a_i for a suite of @p suiteSize scenarios (fractional; negative when in surplus). */
    double rawGap(Category c, qint64 suiteSize) const;
    /** q_i(S) − a_i: whole scenarios missing (positive) or to spare (negative). */
    qint64 gap(Category c, qint64 suiteSize) const;
    /** S*, see the class comment; 0 when a category with a share has nothing accepted. */
    qint64 honouredSize() const;
    /** S^, see the class comment; 0 when nothing with a share is accepted. */
    qint64 closingSize() const;

    /**
     * DESIGN.md's `mix --json` shape, `{"target": {category: share},
     * "actual": {category: {"count", "share"}}}`, followed by these keys:
     * - "accepted": A; "scenarios": all scenarios;
     * - "reviewed": {category: scenarios with a verdict};
     * - "totals": {category: all scenarios};
     * - "honoured_size": S*; "closing_size": S^;
     * - "suite_size": the S the gaps are for (@p suiteSize, or S^ when negative);
     * - "gap": {category: gap(i, S)};
     * - "sources": {category: [{"dataset_id", "name", "kind", "count", "share",
     *   "reviewed", "scenarios"}]} where "share" is within the category.
     * Categories always appear in mix order, all four of them.
     */
    Json toJson(qint64 suiteSize = -1) const;

private:
    MixTarget m_target;
    CategoryCounts m_accepted{};
    CategoryCounts m_reviewed{};
    CategoryCounts m_total{};
    QList<Source> m_sources;    ///< merged and sorted, category by category
};

} // namespace kx
