// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/parquet/parquetwriter.h"
#include "model/testscenario.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace kx {

/**
 * Exports TestScenarios as a Parquet file the Hugging Face `datasets`
 * library loads (`load_dataset("parquet", data_files=…)`). Columns:
 * `id, name, category: string; messages: list<struct<role, content: string>>;
 * memory_requirements, expected_capabilities: list<string>;
 * evaluation_criteria, provenance: string (compact JSON text); status: string
 * (review status key); audio: string (JSON text, null when the scenario has
 * no audio)`. The footer's `huggingface` entry holds the matching Features
 * (datasets >= 4 form, `"_type": "List"`). Not exported: message and scenario
 * `extra` keys and review keys other than the status.
 *
 * Wraps a ParquetWriter (bounded memory, `.partial` file renamed on close()).
 * Not thread-safe.
 */
class ScenarioParquetWriter final
{
    Q_DECLARE_TR_FUNCTIONS(kx::ScenarioParquetWriter)
    Q_DISABLE_COPY_MOVE(ScenarioParquetWriter)

public:
    /** The schema described above. */
    static ParquetWriterSchema schema();
    /** The `huggingface` key-value metadata: {"info": {"features": {...}}}. */
    static Json huggingfaceMetadata();
    /**
     * The inverse of the export: a scenario from one row as ParquetFile::readRowGroup()
     * returns it. Used to round-trip check exports and to re-import them.
     */
    static Result<TestScenario> scenarioFromRow(const Json &row);

    /** Creates `path + ".partial"`; see ParquetWriter::create(). */
    static Result<std::unique_ptr<ScenarioParquetWriter>> create(const QString &path,
                                                                 const ParquetWriterOptions &options = ParquetWriterOptions());

    /** Appends one scenario as one row. */
    Result<void> writeScenario(const TestScenario &scenario);
    /** Writes the footer and renames the file into place. */
    Result<void> close() { return m_writer->close(); }
    /** Discards the partial file. */
    void abort() { m_writer->abort(); }
    qint64 rowsWritten() const { return m_writer->rowsWritten(); }
    qint64 bytesWritten() const { return m_writer->bytesWritten(); }

private:
    explicit ScenarioParquetWriter(std::unique_ptr<ParquetWriter> writer);

    std::unique_ptr<ParquetWriter> m_writer;
    ParquetRow m_row; // reused so the cells keep their capacity between rows
};

} // namespace kx
