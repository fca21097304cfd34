// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/generationjob.h"
#include "model/testdataset.h"
#include "model/testscenario.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>

#include <optional>

namespace kx {

class WorkspaceStore;

/** What finishing one item cost. */
struct JobItemUsage
{
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    int attempts = 1;
};

/**
 * The generation jobs of a workspace: tables generation_jobs, generation_items
 * and generation_log (schema v4).
 *
 * The exactly-once rule lives here: commitItem() adds an item's scenarios to
 * the job's dataset, records the item as done and moves the job's counters in
 * ONE transaction. A process killed at any point leaves either all of that or
 * none of it, and a resumed job redoes exactly the items that have no row.
 *
 * Ownership and threads: works on a WorkspaceStore that must outlive it and
 * follows its rules (one thread at a time). Every write is its own transaction
 * and durable when the call returns.
 */
class JobStore final
{
    Q_DECLARE_TR_FUNCTIONS(kx::JobStore)
    Q_DISABLE_COPY_MOVE(JobStore)

public:
    explicit JobStore(WorkspaceStore &store) : m_store(store) {}

    /**
     * Registers @p dataset (where the scenarios will go) and the job @p spec
     * (state Queued; its id, datasetId and timestamps are assigned) in one
     * transaction. Returns the stored job.
     */
    Result<GenerationJob> create(const GenerationJob &spec, const TestDataset &dataset);
    /** One job; NotFound when there is none with @p id. */
    Result<GenerationJob> job(qint64 id) const;
    /** Every job, newest first. */
    Result<QList<GenerationJob>> jobs() const;
    /**
     * The newest job with @p requestKey that can go on: not Completed or
     * Failed, or Completed with failed items (a re-run retries them). nullopt when none.
     */
    Result<std::optional<GenerationJob>> unfinishedWithKey(const QString &requestKey) const;

    /** The indexes of the items that are done (failed ones are not in it). */
    Result<QSet<int>> doneItems(qint64 jobId) const;
    /**
     * Adds @p scenarios to the job's dataset with their search entries, records
     * item @p index as done and adds to the job's counters, in one transaction.
     * An item already done is an error (nothing is written): the caller has a
     * duplicate. Returns the job as it is after the commit.
     */
    Result<GenerationJob> commitItem(qint64 jobId, int index, const QList<TestScenario> &scenarios,
                                     const JobItemUsage &usage);
    /** Records item @p index as failed with @p error (and a log line). Returns the job after it. */
    Result<GenerationJob> failItem(qint64 jobId, int index, const QString &error, const JobItemUsage &usage);
    /** Forgets the failed items of a job (and takes them off its counters) so a resume retries them. */
    Result<void> clearFailedItems(qint64 jobId);
    /** Sets the state (and error, and the owning process: 0 for none). */
    Result<void> setState(qint64 jobId, JobState state, const QString &error = QString(), qint64 ownerPid = 0);
    /** Sets the number of items the job makes (known once the plan is made). */
    Result<void> setItemsTotal(qint64 jobId, int itemsTotal);

    /** Appends a line to the job's log. @p item is -1 for the job as a whole. */
    Result<void> log(qint64 jobId, const QString &level, const QString &message, int item = -1);
    /** The last @p limit log lines of a job, oldest first. */
    Result<QList<JobLogEntry>> logEntries(qint64 jobId, int limit = 1000) const;

private:
    WorkspaceStore &m_store;
};

} // namespace kx
