// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: opens the input as an in-memory parquet file and decodes
// every row group, then every binary cell of the first row group. Any crash,
// sanitizer report, leak or hang is a bug; errors are the expected outcome.
#include "formats/parquet/parquetfile.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto file = kx::ParquetFile::fromBytes(bytes, QStringLiteral("fuzz.parquet"));
    if (!file)
        return 0;
    kx::ParquetFile &f = **file;
    kx::ParquetReadOptions options;
    options.inlineBinaryLimit = 16;
    for (int g = 0; g < f.rowGroupCount(); ++g) {
        auto batch = f.readRowGroup(g, {}, options);
        if (!batch)
            continue;
        (void)kx::dumpCompact(batch->rows.empty() ? kx::Json() : batch->rows.front());
    }
    if (f.rowGroupCount() > 0) {
        for (int leaf : f.schema().leaves()) {
            const QString path = f.schema().node(leaf).path.join(QLatin1Char('.'));
            for (qint64 r = 0; r < qMin<qint64>(f.rowGroupRowCount(0), 4); ++r)
                (void)f.readBinaryCell(0, r, path);
        }
    }
    return 0;
}
