// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jsonqt.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace kx {

class ParquetFile;

/**
 * Tells which seed dataset a parquet file holds from its top-level columns
 * and its `huggingface` features metadata, never from its name:
 * gsm8k `question`+`answer`; mmlu `question`+`subject`+`choices`+`answer`;
 * bbh `input`+`target`; personachat `personality`+`candidates`+`history`;
 * empathetic `conv_id`+`utterance_idx`+`context`+`prompt`+`utterance`;
 * librispeech `file`+`audio`+`text`+`speaker_id`+`chapter_id`+`id`;
 * vctk `speaker_id`+`audio`+`text`+`text_id`+`age`+`gender`+`accent`+`region`;
 * wow `dialog` (list of structs with `text`) + `chosen_topic` or `persona`,
 * or the flat per-turn form `persona`+`text`;
 * toolbench `query`+`api_list`, or toolllama's `id`+`conversations` (list of
 * structs with `from` and `value`); webshop `instruction` + one of `asin`,
 * `instruction_attributes`, `instruction_options` (a bare `instruction` column,
 * as in Alpaca-style sets, is not enough);
 * "audio" for any other table with an Audio column. Stateless, thread-safe.
 */
class ParquetKindDetector final
{
    Q_DECLARE_TR_FUNCTIONS(kx::ParquetKindDetector)

public:
    /** What the columns of a file say. */
    struct Columns
    {
        QStringList names;        ///< top-level columns, in schema order
        QString audioColumn;      ///< the first Audio column (HF feature or struct<bytes, path>); empty when none
        Json features = Json::object(); ///< the `huggingface` info.features (empty object when absent)
        /** Per top-level column, the names of its leaves ("dialog" → speaker, text); empty for a leaf column. */
        QHash<QString, QStringList> leafNames;
    };

    /** The columns of @p file. */
    static Columns columnsOf(const ParquetFile &file);
    /** The kind for @p columns, or "unknown". */
    static QString kindOf(const Columns &columns);
    /**
     * The kind of @p file; an unknown schema is an error naming the file and
     * its columns.
     */
    static Result<QString> detect(const ParquetFile &file);
    /** The parquet kinds kindOf() may return (ScenarioConverter kinds plus "audio"). */
    static QStringList kinds();
};

} // namespace kx
