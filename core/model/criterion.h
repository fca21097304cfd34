// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace kx {

/** The four criteria of the quality gate (seed section 4): the gate keeps a scenario when their mean is above the threshold. */
enum class Criterion { Clarity, Complexity, Coverage, Realism };

constexpr Criterion allCriteria[] = {Criterion::Clarity, Criterion::Complexity, Criterion::Coverage, Criterion::Realism};
constexpr int criterionCount = 4;

/** "clarity", "complexity", "coverage", "realism". */
QString criterionKey(Criterion c);
std::optional<Criterion> criterionFromKey(QStringView key);
/** Translated, for display. */
QString criterionLabel(Criterion c);

} // namespace kx
