// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mix/snapshotmember.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace kx {

/**
 * The difference between two versions of a snapshot, matched by uid: members
 * only in the newer version are added, only in the older removed; members in
 * both are changed when their content hashes differ (compared as strings, so
 * two empty hashes count as equal) and unchanged otherwise. The uid lists are
 * sorted. A value type; any thread.
 */
class SnapshotDiff final
{
    Q_DECLARE_TR_FUNCTIONS(kx::SnapshotDiff)

public:
    SnapshotDiff() = default;

    /**
     * Compares @p from (the older version) with @p to (the newer). BadInput
     * when a uid is empty or appears twice in one version, naming it.
     */
    static Result<SnapshotDiff> compute(const QList<SnapshotMember> &from, const QList<SnapshotMember> &to);

    const QStringList &added() const { return m_added; }
    const QStringList &removed() const { return m_removed; }
    const QStringList &changed() const { return m_changed; }
    qint64 unchangedCount() const { return m_unchanged; }
    /** True when the versions have the same members with the same hashes. */
    bool isEmpty() const { return m_added.isEmpty() && m_removed.isEmpty() && m_changed.isEmpty(); }

    /**
     * `{"added": [uid…], "removed": [uid…], "changed": [uid…], "unchanged": n,
     * "counts": {"added", "removed", "changed", "unchanged"}}`.
     */
    Json toJson() const;

private:
    QStringList m_added;
    QStringList m_removed;
    QStringList m_changed;
    qint64 m_unchanged = 0;
};

} // namespace kx
