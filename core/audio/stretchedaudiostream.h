// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QAudioFormat>
#include <QIODevice>

#include <deque>
#include <memory>
#include <vector>

namespace kx {

class AudioDecoder;
class TimeStretcher;

/**
 * The sequential, read-only device a QAudioSink pulls from: decodes the clip
 * block by block as the sink asks, loops a selection, changes the speed with
 * a TimeStretcher (at exactly 1× the decoded samples pass through untouched),
 * and delivers interleaved Float or Int16 frames at the clip's sample rate
 * and channel count.
 *
 * Output frames are counted from the last restart(). The stream remembers
 * which source frame each delivered output frame plays, so the player can turn
 * "frames the sink has played" into "source frame heard" (sourceFrameAt()).
 *
 * Reads @p decoder, which it does not own and which must outlive it. Lives on
 * the thread of the sink that pulls from it (the GUI thread). A decoding error
 * ends the stream and is reported by errorOccurred().
 */
class StretchedAudioStream final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StretchedAudioStream)

public:
    explicit StretchedAudioStream(AudioDecoder *decoder, QObject *parent = nullptr);
    ~StretchedAudioStream() override;

    /** Float (the default) or Int16; other formats fall back to Float. */
    void setSampleFormat(QAudioFormat::SampleFormat format);
    QAudioFormat::SampleFormat sampleFormat() const { return m_sampleFormat; }
    int bytesPerFrame() const;

    /**
     * Starts a new run at source frame @p frame (clamped to the clip) and
     * @p speed (clamped to 0.5–2): output frame 0 plays that frame. Forgets
     * the position map; an error when the decoder cannot seek there.
     */
    Result<void> restart(qint64 frame, double speed);
    /**
     * Changes the speed from the next output frame on (clamped to 0.5–2).
     * Frames already delivered keep their speed in the position map. A
     * finished stream only remembers the speed for the next restart().
     */
    Result<void> setSpeed(double speed);
    double speed() const { return m_speed; }
    /**
     * Reading wraps from @p end back to @p start, [start, end) in source frames;
     * an empty range plays straight to the clip's end. A run already past
     * @p end plays on to the clip's end and wraps there.
     */
    void setLoop(qint64 start, qint64 end);

    /** Output frames delivered since the last restart(). */
    qint64 outputFrames() const { return m_outputFrames; }
    /** The source frame the decoder reads next (ahead of what is heard). */
    qint64 decodeCursor() const { return m_cursor; }
    /**
     * The source frame played by output frame @p outputFrame of this run,
     * clamped to what was delivered; fractional when stretched.
     */
    double sourceFrameAt(qint64 outputFrame) const;
    /** Drops the position map before @p outputFrame (already heard). */
    void forgetBefore(qint64 outputFrame);

    /** Whether the clip's end (no loop) or an error ended the stream. */
    bool isFinished() const { return m_finished; }
    bool hasFailed() const { return m_failed; }

    bool isSequential() const override { return true; }
    bool atEnd() const override { return m_finished; }
    qint64 bytesAvailable() const override;

signals:
    /** Decoding failed mid-stream; the message names the clip and the frame. */
    void errorOccurred(const QString &message);

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    /** Delivered output frames [outputStart, outputStart + frames) play source frames sourceStart + i × step. */
    struct MapBlock
    {
        qint64 outputStart = 0;
        qint64 frames = 0;
        double sourceStart = 0.0;
        double step = 1.0;
    };
    /** Stretcher input from inputIndex on came from source frame sourceFrame on (a loop wrap starts a new one). */
    struct InputSegment
    {
        qint64 inputIndex = 0;
        qint64 sourceFrame = 0;
    };

    Result<void> anchorAt(qint64 frame);
    qint64 produce(float *out, qint64 frames);
    qint64 produceDirect(float *out, qint64 frames);
    qint64 produceStretched(float *out, qint64 frames);
    qint64 decode(float *out, qint64 frames, bool *ended);
    qint64 readBoundary() const;
    bool wrapToLoop();
    double sourceAtInput(double inputIndex) const;
    qint64 framesBeforeNextSegment(qint64 wanted) const;
    void record(qint64 frames, double sourceStart, double step);
    void fail(const QString &message);

    AudioDecoder *m_decoder = nullptr;
    int m_channels = 1;
    qint64 m_clipFrames = 0;
    QAudioFormat::SampleFormat m_sampleFormat = QAudioFormat::Float;
    double m_speed = 1.0;
    qint64 m_loopStart = 0;
    qint64 m_loopEnd = 0;

    std::unique_ptr<TimeStretcher> m_stretcher;   ///< null at 1× (bit-exact pass-through)
    qint64 m_cursor = 0;                          ///< next source frame to decode
    qint64 m_inputFed = 0;                        ///< frames fed to the stretcher since the anchor
    double m_stretchInput = 0.0;                  ///< stretcher input index of the next output frame
    bool m_inputEnded = false;                    ///< the stretcher got its final block
    std::deque<InputSegment> m_segments;
    std::deque<MapBlock> m_map;
    qint64 m_outputFrames = 0;
    bool m_finished = false;
    bool m_failed = false;

    qint64 m_runStart = 0;                        ///< source frame of output frame 0
    std::vector<float> m_decoded;                 ///< stretcher input block
    std::vector<float> m_output;                  ///< output block before conversion
};

} // namespace kx
