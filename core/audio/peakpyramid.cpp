// SPDX-License-Identifier: GPL-3.0-or-later
#include "peakpyramid.h"

#include <QtEndian>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <vector>

namespace kx {

namespace {

constexpr char blobMagic[4] = {'K', 'X', 'P', 'K'};
constexpr quint32 blobVersion = 1;
constexpr qsizetype blobHeaderSize = 32;   // magic, version, rate, channels, frames, frames per bucket, values
constexpr qsizetype blobChecksumSize = 8;
// Far beyond any real clip (~3 years at 48 kHz), small enough that sizes derived from it never overflow.
constexpr qint64 maxBlobFrames = qint64(1) << 42;
constexpr int maxBlobChannels = 4096;
// Samples per decoder read: 64k stereo frames; fewer frames when there are many channels.
constexpr int readSamples = 1 << 17;

qint64 bucketsFor(qint64 frames, int level)
{
    const qint64 per = PeakPyramid::framesPerBucket(level);
    return (frames + per - 1) / per;
}

int levelsFor(qint64 frames)
{
    int levels = 1;
    while (bucketsFor(frames, levels - 1) > PeakPyramid::maxTopBuckets)
        ++levels;
    return levels;
}

/** @p v in [-1, 1] as an int16; NaN, which a damaged float file may hold, reads as 0. */
inline qint16 quantize(float v)
{
    if (!(v == v))
        return 0;
    v = std::clamp(v, -1.0f, 1.0f);
    return qint16(std::lrint(v * float(PeakPyramid::fullScale)));
}

/**
 * Min and max of each of C channels over one full bucket of interleaved
 * frames. Eight running lanes over the plain sample array (lane j sees channel
 * j mod C) keep the loop free of strides so the compiler vectorises it; the
 * lanes of a channel are merged at the end. `v < m ? v : m` never picks NaN.
 */
template<int C>
void bucketMinMax(const float *p, float *mn, float *mx)
{
    static_assert(8 % C == 0);
    constexpr int lanes = 8;
    float lo[lanes], hi[lanes];
    for (int j = 0; j < lanes; ++j) {
        lo[j] = FLT_MAX;
        hi[j] = -FLT_MAX;
    }
    constexpr int samples = PeakPyramid::baseFramesPerBucket * C;
    for (int i = 0; i < samples; i += lanes) {
        for (int j = 0; j < lanes; ++j) {
            const float v = p[i + j];
            lo[j] = v < lo[j] ? v : lo[j];
            hi[j] = v > hi[j] ? v : hi[j];
        }
    }
    for (int c = 0; c < C; ++c) {
        mn[c] = FLT_MAX;
        mx[c] = -FLT_MAX;
        for (int j = c; j < lanes; j += C) {
            mn[c] = std::min(mn[c], lo[j]);
            mx[c] = std::max(mx[c], hi[j]);
        }
    }
}

/** Folds @p frames interleaved frames of @p channels channels into the running mn/mx. */
void accumulate(const float *p, qint64 frames, int channels, float *mn, float *mx)
{
    for (qint64 f = 0; f < frames; ++f) {
        for (int c = 0; c < channels; ++c) {
            const float v = p[f * channels + c];
            mn[c] = v < mn[c] ? v : mn[c];
            mx[c] = v > mx[c] ? v : mx[c];
        }
    }
}

/** Level-0 buckets as the decoder's blocks go by; a bucket may straddle two blocks. */
class BucketBuilder
{
public:
    BucketBuilder(int channels, QList<qint16> &out)
        : m_channels(channels), m_out(out), m_min(size_t(channels)), m_max(size_t(channels))
    {
        reset();
    }

