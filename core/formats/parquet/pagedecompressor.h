// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/parquet/parquetmetadata.h"
#include "util/result.h"

#include <QCoreApplication>

#include <cstdint>
#include <vector>

namespace kx::parquet {

/**
 * Decompresses one page body with the column chunk's codec over Debian's
 * codec libraries (snappy, zlib, zstd, brotli, lz4). The output must come out
 * at exactly the size the page header announces; anything else is an error
 * naming the page's file offset. Stateless; safe from any thread.
 *
 * GZIP accepts concatenated gzip members; LZ4 (the deprecated codec) tries the
 * Hadoop framing first and falls back to a raw LZ4 block, the way other
 * readers do for files from older Arrow versions. LZO is refused as
 * "unsupported: LZO compression".
 */
class PageDecompressor final
{
    Q_DECLARE_TR_FUNCTIONS(kx::parquet::PageDecompressor)

public:
    static Result<void> decompress(Codec codec, const uint8_t *data, size_t size, size_t uncompressedSize,
                                   std::vector<uint8_t> &out, int64_t fileOffset);
};

} // namespace kx::parquet
