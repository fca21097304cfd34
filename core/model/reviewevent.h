// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jsonqt.h"

#include <QDateTime>
#include <QString>

namespace kx {

/**
 * One entry of a scenario's audit trail: who changed what, when. @c changes
 * is the diff of the scenario's JSON: an array of `{"path", "before",
 * "after"}` where path is a JSON Pointer ("/review/status",
 * "/messages/0/content"); a key that appeared has no "before", one that went
 * away no "after". The trail is a sequence of diffs that can be read, or
 * replayed backwards.
 */
struct ReviewEvent
{
    qint64 id = 0;
    qint64 scenarioRowId = 0;
    QDateTime at;          ///< UTC
    QString reviewer;
    QString action;        ///< what the reviewer did: "verdict", "tags", "transcript", "edit", "undo", "redo"…
    Json changes = Json::array();
};

} // namespace kx
