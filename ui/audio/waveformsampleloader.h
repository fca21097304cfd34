// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audiodecoderfactory.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

namespace kx {

/** Interleaved samples of frames [firstFrame, firstFrame + frames()) of a clip. */
struct SampleBlock
{
    qint64 firstFrame = 0;
    int channels = 0;
    QList<float> samples;

    qint64 frames() const { return channels > 0 ? samples.size() / channels : 0; }
    qint64 endFrame() const { return firstFrame + frames(); }
    bool covers(qint64 first, qint64 end) const { return channels > 0 && first >= firstFrame && end <= endFrame(); }
};

/**
 * Reads the samples the waveform needs at zoom levels finer than the peak
 * pyramid (fewer frames per pixel than PeakPyramid::baseFramesPerBucket), on
 * a worker thread with a decoder of its own: the view asks for its visible
 * span, the loader waits a moment for the zoom or scroll to settle, reads
 * that span plus one span on each side (so that small scrolls need nothing
 * new; at most maxFrames frames), and emits loaded(). A newer request cancels
 * an older one. A decoding error leaves the block empty (the view keeps
 * drawing from the pyramid) and is not reported: the clip's loader reports it.
 */
class WaveformSampleLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaveformSampleLoader)

public:
    static constexpr qint64 maxFrames = qint64(1) << 20;

    explicit WaveformSampleLoader(QObject *parent = nullptr);
    ~WaveformSampleLoader() override;

    /** Where samples come from; empty disables the loader. Drops the current block. */
    void setFactory(AudioDecoderFactory factory);
    bool hasFactory() const { return bool(m_factory); }

    /** Asks for frames [@p first, @p end) (clamped to maxFrames); nothing happens when already there. */
    void request(qint64 first, qint64 end);
    const SampleBlock &block() const { return m_block; }

Q_SIGNALS:
    /** A new block arrived. */
    void loaded();

private:
    void start();

    AudioDecoderFactory m_factory;
    SampleBlock m_block;
    qint64 m_wantedFirst = 0;
    qint64 m_wantedEnd = 0;
    qint64 m_pendingFirst = -1;
    qint64 m_pendingEnd = -1;
    QTimer m_debounce;
    QThreadPool m_pool;
    QFutureWatcher<SampleBlock> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace kx
