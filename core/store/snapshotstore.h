// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mix/snapshot.h"
#include "model/testscenario.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>

#include <functional>
#include <optional>

namespace kx {

class WorkspaceStore;

/**
 * Frozen, versioned suites (tables snapshots and snapshot_members, schema v5).
 * A snapshot keeps a copy of each member scenario as it was when the
 * snapshot was made, so editing or deleting the scenario later never changes
 * the suite; each (name, version) is made once.
 *
 * Ownership and threads: works on a WorkspaceStore that must outlive it and
 * follows its rules (one thread at a time).
 */
class SnapshotStore final
{
    Q_DECLARE_TR_FUNCTIONS(kx::SnapshotStore)
    Q_DISABLE_COPY_MOVE(SnapshotStore)

public:
    explicit SnapshotStore(WorkspaceStore &store) : m_store(store) {}

    /**
     * Stores @p snapshot and a copy of each member scenario (read now by row
     * id) in one transaction; returns it with its id. BadInput when the name
     * and version exist already, or a member's scenario is gone.
     */
    Result<Snapshot> create(const Snapshot &snapshot);
    /** Every snapshot without its members, newest first. */
    Result<QList<Snapshot>> snapshots() const;
    /** One snapshot with its members; NotFound when there is none with @p id. */
    Result<Snapshot> snapshot(qint64 id) const;
    /** The snapshot called @p name at @p version, if any. */
    Result<std::optional<Snapshot>> find(const QString &name, const QString &version) const;
    /** The next free version for @p name: "1", then "2"… (one more than the largest numeric version). */
    Result<QString> nextVersion(const QString &name) const;
    /** Calls @p visit with the frozen copy of each member, in member order. */
    Result<void> forEachScenario(qint64 id, const std::function<Result<void>(const TestScenario &)> &visit) const;

private:
    WorkspaceStore &m_store;
};

} // namespace kx
