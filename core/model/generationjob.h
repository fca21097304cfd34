// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jsonqt.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace kx {

/** Where a generation job is in its life. Completed, Cancelled and Failed are final until resumed. */
enum class JobState {
    Queued,     ///< created, not started yet
    Running,    ///< a process (owner_pid) is working on it; a dead owner means it was interrupted
    Paused,     ///< stopped on request after its in-flight items finished; resumable
    Cancelled,  ///< stopped on request; its finished items and their scenarios stay; resumable
    Completed,  ///< every item has finished (some may have failed: see itemsFailed)
    Failed,     ///< could not run at all (no backend, no template, …); error says why
};

/** The stored key: "queued", "running", "paused", "cancelled", "completed", "failed". */
QString jobStateKey(JobState state);
std::optional<JobState> jobStateFromKey(QStringView key);
/** Translated, for display. */
QString jobStateLabel(JobState state);

/**
 * One generation job as stored in the workspace (table generation_jobs): what
 * it asks for, where its scenarios go, how far it got and what it cost.
 * A value type; it crosses threads.
 *
 * The API key is deliberately not a member: it comes from the environment or
 * the keychain when the job runs and is never stored.
 */
struct GenerationJob
{
    qint64 id = 0;
    // What it asks for
    QString generator;                      ///< registry key: memory, conversation, adversarial, augment, fusion
    Json parameters = Json::object();       ///< overrides the prompt template's "defaults"
    QString backend = QStringLiteral("offline"); ///< "offline" or "openai"
    QString model;                          ///< empty: the backend's default
    QString baseUrl;                        ///< OpenAI-compatible endpoint (openai only), e.g. http://127.0.0.1:8000/v1
    int concurrency = 4;                    ///< requests in flight at most
    double temperature = -1;                ///< < 0: the template's default
    int timeoutMs = 60000;                  ///< per HTTP request
    qint64 seed = 0;
    int requested = 0;                      ///< scenarios asked for
    QList<qint64> parents;                  ///< scenario row ids to augment (augment only)
    Json promptTemplate = Json::object();   ///< the template's JSON, pinned when the job was created
    QString requestKey;                     ///< SHA-256 of all of the above: a re-run with the same key resumes
    // Where it goes and how far it got
    qint64 datasetId = 0;                   ///< the dataset its scenarios are added to
    JobState state = JobState::Queued;
    int itemsTotal = 0;                     ///< requests the job makes (an item may give several scenarios)
    int itemsDone = 0;
    int itemsFailed = 0;
    qint64 generated = 0;                   ///< scenarios stored
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    QString error;                          ///< why it failed, or the last item error
    qint64 ownerPid = 0;                    ///< the process running it (Running only)
    QDateTime createdAt;                    ///< UTC
    QDateTime updatedAt;                    ///< UTC

    /** Items that have not finished (neither done nor failed). */
    int itemsPending() const { return std::max(0, itemsTotal - itemsDone - itemsFailed); }
    /** Done fraction in [0, 1], failed items counted as finished. */
    double progress() const { return itemsTotal > 0 ? double(itemsDone + itemsFailed) / itemsTotal : 0.0; }
    bool isFinal() const { return state == JobState::Completed || state == JobState::Failed; }

    /** The job as JSON (for `kairix jobs --json`); the pinned template is left out. */
    Json toJson() const;
    /** The SHA-256 (hex) over what decides the job's output: generator, parameters, backend, model, URL, seed, count, parents, template. */
    QString computeRequestKey() const;
};

/** One line of a job's log (table generation_log). */
struct JobLogEntry
{
    qint64 id = 0;
    qint64 jobId = 0;
    QDateTime at;           ///< UTC
    QString level;          ///< "info", "warning", "error"
    int item = -1;          ///< the item it is about, or -1
    QString message;
};

} // namespace kx
