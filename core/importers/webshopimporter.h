// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenarioconverter.h"

namespace kx {

/**
 * WebShop goal files to web-shopping tool-usage scenarios; the user message
 * is always the shopper's instruction. Shapes (whole JSON documents):
 *
 * - `human_goals.json`: an array of instruction strings; criteria
 *   `{"task_success": 1.0}` (these files carry no product);
 * - `goal_query_map.json`: `{instruction: [search query, …]}`; criteria
 *   `{"reference_search_queries": […]}`;
 * - `items_human_ins.json`: `{asin: [{instruction, instruction_attributes,
 *   instruction_options, …}]}` and `items_ins_v2*.json`: `{asin: {instruction,
 *   instruction_attributes, attributes}}`; criteria `{"target_asin",
 *   "goal_attributes", "goal_options", "price_upper" (when given)}`.
 *
 * Row = the 0-based index of the instruction in file order (for the per-asin
 * lists, counted across all asins). Category tool_usage; capabilities
 * web_navigation, tool_selection; provenance config "human_goals" etc.
 * (the file's base name), split "".
 */
class WebShopImporter final : public ScenarioConverter
{
    Q_DECLARE_TR_FUNCTIONS(kx::WebShopImporter)

public:
    QString kind() const override { return QStringLiteral("webshop"); }
    QStringList suffixes() const override { return {QStringLiteral("json")}; }
    Category datasetCategory(const QStringList &) const override { return Category::ToolUsage; }
    QString defaultName(const QString &path, const QStringList &files) const override;
    Result<qint64> convertFile(const QString &file, ScenarioSink &sink,
                               ImportProgress &progress) const override;
};

} // namespace kx
