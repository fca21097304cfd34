// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitestatement.h"

#include <sqlite3.h>

namespace kx {

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_lastCode(other.m_lastCode)
{
}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_lastCode = other.m_lastCode;
    }
    return *this;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

Result<SqliteStatement> SqliteStatement::prepare(sqlite3 *db, std::string_view sql)
{
    sqlite3_stmt *stmt = nullptr;
    // PERSISTENT: most statements are kept and reused for a whole import or page walk.
    const int rc = sqlite3_prepare_v3(db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                      nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return sqliteError(db, tr("while preparing \"%1\"")
                                   .arg(QString::fromUtf8(sql.data(), qsizetype(sql.size())).simplified()));
    }
    return SqliteStatement(stmt);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bind(int index, const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        bindNull(index);
    else if (value.typeId() == QMetaType::QString)
        bind(index, value.toString());
    else if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Float)
        bind(index, value.toDouble());
    else
        bind(index, value.toLongLong());
}

void SqliteStatement::bindStatic(int index, const QByteArray &utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

void SqliteStatement::bindStatic(int index, std::string_view utf8)
{
    // A null data pointer would bind NULL; an empty string must stay an empty string.
    sqlite3_bind_text(m_stmt, index, utf8.data() ? utf8.data() : "", int(utf8.size()), SQLITE_STATIC);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

int SqliteStatement::parameterIndex(const char *name) const
{
    return sqlite3_bind_parameter_index(m_stmt, name);
}

Result<bool> SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    m_lastCode = sqlite3_extended_errcode(sqlite3_db_handle(m_stmt));
    Error e = sqliteError(sqlite3_db_handle(m_stmt), tr("while running \"%1\"")
                                                         .arg(QString::fromUtf8(sqlite3_sql(m_stmt)).simplified()));
    sqlite3_reset(m_stmt);
    return e;
}

Result<void> SqliteStatement::exec()
{
    auto r = step();
    sqlite3_reset(m_stmt);
    if (!r)
        return r.error();
    return {};
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
}

qint64 SqliteStatement::columnInt(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString SqliteStatement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column));
}

std::string_view SqliteStatement::columnUtf8(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return text ? std::string_view(text, size_t(sqlite3_column_bytes(m_stmt, column))) : std::string_view();
}

bool SqliteStatement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

void SqliteStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
}

double SqliteStatement::columnDouble(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QVariant SqliteStatement::columnValue(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER: return QVariant(columnInt(column));
    case SQLITE_FLOAT: return QVariant(sqlite3_column_double(m_stmt, column));
    case SQLITE_NULL: return QVariant();
    default: return QVariant(columnText(column));
    }
}

Result<void> sqliteExec(sqlite3 *db, const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        Error e = sqliteError(db, SqliteStatement::tr("while running \"%1\"").arg(QString::fromUtf8(sql).simplified()));
        sqlite3_free(message);
        return e;
    }
    return {};
}

Error sqliteError(sqlite3 *db, const QString &context)
{
    const QString file = QString::fromUtf8(sqlite3_db_filename(db, "main"));
    return Error::database(SqliteStatement::tr("%1: SQLite error %2 (%3) %4")
                               .arg(file.isEmpty() ? QStringLiteral(":memory:") : file)
                               .arg(sqlite3_extended_errcode(db))
                               .arg(QString::fromUtf8(sqlite3_errmsg(db)), context));
}

} // namespace kx
