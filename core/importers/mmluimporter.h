// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenarioconverter.h"

namespace kx {

/**
 * MMLU's original headerless CSV (question, A, B, C, D, answer letter; fields
 * may be quoted and span lines) to benchmark scenarios. A folder of subject
 * files is one dataset; the subject is the scenario's `provenance.config`.
 *
 * File names follow `<subject>_<split>.csv` with split dev, val or test
 * (`abstract_algebra_dev.csv` -> subject abstract_algebra, split dev); other
 * names give the whole base name as the subject and no split.
 * The user message is the question, then the choices lettered "A. …" to
 * "D. …" on lines of their own; `evaluation_criteria` =
 * `{"expected_answer": letter, "exact_match": 1.0, "choices": [A, B, C, D]}`;
 * capabilities knowledge_recall, multiple_choice.
 */
class MmluImporter final : public ScenarioConverter
{
    Q_DECLARE_TR_FUNCTIONS(kx::MmluImporter)

public:
    QString kind() const override { return QStringLiteral("mmlu"); }
    QStringList suffixes() const override { return {QStringLiteral("csv")}; }
    QString defaultName(const QString &path, const QStringList &files) const override;
    Result<qint64> convertFile(const QString &file, ScenarioSink &sink,
                               ImportProgress &progress) const override;

    /** {subject, split} of an MMLU file name; split is empty when the name has none. */
    static std::pair<QString, QString> subjectAndSplit(const QString &file);
};

} // namespace kx
