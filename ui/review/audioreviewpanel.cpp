// SPDX-License-Identifier: GPL-3.0-or-later
#include "audioreviewpanel.h"

#include "audio/audiocheckrunner.h"
#include "audio/audioplayer.h"
#include "audio/audiopreviewwidget.h"
#include "audio/audiotransportbar.h"
#include "audioclipinfoview.h"
#include "audioqueuemodel.h"
#include "models/futurereply.h"
#include "review/scenarioedits.h"
#include "store/asyncworkspace.h"
#include "store/workspacestore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <atomic>

namespace kx {

AudioReviewPanel::AudioReviewPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("audioReviewPanel"));
    createWidgets();
    createShortcuts();
    showCurrent();
}

AudioReviewPanel::~AudioReviewPanel()
{
    // The preview's player and loads go before the session they show.
    m_preview->clear();
}

void AudioReviewPanel::createWidgets()
{
    // The queue
    auto *queuePane = new QWidget(this);
    auto *queueLayout = new QVBoxLayout(queuePane);
    queueLayout->setContentsMargins(0, 0, 0, 0);
    auto *queueBar = new QHBoxLayout;
    m_order = new QComboBox(queuePane);
    m_order->addItem(tr("Most suspicious first"), int(AudioReviewSession::Order::MostSuspiciousFirst));
    m_order->addItem(tr("Workspace order"), int(AudioReviewSession::Order::WorkspaceOrder));
    m_order->setAccessibleName(tr("Queue order"));
    connect(m_order, &QComboBox::currentIndexChanged, this, &AudioReviewPanel::startQueue);
    m_runChecks = new QPushButton(tr("Run Checks"), queuePane);
    m_runChecks->setToolTip(tr("Measure every clip of the queue: duration, peak, clipping, silence, loudness and "
                               "speaking rate"));
    connect(m_runChecks, &QPushButton::clicked, this, [this] { m_checkRunning ? cancelChecks() : runChecks(); });
    m_checkProgress = new QProgressBar(queuePane);
    m_checkProgress->setTextVisible(true);
    m_checkProgress->setFormat(tr("Checking clips… %p %"));
    m_checkProgress->hide();
    queueBar->addWidget(m_order, 1);
    queueBar->addWidget(m_runChecks);
    m_queue = new QListView(queuePane);
    m_queue->setObjectName(QStringLiteral("audioQueue"));
    m_queue->setUniformItemSizes(false);
    m_queue->setAlternatingRowColors(true);
    m_queue->setAccessibleName(tr("Audio review queue"));
    m_counts = new QLabel(queuePane);
    queueLayout->addLayout(queueBar);
    queueLayout->addWidget(m_checkProgress);
    queueLayout->addWidget(m_queue, 1);
    queueLayout->addWidget(m_counts);

    // The clip
    auto *clipPane = new QWidget(this);
    auto *clipLayout = new QVBoxLayout(clipPane);
    clipLayout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(clipPane);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview = new AudioPreviewWidget(clipPane);
    m_preview->setPeaksCache([this](const QString &key) { return cachedPeaks(key); },
                             [this](const QString &key, const QByteArray &blob) {
                                 if (m_workspace)
                                     (void)m_workspace->putAudioPeaks(key, blob);
                             });

    auto *transcriptHeader = new QHBoxLayout;
    auto *transcriptLabel = new QLabel(tr("Transcript"), clipPane);
    transcriptLabel->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_transcriptHint = new QLabel(clipPane);
    m_transcriptHint->setForegroundRole(QPalette::PlaceholderText);
    transcriptHeader->addWidget(transcriptLabel);
    transcriptHeader->addStretch(1);
    transcriptHeader->addWidget(m_transcriptHint);
    m_transcript = new QPlainTextEdit(clipPane);
    m_transcript->setObjectName(QStringLiteral("transcriptEdit"));
    m_transcript->setReadOnly(true);
    m_transcript->setMaximumHeight(90);
    m_transcript->setAccessibleName(tr("Transcript"));
    m_transcript->setPlaceholderText(tr("No transcript: press E to write one"));
    m_transcript->installEventFilter(this);
    QFont transcriptFont = m_transcript->font();
    transcriptFont.setPointSizeF(transcriptFont.pointSizeF() * 1.15);
    m_transcript->setFont(transcriptFont);

    auto *tags = new QHBoxLayout;
    auto *tagsLabel = new QLabel(tr("Issues:"), clipPane);
    tags->addWidget(tagsLabel);
    int number = 1;
    for (AudioIssueTag tag : AudioIssueTags::all()) {
        auto *button = new QToolButton(clipPane);
        button->setCheckable(true);
        button->setText(QStringLiteral("%1  %2").arg(number++).arg(AudioIssueTags::label(tag)));
        button->setToolTip(tr("Toggle “%1” (%2)").arg(AudioIssueTags::label(tag)).arg(number - 1));
        button->setFocusPolicy(Qt::NoFocus);
        connect(button, &QToolButton::clicked, this, [this, tag, button] {
            button->setChecked(!button->isChecked()); // the saved state decides, not the click
            if (m_session)
                m_session->toggleTag(tag);
        });
        m_tagButtons.append(button);
        tags->addWidget(button);
    }
    tags->addStretch(1);

    m_info = new AudioClipInfoView(clipPane);

    auto *verdicts = new QHBoxLayout;
    m_accept = new QPushButton(tr("Accept (A)"), clipPane);
    m_reject = new QPushButton(tr("Reject (R)"), clipPane);
    m_skip = new QPushButton(tr("Skip (S)"), clipPane);
    m_accept->setStyleSheet(QStringLiteral("QPushButton:enabled { color: #1b7a3a; font-weight: bold; }"));
    m_reject->setStyleSheet(QStringLiteral("QPushButton:enabled { color: #b3261e; font-weight: bold; }"));
    for (QPushButton *b : {m_accept, m_reject, m_skip})
        b->setFocusPolicy(Qt::NoFocus);
    connect(m_accept, &QPushButton::clicked, this, [this] { if (m_session) m_session->accept(); });
    connect(m_reject, &QPushButton::clicked, this, [this] { if (m_session) m_session->reject(); });
    connect(m_skip, &QPushButton::clicked, this, [this] { if (m_session) m_session->skip(); });
    m_undo = new QToolButton(clipPane);
    m_redo = new QToolButton(clipPane);
    m_undo->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    m_redo->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
    m_undo->setText(tr("Undo"));
    m_redo->setText(tr("Redo"));
    m_undo->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_redo->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_status = new QLabel(clipPane);
    verdicts->addWidget(m_accept);
    verdicts->addWidget(m_reject);
    verdicts->addWidget(m_skip);
    verdicts->addSpacing(12);
    verdicts->addWidget(m_undo);
    verdicts->addWidget(m_redo);
    verdicts->addStretch(1);
    verdicts->addWidget(m_status);

    clipLayout->addWidget(m_title);
    clipLayout->addWidget(m_preview, 3);
    clipLayout->addLayout(transcriptHeader);
    clipLayout->addWidget(m_transcript);
    clipLayout->addLayout(tags);
    clipLayout->addWidget(m_info);
    clipLayout->addLayout(verdicts);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(queuePane);
    splitter->addWidget(clipPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({260, 900});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter);
    setFocusPolicy(Qt::StrongFocus);
}

