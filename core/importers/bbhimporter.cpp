// SPDX-License-Identifier: GPL-3.0-or-later
#include "bbhimporter.h"

#include "formats/jsondocumentreader.h"

#include <QFileInfo>

namespace kx {

QString BbhImporter::taskCapability(const QString &task)
{
    // What each of the 27 BBH tasks mostly exercises (from the BBH paper's task descriptions).
    static const struct { const char *prefix; const char *capability; } table[] = {
        {"boolean_expressions", "logical_reasoning"},
        {"causal_judgement", "causal_reasoning"},
        {"date_understanding", "temporal_reasoning"},
        {"disambiguation_qa", "language_understanding"},
        {"dyck_languages", "symbolic_reasoning"},
        {"formal_fallacies", "logical_reasoning"},
        {"geometric_shapes", "spatial_reasoning"},
        {"hyperbaton", "language_understanding"},
        {"logical_deduction", "logical_reasoning"},
        {"movie_recommendation", "commonsense_reasoning"},
        {"multistep_arithmetic", "mathematical_reasoning"},
        {"navigate", "spatial_reasoning"},
        {"object_counting", "mathematical_reasoning"},
        {"penguins_in_a_table", "tabular_reasoning"},
        {"reasoning_about_colored_objects", "spatial_reasoning"},
        {"ruin_names", "language_understanding"},
        {"salient_translation_error_detection", "language_understanding"},
        {"snarks", "language_understanding"},
        {"sports_understanding", "commonsense_reasoning"},
        {"temporal_sequences", "temporal_reasoning"},
        {"tracking_shuffled_objects", "state_tracking"},
        {"web_of_lies", "logical_reasoning"},
        {"word_sorting", "symbolic_reasoning"},
    };
    for (const auto &entry : table) {
        if (task.startsWith(QLatin1String(entry.prefix)))
            return QLatin1String(entry.capability);
    }
    return {};
}

QString BbhImporter::defaultName(const QString &path, const QStringList &files) const
{
    // A single task gets its own name; a folder of tasks is the benchmark.
    if (files.size() == 1 && QFileInfo(path).isFile())
        return QStringLiteral("BIG-Bench Hard: ") + QFileInfo(files.first()).completeBaseName();
    return QStringLiteral("BIG-Bench Hard");
}

Result<qint64> BbhImporter::convertFile(const QString &file, ScenarioSink &sink,
                                        ImportProgress &progress) const
{
    progress.beginFile();
    auto doc = JsonDocumentReader::read(file);
    if (!doc)
        return doc.error();
    const Json &root = *doc;
    const auto examplesIt = root.is_object() ? root.find("examples") : root.end();
    if (!root.is_object() || examplesIt == root.end() || !examplesIt->is_array())
        return Error::badInput(tr("%1: a BBH task file must be an object with an \"examples\" array").arg(file));
    const Json &examples = *examplesIt;
    if (examples.empty())
        return Error::badInput(tr("%1: \"examples\" is empty").arg(file));

    const QString task = QFileInfo(file).completeBaseName();
    const qint64 fileSize = QFileInfo(file).size();
    const QString idPrefix = QStringLiteral("bbh_%1_").arg(task);
    const QString namePrefix = QStringLiteral("BBH %1 ").arg(task);

    TestScenario scenario;
    scenario.category = Category::Benchmark;
    scenario.expectedCapabilities = {QStringLiteral("complex_reasoning")};
    if (const QString extra = taskCapability(task); !extra.isEmpty())
        scenario.expectedCapabilities.append(extra);
    scenario.provenance.sourceFile = file;
    scenario.provenance.config = task;
    scenario.provenance.split = QStringLiteral("test");
    scenario.messages = {ChatMessage{QStringLiteral("user"), QString(), Json::object()}};

    const qint64 count = qint64(examples.size());
    for (qint64 row = 0; row < count; ++row) {
        const Json &example = examples[size_t(row)];
        const auto input = example.is_object() ? example.find("input") : example.end();
        const auto target = example.is_object() ? example.find("target") : example.end();
        if (!example.is_object() || input == example.end() || !input->is_string())
            return Error::badInput(tr("%1: examples[%2]: \"input\" is missing or not a string").arg(file).arg(row));
        if (target == example.end() || target->is_null() || target->is_structured())
            return Error::badInput(tr("%1: examples[%2]: \"target\" is missing or not a string").arg(file).arg(row));

        const QString number = QString::number(row);
        scenario.id = idPrefix + number;
        scenario.name = namePrefix + number;
        scenario.messages[0].content = qs(input->get_ref<const std::string &>());
        scenario.provenance.row = row;
        Json criteria = Json::object();
        // A few upstream copies store numeric targets as numbers; the answer is compared as text.
        criteria["expected_answer"] = target->is_string() ? *target : Json(dumpCompact(*target));
        criteria["exact_match"] = 1.0;
        scenario.evaluationCriteria = std::move(criteria);
        if (auto r = sink.add(scenario); !r)
            return r.error();
        if (!progress.update(fileSize * (row + 1) / count))
            return cancelledError(file);
    }
    progress.endFile(fileSize);
    return count;
}

} // namespace kx
