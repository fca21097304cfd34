// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/testscenario.h"
#include "store/scenarioquery.h"
#include "util/cancellation.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>

namespace kx {

class WorkspaceStore;

/** What a run of the automatic checks did. */
struct AudioCheckSummary
{
    qint64 clips = 0;        ///< scenarios with an audio reference that were checked
    qint64 undecodable = 0;  ///< of which could not be decoded
    qint64 flagged = 0;      ///< of which got at least one flag
    double seconds = 0.0;    ///< wall time of the run
};

/**
 * Runs the automatic checks over the scenarios of a workspace that have an
 * audio reference: each clip is opened with AudioClipOpener (files stream from
 * disk, parquet cells decode from memory) and measured by AudioChecker against
 * its transcript; then AudioOutliers scores the speaking rates within each
 * dataset and the suspicion of every clip; then all results are stored in one
 * transaction (WorkspaceStore::putAudioChecks), replacing earlier results of
 * those scenarios.
 *
 * A clip that cannot be opened or decoded gets the Undecodable flag and the
 * reason, and the run goes on. Progress is reported in clips checked
 * against the clips the filter selects; when @c control asks to stop, the run
 * returns Error::Code::Cancelled and stores nothing.
 *
 * Scenarios are read one dataset at a time with
 * WorkspaceStore::forEachScenarioRow (only those with audio). Memory: one
 * block of samples at a time and one small AudioCheck per clip (about a
 * hundred bytes), never decoded audio. Runs on the calling thread,
 * which must be the store's thread (e.g. through AsyncWorkspace).
 */
class AudioCheckRunner final
{
    Q_DECLARE_TR_FUNCTIONS(kx::AudioCheckRunner)

public:
    /** Checks the scenarios with audio among those @p filter selects. */
    static Result<AudioCheckSummary> run(WorkspaceStore &store, const ScenarioFilter &filter,
                                         const WorkControl &control = {});
};

} // namespace kx
