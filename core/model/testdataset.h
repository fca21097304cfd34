// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/category.h"
#include "util/jsonqt.h"

#include <QDateTime>
#include <QString>

namespace kx {

/**
 * A registered dataset, with the seed's `TestDataset` fields (`id`, `name`,
 * `version`, `created_at`, `baseline_scores`, `metadata`). Its scenarios live in
 * the workspace and are paged from there, never held here: a dataset may have
 * millions of them. @ref kind names the converter that produced it
 * ("gsm8k", "bbh", "mmlu", "scenarios", "demo", …).
 */
struct TestDataset
{
    qint64 id = 0;
    QString name;
    QString version = QStringLiteral("1.0");
    QString kind;
    Category category = Category::Benchmark;
    QString source;                         ///< file or folder it was imported from, or the generator
    QDateTime createdAt;                    ///< UTC
    Json baselineScores = Json::object();
    Json metadata = Json::object();
    qint64 scenarioCount = 0;               ///< filled in by the store

    /** The registry entry as JSON (no scenarios). */
    Json toJson() const;
    bool operator==(const TestDataset &) const = default;
};

} // namespace kx
