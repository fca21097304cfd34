// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mix/mixtarget.h"
#include "mix/snapshotmember.h"

#include <QCoreApplication>
#include <QList>

namespace kx {

/**
 * Picks the members of a snapshot: a suite of a requested size that honours a
 * MixTarget, drawn from accepted candidates with a seed.
 *
 * Rules:
 * - Quotas: MixTarget::apportion(size), i.e. largest-remainder rounding of
 *   share·size, so every category is within 1 of its exact share and the
 *   quotas add up to the size.
 * - Shortfall: a category with fewer candidates than its quota takes them
 *   all, and the difference is its shortfall. By default
 *   (ShortfallPolicy::Keep) the missing places stay empty: the snapshot is
 *   smaller than asked, but no category goes above its share, so the mix of
 *   what is there stays as close to the target as the candidates allow.
 *   ShortfallPolicy::Redistribute instead fills the empty places from the
 *   categories that have candidates to spare, in proportion to their target
 *   shares (largest remainder again, repeated until the places are filled or
 *   the candidates run out); categories with a zero share never receive any.
 * - Within a category the pick is uniform: candidates are put in a canonical
 *   order (uid, then row id, so the order they arrive in does not matter)
 *   and the first k of a partial Fisher–Yates shuffle are taken. The shuffle
 *   of each category has its own stream of DemoRandom (SplitMix64), seeded
 *   from @p seed through a master DemoRandom, so the draw is the same on
 *   every platform, the same seed and candidates give the same selection, a
 *   different seed gives a different one, and changing one category's
 *   candidates leaves the others' picks as they were. Redistributed places
 *   extend the same shuffle, so Redistribute picks a superset of Keep.
 * - The members come out sorted by category (mix order), then uid.
 *
 * Stateless; any thread. Time O(n log n) in the number of candidates.
 */
class SnapshotSampler final
{
    Q_DECLARE_TR_FUNCTIONS(kx::SnapshotSampler)

public:
    /** What to do with the places of categories that lack candidates. */
    enum class ShortfallPolicy {
        Keep,          ///< leave them empty (the default): smaller suite, mix kept
        Redistribute,  ///< fill them from other categories by their shares: full size, mix bent
    };

    /** The outcome of sample(). */
    struct Selection
    {
        qint64 requested = 0;
        quint64 seed = 0;
        ShortfallPolicy policy = ShortfallPolicy::Keep;
        CategoryCounts available{};   ///< candidates per category
        CategoryCounts quota{};       ///< MixTarget::apportion(requested)
        CategoryCounts selected{};    ///< members per category
        CategoryCounts shortfall{};   ///< max(0, quota − available)
        QList<SnapshotMember> members;

        /** Shortfall over all categories. */
        qint64 totalShortfall() const;
        /**
         * `{"seed", "requested", "size", "shortfall_policy" ("keep" or
         * "redistribute"), "quota": {category: n}, "available": {…},
         * "selected": {…}, "shortfall": {category: n}}` — "shortfall" lists
         * only the categories that are short, so `{}` means none is. The
         * members are not included.
         */
        Json toJson() const;
    };

    /** "keep" or "redistribute". */
    static QString policyKey(ShortfallPolicy policy);

    /**
     * Samples @p size members from @p candidates to honour @p target, with
     * @p seed. BadInput when @p size is negative, the target fails
     * MixTarget::validate(), or a candidate has an empty or repeated uid
     * (named in the message).
     */
    static Result<Selection> sample(const QList<SnapshotMember> &candidates, const MixTarget &target, qint64 size,
                                    quint64 seed, ShortfallPolicy policy = ShortfallPolicy::Keep);
};

} // namespace kx
