// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/category.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QCoreApplication>

#include <array>
#include <cstddef>

namespace kx {

/** The number of mix categories; arrays indexed by int(Category) have this size. */
inline constexpr std::size_t categoryCount = std::size(allCategories);

/** One count per category, indexed by int(Category) (mix order). */
using CategoryCounts = std::array<qint64, categoryCount>;

/**
 * The share of the suite each category should take. Defaults to the seed's
 * recommended mix (section 7): 30% benchmark, 40% synthetic, 20% tool usage,
 * 10% adversarial. Editable share by share; validate() says whether the
 * shares form a mix (each non-negative and finite, together 1 within
 * @ref tolerance). The setters do not validate, so a UI can edit one share at
 * a time and show the error until the shares add up again.
 *
 * A value type; any thread.
 */
class MixTarget final
{
    Q_DECLARE_TR_FUNCTIONS(kx::MixTarget)

public:
    /** How far from 1 the shares may add up and still count as a mix. */
    static constexpr double tolerance = 1e-6;

    /** The seed's mix: 0.3 / 0.4 / 0.2 / 0.1. */
    MixTarget();

    /** The share of @p c, in [0, 1] when valid. */
    double share(Category c) const { return m_shares[std::size_t(c)]; }
    /** Sets the share of @p c; not checked until validate(). */
    void setShare(Category c, double share) { m_shares[std::size_t(c)] = share; }

    /**
     * Ok when every share is finite and non-negative and they add up to 1
     * within @ref tolerance; else BadInput whose message names the values.
     */
    Result<void> validate() const;

    /**
     * Splits a suite of @p size scenarios into whole per-category quotas that
     * add up to exactly @p size, by the largest-remainder (Hamilton) rule:
     * each category first gets floor(share·size); the scenarios left over go
     * one each to the categories with the largest fractional parts, ties to
     * the earlier category in mix order. Each quota is therefore within 1 of
     * share·size. Shares are divided by their sum first, so a mix that adds up
     * to 1 only within @ref tolerance still gives exactly @p size. All zeros
     * for size <= 0 or a target whose shares add up to 0.
     */
    CategoryCounts apportion(qint64 size) const;

    /** `{"benchmark": 0.3, "synthetic": 0.4, "tool_usage": 0.2, "adversarial": 0.1}`, in mix order. */
    Json toJson() const;
    /**
     * Reads the toJson() form. A category missing from the object gets 0; an
     * unknown key, a value that is not a number, or shares that fail
     * validate() are BadInput, naming the key or the values.
     */
    static Result<MixTarget> fromJson(const Json &j);

    bool operator==(const MixTarget &) const = default;

private:
    std::array<double, categoryCount> m_shares;
};

} // namespace kx
