// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/audiodecoder.h"
#include "util/jsonqt.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace kx {

class AudioPlayer;
class AudioTransportBar;
class AudioViewport;
class PeakPyramid;
class SpectrogramView;
class WaveformView;

/** What the clip loader hands back to the GUI thread (move-only: it carries the player's decoder). */
struct AudioClipLoad
{
    std::unique_ptr<AudioDecoder> decoder;     ///< at frame 0, for the player
    std::shared_ptr<PeakPyramid> peaks;        ///< computed peaks; null when they came from the cache
    QString error;                             ///< set when opening or decoding failed
    bool cancelled = false;
};

/**
 * Everything needed to review one clip: its waveform or spectrogram (sharing
 * one AudioViewport) above a transport bar driving the widget's own
 * AudioPlayer.
 *
 * setClip() takes a scenario's audio reference (`{"path"}` or a parquet
 * cell, see AudioClipOpener). The clip is opened and its PeakPyramid computed
 * on a worker thread, with a progress bar and a Cancel button; the peaks go
 * to the owner's cache (setPeaksCache, keyed by AudioClipOpener::cacheKey),
 * and a clip whose peaks are cached draws at once without decoding. Loading
 * another clip cancels the one in progress. An unreadable or corrupt clip
 * shows its error in place of the views; nothing here crashes on bad audio.
 *
 * Wiring: the player's position moves the playhead (which the views follow);
 * a click in a view seeks; "loop selection" (L) and the loop button loop the
 * selection, or the whole clip without one. Keyboard shortcuts for the review
 * queue (Space, ←/→, [ and ]) are the owner's: it drives player() and
 * transportBar()->stepSpeed().
 *
 * GUI thread only. The cache callbacks are called on the GUI thread.
 */
class AudioPreviewWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudioPreviewWidget)

public:
    /** Returns the blob stored for @p key, if any. */
    using LoadCachedPeaks = std::function<std::optional<QByteArray>(const QString &key)>;
    /** Stores @p blob (PeakPyramid::toBlob) under @p key. */
    using StorePeaks = std::function<void(const QString &key, const QByteArray &blob)>;

    /** Where the peaks on show came from. */
    enum class PeaksSource { None, Cache, Computed };
    Q_ENUM(PeaksSource)

    explicit AudioPreviewWidget(QWidget *parent = nullptr);
    ~AudioPreviewWidget() override;

    /** The workspace's peaks cache; either callback may be empty (no cache). */
    void setPeaksCache(LoadCachedPeaks load, StorePeaks store);

    /** Shows the clip @p reference points at, cancelling any load in progress. */
    void setClip(const Json &reference);
    /** Stops playback and shows nothing. */
    void clear();
    const Json &clip() const { return m_reference; }

    /**
     * Whether the clip is still being opened or its peaks computed: from setClip() until the
     * result (or the cancellation) has been handled on the GUI thread.
     */
    bool isLoading() const { return m_loading; }
    PeaksSource peaksSource() const { return m_peaksSource; }
    std::shared_ptr<const PeakPyramid> peaks() const { return m_peaks; }
    /** The error shown in place of the views; empty when none. */
    QString errorText() const { return m_error; }

    AudioPlayer *player() const { return m_player; }
    AudioViewport *audioViewport() const { return m_viewport; }
    WaveformView *waveformView() const { return m_waveform; }
    SpectrogramView *spectrogramView() const { return m_spectrogram; }
    AudioTransportBar *transportBar() const { return m_transport; }

public Q_SLOTS:
    /** Stops computing the peaks; the clip then shows a note and a Retry button. */
    void cancelLoading();

Q_SIGNALS:
    /** The clip is ready: peaks on show and the player holds it. */
    void clipLoaded();
    /** Opening or decoding the clip failed; @p message is what the widget shows. */
    void loadFailed(const QString &message);

private:
    void startLoad(bool computePeaks);
    void loadFinished();
    void showPeaks();
    void showMessage(const QString &text, bool isError, bool offerRetry);
    void updateHeader(const AudioInfo &info);
    void updateLoop();
    void setLoadingLook(bool loading);

    Json m_reference;
    QString m_cacheKey;
    LoadCachedPeaks m_loadCachedPeaks;
    StorePeaks m_storePeaks;
    std::shared_ptr<const PeakPyramid> m_peaks;
    PeaksSource m_peaksSource = PeaksSource::None;
    QString m_error;

    AudioPlayer *m_player = nullptr;
    AudioViewport *m_viewport = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_details = nullptr;
    QStackedWidget *m_pages = nullptr;
    QStackedWidget *m_views = nullptr;
    WaveformView *m_waveform = nullptr;
    SpectrogramView *m_spectrogram = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_messageIcon = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_retry = nullptr;
    QTimer *m_progressDelay = nullptr;
    AudioTransportBar *m_transport = nullptr;

    QThreadPool m_pool;
    QFutureWatcher<AudioClipLoad> m_watcher;
    bool m_loading = false;          ///< a load is started and its result not yet handled
    bool m_cancelRequested = false;  ///< cancelLoading() was called for the load in progress
};

} // namespace kx
