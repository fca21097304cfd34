// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>

namespace kx {

/** What a decoder knows about its stream before reading any sample. */
struct AudioInfo
{
    int sampleRate = 0;
    int channels = 0;
    qint64 frames = 0;   ///< samples per channel
    QString format;      ///< container/codec as libsndfile names it, e.g. "FLAC", "WAV", "OGG (Vorbis)", "MPEG"

    double seconds() const { return sampleRate > 0 ? double(frames) / sampleRate : 0.0; }
};

/**
 * Decodes one audio stream with libsndfile: WAV, FLAC, OGG/Vorbis, Opus, MP3
 * and whatever else the library reads, at any sample rate and channel count,
 * from a file or from bytes held in memory (libsndfile's virtual I/O: no
 * temporary file). Samples come out as interleaved float in [-1, 1].
 *
 * Every error names the source (the file, or the label given for bytes), the
 * frame offset where known, and libsndfile's reason. Corrupt input is an
 * error, never a crash. One instance per thread.
 */
class AudioDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(kx::AudioDecoder)
    Q_DISABLE_COPY_MOVE(AudioDecoder)

public:
    ~AudioDecoder();

    /** Opens @p path; NotFound when missing, BadInput when not decodable. */
    static Result<std::unique_ptr<AudioDecoder>> openFile(const QString &path);
    /**
     * Decodes @p bytes (a whole encoded file: RIFF, fLaC, OggS, ID3/MPEG…).
     * @p label names the source in errors, e.g. "train.parquet row group 0 row 12 column audio.bytes".
     */
    static Result<std::unique_ptr<AudioDecoder>> openBytes(QByteArray bytes, const QString &label);

    const AudioInfo &info() const { return m_info; }
    /** The file path or the label given to openBytes(). */
    QString label() const { return m_label; }

    /**
     * Reads up to @p frames frames into @p out (room for frames × channels
     * floats), interleaved. Returns the frames read: 0 at the end of the stream.
     * A decoding error mid-stream is an error naming the frame offset.
     */
    Result<qint64> read(float *out, qint64 frames);
    /** Moves to @p frame (clamped to [0, frames]). */
    Result<void> seek(qint64 frame);
    /** The next frame read() returns. */
    qint64 position() const { return m_position; }

private:
    struct Private;
    AudioDecoder();

    std::unique_ptr<Private> d;
    AudioInfo m_info;
    QString m_label;
    qint64 m_position = 0;
};

} // namespace kx
