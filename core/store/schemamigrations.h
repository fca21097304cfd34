// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QString>

struct sqlite3;

namespace kx {

/**
 * The ordered list of schema steps. The version lives in PRAGMA user_version;
 * step k takes a workspace from version k-1 to k inside one transaction, so a
 * failing step leaves the file at the version it had. To change the schema,
 * append a step and raise WorkspaceStore::currentSchemaVersion; never edit a
 * published step.
 */
class SchemaMigrations final
{
    Q_DECLARE_TR_FUNCTIONS(kx::SchemaMigrations)

public:
    /** The version the last step reaches. */
    static int latestVersion();
    /** PRAGMA user_version of @p db; an error when the file is not an SQLite database. */
    static Result<int> readVersion(sqlite3 *db, const QString &path);
    /**
     * Brings @p db from its current version to latestVersion(), one transaction
     * per step. The caller has already refused versions newer than latestVersion().
     */
    static Result<void> migrate(sqlite3 *db, const QString &path);
};

} // namespace kx
