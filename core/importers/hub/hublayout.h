// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace kx {

/** One config / split of a Hub dataset: the parquet shards that hold it, in order. */
struct HubSplit
{
    QString config;     ///< "default" when the layout names none
    QString split;
    QStringList files;  ///< absolute paths, in shard order (symlinks as found, not resolved)
    QStringList shards; ///< the same files relative to the layout root, for the dataset's metadata
    QString hubId;      ///< "org/name" from a `datasets--org--name` cache folder; empty when unknown
    QString revision;   ///< the `snapshots/<rev>` folder name; empty outside the cache
};

/**
 * Finds the parquet shards of a Hugging Face Hub dataset in a local folder,
 * in the layouts users get them in:
 * - `huggingface-cli download --repo-type dataset`: `<config>/<split>-0000K-of-0000N.parquet`
 *   (a top-level `data/` folder or none stands for config "default");
 * - the converted branch `refs/convert/parquet`: `<config>/<split>/0000.parquet`
 *   (`partial-<split>` folders count as `<split>`);
 * - the Hub cache `datasets--org--name/` (or a folder inside it): the snapshot of
 *   `refs/main` (else the only / last snapshot) is read, its symlinks into `blobs/` followed;
 * - a README.md whose YAML front matter has `configs:` with `data_files` (`split` + `path`
 *   globs, or a plain path / list of paths for split "train"): those globs decide.
 *
 * A `-of-N` shard set must be complete and consistent; a missing shard is an
 * error naming the file that should be there. Stateless and thread-safe.
 */
class HubLayout final
{
    Q_DECLARE_TR_FUNCTIONS(kx::HubLayout)

public:
    /** Whether @p path is a .parquet file or a folder holding one (at any depth). */
    static bool holdsParquet(const QString &path);

    /**
     * The splits under @p path (a folder, or one .parquet file which becomes a
     * single split named from the file), sorted by config then split.
     * Errors: no parquet file, incomplete shard sets, a front matter glob that matches nothing.
     */
    static Result<QList<HubSplit>> scan(const QString &path);

    /**
     * The config and split a shard's path relative to the layout root stands
     * for (`all/test-00000-of-00001.parquet` → all / test); used by scan().
     */
    static void configAndSplitOf(const QString &relativePath, QString &config, QString &split);
};

} // namespace kx
