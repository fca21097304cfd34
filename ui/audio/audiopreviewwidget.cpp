// SPDX-License-Identifier: GPL-3.0-or-later
#include "audiopreviewwidget.h"

#include "audio/audioclipopener.h"
#include "audio/audioplayer.h"
#include "audio/peakpyramid.h"
#include "audiotransportbar.h"
#include "audioviewport.h"
#include "spectrogramview.h"
#include "waveformview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace kx {

namespace {

enum Page { ViewsPage, ProgressPage, MessagePage };

/**
 * Opens a decoder on @p reference from the calling thread's own opener:
 * each worker thread keeps its last parquet file open, so the views'
 * recomputations of one clip do not re-read it.
 */
Result<std::unique_ptr<AudioDecoder>> openOnThisThread(const Json &reference)
{
    thread_local AudioClipOpener opener;
    return opener.open(reference);
}

/** Runs on the worker: opens the clip and, when asked, computes its peaks, then rewinds for the player. */
void loadClip(QPromise<AudioClipLoad> &promise, const Json &reference, bool computePeaks)
{
    AudioClipLoad out;
    auto decoder = openOnThisThread(reference);
    if (!decoder) {
        out.error = decoder.error().message;
        promise.addResult(std::move(out));
        return;
    }
    if (computePeaks) {
        promise.setProgressRange(0, 1000);
        int reported = -1;
        WorkControl control;
        control.progress = [&promise, &reported](qint64 done, qint64 total) {
            const int value = total > 0 ? int(std::min<qint64>(1000, done * 1000 / total)) : 0;
            if (value != reported) {
                reported = value;
                promise.setProgressValue(value);
            }
        };
        control.cancelled = [&promise] { return promise.isCanceled(); };
        auto peaks = PeakPyramid::compute(**decoder, control);
        if (!peaks) {
            out.cancelled = peaks.error().code == Error::Code::Cancelled;
            out.error = peaks.error().message;
            promise.addResult(std::move(out));
            return;
        }
        out.peaks = std::make_shared<PeakPyramid>(std::move(*peaks));
        if (const auto rewound = (*decoder)->seek(0); !rewound) {
            out.error = rewound.error().message;
            promise.addResult(std::move(out));
            return;
        }
    }
    out.decoder = std::move(*decoder);
    promise.addResult(std::move(out));
}

QString channelText(int channels)
{
    if (channels == 1)
        return AudioPreviewWidget::tr("mono");
    if (channels == 2)
        return AudioPreviewWidget::tr("stereo");
    return AudioPreviewWidget::tr("%n channels", nullptr, channels);
}

} // namespace

