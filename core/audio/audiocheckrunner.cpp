// SPDX-License-Identifier: GPL-3.0-or-later
#include "audiocheckrunner.h"

#include "audio/audiochecker.h"
#include "audio/audioclipopener.h"
#include "audio/audiooutliers.h"
#include "review/scenarioedits.h"
#include "store/workspacestore.h"

#include <QElapsedTimer>
#include <QList>

#include <utility>

namespace kx {

namespace {

Error cancelledError()
{
    return Error::cancelled(AudioCheckRunner::tr("The audio checks were cancelled; nothing was stored."));
}

/**
 * Opens and checks the clip of @p scenario; a clip that cannot be opened is an
 * Undecodable check. The only error is the cancellation.
 */
Result<AudioCheck> checkClip(AudioClipOpener &opener, const TestScenario &scenario, const WorkControl &control)
{
    auto decoder = opener.open(scenario.audio);
    if (!decoder)
        return AudioChecker::undecodable(decoder.error().message);
    // Only cancellation is passed on: the run's progress counts clips, not frames.
    WorkControl clipControl;
    clipControl.cancelled = control.cancelled;
    auto measured = AudioChecker::check(**decoder, ScenarioEdits::transcript(scenario), clipControl);
    if (!measured)
        return cancelledError();
    return measured;
}

} // namespace

Result<AudioCheckSummary> AudioCheckRunner::run(WorkspaceStore &store, const ScenarioFilter &filter,
                                                const WorkControl &control)
{
    QElapsedTimer timer;
    timer.start();
    ScenarioFilter withAudio = filter;
    withAudio.audioOnly = true;
    const auto total = store.count(withAudio);
    if (!total)
        return total.error();
    const auto datasets = store.datasets();
    if (!datasets)
        return datasets.error();

    // One dataset at a time: the speaking-rate outliers are scored within a dataset.
    AudioClipOpener opener;
    AudioCheckSummary summary;
    QList<std::pair<qint64, AudioCheck>> results;
    qint64 visited = 0;
    for (const TestDataset &dataset : *datasets) {
        if (!filter.datasetIds.isEmpty() && !filter.datasetIds.contains(dataset.id))
            continue;
        ScenarioFilter one = withAudio;
        one.datasetIds = {dataset.id};
        QList<AudioCheck> checks;
        QList<qint64> rowIds;
        const auto walked = store.forEachScenarioRow(one, [&](qint64 rowId, const TestScenario &scenario) -> Result<void> {
            if (control.isCancelled())
                return cancelledError();
            // "audio" holds something, but not a clip reference: nothing to check.
            if (!AudioClipOpener::isReference(scenario.audio)) {
                control.report(++visited, *total);
                return {};
            }
            auto check = checkClip(opener, scenario, control);
            if (!check)
                return check.error();
            rowIds.append(rowId);
            checks.append(std::move(*check));
            control.report(++visited, *total);
            return {};
        });
        if (!walked)
            return walked.error();

        AudioOutliers::apply(checks);
        for (qsizetype i = 0; i < checks.size(); ++i) {
            const AudioCheck &c = checks.at(i);
            ++summary.clips;
            if (c.flags.testFlag(AudioCheck::Flag::Undecodable))
                ++summary.undecodable;
            if (c.flags)
                ++summary.flagged;
            results.append({rowIds.at(i), c});
        }
    }
    if (control.isCancelled())
        return cancelledError();
    if (auto stored = store.putAudioChecks(results); !stored)
        return stored.error();
    summary.seconds = double(timer.nsecsElapsed()) / 1e9;
    return summary;
}

} // namespace kx
