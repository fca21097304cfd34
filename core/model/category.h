// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace kx {

/** The four categories of the target mix (seed section 7). */
enum class Category { Benchmark, Synthetic, ToolUsage, Adversarial };

/** The stable key written to files and the workspace: "benchmark", "synthetic", "tool_usage", "adversarial". */
QString categoryKey(Category c);
/** The key back to a category; nullopt for anything else. */
std::optional<Category> categoryFromKey(QStringView key);
/** A translated label for the UI. */
QString categoryLabel(Category c);
/** All categories in mix order. */
constexpr Category allCategories[] = {Category::Benchmark, Category::Synthetic, Category::ToolUsage,
                                      Category::Adversarial};

/** The review state of a scenario. */
enum class ReviewStatus { Pending, Accepted, Rejected, Skipped };

QString reviewStatusKey(ReviewStatus s);
std::optional<ReviewStatus> reviewStatusFromKey(QStringView key);
QString reviewStatusLabel(ReviewStatus s);
constexpr ReviewStatus allReviewStatuses[] = {ReviewStatus::Pending, ReviewStatus::Accepted,
                                              ReviewStatus::Rejected, ReviewStatus::Skipped};

} // namespace kx
