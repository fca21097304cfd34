// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/category.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>

namespace kx {

/**
 * A lightweight reference to one scenario of a snapshot, or to a candidate for
 * one: enough to sample by category, to diff two versions and to fetch the
 * scenario from the workspace later, without holding the scenario itself.
 * A value type; any thread.
 */
struct SnapshotMember
{
    Q_DECLARE_TR_FUNCTIONS(kx::SnapshotMember)

public:
    qint64 rowId = 0;       ///< the scenario's row in the workspace
    QString uid;            ///< the scenario's stable id (TestScenario::id), unique within a snapshot
    Category category = Category::Benchmark;
    QString source;         ///< where it came from: dataset name or kind; informative only
    QString contentHash;    ///< a hash of the scenario's content, for SnapshotDiff; may be empty

    /** `{"uid", "row_id", "category", "source", "content_hash"}`. */
    Json toJson() const;
    /** Reads toJson(); "uid" and "category" are required, the rest default. Errors name the key. */
    static Result<SnapshotMember> fromJson(const Json &j);

    bool operator==(const SnapshotMember &) const = default;
};

} // namespace kx
