// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/testscenario.h"
#include "store/scenarioquery.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

namespace kx {

class WorkspaceStore;

/** What an export wrote. */
struct ExportOutcome
{
    qint64 scenarios = 0;
    double seconds = 0;
};

/**
 * Writes the scenarios a filter selects to a file, streaming them from the
 * workspace (never all in memory): TestScenario JSONL, or parquet in the
 * layout the Hugging Face `datasets` library loads (ScenarioParquetWriter).
 * All or nothing: the file appears only when complete; a failure leaves no
 * file behind and an existing one untouched. Runs on the caller's thread.
 */
class ScenarioExporter final
{
    Q_DECLARE_TR_FUNCTIONS(kx::ScenarioExporter)

public:
    enum class Format { Jsonl, Parquet };

    /** The format a file name asks for: ".parquet" → Parquet, anything else → JSONL. */
    static Format formatForPath(const QString &path);
    /** "jsonl" or "parquet" → the format; nullopt otherwise. */
    static std::optional<Format> formatFromKey(QStringView key);

    /** The scenarios of @p filter in @p store. */
    static Result<ExportOutcome> run(const WorkspaceStore &store, const ScenarioFilter &filter, const QString &path,
                                     Format format);

    /** Receives each scenario to write; an error stops the export. */
    using ScenarioVisitor = std::function<Result<void>(const TestScenario &)>;
    /** Calls the visitor for each scenario to write, in order (a snapshot's frozen copies, say). */
    using ScenarioSource = std::function<Result<void>(const ScenarioVisitor &)>;
    /** The scenarios @p source gives, with the same all-or-nothing rule. */
    static Result<ExportOutcome> write(const QString &path, Format format, const ScenarioSource &source);
};

} // namespace kx
