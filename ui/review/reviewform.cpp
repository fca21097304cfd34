// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewform.h"

#include "criterionscorebar.h"
#include "review/humanreviews.h"
#include "review/scenarioreviewsession.h"
#include "reviewtrailview.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace kx {

namespace {
QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setStyleSheet(QStringLiteral("font-weight: bold;"));
    return label;
}
} // namespace

ReviewForm::ReviewForm(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("reviewForm"));
    auto *reviewerRow = new QHBoxLayout;
    m_reviewerEdit = new QLineEdit(this);
    m_reviewerEdit->setObjectName(QStringLiteral("reviewerEdit"));
    m_reviewerEdit->setAccessibleName(tr("Reviewer"));
    m_reviewerEdit->setPlaceholderText(tr("Your name"));
    auto *reviewerLabel = new QLabel(tr("&Reviewer:"), this);
    reviewerLabel->setBuddy(m_reviewerEdit);
    reviewerRow->addWidget(reviewerLabel);
    reviewerRow->addWidget(m_reviewerEdit, 1);
    connect(m_reviewerEdit, &QLineEdit::editingFinished, this, [this] {
        const QString name = m_reviewerEdit->text().trimmed();
        if (!m_session || name != m_session->reviewer())
            Q_EMIT reviewerEdited(name);
    });

    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("verdictLabel"));
    m_scores = new CriterionScoreBar(this);
    connect(m_scores, &CriterionScoreBar::segmentClicked, this, [this](int criterion, int step) {
        if (!m_session)
            return;
        m_session->setFocusedCriterion(Criterion(criterion));
        m_session->scoreFocused(step);
    });
    connect(m_scores, &CriterionScoreBar::criterionClicked, this, [this](int criterion) {
        if (m_session)
            m_session->setFocusedCriterion(Criterion(criterion));
    });
    m_comment = new QPlainTextEdit(this);
    m_comment->setObjectName(QStringLiteral("commentEdit"));
    m_comment->setAccessibleName(tr("Comment"));
    m_comment->setPlaceholderText(tr("C to comment; Ctrl+Return saves, Escape reverts"));
    m_comment->setTabChangesFocus(true);
    m_comment->setMaximumHeight(72);
    m_comment->installEventFilter(this);

    auto *verdicts = new QHBoxLayout;
    m_accept = new QPushButton(tr("Accept (A)"), this);
    m_reject = new QPushButton(tr("Reject (R)"), this);
    m_skip = new QPushButton(tr("Skip (S)"), this);
    m_accept->setStyleSheet(QStringLiteral("QPushButton:enabled { color: #1b7a3a; font-weight: bold; }"));
    m_reject->setStyleSheet(QStringLiteral("QPushButton:enabled { color: #b3261e; font-weight: bold; }"));
    for (QPushButton *b : {m_accept, m_reject, m_skip}) {
        b->setFocusPolicy(Qt::NoFocus);
        verdicts->addWidget(b);
    }
    connect(m_accept, &QPushButton::clicked, this, [this] { if (m_session) m_session->accept(); });
    connect(m_reject, &QPushButton::clicked, this, [this] { if (m_session) m_session->reject(); });
    connect(m_skip, &QPushButton::clicked, this, [this] { if (m_session) m_session->skip(); });

    auto *undoRow = new QHBoxLayout;
    m_undo = new QToolButton(this);
    m_redo = new QToolButton(this);
    m_undo->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    m_redo->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
    m_undo->setText(tr("Undo"));
    m_redo->setText(tr("Redo"));
    for (QToolButton *b : {m_undo, m_redo}) {
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setFocusPolicy(Qt::NoFocus);
        b->setEnabled(false);
        undoRow->addWidget(b);
    }
    connect(m_undo, &QToolButton::clicked, this, [this] { if (m_session) m_session->undoStack()->undo(); });
    connect(m_redo, &QToolButton::clicked, this, [this] { if (m_session) m_session->undoStack()->redo(); });
    undoRow->addStretch(1);

    m_others = new QLabel(this);
    m_others->setObjectName(QStringLiteral("otherReviews"));
    m_others->setWordWrap(true);
    m_others->setForegroundRole(QPalette::PlaceholderText);
    m_trail = new ReviewTrailView(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(sectionTitle(tr("Your review"), this));
    layout->addLayout(reviewerRow);
    layout->addWidget(m_verdict);
    layout->addWidget(m_scores);
    layout->addWidget(m_comment);
    layout->addLayout(verdicts);
    layout->addLayout(undoRow);
    layout->addWidget(m_others);
    layout->addSpacing(6);
    layout->addWidget(sectionTitle(tr("History"), this));
    layout->addWidget(m_trail, 1);
    setMinimumWidth(290);
    refresh();
}

