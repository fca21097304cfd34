// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenarioreviewsession.h"

#include "models/futurereply.h"
#include "review/humanreviews.h"
#include "review/scenarioeditcommand.h"
#include "review/scenarioedits.h"
#include "store/asyncworkspace.h"
#include "store/workspacestore.h"

#include <QLocale>

namespace kx {

namespace {
const ScenarioSort kQueueSort{ScenarioSortKey::RowId, Qt::AscendingOrder};
} // namespace

std::optional<double> ScenarioReviewSession::scoreForKey(int key)
{
    if (key < 1 || key > 5)
        return std::nullopt;
    return key / 5.0;
}

ScenarioReviewSession::ScenarioReviewSession(AsyncWorkspace *workspace, QObject *parent)
    : QObject(parent), m_workspace(workspace)
{
}

ScenarioReviewSession::~ScenarioReviewSession() = default;

void ScenarioReviewSession::setReviewer(const QString &reviewer)
{
    m_reviewer = reviewer.trimmed();
}

void ScenarioReviewSession::setQueue(const ScenarioFilter &filter)
{
    ++m_generation;
    m_filter = filter;
    m_rows.clear();
    m_cursor = PageCursor();
    m_loading = false;
    m_exhausted = false;
    m_count = -1;
    m_index = -1;
    m_wantedIndex = 0;
    m_currentRowId = 0;
    m_currentLoaded = false;
    m_events.clear();
    // The stack's commands name rows of the old queue; undoing one would jump to a row not shown.
    m_undo.clear();
    Q_EMIT queueReset();
    Q_EMIT currentChanged();
    Q_EMIT eventsChanged();

    const quint64 generation = m_generation;
    onFutureReady(this, m_workspace->count(m_filter), [this, generation](const Result<qint64> &r) {
        if (generation != m_generation)
            return;
        if (!r) {
            Q_EMIT errorOccurred(r.error().message);
            return;
        }
        m_count = *r;
        Q_EMIT countChanged(m_count);
    });
    loadMore();
}

void ScenarioReviewSession::loadMore()
{
    if (m_loading || m_exhausted)
        return;
    m_loading = true;
    const quint64 generation = m_generation;
    onFutureReady(this, m_workspace->page(m_filter, kQueueSort, m_cursor, pageSize),
                  [this, generation](const Result<QList<ScenarioRow>> &r) {
                      if (generation != m_generation)
                          return;
                      m_loading = false;
                      if (!r) {
                          Q_EMIT errorOccurred(r.error().message);
                          return;
                      }
                      if (r->size() < pageSize)
                          m_exhausted = true;
                      if (!r->isEmpty())
                          m_cursor = WorkspaceStore::cursorAfter(r->last(), kQueueSort);
                      m_rows.append(*r);
                      Q_EMIT rowsChanged();
                      if (m_wantedIndex >= 0 && m_wantedIndex < m_rows.size())
                          select(m_wantedIndex);
                      else if (m_wantedIndex >= 0 && !m_exhausted)
                          loadMore(); // the wanted scenario is further on
                      else if (m_wantedIndex >= 0 && m_index < 0 && !m_rows.isEmpty())
                          select(int(m_rows.size()) - 1); // asked past the end: the last one
                  });
}

void ScenarioReviewSession::select(int index)
{
    if (index < 0)
        return;
    if (index >= m_rows.size()) {
        // Not loaded yet: remember it and fetch on.
        if (!m_exhausted) {
            m_wantedIndex = index;
            loadMore();
        }
        return;
    }
    m_wantedIndex = -1;
    if (index == m_index && m_currentRowId == m_rows[index].rowId)
        return;
    m_index = index;
    m_currentRowId = m_rows[index].rowId;
    m_currentLoaded = false;
    m_events.clear();
    Q_EMIT eventsChanged();
    if (m_rows.size() - index < pageSize / 4)
        loadMore();
    loadCurrent();
}

void ScenarioReviewSession::loadCurrent()
{
    const qint64 rowId = m_currentRowId;
    const quint64 generation = ++m_currentGeneration;
    onFutureReady(this, m_workspace->scenario(rowId), [this, rowId, generation](const Result<TestScenario> &r) {
        if (generation != m_currentGeneration || rowId != m_currentRowId)
            return;
        if (!r) {
            Q_EMIT errorOccurred(r.error().message);
            return;
        }
        m_current = *r;
        m_currentLoaded = true;
        Q_EMIT currentChanged();
        loadEvents();
    });
}

void ScenarioReviewSession::loadEvents()
{
    const qint64 rowId = m_currentRowId;
    const quint64 generation = ++m_eventsGeneration;
    onFutureReady(this, m_workspace->reviewEvents(rowId),
                  [this, rowId, generation](const Result<QList<ReviewEvent>> &r) {
                      if (generation != m_eventsGeneration || rowId != m_currentRowId)
                          return;
                      if (!r) {
                          Q_EMIT errorOccurred(r.error().message);
                          return;
                      }
                      m_events = *r;
                      Q_EMIT eventsChanged();
                  });
}

void ScenarioReviewSession::next()
{
    select(m_index + 1);
}

void ScenarioReviewSession::previous()
{
    if (m_index > 0)
        select(m_index - 1);
}

HumanReview ScenarioReviewSession::currentReview() const
{
    if (auto r = HumanReviews::of(m_current, m_reviewer); r && hasCurrent())
        return *r;
    HumanReview empty;
    empty.reviewer = m_reviewer;
    return empty;
}

void ScenarioReviewSession::accept()
{
    verdict(ReviewStatus::Accepted, tr("Accept “%1”"));
}

void ScenarioReviewSession::reject()
{
    verdict(ReviewStatus::Rejected, tr("Reject “%1”"));
}

void ScenarioReviewSession::skip()
{
    if (!hasCurrent())
        return;
    // Only an unjudged scenario records the skip: passing over a judged one must not undo its verdict.
    if (m_current.status == ReviewStatus::Pending && !currentReview().verdict && !m_reviewer.isEmpty())
        verdict(ReviewStatus::Skipped, tr("Skip “%1”"));
    else
        next();
}

void ScenarioReviewSession::verdict(ReviewStatus status, const QString &text)
{
    if (!hasCurrent())
        return;
    HumanReview review = currentReview();
    review.verdict = status;
    reviewEdit(review, QStringLiteral("verdict"), text.arg(m_current.name), true);
}

void ScenarioReviewSession::setScore(Criterion criterion, std::optional<double> value)
{
    if (!hasCurrent())
        return;
    if (value && !(*value >= 0.0 && *value <= 1.0)) {
        Q_EMIT editRefused(tr("A score must be from 0 to 1, not %1.").arg(*value));
        return;
    }
    HumanReview review = currentReview();
    review.setScore(criterion, value);
    const QString text = value ? tr("Score %1 %2").arg(criterionLabel(criterion), QLocale().toString(*value, 'f', 1))
                               : tr("Clear the %1 score").arg(criterionLabel(criterion));
    reviewEdit(review, QStringLiteral("score"), text, false);
}

void ScenarioReviewSession::scoreFocused(int key)
{
    if (key == 0)
        setScore(m_focused, std::nullopt);
    else if (const auto value = scoreForKey(key))
        setScore(m_focused, value);
}

void ScenarioReviewSession::setComment(const QString &comment)
{
    if (!hasCurrent())
        return;
    HumanReview review = currentReview();
    review.comment = comment;
    reviewEdit(review, QStringLiteral("comment"), tr("Comment on “%1”").arg(m_current.name), false);
}

void ScenarioReviewSession::setFocusedCriterion(Criterion criterion)
{
    if (criterion == m_focused)
        return;
    m_focused = criterion;
    Q_EMIT focusedCriterionChanged();
}

void ScenarioReviewSession::focusNextCriterion(bool forward)
{
    const int step = forward ? 1 : criterionCount - 1;
    setFocusedCriterion(allCriteria[(int(m_focused) + step) % criterionCount]);
}

void ScenarioReviewSession::setMessage(int index, const QString &role, const QString &content)
{
    if (!hasCurrent() || index < 0 || index >= m_current.messages.size())
        return;
    if (role.trimmed().isEmpty()) {
        Q_EMIT editRefused(tr("A message needs a role."));
        return;
    }
    edit(ScenarioEdits::withMessage(m_current, index, role.trimmed(), content), QStringLiteral("edit"),
         tr("Edit message %1").arg(index + 1));
}

void ScenarioReviewSession::setMessageContent(int index, const QString &content)
{
    if (hasCurrent() && index >= 0 && index < m_current.messages.size())
        setMessage(index, m_current.messages[index].role, content);
}

void ScenarioReviewSession::setMessageRole(int index, const QString &role)
{
    if (hasCurrent() && index >= 0 && index < m_current.messages.size())
        setMessage(index, role, m_current.messages[index].content);
}

void ScenarioReviewSession::addMemoryRequirement(const QString &text)
{
    if (!hasCurrent() || text.trimmed().isEmpty())
        return;
    edit(ScenarioEdits::withMemoryRequirementAdded(m_current, text.trimmed()), QStringLiteral("edit"),
         tr("Add a memory requirement"));
}

void ScenarioReviewSession::setMemoryRequirement(int index, const QString &text)
{
    if (!hasCurrent())
        return;
    if (text.trimmed().isEmpty()) {
        removeMemoryRequirement(index);
        return;
    }
    edit(ScenarioEdits::withMemoryRequirement(m_current, index, text.trimmed()), QStringLiteral("edit"),
         tr("Edit memory requirement %1").arg(index + 1));
}

void ScenarioReviewSession::removeMemoryRequirement(int index)
{
    if (hasCurrent())
        edit(ScenarioEdits::withMemoryRequirementRemoved(m_current, index), QStringLiteral("edit"),
             tr("Remove memory requirement %1").arg(index + 1));
}

void ScenarioReviewSession::setCriterion(const QString &key, const Json &value)
{
    if (!hasCurrent())
        return;
    if (key.trimmed().isEmpty()) {
        Q_EMIT editRefused(tr("An evaluation criterion needs a name."));
        return;
    }
    edit(ScenarioEdits::withCriterion(m_current, key.trimmed(), value), QStringLiteral("edit"),
         tr("Set criterion “%1”").arg(key.trimmed()));
}

void ScenarioReviewSession::renameCriterion(const QString &from, const QString &to)
{
    const QString name = to.trimmed();
    if (!hasCurrent() || name == from)
        return;
    if (name.isEmpty()) {
        Q_EMIT editRefused(tr("An evaluation criterion needs a name."));
        return;
    }
    if (m_current.evaluationCriteria.is_object() && m_current.evaluationCriteria.contains(ss(name))) {
        Q_EMIT editRefused(tr("There is already a criterion “%1”.").arg(name));
        return;
    }
    edit(ScenarioEdits::withCriterionRenamed(m_current, from, name), QStringLiteral("edit"),
         tr("Rename criterion “%1” to “%2”").arg(from, name));
}

void ScenarioReviewSession::removeCriterion(const QString &key)
{
    if (hasCurrent())
        edit(ScenarioEdits::withoutCriterion(m_current, key), QStringLiteral("edit"),
             tr("Remove criterion “%1”").arg(key));
}

bool ScenarioReviewSession::reviewEdit(HumanReview review, const QString &action, const QString &text, bool advance)
{
    if (m_reviewer.isEmpty()) {
        Q_EMIT editRefused(tr("Enter your name as the reviewer first: verdicts and scores are kept per reviewer."));
        return false;
    }
    const HumanReview old = currentReview();
    review.reviewer = m_reviewer;
    review.at = old.at;
    if (review == old) {
        // Nothing new (the same verdict again, say): no write, no trail entry, but the queue still moves on.
        if (advance)
            next();
        return false;
    }
    review.at = QDateTime::currentDateTimeUtc();
    TestScenario after = HumanReviews::withReview(m_current, review);
    // A score or a comment is not a verdict: the status keeps saying the latest verdict, whoever gave it.
    if (review.verdict == old.verdict)
        after.status = m_current.status;
    edit(after, action, text, advance);
    return true;
}

void ScenarioReviewSession::edit(const TestScenario &after, const QString &action, const QString &text, bool advance)
{
    if (after != m_current)
        m_undo.push(new ScenarioEditCommand(
            [this](qint64 rowId, const TestScenario &state, const QString &a) { save(rowId, state, a); },
            m_currentRowId, m_current, after, action, text));
    if (advance)
        next();
}

void ScenarioReviewSession::save(qint64 rowId, const TestScenario &state, const QString &action)
{
    // Queued first: the worker runs calls in order, so a reload of this scenario below sees the saved state.
    onFutureReady(this, m_workspace->updateScenario(rowId, state, m_reviewer, action),
                  [this, rowId, action](const Result<ReviewEvent> &r) {
                      if (!r) {
                          Q_EMIT errorOccurred(r.error().message);
                          return;
                      }
                      Q_EMIT saved(rowId, action);
                      if (rowId == m_currentRowId && m_currentLoaded)
                          loadEvents();
                  });
    for (ScenarioRow &row : m_rows) {
        if (row.rowId == rowId) {
            row.status = state.status;
            row.name = state.name;
        }
    }
    Q_EMIT rowsChanged();
    if (rowId != m_currentRowId) {
        showRow(rowId); // an undo or redo of another scenario goes back to it
        return;
    }
    m_current = state;
    if (m_currentLoaded)
        Q_EMIT currentChanged();
    else
        loadCurrent(); // a load still in flight was queued before this save: read the scenario again after it
}

void ScenarioReviewSession::showRow(qint64 rowId)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].rowId == rowId) {
            select(i);
            return;
        }
    }
}

} // namespace kx
