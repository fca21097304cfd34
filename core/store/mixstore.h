// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mix/mixreport.h"
#include "mix/mixtarget.h"
#include "mix/snapshotmember.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>

namespace kx {

class WorkspaceStore;

/** Accepted and reviewed (accepted + rejected) scenarios of one generator. */
struct GeneratorAcceptance
{
    qint64 accepted = 0;
    qint64 reviewed = 0;
};

/**
 * What the mix dashboard, the generation planner and snapshots read from a
 * workspace: per dataset and category, how many scenarios there are and how
 * many passed review; per generator, its observed acceptance; the workspace's
 * mix target (table workspace_settings, key "mix_target"; the seed's
 * 30/40/20/10 until someone edits it); and the accepted scenarios as
 * snapshot candidates.
 *
 * A scenario counts in the category of its own `category` column, so a
 * dataset that mixes categories is split. Ownership and threads: works on a
 * WorkspaceStore that must outlive it and follows its rules.
 */
class MixStore final
{
    Q_DECLARE_TR_FUNCTIONS(kx::MixStore)
    Q_DISABLE_COPY_MOVE(MixStore)

public:
    explicit MixStore(WorkspaceStore &store) : m_store(store) {}

    /** One row per dataset and category: accepted, reviewed and all scenarios. */
    Result<QList<MixReport::Source>> sources() const;
    /** sources() against target() as a MixReport. */
    Result<MixReport> report() const;
    /** Per generator (provenance "generator"), accepted and reviewed scenarios. */
    Result<QMap<QString, GeneratorAcceptance>> generatorAcceptance() const;

    /** The workspace's mix target; the seed's default when none was saved. */
    Result<MixTarget> target() const;
    /** Saves @p target (validated first: BadInput and nothing saved when its shares do not add up). */
    Result<void> setTarget(const MixTarget &target);

    /**
     * Accepted scenarios as snapshot candidates (row id, id, category, dataset
     * name, SHA-256 of the scenario's JSON), in row order. A scenario id that
     * appears in several datasets is taken once, from the first.
     */
    Result<QList<SnapshotMember>> acceptedCandidates() const;

private:
    WorkspaceStore &m_store;
};

} // namespace kx