    void add(const float *p, qint64 frames)
    {
        constexpr int per = PeakPyramid::baseFramesPerBucket;
        qint64 f = 0;
        if (m_pending > 0) {
            const qint64 n = std::min<qint64>(per - m_pending, frames);
            accumulate(p, n, m_channels, m_min.data(), m_max.data());
            m_pending += int(n);
            f = n;
            if (m_pending == per)
                flush();
        }
        for (; frames - f >= per; f += per) {
            const float *bucket = p + f * m_channels;
            switch (m_channels) {
            case 1: bucketMinMax<1>(bucket, m_min.data(), m_max.data()); break;
            case 2: bucketMinMax<2>(bucket, m_min.data(), m_max.data()); break;
            case 4: bucketMinMax<4>(bucket, m_min.data(), m_max.data()); break;
            case 8: bucketMinMax<8>(bucket, m_min.data(), m_max.data()); break;
            default: accumulate(bucket, per, m_channels, m_min.data(), m_max.data()); break;
            }
            m_pending = per;
            flush();
        }
        if (f < frames) {
            accumulate(p + f * m_channels, frames - f, m_channels, m_min.data(), m_max.data());
            m_pending = int(frames - f);
        }
    }

    /** Emits the last, short bucket if there is one. */
    void finish()
    {
        if (m_pending > 0)
            flush();
    }

private:
    void flush()
    {
        for (int c = 0; c < m_channels; ++c) {
            const bool seen = m_min[size_t(c)] <= m_max[size_t(c)];   // false when every sample was NaN
            m_out.append(seen ? quantize(m_min[size_t(c)]) : qint16(0));
            m_out.append(seen ? quantize(m_max[size_t(c)]) : qint16(0));
        }
        reset();
    }

    void reset()
    {
        std::fill(m_min.begin(), m_min.end(), FLT_MAX);
        std::fill(m_max.begin(), m_max.end(), -FLT_MAX);
        m_pending = 0;
    }

    const int m_channels;
    QList<qint16> &m_out;
    std::vector<float> m_min, m_max;
    int m_pending = 0;   // frames folded into m_min/m_max so far
};

/** A 64-bit checksum: every step is a bijection of the state, so any one changed word always shows. */
quint64 checksum(const char *data, qsizetype size)
{
    quint64 h = 0x9E3779B97F4A7C15ull ^ quint64(size);
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        h = (h ^ qFromLittleEndian<quint64>(data + i)) * 0x100000001B3ull;
        h ^= h >> 29;
    }
    quint64 tail = 0;
    for (qsizetype k = 0; i + k < size; ++k)
        tail |= quint64(quint8(data[i + k])) << (8 * k);
    h = (h ^ tail) * 0x100000001B3ull;
    return h ^ (h >> 29);
}

} // namespace

Result<PeakPyramid> PeakPyramid::compute(AudioDecoder &decoder, const WorkControl &control)
{
    const AudioInfo &info = decoder.info();
    const int channels = info.channels;
    if (channels < 1 || info.sampleRate < 1)
        return Error::badInput(tr("%1: no audio stream to take peaks of").arg(decoder.label()));
    if (decoder.position() != 0) {
        if (auto rewound = decoder.seek(0); !rewound)
            return rewound.error();
    }

    PeakPyramid pyramid;
    pyramid.m_sampleRate = info.sampleRate;
    pyramid.m_channels = channels;
    QList<qint16> level0;
    // Reserve for the declared length, but not blindly: a damaged header may declare anything.
    const qint64 perBucketValues = qint64(channels) * 2;
    const qint64 declaredBuckets = bucketsFor(std::clamp<qint64>(info.frames, 0, maxBlobFrames), 0);
    level0.reserve(qsizetype(std::min<qint64>(declaredBuckets, (qint64(1) << 24) / perBucketValues) * perBucketValues));

    const qint64 blockFrames = std::max<qint64>(baseFramesPerBucket, (readSamples / channels) / baseFramesPerBucket
                                                                           * baseFramesPerBucket);
    std::vector<float> block(size_t(blockFrames * channels));
    BucketBuilder buckets(channels, level0);
    qint64 frames = 0;
    for (;;) {
        if (control.isCancelled())
            return Error::cancelled(tr("%1: peaks cancelled at frame %2").arg(decoder.label()).arg(frames));
        auto got = decoder.read(block.data(), blockFrames);
        if (!got)
            return got.error();
        if (*got == 0)
            break;
        buckets.add(block.data(), *got);
        frames += *got;
        control.report(frames, std::max(frames, info.frames));
    }
    buckets.finish();
    pyramid.m_frames = frames;
    pyramid.m_levels.append(level0);
    pyramid.buildUpperLevels();
    return pyramid;
}

