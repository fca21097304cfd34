// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenarioconverter.h"

namespace kx {

/**
 * Our own TestScenario JSON Lines (what `kairix export` writes): each line
 * goes through TestScenario::fromJson unchanged, category and provenance
 * included, so export -> import -> export yields the same records. A record
 * with no provenance at all keeps none: adding one would break that promise.
 * The dataset's category is the first record's.
 */
class ScenarioJsonlImporter final : public ScenarioConverter
{
    Q_DECLARE_TR_FUNCTIONS(kx::ScenarioJsonlImporter)

public:
    QString kind() const override { return QStringLiteral("scenarios"); }
    QStringList suffixes() const override { return {QStringLiteral("jsonl")}; }
    Category datasetCategory(const QStringList &files) const override;
    QString defaultName(const QString &path, const QStringList &files) const override;
    Result<qint64> convertFile(const QString &file, ScenarioSink &sink,
                               ImportProgress &progress) const override;
};

} // namespace kx
