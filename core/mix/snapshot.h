// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mix/mixtarget.h"
#include "mix/snapshotmember.h"
#include "mix/snapshotsampler.h"
#include "model/testdataset.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace kx {

/**
 * A frozen, curated suite: one version of a `TestDataset` with the seed's
 * fields (`id`, `name`, `version`, `created_at`, `baseline_scores`,
 * `metadata`) and the references of its members (the scenarios themselves
 * stay in the workspace). @ref metadata records how it was drawn, so it can be
 * drawn again: see fromSelection(). A value type; any thread.
 */
struct Snapshot
{
    Q_DECLARE_TR_FUNCTIONS(kx::Snapshot)

public:
    qint64 id = 0;                          ///< the dataset row once stored; 0 before
    QString name;
    QString version = QStringLiteral("1.0");
    QDateTime createdAt;                    ///< UTC
    Json baselineScores = Json::object();   ///< filled when the suite is scored; empty at first
    Json metadata = Json::object();
    QList<SnapshotMember> members;          ///< sorted by category, then uid, when from a sampler

    /**
     * A snapshot of @p selection's members whose metadata is
     * `{"kind": "snapshot", "seed", "mix_target": MixTarget::toJson(),
     * "requested", "size", "shortfall_policy", "quota", "available",
     * "selected", "shortfall", "source_filter": @p sourceFilter}` (the middle
     * keys are SnapshotSampler::Selection::toJson()). @p sourceFilter is
     * whatever restricted the candidates (datasets, sources, statuses), kept
     * as given. @p createdAt is stored in UTC.
     */
    static Snapshot fromSelection(const QString &name, const QString &version, const QDateTime &createdAt,
                                  const SnapshotSampler::Selection &selection, const MixTarget &target,
                                  const Json &sourceFilter = Json::object());

    /** Members per category. */
    CategoryCounts counts() const;

    /**
     * `{"id", "name", "version", "created_at" (ISO 8601, UTC), "scenarios"
     * (the member count, as in TestDataset::toJson()), "baseline_scores",
     * "metadata"}`, then `"members": [SnapshotMember::toJson()…]` when
     * @p withMembers.
     */
    Json toJson(bool withMembers = true) const;
    /**
     * Reads toJson() back; "members" may be missing (no members). BadInput
     * names the key that is missing or of the wrong type.
     */
    static Result<Snapshot> fromJson(const Json &j);

    /**
     * The registry entry for this snapshot: kind "snapshot", source
     * "snapshot", the category with the most members (the earlier in mix
     * order on a tie), the member count, and the same metadata and scores.
     */
    TestDataset toTestDataset() const;

    bool operator==(const Snapshot &) const = default;
};

} // namespace kx
