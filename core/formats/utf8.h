// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace kx::utf8 {

/**
 * The offset of the first byte of @p data that is not part of a well-formed
 * UTF-8 sequence, or -1 when all @p size bytes are valid.
 *
 * Strict (RFC 3629): overlong forms, surrogates (U+D800..U+DFFF), code points
 * above U+10FFFF and truncated sequences are all invalid. Pure ASCII runs are
 * checked eight bytes at a time, since that is what almost every input is.
 * Thread-safe; allocates nothing.
 */
qsizetype firstInvalid(const char *data, qsizetype size);

} // namespace kx::utf8
