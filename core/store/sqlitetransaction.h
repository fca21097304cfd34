// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QtGlobal>

struct sqlite3;

namespace kx {

/**
 * A transaction scope: begin() starts it (IMMEDIATE by default, so a writer
 * learns about a competing writer up front rather than at its first write),
 * commit() ends it, and destruction without commit rolls it back.
 * Not thread-safe; the connection must outlive it.
 */
class SqliteTransaction final
{
    Q_DISABLE_COPY_MOVE(SqliteTransaction)

public:
    explicit SqliteTransaction(sqlite3 *db) : m_db(db) {}
    ~SqliteTransaction();

    Result<void> begin(bool immediate = true);
    Result<void> commit();
    /** Rolls back now; harmless when nothing is open. */
    void rollback();
    bool isOpen() const { return m_open; }

private:
    sqlite3 *m_db = nullptr;
    bool m_open = false;
};

} // namespace kx
