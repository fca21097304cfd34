// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/hub/parquetkinddetector.h"
#include "model/testscenario.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace kx {

/**
 * The parquet rows of the text-only agent and knowledge-grounded kinds
 * (ParquetKindDetector's "wow", "toolbench", "webshop") to TestScenarios with
 * the fields WowImporter, ToolBenchImporter and WebShopImporter give their
 * JSON forms. Hub copies vary, so each kind reads the shapes found there:
 *
 * - wow, nested: one row per dialog, `dialog` a list of `{speaker, text,
 *   checked_sentence?}` (checked_sentence a struct, a map or a JSON string);
 * - wow, flat: one row per turn (`persona`, `text`, optional `speaker`,
 *   `chosen_topic`, `checked_sentence`); consecutive rows with the same
 *   `dialog_id` / `conv_id` / `episode_id` (else the same chosen_topic and
 *   persona) form one dialog. Without `speaker` turns alternate, the first
 *   being the Apprentice's (user);
 * - toolbench: `query` + `api_list` (a list of structs, or JSON text), with
 *   "relevant APIs" when present; or toolllama's `id` + `conversations`;
 * - webshop: `instruction` with `asin`, `instruction_attributes`,
 *   `instruction_options`, `price_upper` when present; criteria
 *   `{"task_success": 1.0}` for a row without a product.
 *
 * Ids are "<kind>_<file base name>_<first row of the scenario>". One
 * instance per file; not thread-safe.
 */
class ParquetAgentMapper final
{
    Q_DECLARE_TR_FUNCTIONS(kx::ParquetAgentMapper)
    Q_DISABLE_COPY_MOVE(ParquetAgentMapper)

public:
    /** @p file (absolute) goes into provenance; @p idPrefix starts every scenario id. */
    ParquetAgentMapper(QString kind, ParquetKindDetector::Columns columns, QString file, QString config,
                       QString split, QString idPrefix);

    /** Whether @p kind is one this class maps. */
    static bool handles(const QString &kind);
    /** The columns to decode: those of the kind present in the file. */
    QStringList projection() const;
    /** Maps @p row (row @p fileRow of the file), appending the scenarios it completes to @p out. */
    Result<void> map(const Json &row, qint64 fileRow, QList<TestScenario> &out);
    /** Appends the flat WoW dialog still open, if any. */
    void finish(QList<TestScenario> &out);

private:
    Error rowError(qint64 fileRow, const QString &reason) const;
    TestScenario base(const QString &name, qint64 fileRow) const;
    Result<void> mapWowDialog(const Json &row, qint64 fileRow, QList<TestScenario> &out);
    Result<void> mapWowTurn(const Json &row, qint64 fileRow, QList<TestScenario> &out);
    Result<void> mapToolBench(const Json &row, qint64 fileRow, QList<TestScenario> &out);
    Result<void> mapWebShop(const Json &row, qint64 fileRow, QList<TestScenario> &out);

    QString m_kind;
    ParquetKindDetector::Columns m_columns;
    QString m_file;
    QString m_config;
    QString m_split;
    QString m_idPrefix;
    // The flat WoW dialog being assembled.
    bool m_open = false;
    QString m_dialogKey;
    int m_turn = 0;
    TestScenario m_current;
};

} // namespace kx
