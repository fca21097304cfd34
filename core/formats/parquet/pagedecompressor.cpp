// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/pagedecompressor.h"

#include <brotli/decode.h>
#include <lz4.h>
#include <snappy-c.h>
#include <zlib.h>
#include <zstd.h>

#include <climits>

namespace kx::parquet {

namespace {

uint32_t be32(const uint8_t *p)
{
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

bool inflateAll(const uint8_t *data, size_t size, std::vector<uint8_t> &out)
{
    z_stream zs{};
    // 15 + 32: accept both gzip and zlib headers.
    if (inflateInit2(&zs, 15 + 32) != Z_OK)
        return false;
    zs.next_in = const_cast<Bytef *>(data);
    zs.avail_in = uInt(size);
    zs.next_out = out.data();
    zs.avail_out = uInt(out.size());
    bool ok = false;
    for (;;) {
        const int rc = inflate(&zs, Z_FINISH);
        if (rc == Z_STREAM_END) {
            // Concatenated gzip members: start again on the next member.
            if (zs.avail_in > 0 && zs.avail_out > 0) {
                if (inflateReset(&zs) != Z_OK)
                    break;
                continue;
            }
            ok = zs.avail_out == 0;
            break;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            break;
        if (rc == Z_BUF_ERROR || zs.avail_out == 0)
            break; // out of input or output before the stream ended
    }
    inflateEnd(&zs);
    return ok;
}

bool lz4Hadoop(const uint8_t *data, size_t size, std::vector<uint8_t> &out)
{
    // Hadoop framing: blocks of [BE uncompressed size][BE compressed size][lz4 block].
    size_t in = 0, written = 0;
    while (in < size) {
        if (size - in < 8)
            return false;
        const uint32_t rawLen = be32(data + in);
        const uint32_t compLen = be32(data + in + 4);
        in += 8;
        if (compLen > size - in || rawLen > out.size() - written || compLen > INT_MAX)
            return false;
        const int n = LZ4_decompress_safe(reinterpret_cast<const char *>(data + in),
                                          reinterpret_cast<char *>(out.data() + written), int(compLen),
                                          int(out.size() - written));
        if (n < 0 || uint32_t(n) != rawLen)
            return false;
        in += compLen;
        written += rawLen;
    }
    return written == out.size();
}

bool lz4Raw(const uint8_t *data, size_t size, std::vector<uint8_t> &out)
{
    if (size > INT_MAX || out.size() > INT_MAX)
        return false;
    const int n = LZ4_decompress_safe(reinterpret_cast<const char *>(data), reinterpret_cast<char *>(out.data()),
                                      int(size), int(out.size()));
    return n >= 0 && size_t(n) == out.size();
}

} // namespace

Result<void> PageDecompressor::decompress(Codec codec, const uint8_t *data, size_t size, size_t uncompressedSize,
                                          std::vector<uint8_t> &out, int64_t fileOffset)
{
    out.resize(uncompressedSize);
    if (uncompressedSize == 0 && codec != Codec::Lzo && codec <= Codec::Lz4Raw)
        return {}; // an empty page (e.g. a v2 page of nulls only): nothing to inflate
    bool ok = false;
    QString name;
    switch (codec) {
    case Codec::Uncompressed:
        if (size != uncompressedSize)
            return Error::badInput(tr("page at byte offset %1: uncompressed page holds %2 bytes, header says %3")
                                       .arg(fileOffset).arg(size).arg(uncompressedSize));
        std::copy(data, data + size, out.begin());
        return {};
    case Codec::Snappy: {
        name = QStringLiteral("SNAPPY");
        size_t len = 0;
        if (snappy_uncompressed_length(reinterpret_cast<const char *>(data), size, &len) == SNAPPY_OK
            && len == uncompressedSize) {
            size_t outLen = out.size();
            ok = snappy_uncompress(reinterpret_cast<const char *>(data), size, reinterpret_cast<char *>(out.data()),
                                   &outLen) == SNAPPY_OK
                && outLen == uncompressedSize;
        }
        break;
    }
    case Codec::Gzip:
        name = QStringLiteral("GZIP");
        ok = uncompressedSize == 0 ? size == 0 || inflateAll(data, size, out) : inflateAll(data, size, out);
        break;
    case Codec::Zstd: {
        name = QStringLiteral("ZSTD");
        const size_t n = ZSTD_decompress(out.data(), out.size(), data, size);
        ok = !ZSTD_isError(n) && n == uncompressedSize;
        break;
    }
    case Codec::Brotli: {
        name = QStringLiteral("BROTLI");
        size_t outLen = out.size();
        ok = BrotliDecoderDecompress(size, data, &outLen, out.data()) == BROTLI_DECODER_RESULT_SUCCESS
            && outLen == uncompressedSize;
        break;
    }
    case Codec::Lz4Raw:
        name = QStringLiteral("LZ4_RAW");
        ok = lz4Raw(data, size, out);
        break;
    case Codec::Lz4:
        name = QStringLiteral("LZ4");
        ok = lz4Hadoop(data, size, out) || lz4Raw(data, size, out);
        break;
    case Codec::Lzo:
        return Error{Error::Code::Unsupported, tr("unsupported: LZO compression (page at byte offset %1)").arg(fileOffset)};
    default:
        return Error{Error::Code::Unsupported,
                     tr("unsupported: compression codec %1 (page at byte offset %2)").arg(int(codec)).arg(fileOffset)};
    }
    if (!ok)
        return Error::badInput(tr("page at byte offset %1: %2 data does not decompress to the %3 bytes the header announces")
                                   .arg(fileOffset).arg(name).arg(uncompressedSize));
    return {};
}

} // namespace kx::parquet
