// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenariosink.h"
#include "util/result.h"

#include <QCoreApplication>

#include <functional>

namespace kx {

class ImportSession;

/**
 * Runs a converter and the store side by side: @p produce parses on a worker
 * thread and hands scenarios, in batches through a small bounded queue, to the
 * calling thread, which adds them to @p target. Parsing JSON and writing SQLite
 * then overlap on two cores instead of taking turns, and memory stays bounded
 * by the queue. Order is kept. The first error on either side stops both and is
 * returned; @p target is only ever used from the calling thread, so a store
 * connection never changes threads.
 *
 * @p produce may only call ScenarioSink::add(); datasets are begun by the caller.
 */
class ScenarioPipeline final
{
    Q_DECLARE_TR_FUNCTIONS(kx::ScenarioPipeline)

public:
    using Producer = std::function<Result<qint64>(ScenarioSink &sink)>;

    /** Returns what @p produce returned (its count of scenarios), or the first error. */
    static Result<qint64> run(const Producer &produce, ScenarioSink &target);
    /** The same into a workspace import: scenarios are also encoded to row form on the worker thread. */
    static Result<qint64> run(const Producer &produce, ImportSession &target);
};

} // namespace kx
