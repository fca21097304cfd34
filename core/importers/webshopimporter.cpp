// SPDX-License-Identifier: GPL-3.0-or-later
#include "webshopimporter.h"

#include "formats/jsondocumentreader.h"

#include <QFileInfo>

namespace kx {

QString WebShopImporter::defaultName(const QString &, const QStringList &files) const
{
    return files.size() == 1 ? QStringLiteral("WebShop ") + QFileInfo(files.first()).completeBaseName()
                             : QStringLiteral("WebShop");
}

Result<qint64> WebShopImporter::convertFile(const QString &file, ScenarioSink &sink,
                                            ImportProgress &progress) const
{
    auto doc = JsonDocumentReader::read(file);
    if (!doc)
        return doc.error();
    progress.beginFile();
    const QString base = QFileInfo(file).completeBaseName();
    const QString idPrefix = QStringLiteral("webshop_") + base + QLatin1Char('_');

    TestScenario scenario;
    scenario.category = Category::ToolUsage;
    scenario.expectedCapabilities = {QStringLiteral("web_navigation"), QStringLiteral("tool_selection")};
    scenario.provenance.sourceFile = file;
    scenario.provenance.config = base;
    scenario.messages = {ChatMessage{QStringLiteral("user"), QString(), Json::object()}};

    qint64 row = 0;
    const auto recordError = [&file, &row](const QString &reason) {
        return Error::badInput(tr("%1: record %2: %3").arg(file).arg(row).arg(reason));
    };
    const auto add = [&](const Json &instruction, Json criteria) -> Result<void> {
        if (!instruction.is_string() || instruction.get_ref<const std::string &>().empty())
            return recordError(tr("the instruction is missing, empty or not a string"));
        const QString number = QString::number(row);
        scenario.id = idPrefix + number;
        scenario.name = QStringLiteral("WebShop %1 %2").arg(base, number);
        scenario.messages[0].content = qs(instruction.get_ref<const std::string &>()).trimmed();
        scenario.provenance.row = row;
        scenario.evaluationCriteria = std::move(criteria);
        if (auto r = sink.add(scenario); !r)
            return r.error();
        ++row;
        if (!progress.update(0))
            return cancelledError(file);
        return {};
    };
    /** Criteria from one product goal ({instruction, instruction_attributes, …}). */
    const auto goalCriteria = [](const std::string &asin, const Json &goal) {
        Json c = Json::object();
        c["target_asin"] = goal.value("asin", asin);
        c["goal_attributes"] = goal.value("instruction_attributes", Json::array());
        c["goal_options"] = goal.value("instruction_options", Json::array());
        if (goal.contains("price_upper"))
            c["price_upper"] = goal["price_upper"];
        return c;
    };

    if (doc->is_array()) {
        for (const Json &instruction : *doc) {
            if (auto r = add(instruction, Json::object({{"task_success", 1.0}})); !r)
                return r.error();
        }
    } else if (doc->is_object()) {
        for (const auto &[key, value] : doc->items()) {
            if (value.is_array() && (value.empty() || value.front().is_string())) {
                // goal_query_map: the key is the instruction, the value its search queries.
                if (auto r = add(Json(key), Json::object({{"reference_search_queries", value}})); !r)
                    return r.error();
            } else if (value.is_array()) {
                for (const Json &goal : value) {
                    if (!goal.is_object())
                        return recordError(tr("a goal of asin %1 is not an object").arg(qs(key)));
                    if (auto r = add(goal.value("instruction", Json()), goalCriteria(key, goal)); !r)
                        return r.error();
                }
            } else if (value.is_object()) {
                if (auto r = add(value.value("instruction", Json()), goalCriteria(key, value)); !r)
                    return r.error();
            } else {
                return recordError(tr("the value of \"%1\" is neither a list nor an object").arg(qs(key)));
            }
        }
    } else {
        return Error::badInput(tr("%1: a WebShop file must be a JSON array or object").arg(file));
    }
    return finishFile(file, row, progress, QFileInfo(file).size());
}

} // namespace kx