void PeakPyramid::buildUpperLevels()
{
    m_levels.resize(1);
    const int levels = levelsFor(m_frames);
    const qsizetype pair = qsizetype(m_channels) * 2;   // values per bucket
    for (int level = 1; level < levels; ++level) {
        const QList<qint16> &fine = m_levels[level - 1];
        const qsizetype fineBuckets = fine.size() / pair;
        QList<qint16> coarse((fineBuckets + 1) / 2 * pair);
        const qint16 *in = fine.constData();
        qint16 *out = coarse.data();
        for (qsizetype b = 0; b < fineBuckets / 2; ++b) {
            const qint16 *a = in + 2 * b * pair, *z = a + pair;
            qint16 *o = out + b * pair;
            for (qsizetype v = 0; v < pair; v += 2) {
                o[v] = std::min(a[v], z[v]);
                o[v + 1] = std::max(a[v + 1], z[v + 1]);
            }
        }
        if (fineBuckets % 2)   // an odd bucket out goes up alone
            std::copy_n(in + (fineBuckets - 1) * pair, pair, out + (fineBuckets / 2) * pair);
        m_levels.append(coarse);
    }
}

int PeakPyramid::levelCount() const
{
    return int(m_levels.size());
}

qint64 PeakPyramid::bucketCount(int level) const
{
    if (level < 0 || level >= m_levels.size())
        return 0;
    return bucketsFor(m_frames, level);
}

QList<PeakPair> PeakPyramid::range(qint64 firstFrame, qint64 endFrame, int count, int channel) const
{
    if (count <= 0)
        return {};
    QList<PeakPair> out(count);
    const qint64 span = endFrame - firstFrame;
    if (span <= 0 || m_frames == 0 || m_levels.isEmpty() || channel >= m_channels)
        return out;

    // The coarsest level whose buckets are no wider than a display bucket.
    int level = int(m_levels.size()) - 1;
    while (level > 0 && framesPerBucket(level) * count > span)
        --level;
    const qint64 per = framesPerBucket(level);
    const qint64 buckets = bucketCount(level);
    const qint16 *values = m_levels[level].constData();
    const int firstChannel = channel < 0 ? 0 : channel;
    const int endChannel = channel < 0 ? m_channels : channel + 1;
    const qint64 whole = span / count, rest = span % count;
    auto edge = [&](qint64 k) { return firstFrame + whole * k + rest * k / count; };   // exact floor(span × k / count)

    for (int k = 0; k < count; ++k) {
        // Zoomed in past one frame per bucket, a display bucket still shows the frame it starts at.
        qint64 a = edge(k), b = std::max(edge(k + 1), a + 1);
        if (b <= 0 || a >= m_frames)
            continue;
        a = std::max<qint64>(a, 0);
        b = std::min(b, m_frames);
        const qint64 i0 = a / per;
        const qint64 i1 = std::min(buckets, (b + per - 1) / per);
        int lo = fullScale, hi = -fullScale;
        for (qint64 i = i0; i < i1; ++i) {
            const qint16 *bucket = values + i * m_channels * 2;
            for (int c = firstChannel; c < endChannel; ++c) {
                lo = std::min<int>(lo, bucket[2 * c]);
                hi = std::max<int>(hi, bucket[2 * c + 1]);
            }
        }
        out[k] = {float(lo) / fullScale, float(hi) / fullScale};
    }
    return out;
}

Json PeakPyramid::toJson(int buckets) const
{
    Json j;
    j["seconds"] = seconds();
    j["sample_rate"] = m_sampleRate;
    j["channels"] = m_channels;
    j["frames"] = m_frames;
    Json list = Json::array();
    // Four decimals: finer than the int16 step would only print noise.
    auto rounded = [](float v) { return std::round(double(v) * 1e4) / 1e4; };
    for (const PeakPair &p : range(0, m_frames, std::max(buckets, 0)))
        list.push_back(Json::array({rounded(p.min), rounded(p.max)}));
    j["buckets"] = std::move(list);
    return j;
}

