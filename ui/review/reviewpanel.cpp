// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewpanel.h"

#include "criteriaeditor.h"
#include "criterionscorebar.h"
#include "review/scenarioedits.h"
#include "reviewform.h"
#include "reviewqueuedelegate.h"
#include "reviewqueuemodel.h"
#include "reviewtrailview.h"
#include "settings/settings.h"
#include "statusbadgedelegate.h"
#include "store/asyncworkspace.h"
#include "stringlisteditor.h"
#include "transcripteditor.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QSplitter>
#include <QTime>
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

ReviewPanel::ReviewPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("reviewPanel"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("reviewSplitter"));
    splitter->addWidget(createQueuePane());
    splitter->addWidget(createScenarioPane());
    m_form = new ReviewForm(this);
    connect(m_form, &ReviewForm::reviewerEdited, this, [this](const QString &name) {
        setReviewer(name);
        Settings::reviewerName().setValue(name);
        Q_EMIT reviewerChanged(name);
    });
    connect(m_form, &ReviewForm::commentClosed, this, [this] { setFocus(Qt::OtherFocusReason); });
    splitter->addWidget(m_form);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setStretchFactor(2, 3);
    splitter->setSizes({230, 560, 330});
    splitter->setChildrenCollapsible(false);

    auto *hint = new QLabel(tr("A accept · R reject · S skip · 1–5 score, 0 clear · ←/→ criterion · ↑/↓ scenario · "
                               "Alt+↑/↓ message · E edit message · C comment · M memory · Ctrl+Z / Ctrl+Shift+Z"),
                            this);
    hint->setObjectName(QStringLiteral("reviewKeys"));
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_saveState = new QLabel(this);
    m_saveState->setObjectName(QStringLiteral("saveState"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(hint, 1);
    bottom->addWidget(m_saveState);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 4);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);
    setFocusPolicy(Qt::StrongFocus);
    createShortcuts();
    showCurrent();
}

ReviewPanel::~ReviewPanel()
{
    // The model and the views watch the session: they go first.
    m_queue->setModel(nullptr);
}

QWidget *ReviewPanel::createQueuePane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    m_queue = new QListView(pane);
    m_queue->setObjectName(QStringLiteral("reviewQueue"));
    m_queue->setAccessibleName(tr("Review queue"));
    m_queue->setItemDelegate(new ReviewQueueDelegate(m_queue));
    m_queue->setUniformItemSizes(true);
    m_queue->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_queue->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_queue->setMinimumWidth(210);
    m_counts = new QLabel(pane);
    m_counts->setWordWrap(true);
    layout->addWidget(sectionTitle(tr("Queue"), pane));
    layout->addWidget(m_queue, 1);
    layout->addWidget(m_counts);
    return pane;
}

QWidget *ReviewPanel::createScenarioPane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *titleRow = new QHBoxLayout;
    m_title = new QLabel(pane);
    m_title->setObjectName(QStringLiteral("reviewTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setMinimumWidth(120);
    m_statusBadge = new QLabel(pane);
    m_statusBadge->setObjectName(QStringLiteral("statusBadge"));
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_statusBadge);
    m_meta = new QLabel(pane);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_transcript = new TranscriptEditor(pane);
    m_memory = new StringListEditor(tr("Memory requirements"), pane);
    m_memory->setObjectName(QStringLiteral("memoryEditor"));
    m_criteria = new CriteriaEditor(pane);
    m_criteria->setObjectName(QStringLiteral("criteriaEditor"));
    auto *fields = new QWidget(pane);
    auto *fieldsLayout = new QHBoxLayout(fields);
    fieldsLayout->setContentsMargins(0, 4, 0, 0);
    fieldsLayout->addWidget(m_memory, 1);
    fieldsLayout->addWidget(m_criteria, 1);
    auto *split = new QSplitter(Qt::Vertical, pane);
    split->addWidget(m_transcript);
    split->addWidget(fields);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    split->setSizes({520, 170});

    layout->addLayout(titleRow);
    layout->addWidget(m_meta);
    layout->addWidget(split, 1);

    connect(m_transcript, &TranscriptEditor::messageEdited, this,
            [this](int index, const QString &role, const QString &content) {
                if (m_session)
                    m_session->setMessage(index, role, content);
            });
    connect(m_transcript, &TranscriptEditor::editingChanged, this, [this](bool editing) {
        if (!editing)
            setFocus(Qt::OtherFocusReason);
    });
    connect(m_memory, &StringListEditor::itemAdded, this, [this](const QString &text) {
        if (m_session)
            m_session->addMemoryRequirement(text);
    });
    connect(m_memory, &StringListEditor::itemEdited, this, [this](int index, const QString &text) {
        if (m_session)
            m_session->setMemoryRequirement(index, text);
    });
    connect(m_memory, &StringListEditor::itemRemoved, this, [this](int index) {
        if (m_session)
            m_session->removeMemoryRequirement(index);
    });
    connect(m_criteria, &CriteriaEditor::criterionSet, this, [this](const QString &key, const QString &text) {
        if (m_session)
            m_session->setCriterion(key, ScenarioEdits::criterionValueFromText(text));
    });
    connect(m_criteria, &CriteriaEditor::criterionRenamed, this, [this](const QString &from, const QString &to) {
        if (m_session)
            m_session->renameCriterion(from, to);
    });
    connect(m_criteria, &CriteriaEditor::criterionRemoved, this, [this](const QString &key) {
        if (m_session)
            m_session->removeCriterion(key);
    });
    return pane;
}

