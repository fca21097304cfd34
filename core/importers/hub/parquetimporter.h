// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenarioconverter.h"

namespace kx {

/**
 * The parquet path of the converters: reads Hub parquet shards of one kind
 * (ParquetKindDetector's kinds) one row group at a time, decoding only the
 * columns the kind needs (never the audio bytes), and maps the rows with
 * ParquetRowMapper. Config and split come from the Hub layout. Stateless
 * between files; one convertFile() at a time.
 */
class ParquetImporter final : public ScenarioConverter
{
    Q_DECLARE_TR_FUNCTIONS(kx::ParquetImporter)

public:
    /** @p kind is one of ParquetKindDetector::kinds(); @p config / @p split go into provenance. */
    ParquetImporter(QString kind, QString config, QString split);

    QString kind() const override { return m_kind; }
    QStringList suffixes() const override { return {QStringLiteral("parquet")}; }
    Category datasetCategory(const QStringList &files) const override;
    /** "GSM8K main test", "LibriSpeech clean validation", "Audio default test". */
    QString defaultName(const QString &path, const QStringList &files) const override;
    Result<qint64> convertFile(const QString &file, ScenarioSink &sink, ImportProgress &progress) const override;

private:
    QString m_kind;
    QString m_config;
    QString m_split;
};

} // namespace kx
