// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jsonqt.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>

namespace kx {

/** What `kairix inspect` prints about a file. */
struct InspectReport
{
    QString format;            ///< "jsonl", "json", "csv" or "parquet"
    QString kind;              ///< the guessed kind, or "unknown"
    /**
     * Column name -> array of the JSON types seen in the sampled rows; for
     * parquet, column name -> the type from the file's schema as a string
     * ("BYTE_ARRAY STRING", "list<INT64>", "struct<bytes: BYTE_ARRAY, …>").
     */
    Json schema = Json::object();
    qint64 rowCount = 0;       ///< all records of the file
    Json rows = Json::array(); ///< the first N records as JSON objects

    /** `{"format", "kind", "schema", "row_count", "rows"}`. */
    Json toJson() const;
};

/**
 * A quick look at a data file without importing it: its format, guessed kind,
 * the first rows and a schema drawn from them, and the number of records,
 * counted by streaming the whole file (JSON Lines records are counted and
 * UTF-8-checked but not parsed past the sample).
 *
 * CSV rows are objects keyed by column index ("0", "1", …) or, when the first
 * record looks like a header (not MMLU, every field non-empty, distinct and
 * not a number), by its names. A JSON document's rows are its "examples"
 * (BBH), its elements (a top-level array), or the document itself.
 *
 * A .parquet file reads only its footer for the schema, row count and kind
 * (ParquetKindDetector; "unknown" when no seed dataset matches), then the
 * first row group(s) for the sample rows; binary values over 64 bytes read
 * as {"bytes_ref": {"size": n}}, so audio is never copied into the report;
 * a column whose chunk in that row group decodes to more than 256 MiB is not
 * read and its values read {"too_large": {"column_chunk_size": n}}.
 * Stateless and thread-safe.
 */
class Inspector final
{
    Q_DECLARE_TR_FUNCTIONS(kx::Inspector)

public:
    static Result<InspectReport> inspect(const QString &path, int rows = 5);
};

} // namespace kx
