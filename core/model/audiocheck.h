// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFlags>
#include <QString>
#include <QtGlobal>

#include <cmath>
#include <limits>

namespace kx {

/**
 * The automatic checks of one clip, as computed by AudioChecker and kept in
 * the workspace (table audio_checks) to filter and order the review queue.
 * Levels are dBFS (0 = full scale; -inf stored as -120).
 */
struct AudioCheck
{
    enum class Flag {
        None = 0,
        Clipping = 1 << 0,      ///< clipped-sample ratio above the limit
        Silent = 1 << 1,        ///< silence ratio above the limit (or no signal at all)
        TooQuiet = 1 << 2,      ///< RMS loudness below the limit
        RateOutlier = 1 << 3,   ///< speaking rate far from the dataset's (robust z-score)
        TooShort = 1 << 4,      ///< shorter than the limit
        Undecodable = 1 << 5,   ///< the clip could not be decoded at all
    };
    Q_DECLARE_FLAGS(Flags, Flag)

    double seconds = 0.0;
    int sampleRate = 0;
    int channels = 0;
    double peakDbfs = -120.0;
    double rmsDbfs = -120.0;
    double clippedRatio = 0.0;   ///< samples in clipping runs (≥ AudioChecker::minClipRun consecutive full-scale samples of one channel) / all samples
    double silenceRatio = 0.0;   ///< 10 ms windows below the silence level / all windows
    double charsPerSecond = std::numeric_limits<double>::quiet_NaN(); ///< NaN without a transcript
    double rateZ = 0.0;          ///< robust z-score of charsPerSecond within its dataset
    Flags flags;
    /** Higher is more suspicious; orders the queue "most suspicious first". */
    double suspicion = 0.0;
    QString error;               ///< why decoding failed, with Undecodable
};

Q_DECLARE_OPERATORS_FOR_FLAGS(AudioCheck::Flags)

} // namespace kx