void AudioReviewPanel::createShortcuts()
{
    const auto add = [this](const QKeySequence &keys, auto slot) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
        return shortcut;
    };
    const auto withSession = [this](auto fn) {
        return [this, fn] {
            if (m_session && !m_transcript->hasFocus())
                fn(*m_session);
        };
    };
    add(QKeySequence(Qt::Key_Space), [this] {
        if (!m_transcript->hasFocus())
            m_preview->player()->togglePlayPause();
    });
    add(QKeySequence(Qt::Key_Left), [this] { seekBy(-2.0); });
    add(QKeySequence(Qt::Key_Right), [this] { seekBy(2.0); });
    add(QKeySequence(Qt::Key_BracketLeft), [this] { m_preview->transportBar()->stepSpeed(-1); });
    add(QKeySequence(Qt::Key_BracketRight), [this] { m_preview->transportBar()->stepSpeed(1); });
    add(QKeySequence(Qt::Key_A), withSession([](AudioReviewSession &s) { s.accept(); }));
    add(QKeySequence(Qt::Key_R), withSession([](AudioReviewSession &s) { s.reject(); }));
    add(QKeySequence(Qt::Key_S), withSession([](AudioReviewSession &s) { s.skip(); }));
    add(QKeySequence(Qt::Key_E), [this] { beginTranscriptEdit(); });
    for (const auto key : {Qt::Key_Down, Qt::Key_J})
        add(QKeySequence(key), withSession([](AudioReviewSession &s) { s.next(); }));
    for (const auto key : {Qt::Key_Up, Qt::Key_K})
        add(QKeySequence(key), withSession([](AudioReviewSession &s) { s.previous(); }));
    for (int i = 0; i < AudioIssueTags::all().size(); ++i) {
        const AudioIssueTag tag = AudioIssueTags::all().at(i);
        add(QKeySequence(Qt::Key_1 + i), withSession([tag](AudioReviewSession &s) { s.toggleTag(tag); }));
    }
    add(QKeySequence::Undo, withSession([](AudioReviewSession &s) { s.undoStack()->undo(); }));
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), withSession([](AudioReviewSession &s) { s.undoStack()->redo(); }));
}

