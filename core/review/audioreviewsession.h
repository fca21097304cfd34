// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/audiocheck.h"
#include "model/testscenario.h"
#include "review/audioissuetag.h"
#include "store/scenarioquery.h"

#include <QObject>
#include <QUndoStack>

#include <optional>

namespace kx {

class AsyncWorkspace;

/**
 * The audio review queue, without its widgets: the clips of a filter in
 * "most suspicious first" or workspace order, the current clip, and the
 * reviewer's edits — verdicts, issue tags, transcript corrections — each
 * saved at once through AsyncWorkspace::updateScenario (one transaction with
 * its audit-trail entry) and each an entry on the undo stack. Undo and redo
 * work across clips: undoing the verdict of the previous clip goes back to it.
 *
 * The queue is paged from the workspace (keyset pages of 200) as the reviewer
 * moves through it, so a queue of a million clips opens at once.
 */
class AudioReviewSession final : public QObject
{
    Q_OBJECT

public:
    enum class Order { MostSuspiciousFirst, WorkspaceOrder };
    Q_ENUM(Order)

    static constexpr int pageSize = 200;

    explicit AudioReviewSession(AsyncWorkspace *workspace, QObject *parent = nullptr);
    ~AudioReviewSession() override;

    /** Who is reviewing; goes into every audit-trail entry. */
    void setReviewer(const QString &reviewer) { m_reviewer = reviewer; }
    QString reviewer() const { return m_reviewer; }

    /** Starts a queue over the clips of @p filter (only scenarios with audio) and selects its first clip. */
    void setQueue(const ScenarioFilter &filter, Order order);
    ScenarioFilter filter() const { return m_filter; }
    Order order() const { return m_order; }

    /** Clips in the queue (from a count query; -1 until it is known). */
    qint64 count() const { return m_count; }
    /** The rows loaded so far, in queue order. */
    const QList<ScenarioRow> &rows() const { return m_rows; }
    int currentIndex() const { return m_index; }
    /** The current clip's scenario as last saved; valid once currentChanged() was emitted. */
    bool hasCurrent() const { return m_currentRowId != 0 && m_currentLoaded; }
    qint64 currentRowId() const { return m_currentRowId; }
    const TestScenario &current() const { return m_current; }
    const std::optional<AudioCheck> &currentCheck() const { return m_currentCheck; }

    QUndoStack *undoStack() { return &m_undo; }

public Q_SLOTS:
    void select(int index);
    void next();
    void previous();
    /** Verdicts move on to the next clip. */
    void accept();
    void reject();
    void skip();
    void toggleTag(kx::AudioIssueTag tag);
    void setTranscript(const QString &text);

Q_SIGNALS:
    /** A new queue started: rows() is empty again. */
    void queueReset();
    /** More rows were loaded, or a row's status or flags changed. */
    void rowsChanged();
    void countChanged(qint64 count);
    /** The current clip changed, or the current clip's scenario was saved anew. */
    void currentChanged();
    /** An edit was saved durably (the audit-trail entry exists). */
    void saved(qint64 rowId, const QString &action);
    void errorOccurred(const QString &message);

private:
    void edit(const TestScenario &after, const QString &action, const QString &text, bool advance);
    /** Saves @p state of @p rowId (the command's redo or undo). */
    void save(qint64 rowId, const TestScenario &state, const QString &action);
    void showRow(qint64 rowId);
    void loadMore();
    void loadCurrent();

    AsyncWorkspace *m_workspace = nullptr;
    QString m_reviewer;
    ScenarioFilter m_filter;
    Order m_order = Order::MostSuspiciousFirst;
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
    TestScenario m_current;
    std::optional<AudioCheck> m_currentCheck;
    QUndoStack m_undo;
};

} // namespace kx
