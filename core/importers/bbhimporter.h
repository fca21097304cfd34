// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenarioconverter.h"

namespace kx {

/**
 * BIG-Bench Hard task files (`<task>.json` = `{"examples": [{"input",
 * "target"}, …]}`) to benchmark scenarios. A folder of tasks is one dataset,
 * "BIG-Bench Hard"; the task (the file's base name) is the scenario's
 * `provenance.config`, so it is a facet rather than a dataset of its own.
 *
 * The user message is `input`; `evaluation_criteria` =
 * `{"expected_answer": target, "exact_match": 1.0}`; capabilities are
 * complex_reasoning plus one for the task when it is a known BBH task
 * (e.g. navigate -> spatial_reasoning). Split is "test", the only one BBH has.
 * Task files are small, so each is parsed whole (JsonDocumentReader).
 */
class BbhImporter final : public ScenarioConverter
{
    Q_DECLARE_TR_FUNCTIONS(kx::BbhImporter)

public:
    QString kind() const override { return QStringLiteral("bbh"); }
    QStringList suffixes() const override { return {QStringLiteral("json")}; }
    QString defaultName(const QString &path, const QStringList &files) const override;
    Result<qint64> convertFile(const QString &file, ScenarioSink &sink,
                               ImportProgress &progress) const override;

    /** The task-specific capability of @p task, or an empty string for a task we do not know. */
    static QString taskCapability(const QString &task);
};

} // namespace kx