void AudioReviewPanel::setWorkspace(AsyncWorkspace *workspace)
{
    m_preview->clear();
    m_shownClip = Json();
    m_queue->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_session.reset();
    m_cacheReader.reset();
    m_workspace = workspace;
    if (!workspace) {
        showCurrent();
        return;
    }
    m_session = std::make_unique<AudioReviewSession>(workspace);
    m_session->setReviewer(m_reviewer);
    m_model = new AudioQueueModel(m_session.get(), this);
    m_queue->setModel(m_model);
    connect(m_queue->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
        if (m_session && index.isValid() && index.row() != m_session->currentIndex())
            m_session->select(index.row());
    });
    connect(m_session.get(), &AudioReviewSession::currentChanged, this, &AudioReviewPanel::showCurrent);
    connect(m_session.get(), &AudioReviewSession::countChanged, this, [this] {
        if (m_session->hasCurrent())
            updateCounts();
        else
            showCurrent(); // an empty queue says so instead of "Loading…"
    });
    connect(m_session.get(), &AudioReviewSession::rowsChanged, this, &AudioReviewPanel::updateCounts);
    connect(m_session.get(), &AudioReviewSession::errorOccurred, this, &AudioReviewPanel::errorOccurred);
    QUndoStack *undo = m_session->undoStack();
    connect(m_undo, &QToolButton::clicked, undo, &QUndoStack::undo);
    connect(m_redo, &QToolButton::clicked, undo, &QUndoStack::redo);
    connect(undo, &QUndoStack::canUndoChanged, m_undo, &QWidget::setEnabled);
    connect(undo, &QUndoStack::canRedoChanged, m_redo, &QWidget::setEnabled);
    connect(undo, &QUndoStack::undoTextChanged, m_undo, [this](const QString &text) {
        m_undo->setToolTip(text.isEmpty() ? tr("Undo (Ctrl+Z)") : tr("Undo %1 (Ctrl+Z)").arg(text));
    });
    connect(undo, &QUndoStack::redoTextChanged, m_redo, [this](const QString &text) {
        m_redo->setToolTip(text.isEmpty() ? tr("Redo (Ctrl+Shift+Z)") : tr("Redo %1 (Ctrl+Shift+Z)").arg(text));
    });
    m_undo->setEnabled(false);
    m_redo->setEnabled(false);
    startQueue();
}

void AudioReviewPanel::setFilter(const ScenarioFilter &filter)
{
    if (filter == m_filter && m_session)
        return;
    m_filter = filter;
    startQueue();
}

void AudioReviewPanel::setReviewer(const QString &reviewer)
{
    m_reviewer = reviewer;
    if (m_session)
        m_session->setReviewer(reviewer);
}

void AudioReviewPanel::startQueue()
{
    if (!m_session)
        return;
    m_session->setQueue(m_filter, AudioReviewSession::Order(m_order->currentData().toInt()));
}

void AudioReviewPanel::showCurrent()
{
    const bool has = m_session && m_session->hasCurrent();
    for (QWidget *w : std::initializer_list<QWidget *>{m_accept, m_reject, m_skip, m_transcript})
        w->setEnabled(has);
    for (QToolButton *b : std::as_const(m_tagButtons))
        b->setEnabled(has);
    if (!has) {
        const bool empty = m_session && m_session->count() == 0;
        m_title->setText(empty ? tr("No clips to review: the current filter selects no scenario with audio.")
                               : (m_session ? tr("Loading…") : tr("No workspace")));
        if (empty)
            m_preview->clear();
        m_transcript->clear();
        m_info->clear();
        m_status->clear();
        updateCounts();
        return;
    }
    const TestScenario &s = m_session->current();
    m_title->setText(s.name);
    if (m_transcript->isReadOnly())
        m_transcript->setPlainText(ScenarioEdits::transcript(s));
    m_transcriptHint->setText(m_transcript->isReadOnly() ? tr("E to edit")
                                                         : tr("Ctrl+Return to save, Escape to cancel"));
    const QList<AudioIssueTag> tags = ScenarioEdits::audioTags(s);
    for (int i = 0; i < m_tagButtons.size(); ++i)
        m_tagButtons[i]->setChecked(tags.contains(AudioIssueTags::all().at(i)));
    m_info->setClip(s, m_session->currentCheck());
    m_status->setText(tr("Verdict: %1").arg(reviewStatusLabel(s.status)));
    const QModelIndex index = m_model->index(m_session->currentIndex());
    if (m_queue->currentIndex() != index)
        m_queue->setCurrentIndex(index);
    m_queue->scrollTo(index);
    if (s.audio != m_shownClip) {
        m_shownClip = s.audio;
        m_preview->setClip(s.audio);
    }
    updateCounts();
}

