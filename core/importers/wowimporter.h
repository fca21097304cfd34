// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenarioconverter.h"

namespace kx {

/**
 * Wizard of Wikipedia (ParlAI wizard_of_wikipedia: data.json, train.json,
 * {valid,test}_{random,topic}_split.json): a JSON array of dialogs
 * `{chosen_topic, persona, dialog: [{speaker, text, checked_sentence: {key: sentence}}]}`
 * to synthetic knowledge-grounded conversations, one per dialog.
 *
 * - messages = the turns; a speaker containing "Wizard" is the assistant,
 *   any other (the Apprentice) the user;
 * - `memory_requirements` = "Topic: <chosen_topic>" then each distinct checked
 *   sentence the wizard used ("no_passages_used" left out): the knowledge the
 *   answers rest on;
 * - `evaluation_criteria` = `{"knowledge_grounding": 1.0, "topic": <chosen_topic>}`;
 * - `extra.apprentice_persona` = persona; capabilities knowledge_grounding, factual_recall;
 * - provenance: split train / validation / test and config random_split /
 *   topic_split from the file name, row = the dialog's 0-based index.
 */
class WowImporter final : public ScenarioConverter
{
    Q_DECLARE_TR_FUNCTIONS(kx::WowImporter)

public:
    QString kind() const override { return QStringLiteral("wow"); }
    QStringList suffixes() const override { return {QStringLiteral("json")}; }
    Category datasetCategory(const QStringList &) const override { return Category::Synthetic; }
    QString defaultName(const QString &path, const QStringList &files) const override;
    Result<qint64> convertFile(const QString &file, ScenarioSink &sink,
                               ImportProgress &progress) const override;
};

} // namespace kx
