// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QString>

namespace kx {

/**
 * The embedded default: a workspace that a first launch creates and fills with
 * DemoData (300 scenarios in four datasets) and DemoAudio (12 voice clips in a
 * fifth, already through the automatic audio checks).
 */
class DemoWorkspace final
{
    Q_DECLARE_TR_FUNCTIONS(kx::DemoWorkspace)

public:
    /**
     * Creates the workspace at @p path with the demo datasets when no file is
     * there; does nothing when it exists. The file is built beside the target
     * and renamed into place, so an interrupted first launch never leaves a
     * half-filled workspace. Creates the parent folder as needed, and the
     * folder of the demo clips beside the workspace (DemoAudio::folderFor()),
     * whose files are replaced when they are already there.
     */
    static Result<void> createIfMissing(const QString &path);
};

} // namespace kx