QByteArray PeakPyramid::toBlob() const
{
    const QList<qint16> level0 = m_levels.isEmpty() ? QList<qint16>() : m_levels.first();
    QByteArray blob(blobHeaderSize + level0.size() * 2 + blobChecksumSize, Qt::Uninitialized);
    char *p = blob.data();
    std::memcpy(p, blobMagic, 4);
    qToLittleEndian<quint32>(blobVersion, p + 4);
    qToLittleEndian<qint32>(m_sampleRate, p + 8);
    qToLittleEndian<qint32>(m_channels, p + 12);
    qToLittleEndian<qint64>(m_frames, p + 16);
    qToLittleEndian<qint32>(baseFramesPerBucket, p + 24);
    qToLittleEndian<quint32>(quint32(level0.size()), p + 28);
    if (!level0.isEmpty())   // an empty list has no buffer, and memcpy must not see a null pointer
        qToLittleEndian<qint16>(level0.constData(), level0.size(), p + blobHeaderSize);
    const qsizetype body = blob.size() - blobChecksumSize;
    qToLittleEndian<quint64>(checksum(p, body), p + body);
    return blob;
}

Result<PeakPyramid> PeakPyramid::fromBlob(const QByteArray &blob)
{
    const char *p = blob.constData();
    if (blob.size() < blobHeaderSize + blobChecksumSize || std::memcmp(p, blobMagic, 4) != 0)
        return Error::badInput(tr("peak cache: not a peak blob (%1 bytes, no KXPK header)").arg(blob.size()));
    const quint32 version = qFromLittleEndian<quint32>(p + 4);
    if (version != blobVersion)
        return Error::badInput(tr("peak cache: blob format version %1, this build reads version %2")
                                   .arg(version).arg(blobVersion));
    const qsizetype body = blob.size() - blobChecksumSize;
    if (qFromLittleEndian<quint64>(p + body) != checksum(p, body))
        return Error::badInput(tr("peak cache: checksum mismatch over %1 bytes (damaged blob)").arg(body));

    const qint32 sampleRate = qFromLittleEndian<qint32>(p + 8);
    const qint32 channels = qFromLittleEndian<qint32>(p + 12);
    const qint64 frames = qFromLittleEndian<qint64>(p + 16);
    const qint32 perBucket = qFromLittleEndian<qint32>(p + 24);
    const quint32 values = qFromLittleEndian<quint32>(p + 28);
    if (sampleRate <= 0 || channels <= 0 || channels > maxBlobChannels || frames < 0 || frames > maxBlobFrames)
        return Error::badInput(tr("peak cache: impossible header (sample rate %1, %2 channels, %3 frames)")
                                   .arg(sampleRate).arg(channels).arg(frames));
    if (perBucket != baseFramesPerBucket)
        return Error::badInput(tr("peak cache: %1 frames per bucket, this build uses %2")
                                   .arg(perBucket).arg(baseFramesPerBucket));
    const qint64 expected = bucketsFor(frames, 0) * channels * 2;
    if (qint64(values) != expected || body - blobHeaderSize != expected * 2)
        return Error::badInput(tr("peak cache: %1 values in %2 bytes, %3 frames of %4 channels need %5")
                                   .arg(values).arg(body - blobHeaderSize).arg(frames).arg(channels).arg(expected));

    PeakPyramid pyramid;
    pyramid.m_sampleRate = sampleRate;
    pyramid.m_channels = channels;
    pyramid.m_frames = frames;
    QList<qint16> level0;
    level0.resize(qsizetype(expected));
    if (!level0.isEmpty())
        qFromLittleEndian<qint16>(p + blobHeaderSize, level0.size(), level0.data());
    pyramid.m_levels.append(level0);
    pyramid.buildUpperLevels();
    return pyramid;
}

} // namespace kx
