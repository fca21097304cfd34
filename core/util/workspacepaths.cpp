// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacepaths.h"

#include <QStandardPaths>

namespace kx::WorkspacePaths {

QString defaultWorkspace()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/workspace.kairix");
}

QString resolve(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString fromEnv = qEnvironmentVariable("KAIRIX_DB");
    return fromEnv.isEmpty() ? defaultWorkspace() : fromEnv;
}

} // namespace kx::WorkspacePaths
