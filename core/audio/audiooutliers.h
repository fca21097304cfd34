// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/audiocheck.h"

#include <QList>

namespace kx {

/**
 * The dataset-wide part of the automatic checks, over the AudioCheck of every
 * clip of one dataset: the robust z-score of the speaking rate (rateZ), the
 * RateOutlier flag, and the suspicion score that orders the review queue
 * "most suspicious first".
 *
 * Robust z-score (Iglewicz and Hoaglin's modified z-score): z = (x − median) /
 * (1.4826 · MAD), MAD being the median of |x − median|; 1.4826 makes it the
 * standard deviation for normal data, while a few wild values (the very
 * outliers we look for) cannot drag the centre or the spread as they would
 * a mean and a standard deviation.
 *
 * Suspicion, a weighted sum:
 *   undecodableWeight when Undecodable (and nothing else: nothing was measured), else
 *   flagWeight × (number of flags)
 *   + clipping severity  min(1, clippedRatio / (10 × AudioChecker::clippedRatioLimit))
 *   + silenceRatio
 *   + low level          clamp((lowLevelStartDbfs − rmsDbfs) / lowLevelRangeDb, 0, 1)
 *   + rate severity      min(1, |rateZ| / (2 × rateZLimit)).
 * Each severity lies in [0, 1] and there are four, so any clip with more
 * flags ranks above one with fewer, undecodable clips come first, and clips
 * with the same flags are ordered by how bad they are.
 *
 * Pure functions on values; any thread.
 */
class AudioOutliers final
{
public:
    /** Scales the MAD to the standard deviation of normal data. */
    static constexpr double madScale = 1.4826;
    /** RateOutlier: |rateZ| above this (Iglewicz and Hoaglin's recommended cut-off for the modified z-score). */
    static constexpr double rateZLimit = 3.5;
    /** Fewer clips with a speaking rate than this give no z-scores: a median and MAD of a handful say nothing. */
    static constexpr int minRates = 5;
    /**
     * The spread used is at least this share of the median rate: in a very
     * uniform dataset (synthetic speech) the MAD is tiny and clips a few
     * percent off would otherwise be "outliers".
     */
    static constexpr double minRelativeSpread = 0.05;
    /** Suspicion of an undecodable clip: above anything a decodable clip can score. */
    static constexpr double undecodableWeight = 1000.0;
    /** Suspicion added by each flag. */
    static constexpr double flagWeight = 10.0;
    /** The low-level severity starts below this RMS level (dBFS)… */
    static constexpr double lowLevelStartDbfs = -20.0;
    /** …and reaches 1 this many dB lower. */
    static constexpr double lowLevelRangeDb = 40.0;

    /** The centre and spread of the speaking rates of a dataset. */
    struct RateStats
    {
        int count = 0;        ///< clips with a rate (decodable, with a transcript and speech)
        double median = 0.0;
        double mad = 0.0;     ///< median absolute deviation from the median
        double scale = 0.0;   ///< the divisor of the z-score; 0 when there are too few rates
    };

    /** The median of @p values (the mean of the two middle ones for an even count); NaN when empty. */
    static double median(QList<double> values);
    /** The speaking-rate statistics of @p checks, skipping undecodable clips and NaN rates. */
    static RateStats rateStats(const QList<AudioCheck> &checks);
    /** The robust z-score of @p rate under @p stats; 0 for a NaN rate or a zero scale. */
    static double rateZ(double rate, const RateStats &stats);
    /** The suspicion of one clip from its flags and measures (rateZ included). */
    static double suspicion(const AudioCheck &check);

    /**
     * Sets rateZ, the RateOutlier flag (set or cleared) and suspicion of every
     * check of @p checks, which must hold one dataset's clips.
     */
    static void apply(QList<AudioCheck> &checks);
};

} // namespace kx
