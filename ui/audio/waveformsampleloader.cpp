// SPDX-License-Identifier: GPL-3.0-or-later
#include "waveformsampleloader.h"

#include <QtConcurrent>

#include <algorithm>

namespace kx {

namespace {

/** Runs on the worker: reads [first, end) with a fresh decoder; an empty block on any error or on cancel. */
SampleBlock readBlock(const AudioDecoderFactory &factory, qint64 first, qint64 end,
                      const std::shared_ptr<std::atomic<bool>> &cancel)
{
    SampleBlock block;
    auto decoder = factory();
    if (!decoder || cancel->load())
        return block;
    AudioDecoder &source = **decoder;
    const int channels = source.info().channels;
    end = std::min(end, source.info().frames);
    if (channels <= 0 || end <= first || !source.seek(first))
        return block;
    QList<float> samples((end - first) * channels);
    qint64 done = 0;
    constexpr qint64 chunk = 16384;
    while (done < end - first) {
        if (cancel->load())
            return block;
        const auto read = source.read(samples.data() + done * channels, std::min(chunk, end - first - done));
        if (!read || *read == 0)
            break;
        done += *read;
    }
    samples.resize(done * channels);
    block.firstFrame = first;
    block.channels = channels;
    block.samples = std::move(samples);
    return block;
}

} // namespace

WaveformSampleLoader::WaveformSampleLoader(QObject *parent)
    : QObject(parent)
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    m_pool.setMaxThreadCount(1);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(40);
    connect(&m_debounce, &QTimer::timeout, this, &WaveformSampleLoader::start);
    connect(&m_watcher, &QFutureWatcher<SampleBlock>::finished, this, [this] {
        if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0)
            return;
        SampleBlock block = m_watcher.result();
        m_pendingFirst = m_pendingEnd = -1;
        if (block.channels == 0)
            return;
        m_block = std::move(block);
        Q_EMIT loaded();
    });
}

WaveformSampleLoader::~WaveformSampleLoader()
{
    m_cancel->store(true);
    m_debounce.stop();
    m_pool.waitForDone();
}

void WaveformSampleLoader::setFactory(AudioDecoderFactory factory)
{
    m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_debounce.stop();
    m_factory = std::move(factory);
    m_block = {};
    m_pendingFirst = m_pendingEnd = -1;
}

void WaveformSampleLoader::request(qint64 first, qint64 end)
{
    if (!m_factory || end <= first)
        return;
    first = std::max<qint64>(0, first);
    if (m_block.covers(first, end) || (first >= m_pendingFirst && end <= m_pendingEnd))
        return;
    // Read a margin of up to one span on each side, so that scrolling a little needs nothing new.
    const qint64 length = std::min(end - first, maxFrames);
    const qint64 margin = std::min(length, (maxFrames - length) / 2);
    m_wantedFirst = std::max<qint64>(0, first - margin);
    m_wantedEnd = first + length + margin;
    m_debounce.start();
}

void WaveformSampleLoader::start()
{
    m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_pendingFirst = m_wantedFirst;
    m_pendingEnd = m_wantedEnd;
    m_watcher.setFuture(QtConcurrent::run(&m_pool, readBlock, m_factory, m_wantedFirst, m_wantedEnd, m_cancel));
}

} // namespace kx
