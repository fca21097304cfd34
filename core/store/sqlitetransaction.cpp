// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitetransaction.h"

#include "sqlitestatement.h"

#include <sqlite3.h>

namespace kx {

SqliteTransaction::~SqliteTransaction()
{
    rollback();
}

Result<void> SqliteTransaction::begin(bool immediate)
{
    auto r = sqliteExec(m_db, immediate ? "BEGIN IMMEDIATE" : "BEGIN");
    m_open = r.ok();
    return r;
}

Result<void> SqliteTransaction::commit()
{
    auto r = sqliteExec(m_db, "COMMIT");
    if (r)
        m_open = false;
    return r;
}

void SqliteTransaction::rollback()
{
    // SQLite may already have rolled back on its own (e.g. SQLITE_FULL); autocommit tells.
    if (m_open && !sqlite3_get_autocommit(m_db))
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    m_open = false;
}

} // namespace kx
