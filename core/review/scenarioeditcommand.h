// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/testscenario.h"

#include <QUndoCommand>

namespace kx {

class AudioReviewSession;

/**
 * One reviewer edit of one scenario on the undo stack: redo saves the edited
 * scenario, undo saves the scenario as it was; both go through the session,
 * so each is durable at once and leaves an audit-trail entry (the action,
 * then "undo …" and "redo …").
 */
class ScenarioEditCommand final : public QUndoCommand
{
public:
    ScenarioEditCommand(AudioReviewSession *session, qint64 rowId, TestScenario before, TestScenario after,
                        QString action, const QString &text);

    void redo() override;
    void undo() override;

    qint64 rowId() const { return m_rowId; }

private:
    AudioReviewSession *m_session;
    qint64 m_rowId;
    TestScenario m_before;
    TestScenario m_after;
    QString m_action;
    bool m_applied = false;
};

} // namespace kx
