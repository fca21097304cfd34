// SPDX-License-Identifier: GPL-3.0-or-later
// Small helpers shared by the store tests: building scenarios and importing them.
#pragma once

#include "store/workspacestore.h"

#include <QtTest>

#include <sqlite3.h>

namespace kx::test {

/** A small scenario with a predictable id, name and text. */
inline TestScenario makeScenario(const QString &id, const QString &name, const QString &userText,
                                 Category category = Category::Synthetic,
                                 ReviewStatus status = ReviewStatus::Pending, QStringList capabilities = {})
{
    TestScenario s;
    s.id = id;
    s.name = name;
    s.messages = {ChatMessage{QStringLiteral("system"), QStringLiteral("You are Kairix."), Json::object()},
                  ChatMessage{QStringLiteral("user"), userText, Json::object()}};
    s.memoryRequirements = {QStringLiteral("remembers %1").arg(id)};
    s.expectedCapabilities = std::move(capabilities);
    s.category = category;
    s.status = status;
    return s;
}

inline TestDataset makeDataset(const QString &name, Category category = Category::Synthetic)
{
    TestDataset d;
    d.name = name;
    d.kind = QStringLiteral("scenarios");
    d.category = category;
    d.source = QStringLiteral("/data/%1.jsonl").arg(name);
    d.createdAt = QDateTime(QDate(2024, 5, 17), QTime(10, 30, 15, 250), Qt::UTC);
    return d;
}

/** Imports @p scenarios as one dataset and commits; returns the dataset id (0 on failure, with a QTest failure). */
inline qint64 importDataset(WorkspaceStore &store, const TestDataset &dataset, const QList<TestScenario> &scenarios)
{
    auto session = store.beginImport();
    if (!session) {
        qWarning() << session.error().message;
        return 0;
    }
    auto id = (*session)->beginDataset(dataset);
    if (!id)
        return 0;
    for (const TestScenario &s : scenarios) {
        if (auto r = (*session)->add(s); !r) {
            qWarning() << r.error().message;
            return 0;
        }
    }
    if (auto r = (*session)->commit(); !r) {
        qWarning() << r.error().message;
        return 0;
    }
    return *id;
}

/** One integer from raw SQL, for checks below the API (FTS rows, pragmas). */
inline qint64 sqlInt(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    qint64 value = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
}

inline QString sqlText(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    QString value;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    return value;
}

/** Opens @p path or fails the test. */
#define KX_OPEN_STORE(var, path)                                                                                   \
    auto var##Result = WorkspaceStore::open(path);                                                                 \
    QVERIFY2(var##Result.ok(), var##Result.ok() ? "" : qPrintable(var##Result.error().message));                   \
    WorkspaceStore &var = **var##Result

} // namespace kx::test
