// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jsonqt.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>

namespace kx {

/**
 * Reads a whole JSON document (a BBH task file, a dataset_info.json). Only for
 * files that are small by nature: anything above the size cap is refused
 * rather than loaded. A UTF-8 BOM is accepted; invalid UTF-8 and syntax
 * errors name the file, the 1-based line and column, and the reason.
 * Stateless and thread-safe.
 */
class JsonDocumentReader final
{
    Q_DECLARE_TR_FUNCTIONS(kx::JsonDocumentReader)

public:
    /** The default cap: 256 MiB, far above any task file. */
    static constexpr qint64 defaultMaxBytes = qint64(256) << 20;

    /** Parses @p path, refusing files larger than @p maxBytes. */
    static Result<Json> read(const QString &path, qint64 maxBytes = defaultMaxBytes);

    /** Parses @p text; @p path only names the source in errors. */
    static Result<Json> parse(const QByteArray &text, const QString &path);
};

} // namespace kx
