// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace kx {

class CriterionScoreBar;
class ReviewTrailView;
class ScenarioReviewSession;

/**
 * The reviewer's side of the review page, for the session's current
 * scenario: the reviewer's name, their verdict, the four criterion scores
 * (focused one highlighted; click to score), the comment, the verdict and
 * undo/redo buttons, the other reviewers' reviews and the scenario's audit
 * trail. It follows the session by itself; edits go to the session, which
 * saves them.
 *
 * The comment is saved when the box loses the focus or on Ctrl+Return;
 * Escape puts the saved comment back.
 */
class ReviewForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewForm)

public:
    explicit ReviewForm(QWidget *parent = nullptr);

    /** Follows @p session (not owned; null unbinds). */
    void setSession(ScenarioReviewSession *session);
    /** Shows @p reviewer in the name box (the session's reviewer is set by the owner). */
    void setReviewer(const QString &reviewer);

    CriterionScoreBar *scoreBar() const { return m_scores; }
    QPlainTextEdit *commentEdit() const { return m_comment; }
    ReviewTrailView *trailView() const { return m_trail; }

public Q_SLOTS:
    /** Shows the current scenario's review, or nothing when there is none. */
    void refresh();
    /** Focuses the comment box. */
    void editComment();

Q_SIGNALS:
    /** The reviewer typed a new name into the name box. */
    void reviewerEdited(const QString &reviewer);
    /** The comment was saved or reverted: the keyboard can go back to the page. */
    void commentClosed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void commitComment();

    QPointer<ScenarioReviewSession> m_session;
    qint64 m_commentRowId = 0; ///< the scenario whose comment the box holds

    QLineEdit *m_reviewerEdit = nullptr;
    QLabel *m_verdict = nullptr;
    CriterionScoreBar *m_scores = nullptr;
    QPlainTextEdit *m_comment = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_skip = nullptr;
    QToolButton *m_undo = nullptr;
    QToolButton *m_redo = nullptr;
    QLabel *m_others = nullptr;
    ReviewTrailView *m_trail = nullptr;
};

} // namespace kx
