// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/testdataset.h"
#include "model/testscenario.h"
#include "util/result.h"

namespace kx {

/**
 * Where converters put what they read. The workspace's import session is one
 * (everything it receives is one transaction); tests use an in-memory one.
 * Calls come from the converter's thread.
 */
class ScenarioSink
{
public:
    virtual ~ScenarioSink() = default;
    /** Starts a new dataset; following add() calls belong to it. Returns its id. */
    virtual Result<qint64> beginDataset(const TestDataset &dataset) = 0;
    /** Adds one scenario to the current dataset. */
    virtual Result<void> add(const TestScenario &scenario) = 0;
};

} // namespace kx
