// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Builds small real workspaces for the model tests: a temp file filled through
// ImportSession, so the models run against the real schema and queries.

#include "store/importsession.h"
#include "store/workspacestore.h"

#include <QString>
#include <QTest>

namespace kx::test {

/** "Scenario 0042": zero-padded so name order equals number order. */
inline QString scenarioName(int i)
{
    return QStringLiteral("Scenario %1").arg(i, 4, 10, QLatin1Char('0'));
}

/**
 * Writes @p count scenarios into one dataset per entry of @p datasets (round
 * robin). Scenario i: category allCategories[i % 4], status accepted when
 * i % 5 == 0, capability "arithmetic" when even, "recall" when odd; message
 * text mentions "oranges" when i % 3 == 0, "apples" otherwise.
 */
inline bool fillWorkspace(const QString &path, int count,
                          const QStringList &datasets = {QStringLiteral("Demo set")})
{
    auto store = WorkspaceStore::open(path);
    if (!store) {
        qWarning("%s", qPrintable(store.error().message));
        return false;
    }
    auto session = (*store)->beginImport();
    if (!session)
        return false;
    const int perSet = (count + int(datasets.size()) - 1) / int(datasets.size());
    int i = 0;
    for (const QString &name : datasets) {
        TestDataset d;
        d.name = name;
        d.kind = QStringLiteral("scenarios");
        d.category = Category::Synthetic;
        if (!(*session)->beginDataset(d))
            return false;
        for (int k = 0; k < perSet && i < count; ++k, ++i) {
            TestScenario s;
            s.id = QStringLiteral("sc-%1").arg(i, 5, 10, QLatin1Char('0'));
            s.name = scenarioName(i);
            s.category = allCategories[i % 4];
            s.status = i % 5 == 0 ? ReviewStatus::Accepted : ReviewStatus::Pending;
            s.expectedCapabilities = {i % 2 == 0 ? QStringLiteral("arithmetic") : QStringLiteral("recall")};
            s.messages = {{QStringLiteral("system"), QStringLiteral("You are helpful."), Json::object()},
                          {QStringLiteral("user"),
                           QStringLiteral("Question %1 about %2?")
                               .arg(i)
                               .arg(i % 3 == 0 ? QStringLiteral("oranges") : QStringLiteral("apples")),
                           Json::object()}};
            const Result<void> added = (*session)->add(s);
            if (!added) {
                qWarning("%s", qPrintable(added.error().message));
                return false;
            }
        }
    }
    const Result<void> committed = (*session)->commit();
    return committed.ok();
}

} // namespace kx::test