AudioPreviewWidget::AudioPreviewWidget(QWidget *parent)
    : QWidget(parent)
    , m_player(new AudioPlayer(this))
    , m_viewport(new AudioViewport(this))
{
    setAccessibleName(tr("Audio preview"));
    m_pool.setMaxThreadCount(1);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("clipTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("clipDetails"));
    m_details->setForegroundRole(QPalette::PlaceholderText);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(6, 2, 6, 0);
    header->addWidget(m_title);
    header->addWidget(m_details, 1);

    m_waveform = new WaveformView(this);
    m_spectrogram = new SpectrogramView(this);
    m_waveform->setAudioViewport(m_viewport);
    m_spectrogram->setAudioViewport(m_viewport);
    m_views = new QStackedWidget(this);
    m_views->addWidget(m_waveform);
    m_views->addWidget(m_spectrogram);

    auto *progressPage = new QWidget(this);
    m_progressLabel = new QLabel(progressPage);
    m_progressLabel->setAlignment(Qt::AlignCenter);
    m_progress = new QProgressBar(progressPage);
    m_progress->setObjectName(QStringLiteral("peaksProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Waveform computation progress"));
    m_progress->setMaximumWidth(360);
    auto *cancel = new QPushButton(tr("Cancel"), progressPage);
    cancel->setObjectName(QStringLiteral("cancelPeaks"));
    connect(cancel, &QPushButton::clicked, this, &AudioPreviewWidget::cancelLoading);
    auto *progressLayout = new QVBoxLayout(progressPage);
    progressLayout->addStretch(1);
    progressLayout->addWidget(m_progressLabel);
    progressLayout->addWidget(m_progress, 0, Qt::AlignHCenter);
    progressLayout->addWidget(cancel, 0, Qt::AlignHCenter);
    progressLayout->addStretch(1);

    auto *messagePage = new QWidget(this);
    m_messageIcon = new QLabel(messagePage);
    m_message = new QLabel(messagePage);
    m_message->setObjectName(QStringLiteral("clipMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(tr("Retry"), messagePage);
    connect(m_retry, &QPushButton::clicked, this, [this] { startLoad(m_peaksSource == PeaksSource::None); });
    auto *messageRow = new QHBoxLayout;
    messageRow->addStretch(1);
    messageRow->addWidget(m_messageIcon, 0, Qt::AlignTop);
    messageRow->addWidget(m_message, 4);
    messageRow->addStretch(1);
    auto *messageLayout = new QVBoxLayout(messagePage);
    messageLayout->addStretch(1);
    messageLayout->addLayout(messageRow);
    messageLayout->addWidget(m_retry, 0, Qt::AlignHCenter);
    messageLayout->addStretch(1);

    // Most clips load in a blink: the progress page shows only for the slow ones, so that
    // stepping through a review queue does not flash it for every clip.
    m_progressDelay = new QTimer(this);
    m_progressDelay->setSingleShot(true);
    m_progressDelay->setInterval(150);
    connect(m_progressDelay, &QTimer::timeout, this, [this] {
        if (m_loading)
            m_pages->setCurrentIndex(ProgressPage);
    });

    m_pages = new QStackedWidget(this);
    m_pages->insertWidget(ViewsPage, m_views);
    m_pages->insertWidget(ProgressPage, progressPage);
    m_pages->insertWidget(MessagePage, messagePage);

    m_transport = new AudioTransportBar(this);
    m_transport->setPlayer(m_player);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_transport);
    setFocusProxy(m_waveform);

    connect(m_player, &AudioPlayer::positionChanged, m_viewport, [this](qint64 frame) { m_viewport->setPlayhead(frame); });
    connect(m_player, &AudioPlayer::errorOccurred, this, [this](const QString &message) {
        m_details->setText(tr("Playback: %1").arg(message));
    });
    for (AudioTimelineView *view : {static_cast<AudioTimelineView *>(m_waveform),
                                    static_cast<AudioTimelineView *>(m_spectrogram)}) {
        connect(view, &AudioTimelineView::seekRequested, this, [this](qint64 frame) {
            if (m_player->hasSource())
                m_player->seek(frame);
        });
        connect(view, &AudioTimelineView::loopRequested, this, [this] {
            m_transport->setLoopEnabled(true);
            updateLoop();
        });
    }
    connect(m_viewport, &AudioViewport::selectionChanged, this, [this] {
        if (m_transport->isLoopEnabled())
            updateLoop();
    });
    connect(m_transport, &AudioTransportBar::loopToggled, this, &AudioPreviewWidget::updateLoop);
    connect(m_transport, &AudioTransportBar::viewModeChanged, this, [this](AudioTransportBar::ViewMode mode) {
        AudioTimelineView *view = mode == AudioTransportBar::ViewMode::Spectrogram
                                      ? static_cast<AudioTimelineView *>(m_spectrogram)
                                      : static_cast<AudioTimelineView *>(m_waveform);
        const bool focused = m_views->currentWidget()->hasFocus();
        m_views->setCurrentWidget(view);
        setFocusProxy(view);
        if (focused)
            view->setFocus();
    });

    connect(&m_watcher, &QFutureWatcher<AudioClipLoad>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<AudioClipLoad>::finished, this, &AudioPreviewWidget::loadFinished);

    clear();
}

AudioPreviewWidget::~AudioPreviewWidget()
{
    m_watcher.cancel();
    m_pool.waitForDone();
}

void AudioPreviewWidget::setPeaksCache(LoadCachedPeaks load, StorePeaks store)
{
    m_loadCachedPeaks = std::move(load);
    m_storePeaks = std::move(store);
}

void AudioPreviewWidget::clear()
{
    m_watcher.cancel();
    m_loading = false;
    m_reference = Json();
    m_cacheKey.clear();
    m_peaks.reset();
    m_peaksSource = PeaksSource::None;
    m_error.clear();
    m_player->clearSource();
    m_waveform->setPeaks(nullptr);
    m_waveform->setSampleSource({});
    m_spectrogram->clear();
    m_viewport->setClip(0, 0);
    m_transport->setLoopEnabled(false);
    m_title->clear();
    m_details->clear();
    m_pages->setCurrentIndex(ViewsPage);
}

void AudioPreviewWidget::setClip(const Json &reference)
{
    clear();
    m_reference = reference;
    m_title->setText(AudioClipOpener::label(reference));
    auto key = AudioClipOpener::cacheKey(reference);
    if (!key) {
        showMessage(key.error().message, true, false);
        Q_EMIT loadFailed(m_error);
        return;
    }
    m_cacheKey = *key;
    // Set before any peaks show, so that a short clip fits the width from the first paint.
    m_waveform->setSampleSource([reference] { return openOnThisThread(reference); });
    if (m_loadCachedPeaks) {
        if (const std::optional<QByteArray> blob = m_loadCachedPeaks(m_cacheKey)) {
            // A damaged or outdated blob is simply recomputed.
            if (auto cached = PeakPyramid::fromBlob(*blob)) {
                m_peaks = std::make_shared<const PeakPyramid>(std::move(*cached));
                m_peaksSource = PeaksSource::Cache;
                showPeaks();
            }
        }
    }
    startLoad(m_peaksSource == PeaksSource::None);
}

void AudioPreviewWidget::startLoad(bool computePeaks)
{
    m_error.clear();
    if (computePeaks) {
        m_progress->setValue(0);
        m_progressLabel->setText(tr("Computing the waveform of %1…").arg(AudioClipOpener::label(m_reference)));
        m_pages->setCurrentIndex(ViewsPage);
        setLoadingLook(true);
        m_progressDelay->start();
    }
    m_loading = true;
    m_cancelRequested = false;
    m_watcher.setFuture(QtConcurrent::run(&m_pool, loadClip, m_reference, computePeaks));
}

void AudioPreviewWidget::cancelLoading()
{
    // The worker may already be done with its result not yet delivered: the flag drops it then.
    if (!m_loading)
        return;
    m_cancelRequested = true;
    m_watcher.cancel();
}

void AudioPreviewWidget::setLoadingLook(bool loading)
{
    const QString placeholder = loading ? QString() : tr("No audio");
    m_waveform->setPlaceholderText(placeholder);
    m_spectrogram->setPlaceholderText(placeholder);
}

void AudioPreviewWidget::loadFinished()
{
    m_progressDelay->stop();
    setLoadingLook(false);
    m_loading = false;
    if (m_cancelRequested || m_watcher.isCanceled() || m_watcher.future().resultCount() == 0) {
        // Cancelled by the user (a newer clip replaces the future before this could fire).
        if (m_peaksSource == PeaksSource::None && !m_reference.is_null())
            showMessage(tr("Computing the waveform of %1 was cancelled.").arg(AudioClipOpener::label(m_reference)),
                        false, true);
        return;
    }
    AudioClipLoad load = m_watcher.future().takeResult();
    if (load.cancelled)
        return;
    if (!load.error.isEmpty()) {
        m_peaks.reset();
        m_peaksSource = PeaksSource::None;
        m_waveform->setPeaks(nullptr);
        showMessage(load.error, true, true);
        Q_EMIT loadFailed(m_error);
        return;
    }
    if (load.peaks) {
        m_peaks = std::move(load.peaks);
        m_peaksSource = PeaksSource::Computed;
        if (m_storePeaks && !m_cacheKey.isEmpty())
            m_storePeaks(m_cacheKey, m_peaks->toBlob());
        showPeaks();
    }
    const AudioInfo info = load.decoder->info();
    m_spectrogram->setSource([reference = m_reference] { return openOnThisThread(reference); }, info);
    m_player->setSource(std::move(load.decoder));
    updateHeader(info);
    Q_EMIT clipLoaded();
}

void AudioPreviewWidget::showPeaks()
{
    m_viewport->setClip(m_peaks->frames(), m_peaks->sampleRate());
    m_waveform->setPeaks(m_peaks);
    m_pages->setCurrentIndex(ViewsPage);
    AudioInfo info;
    info.sampleRate = m_peaks->sampleRate();
    info.channels = m_peaks->channels();
    info.frames = m_peaks->frames();
    updateHeader(info);
}

void AudioPreviewWidget::updateHeader(const AudioInfo &info)
{
    QStringList parts = {formatAudioTime(info.seconds()),
                         tr("%1 Hz").arg(QLocale().toString(info.sampleRate)), channelText(info.channels)};
    if (!info.format.isEmpty())
        parts.append(info.format);
    m_details->setText(parts.join(QStringLiteral(" · ")));
}

void AudioPreviewWidget::showMessage(const QString &text, bool isError, bool offerRetry)
{
    m_error = isError ? text : QString();
    const QStyle::StandardPixmap icon = isError ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation;
    m_messageIcon->setPixmap(style()->standardIcon(icon).pixmap(QSize(32, 32), devicePixelRatioF()));
    m_message->setText(text);
    m_retry->setVisible(offerRetry);
    m_pages->setCurrentIndex(MessagePage);
}

void AudioPreviewWidget::updateLoop()
{
    if (!m_player->hasSource())
        return;
    if (!m_transport->isLoopEnabled())
        m_player->clearLoop();
    else if (m_viewport->hasSelection())
        m_player->setLoop(m_viewport->selectionStart(), m_viewport->selectionEnd());
    else
        m_player->setLoop(0, m_viewport->frames());
}

} // namespace kx
