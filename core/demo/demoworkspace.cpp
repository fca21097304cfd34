// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoworkspace.h"

#include "audio/audiocheckrunner.h"
#include "demo/demoaudio.h"
#include "demo/demodata.h"
#include "store/workspacestore.h"
#if __has_include("store/importsession.h")
#include "store/importsession.h"
#endif

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace kx {

Result<void> DemoWorkspace::createIfMissing(const QString &path)
{
    if (QFileInfo::exists(path))
        return {};
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error::io(tr("%1: cannot create the folder").arg(info.absolutePath()));

    const QString partial = path + QStringLiteral(".creating");
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(partial + suffix);
    {
        auto store = WorkspaceStore::open(partial);
        if (!store)
            return store.error();
        auto session = (*store)->beginImport();
        if (!session)
            return session.error();
        auto written = DemoData::write(**session);
        if (!written)
            return written.error();
        // The clips are named after the final path: the workspace refers to them by absolute path.
        auto voices = DemoAudio::write(**session, DemoAudio::folderFor(info.absoluteFilePath()));
        if (!voices)
            return voices.error();
        if (auto committed = (*session)->commit(); !committed)
            return committed.error();
        session->reset();
        // Check the clips now, so the audio review queue opens "most suspicious first" with its flags counted.
        ScenarioFilter voiceClips;
        voiceClips.datasetIds = {voices->datasetId};
        if (auto checked = AudioCheckRunner::run(**store, voiceClips); !checked)
            return checked.error();
    } // closing the store checkpoints the WAL into the main file
    if (!QFile::rename(partial, path))
        return Error::io(tr("%1: cannot move the new workspace into place").arg(path));
    return {};
}

} // namespace kx
