// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenariosink.h"

#include <QList>

namespace kx::test {

/** A ScenarioSink that keeps everything in memory, for converter tests. */
class MemorySink final : public ScenarioSink
{
public:
    Result<qint64> beginDataset(const TestDataset &dataset) override
    {
        datasets.append(dataset);
        datasets.last().id = datasets.size();
        return qint64(datasets.size());
    }
    Result<void> add(const TestScenario &scenario) override
    {
        if (failAt >= 0 && scenarios.size() == failAt)
            return Error::database(QStringLiteral("sink refused scenario %1").arg(scenario.id));
        scenarios.append(scenario);
        return {};
    }

    QList<TestDataset> datasets;
    QList<TestScenario> scenarios;
    qsizetype failAt = -1; ///< refuse the add() that would make this many scenarios
};

} // namespace kx::test
