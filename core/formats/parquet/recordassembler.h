// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/parquet/columnchunkreader.h"
#include "formats/parquet/parquetschema.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QCoreApplication>

#include <vector>

namespace kx::parquet {

/**
 * Rebuilds nested records from the Dremel levels of a row group's decoded
 * leaf columns, as JSON objects keyed by top-level field name:
 * - groups become objects, repeated fields arrays, missing optionals null;
 * - LIST groups (3-level, and the legacy 2-level forms: a repeated primitive,
 *   a repeated group with several fields, or one named "array"/"<name>_tuple")
 *   become arrays of their elements;
 * - MAP groups become objects keyed by the key's text (non-string keys are
 *   written as their JSON text).
 * Leaves are written one column at a time straight into the shared row
 * objects, so no per-column record trees are merged. Levels that contradict
 * the schema or each other (row counts differing between columns, values
 * left over) are errors, never crashes. Stateless; safe from any thread.
 */
class RecordAssembler final
{
    Q_DECLARE_TR_FUNCTIONS(kx::parquet::RecordAssembler)

public:
    /** One projected leaf: its schema node index and decoded chunk. */
    struct Leaf
    {
        int node = -1;
        const ColumnData *data = nullptr;
    };

    /**
     * Appends @p numRows rows to @p rows. @p topLevel lists the node indices
     * of the projected top-level fields, in schema order.
     */
    static Result<void> assemble(const ParquetSchema &schema, const std::vector<Leaf> &leaves,
                                 const std::vector<int> &topLevel, int64_t numRows, qint64 inlineBinaryLimit,
                                 std::vector<Json> &rows);

private:
    static Result<void> assembleLeaf(const ParquetSchema &schema, const Leaf &leaf, int64_t numRows,
                                     qint64 inlineBinaryLimit, Json *rows);
    static void convertField(const ParquetSchema &schema, int node, Json &j);
    static void convertValue(const ParquetSchema &schema, int node, Json &j);
};

} // namespace kx::parquet
