// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/humanreview.h"
#include "model/reviewevent.h"
#include "model/testscenario.h"
#include "store/scenarioquery.h"

#include <QObject>
#include <QUndoStack>

#include <optional>

namespace kx {

class AsyncWorkspace;

/**
 * The review queue, without its widgets: every scenario of a filter in
 * workspace order, the current one, and the reviewer's work on it — a
 * verdict, per-criterion scores, a comment (the reviewer's HumanReview, see
 * HumanReviews) and in-place edits of the messages, memory requirements and
 * evaluation criteria. Each change is one entry on the undo stack and is
 * saved at once through AsyncWorkspace::updateScenario: one transaction that
 * writes the scenario, keeps the human_reviews mirror in step and appends an
 * audit-trail entry (a JSON-pointer diff) under the action "verdict",
 * "score", "comment" or "edit" ("undo …" / "redo …" when replayed). saved()
 * says when the transaction committed; from then on a killed process loses
 * nothing.
 *
 * Undo and redo work across scenarios: undoing the verdict given to the
 * previous scenario goes back to it. A new queue (setQueue) clears the stack.
 *
 * Scores: the number keys of the panel go through scoreFocused(): 1–5 give
 * the focused criterion 0.2, 0.4, 0.6, 0.8, 1.0 and 0 clears it. The focused
 * criterion lives here (not in a widget) so it survives moving through the
 * queue and can be tested headless; it starts at Clarity.
 *
 * The queue is paged from the workspace (keyset pages of pageSize) as the
 * reviewer moves through it, so a queue of a million scenarios opens at once.
 *
 * Thread: GUI thread (or any thread with an event loop) only. The workspace
 * is not owned and must outlive the session.
 */
class ScenarioReviewSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioReviewSession)

public:
    static constexpr int pageSize = 200;
    /** The score the number key @p key (1–5) gives: 0.2 · key; nullopt outside 1–5. */
    static std::optional<double> scoreForKey(int key);

    explicit ScenarioReviewSession(AsyncWorkspace *workspace, QObject *parent = nullptr);
    ~ScenarioReviewSession() override;

    /**
     * Who is reviewing: the key of the HumanReview the verdicts, scores and
     * comment go to, and the name in every audit-trail entry. Empty (the
     * default) refuses review edits with editRefused(); content edits are
     * still allowed.
     */
    void setReviewer(const QString &reviewer);
    QString reviewer() const { return m_reviewer; }

    /** Starts a queue over @p filter in workspace order and selects its first scenario. */
    void setQueue(const ScenarioFilter &filter);
    ScenarioFilter filter() const { return m_filter; }

    /** Scenarios in the queue (from a count query; -1 until it is known). */
    qint64 count() const { return m_count; }
    /** The rows loaded so far, in queue order; their status follows the saves. */
    const QList<ScenarioRow> &rows() const { return m_rows; }
    int currentIndex() const { return m_index; }
    /** Whether the current scenario is loaded; current() is valid then. */
    bool hasCurrent() const { return m_currentRowId != 0 && m_currentLoaded; }
    qint64 currentRowId() const { return m_currentRowId; }
    /** The current scenario as last saved. */
    const TestScenario &current() const { return m_current; }
    /** The reviewer's review of the current scenario; an empty one (no verdict, no scores) when there is none. */
    HumanReview currentReview() const;
    /** The audit trail of the current scenario, oldest first; reloaded after each save of it (eventsChanged()). */
    const QList<ReviewEvent> &currentEvents() const { return m_events; }

    Criterion focusedCriterion() const { return m_focused; }

    QUndoStack *undoStack() { return &m_undo; }

    // Edits of the current scenario; each is one undoable, durable step. Without a current scenario they do nothing.
    /** The reviewer's score of @p criterion, in [0, 1]; nullopt clears it. Out-of-range values are refused. */
    void setScore(Criterion criterion, std::optional<double> value);
    /** Number key @p key for the focused criterion: 1–5 → scoreForKey(), 0 clears; others are ignored. */
    void scoreFocused(int key);
    void setComment(const QString &comment);

    void setFocusedCriterion(Criterion criterion);
    /** Moves the focus to the next criterion (wrapping), or the previous one when @p forward is false. */
    void focusNextCriterion(bool forward = true);

    /** Edits message @p index: role and content in one undoable step ("edit"). */
    void setMessage(int index, const QString &role, const QString &content);
    void setMessageContent(int index, const QString &content);
    void setMessageRole(int index, const QString &role);
    void addMemoryRequirement(const QString &text);
    /** Replaces requirement @p index; empty text removes it. */
    void setMemoryRequirement(int index, const QString &text);
    void removeMemoryRequirement(int index);
    /** Sets (adds or replaces) evaluation criterion @p key; an empty key is refused. */
    void setCriterion(const QString &key, const Json &value);
    /** Renames criterion @p from to @p to (refused when @p to is taken). */
    void renameCriterion(const QString &from, const QString &to);
    void removeCriterion(const QString &key);

public Q_SLOTS:
    void select(int index);
    void next();
    void previous();

    /** Records the reviewer's verdict and moves on to the next scenario. */
    void accept();
    void reject();
    /**
     * Moves on. A pending scenario also gets the reviewer's "skipped"
     * verdict; one already judged keeps its verdict (a skip never overwrites
     * an accept or a reject).
     */
    void skip();

Q_SIGNALS:
    /** A new queue started: rows() is empty again. */
    void queueReset();
    /** More rows were loaded, or a row's status changed. */
    void rowsChanged();
    void countChanged(qint64 count);
    /** The current scenario changed, or it was saved anew. */
    void currentChanged();
    /** currentEvents() was reloaded. */
    void eventsChanged();
    void focusedCriterionChanged();
    /** An edit was saved durably (committed with its audit-trail entry). */
    void saved(qint64 rowId, const QString &action);
    /** An edit was not made, and why (no reviewer name, a score out of range, an empty or taken name…). */
    void editRefused(const QString &reason);
    /** Reading or saving failed in the workspace. */
    void errorOccurred(const QString &message);

private:
    /** Pushes the change from current() to @p after; @p advance moves on to the next scenario. */
    void edit(const TestScenario &after, const QString &action, const QString &text, bool advance = false);
    /** Stores @p review (stamped now) unless it equals the reviewer's current one; keeps the status unless it is a verdict. */
    bool reviewEdit(HumanReview review, const QString &action, const QString &text, bool advance);
    void verdict(ReviewStatus status, const QString &text);
    /** Saves @p state of @p rowId (the command's redo or undo). */
    void save(qint64 rowId, const TestScenario &state, const QString &action);
    void showRow(qint64 rowId);
    void loadMore();
    void loadCurrent();
    void loadEvents();

    AsyncWorkspace *m_workspace = nullptr;
    QString m_reviewer;
    ScenarioFilter m_filter;
    quint64 m_generation = 0;       ///< bumps with every queue, so late replies of an old one are dropped
    QList<ScenarioRow> m_rows;
    PageCursor m_cursor;
    bool m_loading = false;
    bool m_exhausted = false;
    qint64 m_count = -1;
    int m_index = -1;
    int m_wantedIndex = -1;         ///< selected before its page arrived
    qint64 m_currentRowId = 0;
    bool m_currentLoaded = false;
    quint64 m_currentGeneration = 0;
    quint64 m_eventsGeneration = 0;
    TestScenario m_current;
    QList<ReviewEvent> m_events;
    Criterion m_focused = Criterion::Clarity;
    QUndoStack m_undo;
};

} // namespace kx
