// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jsonqt.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace kx {

/**
 * Guesses what a file holds from its name and its first record, and expands
 * an import path (file or folder) into the files of one kind.
 *
 * Content decides the kind: a first record with `question` + `answer` is
 * gsm8k, `examples` of `{input, target}` is bbh, `messages` + `id` is
 * scenarios, a headerless 6-field CSV record ending in A–D is mmlu. The name
 * decides only what is tried first (.csv is read as CSV, .jsonl as JSON Lines).
 * Reads at most the first two lines of a JSON Lines file, so detecting a huge
 * file is cheap. Stateless and thread-safe.
 */
class KindDetector final
{
    Q_DECLARE_TR_FUNCTIONS(kx::KindDetector)

public:
    /** What one file looks like. */
    struct Detection
    {
        QString format; ///< "jsonl", "json", "csv" or "text" (the audio corpora's transcript files)
        QString kind;   ///< a ScenarioConverter kind, or "unknown"
    };

    /** The files one import path stands for, all of one kind. */
    struct Input
    {
        QString path;      ///< as given
        QString kind;
        QStringList files; ///< sorted; just @c path for a file
    };

    /**
     * Detects one file. A readable file of a known format but unknown kind
     * gives kind "unknown" for .json/.jsonl/.csv names; any other unreadable
     * or unrecognized file is an error naming it and why (empty, invalid
     * UTF-8 or JSON on line 1, or "unknown format (not JSONL, JSON or CSV of a
     * known kind)").
     */
    static Result<Detection> detect(const QString &file);

    /**
     * The kind a file name alone stands for: `*.trans.txt` is librispeech,
     * `speaker-info.txt` vctk, WebShop's `human_goals*.json`,
     * `goal_query_map*.json` and `items_*ins*.json` webshop; else "unknown".
     */
    static QString kindOfPath(const QString &file);

    /**
     * The kind a first JSON record (or a whole JSON document) stands for, or
     * "unknown": an array is judged by its first element (`personality` +
     * `utterances` personachat, `dialog` + `chosen_topic` wow, `query` +
     * `api_list` toolbench), an object with `answer_generation` is toolbench.
     */
    static QString kindOfRecord(const Json &record);

    /**
     * Expands @p path. For a file: its kind (@p kind when not "auto", else
     * detected; unknown is an error). For a folder: every file under it,
     * recursively and sorted, empty files left out; with "auto" the .jsonl/.json/.csv files are
     * detected, files of an unknown kind are left out and a folder mixing
     * kinds is an error asking for --kind; with a given kind, the files with
     * that converter's suffixes are taken.
     */
    static Result<Input> resolve(const QString &path, const QString &kind = QStringLiteral("auto"));
};

} // namespace kx
