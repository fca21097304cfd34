// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshotsampler.h"

#include "demo/demorandom.h"
#include "mix/apportion.h"

#include <QSet>

#include <algorithm>

namespace kx {

namespace {

Json perCategory(const CategoryCounts &counts, bool onlyPositive = false)
{
    Json j = Json::object();
    for (Category c : allCategories) {
        const qint64 n = counts[std::size_t(c)];
        if (!onlyPositive || n > 0)
            j[ss(categoryKey(c))] = n;
    }
    return j;
}

bool canonicalLess(const SnapshotMember &a, const SnapshotMember &b)
{
    if (a.uid != b.uid)
        return a.uid < b.uid;
    return a.rowId < b.rowId;
}

/**
 * Moves a uniform choice of @p k items of @p items to its front: the first k
 * steps of a Fisher–Yates shuffle. The first k items do not depend on how many
 * more one would have taken, which makes Redistribute extend Keep.
 */
void partialShuffle(QList<SnapshotMember> &items, qsizetype k, DemoRandom &rng)
{
    const qsizetype n = items.size();
    for (qsizetype i = 0; i < k && i < n; ++i) {
        const qsizetype j = i + qsizetype(rng.next() % quint64(n - i));
        if (j != i)
            std::swap(items[i], items[j]);
    }
}

} // namespace

qint64 SnapshotSampler::Selection::totalShortfall() const
{
    qint64 n = 0;
    for (qint64 v : shortfall)
        n += v;
    return n;
}

Json SnapshotSampler::Selection::toJson() const
{
    Json j = Json::object();
    j["seed"] = seed;
    j["requested"] = requested;
    j["size"] = qint64(members.size());
    j["shortfall_policy"] = ss(policyKey(policy));
    j["quota"] = perCategory(quota);
    j["available"] = perCategory(available);
    j["selected"] = perCategory(selected);
    j["shortfall"] = perCategory(shortfall, true);
    return j;
}

QString SnapshotSampler::policyKey(ShortfallPolicy policy)
{
    return policy == ShortfallPolicy::Redistribute ? QStringLiteral("redistribute") : QStringLiteral("keep");
}

Result<SnapshotSampler::Selection> SnapshotSampler::sample(const QList<SnapshotMember> &candidates,
                                                           const MixTarget &target, qint64 size, quint64 seed,
                                                           ShortfallPolicy policy)
{
    if (size < 0)
        return Error::badInput(tr("A snapshot cannot have %1 scenarios.").arg(size));
    if (auto ok = target.validate(); !ok)
        return ok.error();

    std::array<QList<SnapshotMember>, categoryCount> pools;
    QSet<QString> seen;
    seen.reserve(candidates.size());
    for (const SnapshotMember &m : candidates) {
        if (m.uid.isEmpty())
            return Error::badInput(tr("Snapshot candidate at row %1 has no uid.").arg(m.rowId));
        if (seen.contains(m.uid))
            return Error::badInput(tr("Snapshot candidate \"%1\" appears more than once.").arg(m.uid));
        seen.insert(m.uid);
        pools[std::size_t(m.category)].append(m);
    }

    Selection sel;
    sel.requested = size;
    sel.seed = seed;
    sel.policy = policy;
    sel.quota = target.apportion(size);

    CategoryCounts spare{};
    for (std::size_t i = 0; i < categoryCount; ++i) {
        sel.available[i] = pools[i].size();
        sel.selected[i] = std::min(sel.quota[i], sel.available[i]);
        sel.shortfall[i] = sel.quota[i] - sel.selected[i];
        spare[i] = sel.available[i] - sel.selected[i];
    }

    if (policy == ShortfallPolicy::Redistribute) {
        qint64 left = sel.totalShortfall();
        while (left > 0) {
            QList<double> weights;
            for (std::size_t i = 0; i < categoryCount; ++i)
                weights << (spare[i] > 0 ? target.share(allCategories[i]) : 0.0);
            // Every unit goes to a category with spare candidates and a share,
            // so each round places at least one scenario or there is none.
            const QList<qint64> extra = largestRemainder(weights, left);
            qint64 placed = 0;
            for (std::size_t i = 0; i < categoryCount; ++i) {
                const qint64 add = std::min(extra[qsizetype(i)], spare[i]);
                sel.selected[i] += add;
                spare[i] -= add;
                placed += add;
            }
            if (placed == 0)
                break;
            left -= placed;
        }
    }

    // One stream per category, each seeded from the master in mix order.
    DemoRandom master(seed);
    for (std::size_t i = 0; i < categoryCount; ++i) {
        DemoRandom rng(master.next());
        QList<SnapshotMember> &pool = pools[i];
        std::sort(pool.begin(), pool.end(), canonicalLess);
        partialShuffle(pool, sel.selected[i], rng);
        pool.resize(sel.selected[i]);
        std::sort(pool.begin(), pool.end(), canonicalLess);
        sel.members.append(pool);
    }
    return sel;
}

} // namespace kx
