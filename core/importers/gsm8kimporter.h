// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenarioconverter.h"

namespace kx {

/**
 * GSM8K JSON Lines (`{"question", "answer"}` per line, as in
 * grade_school_math/data/test.jsonl) to benchmark scenarios.
 *
 * - the user message is the question;
 * - `evaluation_criteria` = `{"expected_answer": <text after the last "####",
 *   trimmed>, "exact_match": 1.0, "reference_solution": <the full answer>}`:
 *   the worked solution is kept in the criteria, not as an assistant message,
 *   so that the scenario's messages stay exactly what the engine is asked;
 * - `expected_capabilities` = mathematical_reasoning, multi_step_reasoning;
 * - provenance: split from the file name ("test…" / "train…"), config
 *   "socratic" for the *_socratic files and "main" otherwise.
 *
 * An answer without a "####" line is an error naming the file and line.
 */
class Gsm8kImporter final : public ScenarioConverter
{
    Q_DECLARE_TR_FUNCTIONS(kx::Gsm8kImporter)

public:
    QString kind() const override { return QStringLiteral("gsm8k"); }
    QStringList suffixes() const override { return {QStringLiteral("jsonl")}; }
    QString defaultName(const QString &path, const QStringList &files) const override;
    Result<qint64> convertFile(const QString &file, ScenarioSink &sink,
                               ImportProgress &progress) const override;

    /** The split ("test", "train" or "") a GSM8K file name stands for. */
    static QString splitOf(const QString &file);
    /** The config ("main" or "socratic") a GSM8K file name stands for. */
    static QString configOf(const QString &file);
};

} // namespace kx
