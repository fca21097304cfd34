// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/testscenario.h"

#include <QUndoCommand>

#include <functional>

namespace kx {

/**
 * One reviewer edit of one scenario on the undo stack: redo saves the edited
 * scenario, undo saves the scenario as it was; both go through the review
 * session's save function, so each is durable at once and leaves an
 * audit-trail entry (the action, then "undo …" and "redo …"). Used by
 * AudioReviewSession and ScenarioReviewSession alike.
 */
class ScenarioEditCommand final : public QUndoCommand
{
public:
    /** Saves @p state as scenario @p rowId's, with @p action for the audit trail. */
    using SaveFunction = std::function<void(qint64 rowId, const TestScenario &state, const QString &action)>;

    /** @p save is called on the thread that drives the undo stack (the GUI thread); it must outlive the command. */
    ScenarioEditCommand(SaveFunction save, qint64 rowId, TestScenario before, TestScenario after, QString action,
                        const QString &text);

    void redo() override;
    void undo() override;

    qint64 rowId() const { return m_rowId; }

private:
    SaveFunction m_save;
    qint64 m_rowId;
    TestScenario m_before;
    TestScenario m_after;
    QString m_action;
    bool m_applied = false;
};

} // namespace kx
