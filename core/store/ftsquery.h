// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace kx {

/**
 * Turns what a user typed into an FTS5 query that can never be a syntax
 * error: every word becomes a quoted phrase (quotes doubled), the words are
 * ANDed, and the last one is a prefix query (`"word"*`) so results follow the
 * typing. FTS operators the user types (AND, NEAR, *, parentheses, column
 * filters) are searched as plain text. Stateless and thread-safe.
 */
class FtsQuery final
{
public:
    /** The MATCH expression for @p userText, or an empty string when it holds no searchable word. */
    static QString fromUserText(const QString &userText);
};

} // namespace kx
