// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <optional>

namespace kx {

/**
 * Chance-corrected agreement between raters: reviewers among themselves, or a
 * reviewer and the automatic gate. Pure functions on values; any thread.
 *
 * Every function returns nullopt where the coefficient is undefined (nothing to
 * compare, or all ratings in a single category so that chance agreement is
 * already perfect) and never NaN. Values are 1 for perfect agreement, 0 for
 * agreement at chance level and negative below it.
 *
 * Which one to use:
 * - two raters who rated the same items with nominal labels: cohensKappa();
 * - several raters, the same number for every item: fleissKappa();
 * - several raters, any number per item (missing ratings), or numeric 0–1
 *   scores: krippendorffAlpha(). reviewerAgreement() picks between the two.
 */
class Agreement final
{
public:
    Agreement() = delete;

    /**
     * Cohen's kappa for two raters over nominal labels (any int is a category,
     * e.g. 1 keep / 0 reject): κ = (pₒ − pₑ) / (1 − pₑ), pₒ the share of items
     * with the same label, pₑ = Σ_c (a_c / n)(b_c / n) from each rater's label
     * counts. @p raterA[i] and @p raterB[i] are the two labels of item i: pass
     * only items both rated. nullopt when the lists are empty or of different
     * lengths, or when pₑ = 1 (both gave every item one and the same label).
     * Computed from integer counts, so it is exact to double precision.
     */
    static std::optional<double> cohensKappa(const QList<int> &raterA, const QList<int> &raterB);

    /**
     * Fleiss' kappa. @p counts has one row per item and one column per
     * category: counts[i][j] raters put item i in category j. Fleiss' kappa
     * assumes the same number of raters n for every item, so:
     * - items with fewer than 2 ratings are left out (they hold no agreement);
     * - if the remaining items do not all have the same n, the result is
     *   nullopt: use krippendorffAlpha() (or reviewerAgreement()) instead,
     *   which handles a varying number of raters.
     * κ = (P̄ − P̄ₑ) / (1 − P̄ₑ), P̄ the mean over items of
     * Pᵢ = (Σⱼ nᵢⱼ² − n) / (n(n − 1)), P̄ₑ = Σⱼ pⱼ², pⱼ = Σᵢ nᵢⱼ / (N·n).
     * nullopt as well for rows of different lengths, negative counts, no item
     * left, or P̄ₑ = 1 (every rating in one category).
     */
    static std::optional<double> fleissKappa(const QList<QList<int>> &counts);

    /** The difference function of Krippendorff's alpha. */
    enum class Metric {
        Nominal,  ///< δ²(a, b) = 0 if a == b, else 1 (labels coded as numbers)
        Interval, ///< δ²(a, b) = (a − b)², for the 0–1 criterion scores
    };

    /**
     * Krippendorff's alpha, α = 1 − Dₒ / Dₑ, from the values each unit
     * received: @p units[u] holds the ratings unit u got, from whoever rated
     * it; a missing rating is simply absent (NaN values are ignored too).
     * Only units with 2+ values are pairable; n is the number of pairable values.
     *   Dₒ = (1/n) Σ_u (1/(m_u − 1)) Σ_{i≠j in u} δ²(v_i, v_j)
     *   Dₑ = (1/(n(n − 1))) Σ_{i≠j among all pairable values} δ²(v_i, v_j)
     * nullopt when fewer than 2 pairable values, or when they are all equal
     * (Dₑ = 0). Coders' identities do not enter alpha, which is why this form
     * is enough; krippendorffAlphaMatrix() takes the usual coder × unit table.
     */
    static std::optional<double> krippendorffAlpha(const QList<QList<double>> &units, Metric metric);

    /**
     * krippendorffAlpha() over the reliability-data matrix of Krippendorff's
     * papers: @p coderByUnit[c][u] is coder c's value for unit u, nullopt when
     * missing; rows may be shorter than the longest (the rest is missing).
     */
    static std::optional<double> krippendorffAlphaMatrix(const QList<QList<std::optional<double>>> &coderByUnit,
                                                         Metric metric);

    /** The result of reviewerAgreement(). */
    struct MultiRater
    {
        enum class Method { FleissKappa, KrippendorffAlpha };
        Method method = Method::FleissKappa;
        double value = 0.0;
        int items = 0; ///< items with 2+ ratings, the ones that counted
    };

    /**
     * Agreement between reviewers from the same per-item category counts as
     * fleissKappa(): Fleiss' kappa when every item with 2+ ratings has the same
     * number of them, otherwise nominal Krippendorff's alpha over those items.
     * nullopt when neither is defined.
     */
    static std::optional<MultiRater> reviewerAgreement(const QList<QList<int>> &counts);
};

} // namespace kx
