// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenarioeditcommand.h"

namespace kx {

ScenarioEditCommand::ScenarioEditCommand(SaveFunction save, qint64 rowId, TestScenario before, TestScenario after,
                                         QString action, const QString &text)
    : QUndoCommand(text), m_save(std::move(save)), m_rowId(rowId), m_before(std::move(before)), m_after(std::move(after)),
      m_action(std::move(action))
{
}

void ScenarioEditCommand::redo()
{
    m_save(m_rowId, m_after, m_applied ? QStringLiteral("redo ") + m_action : m_action);
    m_applied = true;
}

void ScenarioEditCommand::undo()
{
    m_save(m_rowId, m_before, QStringLiteral("undo ") + m_action);
}

} // namespace kx
