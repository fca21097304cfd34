// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVariant>

#include <string_view>
#include <type_traits>

struct sqlite3;
struct sqlite3_stmt;

namespace kx {

/**
 * One prepared SQLite statement, finalized on destruction (RAII over
 * sqlite3_stmt). Not thread-safe: use it on the thread that owns the
 * connection. The connection must outlive the statement.
 *
 * Text is bound with SQLITE_TRANSIENT unless bindStatic() is used, in which
 * case the caller keeps the bytes alive until the next step() or reset().
 */
class SqliteStatement final
{
    Q_DECLARE_TR_FUNCTIONS(kx::SqliteStatement)
    Q_DISABLE_COPY(SqliteStatement)

public:
    SqliteStatement() = default;
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    ~SqliteStatement();

    /** Prepares @p sql on @p db; the error names the SQL and SQLite's reason. */
    static Result<SqliteStatement> prepare(sqlite3 *db, std::string_view sql);
    /** The same for SQL assembled as a QByteArray (also accepts QStringBuilder expressions). */
    static Result<SqliteStatement> prepare(sqlite3 *db, const QByteArray &sql)
    {
        return prepare(db, std::string_view(sql.constData(), size_t(sql.size())));
    }
    static Result<SqliteStatement> prepare(sqlite3 *db, const char *sql) { return prepare(db, std::string_view(sql)); }

    bool isValid() const { return m_stmt != nullptr; }
    sqlite3_stmt *get() const { return m_stmt; }

    // 1-based parameter index, as in the C API.
    void bind(int index, qint64 value);
    void bind(int index, const QString &value);
    void bind(int index, double value);
    void bind(int index, const QVariant &value);     ///< strings as text, doubles as reals, other numbers as integers, null as NULL
    void bindStatic(int index, const QByteArray &utf8); ///< no copy; keep @p utf8 alive until step()
    void bindStatic(int index, std::string_view utf8);
    void bindNull(int index);
    /** The index of the named parameter (":name"), or 0 when the statement has none. */
    int parameterIndex(const char *name) const;

    /** Advances: true when a row is available, false when done; an error otherwise. */
    Result<bool> step();
    /** Runs a statement that returns no rows. */
    Result<void> exec();
    /**
     * Steps through every row, calling @p visit (which reads the columns) on
     * each. @p visit returns void, or Result<void> to stop with an error.
     * Returns the first error of a step or of @p visit.
     */
    template<typename Visit>
    Result<void> forEachRow(Visit visit)
    {
        while (true) {
            auto row = step();
            if (!row)
                return row.error();
            if (!*row)
                return {};
            if constexpr (std::is_same_v<std::invoke_result_t<Visit>, Result<void>>) {
                if (auto r = visit(); !r)
                    return r;
            } else {
                visit();
            }
        }
    }
    void reset();

    qint64 columnInt(int column) const;
    double columnDouble(int column) const;
    QString columnText(int column) const;
    std::string_view columnUtf8(int column) const; ///< valid until the next step()
    bool columnIsNull(int column) const;
    QVariant columnValue(int column) const;

    /** SQLite's extended result code of the last failing step. */
    int lastCode() const { return m_lastCode; }

private:
    explicit SqliteStatement(sqlite3_stmt *stmt) : m_stmt(stmt) {}
    sqlite3_stmt *m_stmt = nullptr;
    int m_lastCode = 0;
};

/** Runs @p sql (one or more statements, no parameters) on @p db. */
Result<void> sqliteExec(sqlite3 *db, const char *sql);

/** The error for a failed SQLite call on @p db, with @p context ("while …") in front. */
Error sqliteError(sqlite3 *db, const QString &context);

} // namespace kx
