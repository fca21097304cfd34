// SPDX-License-Identifier: GPL-3.0-or-later
#include "agreement.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace kx {

namespace {

/** Counts of equal values in a sorted range: (value, count) runs. */
template<typename It>
void forEachRun(It begin, It end, auto &&f)
{
    while (begin != end) {
        It next = std::find_if(begin, end, [v = *begin](const auto &x) { return x != v; });
        f(*begin, qint64(next - begin));
        begin = next;
    }
}

/**
 * Nominal alpha from per-unit category counts. With m_u values in unit u of
 * which n_uc in category c, the disagreeing ordered pairs in u number
 * m_u² − Σ_c n_uc², and among all n pairable values n² − Σ_c n_c².
 */
std::optional<double> nominalAlpha(const std::vector<std::vector<qint64>> &unitCounts)
{
    std::map<size_t, qint64> totals; // category -> n_c over pairable units
    double observed = 0.0;
    qint64 n = 0;
    for (const auto &unit : unitCounts) {
        qint64 m = 0;
        qint64 squares = 0;
        for (qint64 c : unit) {
            m += c;
            squares += c * c;
        }
        if (m < 2)
            continue;
        for (size_t c = 0; c < unit.size(); ++c) {
            if (unit[c] > 0)
                totals[c] += unit[c];
        }
        observed += double(m * m - squares) / double(m - 1);
        n += m;
    }
    if (n < 2 || totals.size() < 2)
        return std::nullopt;
    qint64 totalSquares = 0;
    for (const auto &[c, count] : totals)
        totalSquares += count * count;
    const double dObserved = observed / double(n);
    const double dExpected = double(n * n - totalSquares) / (double(n) * double(n - 1));
    return 1.0 - dObserved / dExpected;
}

/** Σ (x − mean)² over @p values, two-pass for accuracy. */
double sumSquaredDeviations(const std::vector<double> &values)
{
    double sum = 0.0;
    for (double v : values)
        sum += v;
    const double mean = sum / double(values.size());
    double ss = 0.0;
    for (double v : values)
        ss += (v - mean) * (v - mean);
    return ss;
}

/** Interval alpha: Σ_{i≠j}(x_i − x_j)² over m values is 2m Σ(x − x̄)², so no pair loop is needed. */
std::optional<double> intervalAlpha(const std::vector<std::vector<double>> &units)
{
    std::vector<double> all;
    double observed = 0.0;
    for (const auto &unit : units) {
        if (unit.size() < 2)
            continue;
        const double m = double(unit.size());
        observed += 2.0 * m * sumSquaredDeviations(unit) / (m - 1.0);
        all.insert(all.end(), unit.begin(), unit.end());
    }
    if (all.size() < 2)
        return std::nullopt;
    const auto [lo, hi] = std::minmax_element(all.begin(), all.end());
    if (*lo == *hi)
        return std::nullopt; // D_e = 0: alpha is undefined
    const double n = double(all.size());
    const double dObserved = observed / n;
    const double dExpected = 2.0 * n * sumSquaredDeviations(all) / (n * (n - 1.0));
    return 1.0 - dObserved / dExpected;
}

/** Rows of equal length with no negative count. */
bool validCounts(const QList<QList<int>> &counts)
{
    if (counts.isEmpty())
        return false;
    const qsizetype k = counts.first().size();
    for (const QList<int> &row : counts) {
        if (row.size() != k)
            return false;
        for (int c : row) {
            if (c < 0)
                return false;
        }
    }
    return k > 0;
}

} // namespace

std::optional<double> Agreement::cohensKappa(const QList<int> &raterA, const QList<int> &raterB)
{
    if (raterA.isEmpty() || raterA.size() != raterB.size())
        return std::nullopt;
    const auto n = qint64(raterA.size());
    qint64 agree = 0;
    for (qsizetype i = 0; i < raterA.size(); ++i)
        agree += raterA[i] == raterB[i] ? 1 : 0;

    // Σ_c a_c·b_c from the two raters' sorted labels, merged run by run.
    std::vector<int> a(raterA.cbegin(), raterA.cend());
    std::vector<int> b(raterB.cbegin(), raterB.cend());
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    std::map<int, qint64> countsB;
    forEachRun(b.begin(), b.end(), [&](int label, qint64 count) { countsB[label] = count; });
    qint64 chance = 0; // n² · pₑ
    forEachRun(a.begin(), a.end(), [&](int label, qint64 count) {
        const auto it = countsB.find(label);
        if (it != countsB.end())
            chance += count * it->second;
    });
    if (chance == n * n)
        return std::nullopt; // pₑ = 1
    // κ = (pₒ − pₑ)/(1 − pₑ) = (n·agree − n²pₑ)/(n² − n²pₑ)
    return double(n * agree - chance) / double(n * n - chance);
}

