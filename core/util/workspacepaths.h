// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace kx {

/** Where the workspace lives when nobody says otherwise. Shared by the GUI and the CLI. */
namespace WorkspacePaths {

/** The organisation and application names both executables set, so they agree on the data folder. */
inline constexpr char organizationName[] = "Kairix";
inline constexpr char applicationName[] = "Kairix Workbench";

/** `<AppDataLocation>/workspace.kairix`. Call after QCoreApplication has its names. */
QString defaultWorkspace();

/**
 * The workspace to open: @p explicitPath if given, else the `KAIRIX_DB`
 * environment variable, else defaultWorkspace().
 */
QString resolve(const QString &explicitPath);

} // namespace WorkspacePaths
} // namespace kx
