// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

namespace kx {

/**
 * Splits @p total whole units among parties in proportion to @p weights by the
 * largest-remainder (Hamilton) rule: party i first gets floor(total·w_i/W)
 * (W = the sum of the weights), then the units left over go one each to the
 * parties with the largest fractional parts; ties go to the earlier party.
 * The result has one entry per weight, adds up to exactly @p total, and each
 * entry is within 1 of its exact share. Weights that are negative, zero or not
 * finite get nothing. All zeros when @p total <= 0 or no weight is positive.
 *
 * Pure; any thread. MixTarget::apportion(), GenerationPlanner and
 * SnapshotSampler all round with it, so their quotas agree.
 */
QList<qint64> largestRemainder(const QList<double> &weights, qint64 total);

} // namespace kx