void ReviewPanel::createShortcuts()
{
    const auto add = [this](const QKeySequence &keys, auto slot) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    const auto withSession = [this](auto fn) {
        return [this, fn] {
            if (m_session && !isTyping())
                fn(*m_session);
        };
    };
    add(QKeySequence(Qt::Key_A), withSession([](ScenarioReviewSession &s) { s.accept(); }));
    add(QKeySequence(Qt::Key_R), withSession([](ScenarioReviewSession &s) { s.reject(); }));
    add(QKeySequence(Qt::Key_S), withSession([](ScenarioReviewSession &s) { s.skip(); }));
    add(QKeySequence(Qt::Key_E), withSession([this](ScenarioReviewSession &) { beginMessageEdit(); }));
    add(QKeySequence(Qt::Key_C), withSession([this](ScenarioReviewSession &) { m_form->editComment(); }));
    add(QKeySequence(Qt::Key_M), withSession([this](ScenarioReviewSession &s) {
            if (s.hasCurrent())
                m_memory->addItem();
        }));
    for (int n = 0; n <= 5; ++n)
        add(QKeySequence(Qt::Key_0 + n), withSession([n](ScenarioReviewSession &s) { s.scoreFocused(n); }));
    add(QKeySequence(Qt::Key_Right), withSession([](ScenarioReviewSession &s) { s.focusNextCriterion(true); }));
    add(QKeySequence(Qt::Key_Left), withSession([](ScenarioReviewSession &s) { s.focusNextCriterion(false); }));
    for (const auto key : {Qt::Key_Down, Qt::Key_J})
        add(QKeySequence(key), withSession([](ScenarioReviewSession &s) { s.next(); }));
    for (const auto key : {Qt::Key_Up, Qt::Key_K})
        add(QKeySequence(key), withSession([](ScenarioReviewSession &s) { s.previous(); }));
    add(QKeySequence(Qt::ALT | Qt::Key_Down), withSession([this](ScenarioReviewSession &) { m_transcript->selectNext(); }));
    add(QKeySequence(Qt::ALT | Qt::Key_Up), withSession([this](ScenarioReviewSession &) { m_transcript->selectPrevious(); }));
    add(QKeySequence::Undo, withSession([](ScenarioReviewSession &s) { s.undoStack()->undo(); }));
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), withSession([](ScenarioReviewSession &s) { s.undoStack()->redo(); }));
}

bool ReviewPanel::isTyping() const
{
    if (m_transcript->isEditing())
        return true;
    const QWidget *focus = QApplication::focusWidget();
    if (const auto *edit = qobject_cast<const QPlainTextEdit *>(focus))
        return !edit->isReadOnly();
    // Item editors (the memory and criteria tables') are line edits too.
    return qobject_cast<const QLineEdit *>(focus) != nullptr;
}

void ReviewPanel::setWorkspace(AsyncWorkspace *workspace)
{
    m_queue->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_form->setSession(nullptr);
    m_session.reset();
    m_workspace = workspace;
    m_pendingSaves = 0;
    m_saveState->clear();
    if (!workspace) {
        showCurrent();
        return;
    }
    m_session = std::make_unique<ScenarioReviewSession>(workspace);
    m_session->setReviewer(m_reviewer);
    m_model = new ReviewQueueModel(m_session.get(), this);
    m_queue->setModel(m_model);
    connect(m_queue->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
        if (m_session && index.isValid() && index.row() != m_session->currentIndex())
            m_session->select(index.row());
    });
    ScenarioReviewSession *session = m_session.get();
    connect(session, &ScenarioReviewSession::currentChanged, this, &ReviewPanel::showCurrent);
    connect(session, &ScenarioReviewSession::countChanged, this, [this] {
        if (m_session->hasCurrent())
            updateCounts();
        else
            showCurrent(); // an empty queue says so instead of "Loading…"
    });
    connect(session, &ScenarioReviewSession::rowsChanged, this, &ReviewPanel::updateCounts);
    connect(session, &ScenarioReviewSession::queueReset, this, [this] {
        // A new queue clears the undo stack (which counts as a change of its index), not a save.
        m_pendingSaves = 0;
        m_saveState->clear();
    });
    connect(session, &ScenarioReviewSession::saved, this, &ReviewPanel::onSaved);
    // A refused edit is said on the status line only: a dialog for a key pressed too early would be too much.
    connect(session, &ScenarioReviewSession::editRefused, this, [this](const QString &reason) {
        m_saveState->setText(tr("⚠ %1").arg(reason));
        m_saveState->setToolTip(reason);
    });
    connect(session, &ScenarioReviewSession::errorOccurred, this, [this](const QString &message) {
        m_pendingSaves = 0;
        m_saveState->setText(tr("⚠ %1").arg(message));
        m_saveState->setToolTip(message);
        Q_EMIT errorOccurred(message);
    });
    QUndoStack *undo = session->undoStack();
    connect(undo, &QUndoStack::indexChanged, this, [this] {
        // Each push, undo and redo is one save on its way.
        ++m_pendingSaves;
        m_saveState->setText(tr("Saving…"));
    });
    m_form->setSession(session);
    startQueue();
}

