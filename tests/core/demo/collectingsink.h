// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenariosink.h"

#include <QList>

namespace kx::test {

/** Collects what the demo writers write, in memory; dataset ids count from 1. */
struct CollectingSink final : ScenarioSink
{
    QList<TestDataset> datasets;
    QList<TestScenario> scenarios;
    Result<qint64> beginDataset(const TestDataset &d) override
    {
        datasets.append(d);
        return qint64(datasets.size());
    }
    Result<void> add(const TestScenario &s) override
    {
        scenarios.append(s);
        return {};
    }
};

} // namespace kx::test
