// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/cancellation.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace kx {

class WorkspaceStore;

/** What to import: files or folders, the kind ("auto" detects it) and an optional dataset name. */
struct ImportRequest
{
    QStringList paths;
    QString kind = QStringLiteral("auto");
    QString name; ///< empty: a readable default per dataset
    /**
     * Column mapping items for the generic import ("user=question",
     * "expected=answer,id=qid"); when given, every path is read as kind
     * "generic" through ColumnMappingImporter, whatever @ref kind says.
     */
    QStringList mapping;
};

/** What an import did. */
struct ImportOutcome
{
    QList<qint64> datasetIds; ///< one per path of the request, in order (one per config / split for Hub parquet)
    QString kind;             ///< the kind imported ("a, b" when paths differ)
    qint64 scenarios = 0;
    double seconds = 0;
};

/**
 * Runs an import into a workspace: each path of the request becomes one
 * dataset (a folder's files of one kind go into a single dataset), all of it
 * in one ImportSession, i.e. one transaction committed at the very end. On any
 * error, or when @c control asks to stop, the session is rolled back and the
 * workspace is exactly as before.
 *
 * Progress is reported in bytes read against the total size of all input
 * files. Runs on the calling thread, which must be the store's thread.
 * Relative paths are made absolute against the working directory, so that
 * provenance stays usable. Datasets get: the given name (or "GSM8K test",
 * "MMLU dev", "BIG-Bench Hard", the file's base name…), the kind, `source` = the path,
 * `created_at` = now (UTC) and `metadata` = `{"files": [...], "kind": …}`.
 *
 * A .parquet file, or a folder holding parquet shards in a Hugging Face Hub
 * layout (see HubLayout), imports as one dataset per config and split, its
 * kind detected from each shard's columns (ParquetKindDetector); their
 * metadata adds `hub_id`, `config`, `split`, `revision` (null when unknown)
 * and `shards` (paths relative to the layout root, in order). Audio stays in
 * the parquet files: scenarios hold references, never the bytes.
 */
class ImportService final
{
    Q_DECLARE_TR_FUNCTIONS(kx::ImportService)

public:
    static Result<ImportOutcome> run(WorkspaceStore &store, const ImportRequest &request,
                                     const WorkControl &control = {});
};

} // namespace kx
