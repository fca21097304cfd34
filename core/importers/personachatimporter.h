// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenarioconverter.h"

namespace kx {

/**
 * PersonaChat JSON (bavard/personachat_truecased_{full,sample}_{train,valid}.json,
 * personachat_self_original.json): a list of `{personality: [str],
 * utterances: [{candidates: [str], history: [str]}]}` to synthetic
 * persona-memory scenarios, one per dialogue.
 *
 * - messages = the last utterance's full history, roles alternating so that
 *   the last turn is the user's (the partner speaks first);
 * - `memory_requirements` = the persona sentences (the engine must keep them);
 * - `evaluation_criteria` = `{"expected_response": <the gold reply, the last
 *   candidate>, "persona_consistency": 1.0}`;
 * - capabilities persona_consistency, memory_recall;
 * - provenance: config "full" / "sample" (else ""), split train / validation
 *   from the file name, row = the dialogue's 0-based index;
 *   `extra.utterances` = the number of utterances of the dialogue.
 *
 * The file is read whole (JsonDocumentReader, capped at 256 MiB, which holds
 * the 193 MB full train file).
 */
class PersonaChatImporter final : public ScenarioConverter
{
    Q_DECLARE_TR_FUNCTIONS(kx::PersonaChatImporter)

public:
    QString kind() const override { return QStringLiteral("personachat"); }
    QStringList suffixes() const override { return {QStringLiteral("json")}; }
    Category datasetCategory(const QStringList &) const override { return Category::Synthetic; }
    QString defaultName(const QString &path, const QStringList &files) const override;
    Result<qint64> convertFile(const QString &file, ScenarioSink &sink,
                               ImportProgress &progress) const override;
};

} // namespace kx
