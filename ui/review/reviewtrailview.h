// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/reviewevent.h"

#include <QTreeWidget>

namespace kx {

/**
 * A scenario's audit trail, newest first: one row per event (when, who, what
 * was done) with its changes below it, each named for a reviewer from its
 * JSON Pointer, with the value before and after ("message 2 text: “…” → “…”",
 * "status: “pending” → “accepted”"); the tooltip holds the stored diff. The
 * newest event is expanded. Read-only.
 */
class ReviewTrailView final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewTrailView)

public:
    explicit ReviewTrailView(QWidget *parent = nullptr);

    /** Shows @p events (oldest first, as ScenarioReviewSession::currentEvents() gives them). */
    void setEvents(const QList<ReviewEvent> &events);
    /** One line per change of @p event, as shown (the review's timestamp left out). */
    static QStringList changeLines(const ReviewEvent &event);
};

} // namespace kx
