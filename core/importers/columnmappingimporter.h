// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenarioconverter.h"

#include <QHash>

namespace kx {

/**
 * The generic import for any other dataset: JSON Lines, CSV (with a header)
 * or Parquet whose columns are mapped to scenario fields, e.g. `--map
 * user=question,expected=answer,id=qid`. Parquet is read a row group at a
 * time, decoding only the mapped top-level columns; non-string values
 * (numbers, lists, structs) become their compact JSON text.
 *
 * Targets: `user` (required, the user message), `system` (a system message
 * before it), `assistant` or `expected` (criteria `expected_answer`),
 * `id`, `name`, `category` (a category key per row). A column named in the
 * mapping but absent from a file's header / first record is an error naming
 * the file and the column. Category defaults to benchmark (or the mapped
 * column's value). Kind key "generic".
 */
class ColumnMappingImporter final : public ScenarioConverter
{
    Q_DECLARE_TR_FUNCTIONS(kx::ColumnMappingImporter)

public:
    /** @p mapping: target field -> source column. */
    explicit ColumnMappingImporter(QHash<QString, QString> mapping = {}) : m_mapping(std::move(mapping)) {}

    QString kind() const override { return QStringLiteral("generic"); }
    QStringList suffixes() const override { return {QStringLiteral("jsonl"), QStringLiteral("csv"), QStringLiteral("parquet")}; }
    QString defaultName(const QString &path, const QStringList &files) const override;
    Result<qint64> convertFile(const QString &file, ScenarioSink &sink,
                               ImportProgress &progress) const override;

    /**
     * Parses `user=question,expected=answer` items (each item may itself hold
     * commas); unknown targets or a missing `user` are errors.
     */
    static Result<QHash<QString, QString>> parseMapping(const QStringList &items);

private:
    Result<qint64> convertJsonl(const QString &file, ScenarioSink &sink, ImportProgress &progress) const;
    Result<qint64> convertCsv(const QString &file, ScenarioSink &sink, ImportProgress &progress) const;
    Result<qint64> convertParquet(const QString &file, ScenarioSink &sink, ImportProgress &progress) const;
    /** Builds one scenario from a row's mapped values (target -> text). */
    Result<TestScenario> scenarioOf(const QString &file, qint64 row, const QHash<QString, QString> &values) const;

    QHash<QString, QString> m_mapping;
};

} // namespace kx
