// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/parquet/parquetfile.h"

namespace kx {

/**
 * Walks the rows of a ParquetFile in order, decoding one row group at a time
 * (memory bounded by a row group). The file must outlive the iterator and is
 * not shared with other users meanwhile. Not thread-safe.
 *
 *   ParquetRowIterator it(file, {"audio", "label"});
 *   for (Result<bool> more = it.next(); more && *more; more = it.next())
 *       use(it.row(), it.rowGroup(), it.rowInGroup());
 */
class ParquetRowIterator final
{
    Q_DISABLE_COPY_MOVE(ParquetRowIterator)

public:
    ParquetRowIterator(ParquetFile &file, QStringList columns = {}, ParquetReadOptions options = ParquetReadOptions());

    /** Advances to the next row: true when there is one, false at the end, or the decoding error. */
    Result<bool> next();
    /** The current row; valid after next() returned true, until the next call. */
    Json &row() { return m_batch.rows[size_t(m_index)]; }
    int rowGroup() const { return m_batch.rowGroup; }
    qint64 rowInGroup() const { return m_index; }

private:
    ParquetFile &m_file;
    QStringList m_columns;
    ParquetReadOptions m_options;
    ParquetRowGroupBatch m_batch;
    int m_nextGroup = 0;
    qint64 m_index = -1;
};

} // namespace kx
