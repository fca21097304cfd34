// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/parquet/columnvalues.h"

#include <QCoreApplication>
#include <QString>

namespace kx::parquet {

/**
 * Decodes the values section of a data or dictionary page: PLAIN for every
 * physical type, PLAIN_DICTIONARY / RLE_DICTIONARY indices (looked up in the
 * chunk's dictionary), RLE booleans, the delta encodings and
 * BYTE_STREAM_SPLIT. Appends to @p out, whose type and typeLength the caller
 * has set. Stateless; bounds-checked. An encoding not valid for the type
 * fails with a message starting "unsupported:".
 */
class ValueDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(kx::parquet::ValueDecoder)

public:
    /**
     * Decodes @p count values. @p dictionary is needed only for dictionary
     * encodings (nullptr: "dictionary page missing" error).
     * @p unsupported is set when the failure is an unsupported feature rather
     * than corrupt data.
     */
    static bool decode(Encoding encoding, const uint8_t *data, size_t size, size_t count,
                       const ColumnValues *dictionary, ColumnValues &out, QString &error, bool &unsupported);

    /** Decodes @p count PLAIN values. */
    static bool decodePlain(const uint8_t *data, size_t size, size_t count, ColumnValues &out, QString &error);

    /** Decodes @p count BYTE_STREAM_SPLIT values (FLOAT, DOUBLE, INT32, INT64, FLBA). */
    static bool decodeByteStreamSplit(const uint8_t *data, size_t size, size_t count, ColumnValues &out,
                                      QString &error);
};

} // namespace kx::parquet