void ReviewPanel::setFilter(const ScenarioFilter &filter)
{
    if (filter == m_filter && m_session)
        return;
    m_filter = filter;
    startQueue();
}

void ReviewPanel::setReviewer(const QString &reviewer)
{
    m_reviewer = reviewer.trimmed();
    if (m_session)
        m_session->setReviewer(m_reviewer);
    m_form->setReviewer(m_reviewer);
}

void ReviewPanel::startQueue()
{
    if (m_session)
        m_session->setQueue(m_filter);
}

CriterionScoreBar *ReviewPanel::scoreBar() const
{
    return m_form->scoreBar();
}

QPlainTextEdit *ReviewPanel::commentEdit() const
{
    return m_form->commentEdit();
}

ReviewTrailView *ReviewPanel::trailView() const
{
    return m_form->trailView();
}

QString ReviewPanel::saveStateText() const
{
    return m_saveState->text();
}

void ReviewPanel::onSaved(qint64, const QString &action)
{
    m_pendingSaves = std::max(0, m_pendingSaves - 1);
    if (m_pendingSaves > 0)
        return;
    m_saveState->setText(tr("Saved ✓ %1 · %2")
                             .arg(action, QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    m_saveState->setToolTip(tr("Written to the workspace with its audit-trail entry."));
}

void ReviewPanel::showCurrent()
{
    const bool has = m_session && m_session->hasCurrent();
    m_memory->setEnabled(has);
    m_criteria->setEnabled(has);
    if (!has) {
        const bool empty = m_session && m_session->count() == 0;
        m_title->setText(empty ? tr("Nothing to review") : (m_session ? tr("Loading…") : tr("No workspace")));
        m_meta->setText(empty ? tr("The current search and filters select no scenario.") : QString());
        m_statusBadge->hide();
        m_transcript->showPlaceholder(empty ? tr("Change the search or the filters on the Scenarios page.")
                                            : QString());
        m_memory->setItems({}, {});
        m_criteria->setCriteria(Json::object(), {});
        updateCounts();
        return;
    }
    const TestScenario &s = m_session->current();
    const QString key = QString::number(m_session->currentRowId());
    m_title->setText(s.name.isEmpty() ? s.id : s.name);
    const ScenarioRow &row = m_session->rows().at(m_session->currentIndex());
    QStringList meta{s.id, row.datasetName, categoryLabel(s.category)};
    if (!s.expectedCapabilities.isEmpty())
        meta << s.expectedCapabilities.join(QStringLiteral(", "));
    m_meta->setText(meta.join(QStringLiteral(" · ")));
    const QColor color = StatusBadgeDelegate::colorFor(reviewStatusKey(s.status));
    m_statusBadge->setText(reviewStatusLabel(s.status));
    m_statusBadge->setStyleSheet(QStringLiteral("QLabel { color: white; background-color: %1; border-radius: 8px; "
                                                "padding: 2px 10px; font-weight: bold; }")
                                     .arg(color.name()));
    m_statusBadge->show();
    m_transcript->setMessages(s.messages, key);
    m_memory->setItems(s.memoryRequirements, key);
    m_criteria->setCriteria(s.evaluationCriteria, key);
    const QModelIndex index = m_model->index(m_session->currentIndex());
    if (m_queue->currentIndex() != index)
        m_queue->setCurrentIndex(index);
    m_queue->scrollTo(index);
    updateCounts();
}

void ReviewPanel::updateCounts()
{
    if (!m_session) {
        m_counts->clear();
        return;
    }
    const qint64 count = m_session->count();
    qint64 done = 0;
    for (const ScenarioRow &row : m_session->rows())
        done += row.status != ReviewStatus::Pending ? 1 : 0;
    m_counts->setText(count < 0 ? tr("Counting…")
                                : tr("Scenario %1 of %2 · %3 reviewed in the loaded part")
                                      .arg(QLocale().toString(m_session->currentIndex() + 1))
                                      .arg(QLocale().toString(count))
                                      .arg(QLocale().toString(done)));
}

void ReviewPanel::beginMessageEdit()
{
    if (m_session && m_session->hasCurrent() && m_transcript->count() > 0)
        m_transcript->beginEdit();
}

} // namespace kx
