// SPDX-License-Identifier: GPL-3.0-or-later
#include "category.h"

namespace kx {

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(kx::Category) };
}

QString categoryKey(Category c)
{
    switch (c) {
    case Category::Benchmark: return QStringLiteral("benchmark");
    case Category::Synthetic: return QStringLiteral("synthetic");
    case Category::ToolUsage: return QStringLiteral("tool_usage");
    case Category::Adversarial: return QStringLiteral("adversarial");
    }
    return {};
}

std::optional<Category> categoryFromKey(QStringView key)
{
    for (Category c : allCategories)
        if (key == categoryKey(c))
            return c;
    return std::nullopt;
}

QString categoryLabel(Category c)
{
    switch (c) {
    case Category::Benchmark: return Tr::tr("Benchmark");
    case Category::Synthetic: return Tr::tr("Synthetic");
    case Category::ToolUsage: return Tr::tr("Tool usage");
    case Category::Adversarial: return Tr::tr("Adversarial");
    }
    return {};
}

QString reviewStatusKey(ReviewStatus s)
{
    switch (s) {
    case ReviewStatus::Pending: return QStringLiteral("pending");
    case ReviewStatus::Accepted: return QStringLiteral("accepted");
    case ReviewStatus::Rejected: return QStringLiteral("rejected");
    case ReviewStatus::Skipped: return QStringLiteral("skipped");
    }
    return {};
}

std::optional<ReviewStatus> reviewStatusFromKey(QStringView key)
{
    for (ReviewStatus s : allReviewStatuses)
        if (key == reviewStatusKey(s))
            return s;
    return std::nullopt;
}

QString reviewStatusLabel(ReviewStatus s)
{
    switch (s) {
    case ReviewStatus::Pending: return Tr::tr("Pending");
    case ReviewStatus::Accepted: return Tr::tr("Accepted");
    case ReviewStatus::Rejected: return Tr::tr("Rejected");
    case ReviewStatus::Skipped: return Tr::tr("Skipped");
    }
    return {};
}

} // namespace kx
