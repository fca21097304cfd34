// SPDX-License-Identifier: GPL-3.0-or-later
#include "apportion.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kx {

namespace {

double usable(double w)
{
    return (std::isfinite(w) && w > 0) ? w : 0.0;
}

} // namespace

QList<qint64> largestRemainder(const QList<double> &weights, qint64 total)
{
    const qsizetype n = weights.size();
    QList<qint64> quota(n, 0);
    double sum = 0;
    for (double w : weights)
        sum += usable(w);
    if (total <= 0 || sum <= 0)
        return quota;

    QList<double> remainder(n, 0.0);
    qint64 given = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const double exact = usable(weights[i]) / sum * double(total);
        // The small allowance keeps 0.29 * 100 = 28.999999999999996 at 29.
        const double whole = std::floor(exact + 1e-9);
        quota[i] = qint64(whole);
        remainder[i] = std::max(0.0, exact - whole);
        given += quota[i];
    }

    QList<qsizetype> order(n);
    std::iota(order.begin(), order.end(), qsizetype(0));
    // Largest fractional part first; stable, so ties go to the earlier party.
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return remainder[a] > remainder[b]; });

    qint64 left = total - given;
    for (qsizetype k = 0; left > 0; k = (k + 1) % n) {
        // Only parties with a weight take part; one exists because sum > 0.
        if (usable(weights[order[k]]) > 0) {
            ++quota[order[k]];
            --left;
        }
    }
    // Floating-point error can overshoot by a unit when every exact share sits
    // just below a whole number; take it back from the smallest remainders.
    for (qsizetype k = 0; left < 0; k = (k + 1) % n) {
        const qsizetype i = order[n - 1 - k];
        if (quota[i] > 0) {
            --quota[i];
            ++left;
        }
    }
    return quota;
}

} // namespace kx
