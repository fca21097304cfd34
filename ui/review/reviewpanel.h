// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "review/scenarioreviewsession.h"
#include "store/scenarioquery.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QListView;
class QPlainTextEdit;

namespace kx {

class AsyncWorkspace;
class CriteriaEditor;
class CriterionScoreBar;
class ReviewForm;
class ReviewQueueModel;
class ReviewTrailView;
class StringListEditor;
class TranscriptEditor;

/**
 * The review queue page, keyboard-first: the queue of the browse filter on
 * the left (status badges), the current scenario's conversation in the middle
 * with its memory requirements and evaluation criteria below (all editable in
 * place), and on the right the reviewer's verdict, four criterion scores,
 * comment, and the scenario's audit trail. Every change is saved the moment it
 * is made (ScenarioReviewSession); the status line says "Saved" once the
 * write committed.
 *
 * Keys (while the page has focus and no text box takes them):
 * A accept, R reject, S skip (each moves on); 1–5 score the focused criterion
 * 0.2 … 1.0, 0 clears it; ←/→ move the criterion focus; ↓/J and ↑/K next and
 * previous scenario; Alt+↓/Alt+↑ select the next/previous message; E edits
 * the selected message (Ctrl+Return saves, Escape cancels); C edits the
 * comment (Ctrl+Return or leaving the box saves, Escape reverts); M adds a
 * memory requirement; Ctrl+Z undo, Ctrl+Shift+Z redo, across scenarios.
 */
class ReviewPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewPanel)

public:
    explicit ReviewPanel(QWidget *parent = nullptr);
    ~ReviewPanel() override;

    /** Binds to a (newly opened) workspace, not owned; null unbinds. The queue starts again. */
    void setWorkspace(AsyncWorkspace *workspace);
    /** The browse filter the queue follows; an unchanged filter keeps the queue where it is. */
    void setFilter(const ScenarioFilter &filter);
    /** Whose review the verdicts, scores and comment are; shown and editable on the page. */
    void setReviewer(const QString &reviewer);
    QString reviewer() const { return m_reviewer; }

    ScenarioReviewSession *session() const { return m_session.get(); }
    QListView *queueView() const { return m_queue; }
    TranscriptEditor *transcript() const { return m_transcript; }
    ReviewForm *reviewForm() const { return m_form; }
    CriterionScoreBar *scoreBar() const;
    QPlainTextEdit *commentEdit() const;
    ReviewTrailView *trailView() const;
    StringListEditor *memoryEditor() const { return m_memory; }
    CriteriaEditor *criteriaEditor() const { return m_criteria; }
    /** "Saved", "Saving…" or an error, after each write. */
    QString saveStateText() const;

public Q_SLOTS:
    /** Opens the selected message for editing. */
    void beginMessageEdit();

Q_SIGNALS:
    /** The reviewer typed a new name on the page (already stored in the settings). */
    void reviewerChanged(const QString &reviewer);
    void errorOccurred(const QString &message);

private:
    QWidget *createQueuePane();
    QWidget *createScenarioPane();
    void createShortcuts();
    void startQueue();
    void showCurrent();
    void updateCounts();
    void onSaved(qint64 rowId, const QString &action);
    /** Whether a text box, an open editor or an item being edited should get the keys instead. */
    bool isTyping() const;

    QPointer<AsyncWorkspace> m_workspace;
    std::unique_ptr<ScenarioReviewSession> m_session;
    ScenarioFilter m_filter;
    QString m_reviewer;
    int m_pendingSaves = 0;

    QListView *m_queue = nullptr;
    ReviewQueueModel *m_model = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_meta = nullptr;
    QLabel *m_statusBadge = nullptr;
    TranscriptEditor *m_transcript = nullptr;
    StringListEditor *m_memory = nullptr;
    CriteriaEditor *m_criteria = nullptr;
    ReviewForm *m_form = nullptr;
    QLabel *m_saveState = nullptr;
};

} // namespace kx
