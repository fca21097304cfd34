// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenarioconverter.h"

namespace kx {

/**
 * EmpatheticDialogues CSV (empatheticdialogues/{train,valid,test}.csv, header
 * conv_id,utterance_idx,context,prompt,speaker_idx,utterance,selfeval,tags) to
 * synthetic conversation scenarios, one per conversation.
 *
 * - the rows of one `conv_id` (which the files keep consecutive) become the
 *   messages: the speaker of the first row is the user, the other speaker the
 *   assistant; "_comma_" is turned back into ",";
 * - `evaluation_criteria` = `{"emotion": context, "situation": prompt,
 *   "empathy": 1.0}`: the situation is what the user's side knows, so it is a
 *   criterion for the reviewer, never a system message the engine would see;
 * - `expected_capabilities` = empathy, emotional_awareness, multi_turn_conversation;
 * - provenance: config "default", split train / validation / test from the
 *   file name, row = the 0-based data row of the conversation's first
 *   utterance; `provenance.extra` = `{"conv_id", "last_row"}`;
 *   `extra.empathetic_dialogues` = `{"selfeval", "tags"}`.
 *
 * Streams the file: only the current conversation is held. A ragged row, a
 * missing column or a conversation whose rows are not consecutive is an error
 * naming the file and line.
 */
class EmpatheticImporter final : public ScenarioConverter
{
    Q_DECLARE_TR_FUNCTIONS(kx::EmpatheticImporter)

public:
    QString kind() const override { return QStringLiteral("empathetic"); }
    QStringList suffixes() const override { return {QStringLiteral("csv")}; }
    Category datasetCategory(const QStringList &) const override { return Category::Synthetic; }
    QString defaultName(const QString &path, const QStringList &files) const override;
    Result<qint64> convertFile(const QString &file, ScenarioSink &sink,
                               ImportProgress &progress) const override;

    /** The split ("train", "validation", "test" or "") a file name stands for. */
    static QString splitOf(const QString &file);
    /** The columns a header must hold. */
    static QStringList requiredColumns();
    /** @p text with every "_comma_" turned back into ",". */
    static QString restoreCommas(QString text);
};

} // namespace kx
