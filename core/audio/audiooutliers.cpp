// SPDX-License-Identifier: GPL-3.0-or-later
#include "audiooutliers.h"
#include "model/audiocheckflags.h"

#include "audio/audiochecker.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kx {

namespace {

bool hasRate(const AudioCheck &check)
{
    return !check.flags.testFlag(AudioCheck::Flag::Undecodable) && std::isfinite(check.charsPerSecond);
}

} // namespace

double AudioOutliers::median(QList<double> values)
{
    if (values.isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    const qsizetype mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + mid, values.end());
    const double upper = values[mid];
    if (values.size() % 2 == 1)
        return upper;
    // The lower middle is the largest of the elements before mid.
    const double lower = *std::max_element(values.begin(), values.begin() + mid);
    return (lower + upper) / 2.0;
}

AudioOutliers::RateStats AudioOutliers::rateStats(const QList<AudioCheck> &checks)
{
    QList<double> rates;
    for (const AudioCheck &c : checks) {
        if (hasRate(c))
            rates.append(c.charsPerSecond);
    }
    RateStats stats;
    stats.count = int(rates.size());
    if (rates.isEmpty())
        return stats;
    stats.median = median(rates);
    QList<double> deviations;
    deviations.reserve(rates.size());
    for (double r : std::as_const(rates))
        deviations.append(std::fabs(r - stats.median));
    stats.mad = median(deviations);
    if (stats.count >= minRates)
        stats.scale = std::max(madScale * stats.mad, minRelativeSpread * std::fabs(stats.median));
    return stats;
}

double AudioOutliers::rateZ(double rate, const RateStats &stats)
{
    if (!std::isfinite(rate) || !(stats.scale > 0.0))
        return 0.0;
    return (rate - stats.median) / stats.scale;
}

double AudioOutliers::suspicion(const AudioCheck &check)
{
    if (check.flags.testFlag(AudioCheck::Flag::Undecodable))
        return undecodableWeight;
    double flags = 0.0;
    for (AudioCheck::Flag flag : AudioCheckFlags::all()) {
        if (check.flags.testFlag(flag))
            flags += 1.0;
    }
    const double clipping = std::min(1.0, check.clippedRatio / (10.0 * AudioChecker::clippedRatioLimit));
    const double lowLevel = std::clamp((lowLevelStartDbfs - check.rmsDbfs) / lowLevelRangeDb, 0.0, 1.0);
    const double rate = std::min(1.0, std::fabs(check.rateZ) / (2.0 * rateZLimit));
    return flagWeight * flags + clipping + check.silenceRatio + lowLevel + rate;
}

void AudioOutliers::apply(QList<AudioCheck> &checks)
{
    const RateStats stats = rateStats(checks);
    for (AudioCheck &c : checks) {
        c.rateZ = hasRate(c) ? rateZ(c.charsPerSecond, stats) : 0.0;
        c.flags.setFlag(AudioCheck::Flag::RateOutlier, std::fabs(c.rateZ) > rateZLimit);
        c.suspicion = suspicion(c);
    }
}

} // namespace kx