std::optional<double> Agreement::fleissKappa(const QList<QList<int>> &counts)
{
    if (!validCounts(counts))
        return std::nullopt;
    const qsizetype k = counts.first().size();
    qint64 raters = -1;                   // n, the same for every item kept
    qint64 items = 0;                     // N
    qint64 squares = 0;                   // A = Σᵢ Σⱼ nᵢⱼ²
    std::vector<qint64> columns(size_t(k), 0); // Σᵢ nᵢⱼ
    for (const QList<int> &row : counts) {
        qint64 m = 0;
        for (int c : row)
            m += c;
        if (m < 2)
            continue;
        if (raters >= 0 && m != raters)
            return std::nullopt; // a varying number of raters: Fleiss' kappa does not apply
        raters = m;
        ++items;
        for (qsizetype j = 0; j < k; ++j) {
            squares += qint64(row[j]) * row[j];
            columns[size_t(j)] += row[j];
        }
    }
    if (items == 0)
        return std::nullopt;
    const double total = double(items) * double(raters); // T = N·n
    double columnSquares = 0.0;                           // B = Σⱼ (Σᵢ nᵢⱼ)²
    for (qint64 c : columns)
        columnSquares += double(c) * double(c);
    if (columnSquares == total * total)
        return std::nullopt; // P̄ₑ = 1
    // P̄ = (A − T)/(T(n − 1)), P̄ₑ = B/T², so κ = ((A − T)·T − B(n − 1)) / ((n − 1)(T² − B)).
    const double nm1 = double(raters - 1);
    return ((double(squares) - total) * total - columnSquares * nm1) / (nm1 * (total * total - columnSquares));
}

std::optional<double> Agreement::krippendorffAlpha(const QList<QList<double>> &units, Metric metric)
{
    if (metric == Metric::Interval) {
        std::vector<std::vector<double>> clean;
        clean.reserve(size_t(units.size()));
        for (const QList<double> &unit : units) {
            std::vector<double> values;
            for (double v : unit) {
                if (!std::isnan(v))
                    values.push_back(v);
            }
            clean.push_back(std::move(values));
        }
        return intervalAlpha(clean);
    }

    // Nominal: number the distinct values, then count them per unit.
    std::vector<double> distinct;
    for (const QList<double> &unit : units) {
        for (double v : unit) {
            if (!std::isnan(v))
                distinct.push_back(v);
        }
    }
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    std::vector<std::vector<qint64>> unitCounts;
    unitCounts.reserve(size_t(units.size()));
    for (const QList<double> &unit : units) {
        std::vector<qint64> row(distinct.size(), 0);
        for (double v : unit) {
            if (!std::isnan(v))
                ++row[size_t(std::lower_bound(distinct.begin(), distinct.end(), v) - distinct.begin())];
        }
        unitCounts.push_back(std::move(row));
    }
    return nominalAlpha(unitCounts);
}

std::optional<double> Agreement::krippendorffAlphaMatrix(const QList<QList<std::optional<double>>> &coderByUnit,
                                                         Metric metric)
{
    qsizetype unitCount = 0;
    for (const auto &row : coderByUnit)
        unitCount = std::max(unitCount, row.size());
    QList<QList<double>> units(unitCount);
    for (const auto &row : coderByUnit) {
        for (qsizetype u = 0; u < row.size(); ++u) {
            if (row[u])
                units[u].append(*row[u]);
        }
    }
    return krippendorffAlpha(units, metric);
}

std::optional<Agreement::MultiRater> Agreement::reviewerAgreement(const QList<QList<int>> &counts)
{
    if (!validCounts(counts))
        return std::nullopt;
    int items = 0;
    qint64 raters = -1;
    bool equal = true;
    for (const QList<int> &row : counts) {
        qint64 m = 0;
        for (int c : row)
            m += c;
        if (m < 2)
            continue;
        ++items;
        equal = equal && (raters < 0 || m == raters);
        raters = m;
    }
    if (equal) {
        const auto kappa = fleissKappa(counts);
        if (!kappa)
            return std::nullopt;
        return MultiRater{MultiRater::Method::FleissKappa, *kappa, items};
    }
    std::vector<std::vector<qint64>> unitCounts;
    unitCounts.reserve(size_t(counts.size()));
    for (const QList<int> &row : counts)
        unitCounts.emplace_back(row.cbegin(), row.cend());
    const auto alpha = nominalAlpha(unitCounts);
    if (!alpha)
        return std::nullopt;
    return MultiRater{MultiRater::Method::KrippendorffAlpha, *alpha, items};
}

} // namespace kx
