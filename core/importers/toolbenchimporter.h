// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenarioconverter.h"

namespace kx {

/**
 * ToolBench JSON (the data/ and data_example/ trees) to tool-usage scenarios.
 * Three shapes are read, each a whole JSON document:
 *
 * - query lists (`instruction/G1_query.json`, `inference_query_demo*.json`):
 *   an array of `{query, query_id, api_list, "relevant APIs"}`, one scenario
 *   per element (row = its index). `extra.available_apis` = api_list;
 *   `evaluation_criteria.expected_tool_calls` = `[{"tool", "api"}]` from
 *   "relevant APIs" (absent when the file has none);
 * - DFS answer trees (`answer/G1_answer/<id>_ChatGPT_DFS_woFilter_w2.json`):
 *   one object, one scenario (row 0). `extra.available_apis` =
 *   answer_generation.function; criteria: `expected_tool_calls` =
 *   `[{"name", "arguments"}]` of the winning chain (the last train_messages
 *   list, the final "Finish" call left out), `final_answer`, `finish_type`,
 *   `valid_data`;
 * - ToolLLaMA conversations (`toolllama_G123_dfs_*.json`): an array of
 *   `{id, conversations: [{from, value}]}`; the first "user" value is the
 *   message, the "system" value goes to `extra.system_prompt`, and the
 *   assistant turns' "Action:" / "Action Input:" lines become expected_tool_calls.
 *
 * Cached API responses (`toolenv/response_examples/…`) hold no query and are
 * skipped (0 scenarios) when a folder is imported with --kind toolbench.
 * Every scenario: category tool_usage, capabilities tool_selection,
 * api_calling, multi_step_planning; provenance config = the group ("G1",
 * "G2", "G3") or the file's base name; split "" (ToolBench has none on disk).
 */
class ToolBenchImporter final : public ScenarioConverter
{
    Q_DECLARE_TR_FUNCTIONS(kx::ToolBenchImporter)

public:
    QString kind() const override { return QStringLiteral("toolbench"); }
    QStringList suffixes() const override { return {QStringLiteral("json")}; }
    Category datasetCategory(const QStringList &) const override { return Category::ToolUsage; }
    QString defaultName(const QString &path, const QStringList &files) const override;
    Result<qint64> convertFile(const QString &file, ScenarioSink &sink,
                               ImportProgress &progress) const override;

    /** "G1" for G1_query.json or G1_answer/…, else the file's base name. */
    static QString groupOf(const QString &file);
};

} // namespace kx
