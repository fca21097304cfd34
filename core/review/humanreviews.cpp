// SPDX-License-Identifier: GPL-3.0-or-later
#include "humanreviews.h"

namespace kx::HumanReviews {

namespace {
constexpr const char kReviewsKey[] = "reviews";
} // namespace

QList<HumanReview> all(const TestScenario &scenario)
{
    QList<HumanReview> out;
    const auto reviews = scenario.review.find(kReviewsKey);
    if (reviews == scenario.review.end() || !reviews->is_object())
        return out;
    for (const auto &[name, entry] : reviews->items()) {
        if (auto r = HumanReview::fromJson(qs(name), entry); r)
            out.append(std::move(*r));
    }
    return out;
}

std::optional<HumanReview> of(const TestScenario &scenario, const QString &reviewer)
{
    const auto reviews = scenario.review.find(kReviewsKey);
    if (reviews == scenario.review.end() || !reviews->is_object())
        return std::nullopt;
    const auto entry = reviews->find(ss(reviewer));
    if (entry == reviews->end())
        return std::nullopt;
    auto r = HumanReview::fromJson(reviewer, *entry);
    return r ? std::optional<HumanReview>(std::move(*r)) : std::nullopt;
}

TestScenario withReview(TestScenario scenario, const HumanReview &review)
{
    if (!scenario.review.is_object())
        scenario.review = Json::object();
    Json &reviews = scenario.review[kReviewsKey];
    if (!reviews.is_object())
        reviews = Json::object();
    reviews[ss(review.reviewer)] = review.toJson();
    if (review.verdict)
        scenario.status = *review.verdict;
    return scenario;
}

} // namespace kx::HumanReviews
