// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace kx {

/**
 * The `configs:` section of a Hub dataset card's YAML front matter (the part
 * of README.md between the leading `---` lines). Only the subset the Hub
 * writes is understood: block sequences and mappings by indentation, plain
 * and quoted scalars, and `[a, b]` flow lists. A plain value type.
 */
struct HubFrontMatter
{
    Q_DECLARE_TR_FUNCTIONS(kx::HubFrontMatter)

public:
    struct DataFiles
    {
        QString split;      ///< "train" when the card gives bare paths
        QStringList globs;  ///< relative to the card's folder; `*`, `**` and `?` wildcards
    };
    struct Config
    {
        QString name;
        QList<DataFiles> dataFiles;
    };

    QList<Config> configs;

    /**
     * Parses the front matter of @p readmePath. A card without front matter
     * or without `configs:` gives no configs (not an error); a malformed
     * `configs:` section is an error naming the file and line.
     */
    static Result<HubFrontMatter> read(const QString &readmePath);
    /** Same on text already read; @p name is used in messages. */
    static Result<HubFrontMatter> parse(const QString &text, const QString &name);
    /** The regular expression (anchored) for a data_files glob. */
    static QString globToRegex(const QString &glob);
};

} // namespace kx
