// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/audiodecoder.h"
#include "util/cancellation.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace kx {

/** The lowest and highest sample of one bucket, in [-1, 1]. */
struct PeakPair
{
    float min = 0.0f;
    float max = 0.0f;
};

/**
 * Multi-resolution min/max peaks of a clip, per channel: level 0 holds one
 * pair per baseFramesPerBucket frames, each next level halves the count
 * (pairs merged two by two), down to a level of at most a few hundred buckets.
 * A view of any width picks the coarsest level whose buckets are no wider
 * than its pixels, so painting a one-hour clip costs about the same as
 * painting a one-second one.
 *
 * Computed in one streaming pass over the decoder (memory: the peaks, never
 * the samples); serialised to a compact blob (int16 per value) for the
 * workspace cache. A value type, implicitly shared and read-only once built:
 * cheap to copy and safe to read from several threads at once.
 */
class PeakPyramid final
{
    Q_DECLARE_TR_FUNCTIONS(kx::PeakPyramid)

public:
    static constexpr int baseFramesPerBucket = 256;

    PeakPyramid() = default;

    /**
     * Reads @p decoder from its start to its end (seeking to frame 0 first)
     * in blocks of about 64k frames. Runs on the caller's thread, meant to be
     * a worker. Reports progress in frames (total: the frames the stream
     * declares) through @p control and stops with Error::Code::Cancelled when
     * asked. frames() is the count actually decoded; decoder errors (corrupt
     * or truncated input) are passed through.
     */
    static Result<PeakPyramid> compute(AudioDecoder &decoder, const WorkControl &control = {});

    int sampleRate() const { return m_sampleRate; }
    int channels() const { return m_channels; }
    qint64 frames() const { return m_frames; }
    double seconds() const { return m_sampleRate > 0 ? double(m_frames) / m_sampleRate : 0.0; }
    bool isEmpty() const { return m_frames == 0; }

    int levelCount() const;
    /** Frames per bucket at @p level: baseFramesPerBucket << level. */
    static qint64 framesPerBucket(int level) { return qint64(baseFramesPerBucket) << level; }
    /** Buckets at @p level (per channel). */
    qint64 bucketCount(int level) const;

    /**
     * @p count display buckets covering frames [@p firstFrame, @p endFrame) of
     * @p channel (-1: all channels merged), each the min/max over its share of
     * frames, taken from the coarsest level that is still at least as fine as
     * the request. Frames past the end give empty (0, 0) buckets. Zoomed in
     * past one frame per display bucket, each shows the level-0 bucket (256
     * frames) its first frame falls in: for sample-level detail, read the
     * samples. @p channel out of range gives empty buckets.
     */
    QList<PeakPair> range(qint64 firstFrame, qint64 endFrame, int count, int channel = -1) const;

    /** `{"seconds", "sample_rate", "channels", "frames", "buckets": [[min, max], …]}` over the whole clip, channels merged. */
    Json toJson(int buckets) const;

    /**
     * A versioned, checked blob for the workspace cache: "KXPK", format
     * version, sample rate, channels, frames, frames per bucket, the level-0
     * values as little-endian int16, then a 64-bit checksum of all that.
     * The coarser levels are rebuilt on reading (a few ms for an hour).
     */
    QByteArray toBlob() const;
    /** Reads a blob written by toBlob(); BadInput when it is damaged or of another version. */
    static Result<PeakPyramid> fromBlob(const QByteArray &blob);

    /** The top level holds at most this many buckets (one level at least, even for an empty clip). */
    static constexpr int maxTopBuckets = 256;
    /** The int16 a sample value of 1.0 is stored as (and -1.0 as its negation). */
    static constexpr int fullScale = 32767;

private:
    /** Derives levels 1… from level 0 by merging pairs of buckets. */
    void buildUpperLevels();

    int m_sampleRate = 0;
    int m_channels = 0;
    qint64 m_frames = 0;
    // m_levels[level][(bucket * channels + channel) * 2 + {0: min, 1: max}], sample × fullScale.
    // Implicitly shared: a copy handed to another thread costs nothing.
    QList<QList<qint16>> m_levels;
};

} // namespace kx
