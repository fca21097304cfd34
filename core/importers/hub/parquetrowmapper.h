// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/hub/parquetkinddetector.h"
#include "model/testscenario.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace kx {

class ParquetAgentMapper;

/**
 * Turns the decoded rows of one parquet file of a known kind (see
 * ParquetKindDetector) into TestScenarios, with the same fields the
 * converters of the original formats produce. Rows of one conversation
 * (EmpatheticDialogues, PersonaChat with `conv_id`) must be consecutive: they
 * become one scenario, emitted when the next conversation starts or at
 * finish(). Audio is never copied: the scenario's `audio` is a reference
 * `{"parquet", "row_group", "row", "column": "<col>.bytes", "path", "format", …}`
 * that ParquetAudioSource reads on demand. The kinds wow, toolbench and
 * webshop are handed to ParquetAgentMapper. One instance per file; not thread-safe.
 */
class ParquetRowMapper final
{
    Q_DECLARE_TR_FUNCTIONS(kx::ParquetRowMapper)
    Q_DISABLE_COPY_MOVE(ParquetRowMapper)

public:
    /** @p file should be absolute: it goes into provenance and audio references. */
    ParquetRowMapper(QString kind, ParquetKindDetector::Columns columns, QString file, QString config, QString split);
    ~ParquetRowMapper();

    /** The columns to decode: what the kind needs, and only `<audio>.path` of the audio struct. */
    QStringList projection() const;

    /**
     * Maps @p row (row @p rowInGroup of row group @p rowGroup, @p fileRow in
     * the file) and appends the scenarios it completes to @p out. Errors name
     * the file, the row and the column.
     */
    Result<void> map(const Json &row, int rowGroup, qint64 rowInGroup, qint64 fileRow, QList<TestScenario> &out);
    /** Appends the conversation still open, if any. */
    void finish(QList<TestScenario> &out);

private:
    Error rowError(qint64 fileRow, const QString &reason) const;
    Result<QString> text(const Json &row, const char *column, qint64 fileRow) const;
    TestScenario base(const QString &prefix, qint64 fileRow) const;
    Json audioReference(const Json &row, int rowGroup, qint64 rowInGroup) const;
    QString labelOf(const QString &column, const Json &value) const;
    Result<void> mapAudio(const Json &row, int rowGroup, qint64 rowInGroup, qint64 fileRow, TestScenario &s);
    Result<void> mapConversation(const Json &row, qint64 fileRow, QList<TestScenario> &out);

    QString m_kind;
    ParquetKindDetector::Columns m_columns;
    QString m_file;
    QString m_config;
    QString m_split;
    QString m_idPrefix;
    // The conversation being assembled (empathetic, personachat).
    QString m_convId;
    QString m_firstSpeaker;
    bool m_open = false;
    TestScenario m_current;
    std::unique_ptr<ParquetAgentMapper> m_agent; ///< set for ParquetAgentMapper's kinds
};

} // namespace kx
