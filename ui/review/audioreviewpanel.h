// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "review/audioissuetag.h"
#include "review/audioreviewsession.h"
#include "store/scenarioquery.h"

#include <QPointer>
#include <QWidget>

#include <atomic>
#include <memory>

class QAbstractButton;
class QComboBox;
class QLabel;
class QListView;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace kx {

class AsyncWorkspace;
class AudioClipInfoView;
class AudioPreviewWidget;
class AudioQueueModel;
class WorkspaceStore;

/**
 * The audio review queue, keyboard-first: the queue of clips on the left
 * (most suspicious first, or in workspace order), the current clip on the
 * right — waveform or spectrogram with transport, transcript, speaker and
 * automatic checks, issue tags and the verdict buttons.
 *
 * Keys (while the panel has focus): Space play/pause, ←/→ seek 2 s, [ and ]
 * slower/faster, A accept, R reject, S skip, 1–6 toggle an issue tag,
 * E edit the transcript (Ctrl+Return saves, Escape cancels), ↓/J next clip,
 * ↑/K previous clip, Ctrl+Z undo, Ctrl+Shift+Z redo. Every verdict, tag and
 * transcript edit is saved the moment it is made (AudioReviewSession).
 *
 * "Run checks" runs the automatic checks over the queue's filter on a second
 * connection, with a progress bar and Cancel, then reloads the queue.
 */
class AudioReviewPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudioReviewPanel)

public:
    explicit AudioReviewPanel(QWidget *parent = nullptr);
    ~AudioReviewPanel() override;

    /** Binds to a (newly opened) workspace; null unbinds. The queue starts again. */
    void setWorkspace(AsyncWorkspace *workspace);
    /** The browse filter the queue follows (only clips with audio are queued). */
    void setFilter(const ScenarioFilter &filter);
    void setReviewer(const QString &reviewer);

    AudioReviewSession *session() const { return m_session.get(); }
    AudioPreviewWidget *preview() const { return m_preview; }
    QPlainTextEdit *transcriptEdit() const { return m_transcript; }
    AudioClipInfoView *clipInfo() const { return m_info; }
    QListView *queueView() const { return m_queue; }
    /** Whether the automatic checks are running. */
    bool isCheckRunning() const { return m_checkRunning; }

public Q_SLOTS:
    /** Runs the automatic checks over the queue's filter. */
    void runChecks();
    /** Stops a running check; nothing of it is stored. */
    void cancelChecks();
    /** Makes the transcript editable and focuses it. */
    void beginTranscriptEdit();
    void commitTranscriptEdit();
    void cancelTranscriptEdit();

Q_SIGNALS:
    /** The checks finished (or failed); @p message says how it went. */
    void checksFinished(bool ok, const QString &message);
    void errorOccurred(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createWidgets();
    void createShortcuts();
    void startQueue();
    void showCurrent();
    void updateCounts();
    void seekBy(double seconds);
    std::optional<QByteArray> cachedPeaks(const QString &key);

    QPointer<AsyncWorkspace> m_workspace;
    std::unique_ptr<AudioReviewSession> m_session;
    std::unique_ptr<WorkspaceStore> m_cacheReader; ///< a read connection for the peaks cache (GUI thread)
    ScenarioFilter m_filter;
    QString m_reviewer;
    Json m_shownClip;
    bool m_checkRunning = false;
    std::shared_ptr<std::atomic_bool> m_cancelChecks;

    QComboBox *m_order = nullptr;
    QPushButton *m_runChecks = nullptr;
    QProgressBar *m_checkProgress = nullptr;
    QListView *m_queue = nullptr;
    AudioQueueModel *m_model = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    AudioPreviewWidget *m_preview = nullptr;
    QPlainTextEdit *m_transcript = nullptr;
    QLabel *m_transcriptHint = nullptr;
    AudioClipInfoView *m_info = nullptr;
    QList<QToolButton *> m_tagButtons;
    QPushButton *m_accept = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_skip = nullptr;
    QToolButton *m_undo = nullptr;
    QToolButton *m_redo = nullptr;
};

} // namespace kx
