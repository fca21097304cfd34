// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/audiodecoder.h"
#include "model/audiocheck.h"
#include "util/cancellation.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace kx {

/**
 * The automatic checks of one clip, in one streaming pass over its decoder:
 * duration, sample rate, channels, peak and RMS level, clipped-sample ratio,
 * silence ratio and speaking rate, and the per-clip flags (Clipping, Silent,
 * TooQuiet, TooShort, Undecodable). The dataset-wide parts (rateZ,
 * RateOutlier, suspicion) are AudioOutliers' job.
 *
 * Memory: one block of samples, never the whole clip. Stateless: call from
 * any thread, each call on its own decoder.
 *
 * Speaking rate: the letters and digits of the transcript (spaces, punctuation
 * and apostrophes do not count) per second of the *speaking span*, from the
 * start of the first non-silent 10 ms window to the end of the last one, so
 * the leading and trailing silence LibriSpeech keeps (and VCTK 0.92 trims)
 * does not change the rate; pauses inside the span do count. NaN without a
 * transcript and for a clip without any non-silent window.
 */
class AudioChecker final
{
    Q_DECLARE_TR_FUNCTIONS(kx::AudioChecker)

public:
    /** A sample of this magnitude or more counts as at full scale (16-bit full scale is 32767/32768 ≈ 0.99997). */
    static constexpr double clipLevel = 0.999;
    /**
     * Consecutive samples of one channel at full scale that make a clipping
     * run. Only samples in such runs count as clipped: a peak that merely
     * touches full scale once or twice is not clipping, a flattened top is.
     */
    static constexpr int minClipRun = 3;
    /** Clipping: more than this share of all samples lies in clipping runs (0.1 %, ~16 samples a second at 16 kHz). */
    static constexpr double clippedRatioLimit = 0.001;
    /** The windows the silence ratio and the speaking span are measured in, seconds. */
    static constexpr double silenceWindowSeconds = 0.010;
    /** A window whose RMS over all its channels is below this level is silent (dBFS; room noise of a clean recording sits around -60). */
    static constexpr double silenceDbfs = -50.0;
    /** Silent: at least this share of the windows is silent (speech with normal pauses stays around 0.1–0.4). */
    static constexpr double silenceRatioLimit = 0.9;
    /** TooQuiet: the RMS level of the whole clip is below this (dBFS; read speech is usually -30 to -18). */
    static constexpr double quietRmsDbfs = -40.0;
    /** TooShort: the clip lasts less than this, seconds (too short for a spoken sentence). */
    static constexpr double minSeconds = 0.5;
    /** Level reported for no signal at all (the log of 0), dBFS. */
    static constexpr double floorDbfs = -120.0;

    /**
     * Reads @p decoder from its current position to the end and checks it
     * against @p transcript (may be empty). A decoding error on the way gives
     * a check with Undecodable and the error (naming the source and frame),
     * not an error. Progress is reported in frames; the only error is
     * Error::Code::Cancelled when @p control asks to stop.
     */
    static Result<AudioCheck> check(AudioDecoder &decoder, const QString &transcript, const WorkControl &control = {});
    /** Opens @p path and check()s it; a file that cannot be opened gives an Undecodable check naming it. */
    static Result<AudioCheck> checkFile(const QString &path, const QString &transcript, const WorkControl &control = {});
    /** The check of a clip that could not be decoded: only Undecodable, with @p error as the reason. */
    static AudioCheck undecodable(const QString &error);

    /** The characters the speaking rate counts: letters and digits. */
    static int spokenCharacterCount(const QString &transcript);
    /** A level in dBFS for a linear amplitude, floorDbfs for 0. */
    static double toDbfs(double amplitude);

    /**
     * `{"seconds", "sample_rate", "channels", "peak_dbfs", "rms_dbfs",
     * "clipped_ratio", "silence_ratio", "chars_per_second" (null when NaN),
     * "rate_z", "suspicion", "flags": [keys], "error" (only with Undecodable)}`.
     */
    static Json toJson(const AudioCheck &check);
};

} // namespace kx
