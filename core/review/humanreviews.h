// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/humanreview.h"
#include "model/testscenario.h"

#include <QList>

#include <optional>

/**
 * Reading and writing reviewers' judgements on a scenario (its review JSON,
 * key "reviews"). Pure functions on values: the caller saves the result with
 * WorkspaceStore::updateScenario, which also keeps the human_reviews table
 * in step, so a verdict, its audit-trail entry and the QC mirror are one
 * transaction, and undo is just saving the scenario as it was.
 */
namespace kx::HumanReviews {

/** Every reviewer's review of @p scenario, by reviewer name; damaged entries are left out. */
QList<HumanReview> all(const TestScenario &scenario);
/** @p reviewer's review of @p scenario, if any. */
std::optional<HumanReview> of(const TestScenario &scenario, const QString &reviewer);
/**
 * @p scenario with @p review stored as its reviewer's (replacing an earlier one
 * by the same reviewer). A verdict also becomes the scenario's status: the
 * status always says the latest verdict given.
 */
TestScenario withReview(TestScenario scenario, const HumanReview &review);

} // namespace kx::HumanReviews
