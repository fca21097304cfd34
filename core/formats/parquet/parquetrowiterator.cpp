// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/parquetrowiterator.h"

namespace kx {

ParquetRowIterator::ParquetRowIterator(ParquetFile &file, QStringList columns, ParquetReadOptions options)
    : m_file(file), m_columns(std::move(columns)), m_options(options)
{
}

Result<bool> ParquetRowIterator::next()
{
    ++m_index;
    // Skip empty row groups; load the next one when the current is used up.
    while (m_index >= qint64(m_batch.rows.size())) {
        if (m_nextGroup >= m_file.rowGroupCount())
            return false;
        Result<ParquetRowGroupBatch> batch = m_file.readRowGroup(m_nextGroup++, m_columns, m_options);
        if (!batch)
            return batch.error();
        m_batch = std::move(*batch);
        m_index = 0;
    }
    return true;
}

} // namespace kx
