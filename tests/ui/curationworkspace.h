// SPDX-License-Identifier: GPL-3.0-or-later
// A real workspace file for the Quality and Mix pages: GSM8K questions from the shared data, offline-generated
// scenarios, and verdicts stored the way the review queue stores them (HumanReviews + updateScenario).
#pragma once

#include "generation/jobs/generationjobexecutor.h"
#include "generation/jobs/generationjobplanner.h"
#include "importers/importservice.h"
#include "review/humanreviews.h"
#include "store/sqlitestatement.h"
#include "store/workspacestore.h"

#include <QList>
#include <QString>

namespace kx::test {

/** Imports the first 50 GSM8K test questions; false on failure. */
inline bool importGsm8k(WorkspaceStore &store)
{
    ImportRequest request;
    request.paths = {QStringLiteral(KX_SHARED_DATA "/gsm8k/grade_school_math/data/test_socratic.first50.jsonl")};
    auto imported = ImportService::run(store, request);
    if (!imported)
        qWarning("import: %s", qPrintable(imported.error().message));
    return imported.ok() && imported->scenarios == 50;
}

/** Runs an offline job of @p count scenarios of @p generator to the end; false on failure. */
inline bool generateOffline(const QString &path, WorkspaceStore &store, const QString &generator, int count)
{
    GenerationJob spec;
    spec.generator = generator;
    spec.requested = count;
    auto job = GenerationJobPlanner::create(spec, store);
    if (!job) {
        qWarning("plan: %s", qPrintable(job.error().message));
        return false;
    }
    GenerationJobExecutor executor(path, job->id);
    auto done = executor.run();
    if (!done)
        qWarning("run: %s", qPrintable(done.error().message));
    return done.ok() && done->generated == count;
}

/** Row ids of the scenarios whose uid starts with @p prefix, in row order. */
inline QList<qint64> rowsWithPrefix(WorkspaceStore &store, const QString &prefix)
{
    QList<qint64> rows;
    auto stmt = SqliteStatement::prepare(store.handle(), "SELECT rowid FROM scenarios WHERE uid LIKE ?1 ORDER BY rowid");
    if (!stmt)
        return rows;
    stmt->bind(1, QString(prefix + QLatin1Char('%')));
    (void)stmt->forEachRow([&] { rows.append(stmt->columnInt(0)); });
    return rows;
}

/** Stores @p reviewer's verdict on scenario @p rowId as the review queue does; false on failure. */
inline bool giveVerdict(WorkspaceStore &store, qint64 rowId, const QString &reviewer, bool keep)
{
    auto scenario = store.scenario(rowId);
    if (!scenario)
        return false;
    HumanReview review;
    review.reviewer = reviewer;
    review.verdict = keep ? ReviewStatus::Accepted : ReviewStatus::Rejected;
    review.at = QDateTime::currentDateTimeUtc();
    const TestScenario after = HumanReviews::withReview(*scenario, review);
    return store.updateScenario(rowId, after, reviewer, QStringLiteral("review")).ok();
}

} // namespace kx::test