void ReviewForm::setSession(ScenarioReviewSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_commentRowId = 0;
    m_undo->setEnabled(false);
    m_redo->setEnabled(false);
    if (session) {
        connect(session, &ScenarioReviewSession::currentChanged, this, &ReviewForm::refresh);
        connect(session, &ScenarioReviewSession::eventsChanged, this,
                [this] { m_trail->setEvents(m_session->currentEvents()); });
        connect(session, &ScenarioReviewSession::focusedCriterionChanged, this,
                [this] { m_scores->setFocusedCriterion(m_session->focusedCriterion()); });
        QUndoStack *undo = session->undoStack();
        connect(undo, &QUndoStack::canUndoChanged, m_undo, &QWidget::setEnabled);
        connect(undo, &QUndoStack::canRedoChanged, m_redo, &QWidget::setEnabled);
        connect(undo, &QUndoStack::undoTextChanged, m_undo, [this](const QString &text) {
            m_undo->setToolTip(text.isEmpty() ? tr("Undo (Ctrl+Z)") : tr("Undo %1 (Ctrl+Z)").arg(text));
        });
        connect(undo, &QUndoStack::redoTextChanged, m_redo, [this](const QString &text) {
            m_redo->setToolTip(text.isEmpty() ? tr("Redo (Ctrl+Shift+Z)") : tr("Redo %1 (Ctrl+Shift+Z)").arg(text));
        });
        m_scores->setFocusedCriterion(session->focusedCriterion());
    }
    refresh();
}

void ReviewForm::setReviewer(const QString &reviewer)
{
    if (m_reviewerEdit->text() != reviewer)
        m_reviewerEdit->setText(reviewer);
    refresh();
}

void ReviewForm::refresh()
{
    const bool has = m_session && m_session->hasCurrent();
    for (QWidget *w : std::initializer_list<QWidget *>{m_accept, m_reject, m_skip, m_scores, m_comment, m_trail})
        w->setEnabled(has);
    if (!has) {
        m_scores->setScores({});
        m_comment->clear();
        m_commentRowId = 0;
        m_verdict->clear();
        m_others->clear();
        m_trail->clear();
        return;
    }
    const HumanReview review = m_session->currentReview();
    m_scores->setScores(review.scores);
    m_scores->setFocusedCriterion(m_session->focusedCriterion());
    if (m_session->reviewer().isEmpty())
        m_verdict->setText(tr("Enter your name to give verdicts and scores."));
    else if (review.verdict)
        m_verdict->setText(tr("Your verdict: <b>%1</b>").arg(reviewStatusLabel(*review.verdict)));
    else
        m_verdict->setText(tr("No verdict from you yet."));
    // Keep what is being typed; a new scenario (or an undo that changed the comment) shows the saved one.
    const qint64 rowId = m_session->currentRowId();
    if (rowId != m_commentRowId || !m_comment->hasFocus()) {
        if (m_comment->toPlainText() != review.comment)
            m_comment->setPlainText(review.comment);
        m_commentRowId = rowId;
    }
    QStringList others;
    for (const HumanReview &r : HumanReviews::all(m_session->current())) {
        if (r.reviewer == m_session->reviewer())
            continue;
        QString line = r.verdict ? tr("%1: %2").arg(r.reviewer, reviewStatusLabel(*r.verdict))
                                 : tr("%1: no verdict").arg(r.reviewer);
        if (const auto mean = r.meanScore())
            line += tr(" · mean score %1").arg(QLocale().toString(*mean, 'f', 2));
        if (!r.comment.isEmpty())
            line += tr(" · “%1”").arg(r.comment);
        others << line.toHtmlEscaped();
    }
    m_others->setText(others.isEmpty() ? QString()
                                       : tr("Other reviewers:<br>%1").arg(others.join(QStringLiteral("<br>"))));
}

void ReviewForm::editComment()
{
    if (!m_session || !m_session->hasCurrent())
        return;
    m_comment->setFocus(Qt::ShortcutFocusReason);
    m_comment->moveCursor(QTextCursor::End);
}

void ReviewForm::commitComment()
{
    if (!m_session || !m_session->hasCurrent() || m_commentRowId != m_session->currentRowId())
        return;
    const QString text = m_comment->toPlainText().trimmed();
    if (text != m_session->currentReview().comment)
        m_session->setComment(text);
}

bool ReviewForm::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_comment) {
        if (event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
                && (key->modifiers() & Qt::ControlModifier)) {
                Q_EMIT commentClosed(); // the page takes the focus: leaving the box saves it
                return true;
            }
            if (key->key() == Qt::Key_Escape) {
                m_comment->setPlainText(m_session && m_session->hasCurrent() ? m_session->currentReview().comment
                                                                             : QString());
                Q_EMIT commentClosed();
                return true;
            }
        } else if (event->type() == QEvent::FocusOut) {
            commitComment();
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace kx