void AudioReviewPanel::updateCounts()
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
                                : tr("Clip %1 of %2 · %3 reviewed in the loaded part")
                                      .arg(QLocale().toString(m_session->currentIndex() + 1))
                                      .arg(QLocale().toString(count))
                                      .arg(QLocale().toString(done)));
}

void AudioReviewPanel::seekBy(double seconds)
{
    if (m_transcript->hasFocus())
        return;
    AudioPlayer *player = m_preview->player();
    player->seekSeconds(std::max(0.0, player->positionSeconds() + seconds));
}

void AudioReviewPanel::beginTranscriptEdit()
{
    if (!m_session || !m_session->hasCurrent() || !m_transcript->isReadOnly())
        return;
    m_transcript->setReadOnly(false);
    m_transcript->setFocus();
    m_transcript->moveCursor(QTextCursor::End);
    m_transcriptHint->setText(tr("Ctrl+Return to save, Escape to cancel"));
}

void AudioReviewPanel::commitTranscriptEdit()
{
    if (m_transcript->isReadOnly())
        return;
    const QString text = m_transcript->toPlainText().trimmed();
    m_transcript->setReadOnly(true);
    setFocus();
    if (m_session && m_session->hasCurrent())
        m_session->setTranscript(text);
    showCurrent();
}

void AudioReviewPanel::cancelTranscriptEdit()
{
    if (m_transcript->isReadOnly())
        return;
    m_transcript->setReadOnly(true);
    setFocus();
    showCurrent();
}

bool AudioReviewPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_transcript && event->type() == QEvent::KeyPress && !m_transcript->isReadOnly()) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            commitTranscriptEdit();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            cancelTranscriptEdit();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

std::optional<QByteArray> AudioReviewPanel::cachedPeaks(const QString &key)
{
    if (!m_workspace || m_workspace->path().isEmpty() || m_workspace->path() == QLatin1String(":memory:"))
        return std::nullopt;
    if (!m_cacheReader) {
        auto store = WorkspaceStore::open(m_workspace->path());
        if (!store)
            return std::nullopt;
        m_cacheReader = std::move(*store);
    }
    auto blob = m_cacheReader->audioPeaks(key);
    return blob ? *blob : std::nullopt;
}

void AudioReviewPanel::runChecks()
{
    if (!m_workspace || m_checkRunning)
        return;
    m_checkRunning = true;
    m_runChecks->setText(tr("Cancel Checks"));
    m_checkProgress->setRange(0, 0);
    m_checkProgress->show();
    ScenarioFilter filter = m_filter;
    filter.audioOnly = true;
    m_cancelChecks = std::make_shared<std::atomic_bool>(false);
    QPointer<QProgressBar> bar = m_checkProgress;
    WorkControl control;
    control.cancelled = [cancelled = m_cancelChecks] { return cancelled->load(); };
    control.progress = [bar](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(bar, [bar, done, total] {
            if (bar && total > 0) {
                bar->setRange(0, int(std::min<qint64>(total, INT_MAX)));
                bar->setValue(int(std::min<qint64>(done, INT_MAX)));
            }
        });
    };
    auto summary = std::make_shared<AudioCheckSummary>();
    auto future = m_workspace->runOnOwnConnection([filter, control, summary](WorkspaceStore &store) -> Result<void> {
        auto r = AudioCheckRunner::run(store, filter, control);
        if (!r)
            return r.error();
        *summary = *r;
        return {};
    });
    onFutureReady(this, future, [this, summary](const Result<void> &r) {
        m_checkRunning = false;
        m_runChecks->setText(tr("Run Checks"));
        m_checkProgress->hide();
        if (!r) {
            Q_EMIT checksFinished(false, r.error().message);
            return;
        }
        Q_EMIT checksFinished(true, tr("Checked %1 clips: %2 flagged, %3 could not be decoded (%4 s).")
                                        .arg(QLocale().toString(summary->clips))
                                        .arg(QLocale().toString(summary->flagged))
                                        .arg(QLocale().toString(summary->undecodable))
                                        .arg(summary->seconds, 0, 'f', 1));
        startQueue();
    });
}

void AudioReviewPanel::cancelChecks()
{
    if (m_cancelChecks)
        m_cancelChecks->store(true);
}

} // namespace kx
