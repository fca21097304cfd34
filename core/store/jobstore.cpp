// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobstore.h"

#include "sqlitestatement.h"
#include "sqlitetransaction.h"
#include "storelogging.h"
#include "workspacestore.h"

#include <sqlite3.h>

namespace kx {

namespace {

constexpr const char *jobColumns =
    "id, generator, parameters, backend, model, base_url, concurrency, temperature, timeout_ms, seed, requested, "
    "parents, prompt_template, request_key, dataset_id, state, items_total, items_done, items_failed, generated, "
    "prompt_tokens, completion_tokens, error, owner_pid, created_at, updated_at";

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

Json parseJson(std::string_view text)
{
    Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    return j.is_discarded() ? Json() : j;
}

Json parentsJson(const QList<qint64> &parents)
{
    Json a = Json::array();
    for (qint64 p : parents)
        a.push_back(p);
    return a;
}

/** Reads the jobColumns of the current row. */
Result<GenerationJob> decodeJob(const SqliteStatement &s, const QString &path)
{
    GenerationJob j;
    j.id = s.columnInt(0);
    j.generator = s.columnText(1);
    j.parameters = parseJson(s.columnUtf8(2));
    j.backend = s.columnText(3);
    j.model = s.columnText(4);
    j.baseUrl = s.columnText(5);
    j.concurrency = int(s.columnInt(6));
    j.temperature = s.columnDouble(7);
    j.timeoutMs = int(s.columnInt(8));
    j.seed = s.columnInt(9);
    j.requested = int(s.columnInt(10));
    const Json parents = parseJson(s.columnUtf8(11));
    j.promptTemplate = parseJson(s.columnUtf8(12));
    if (!j.parameters.is_object() || !parents.is_array() || !j.promptTemplate.is_object())
        return Error::database(JobStore::tr("%1: generation job %2 holds damaged JSON").arg(path).arg(j.id));
    for (const Json &p : parents)
        j.parents.append(p.get<qint64>());
    j.requestKey = s.columnText(13);
    j.datasetId = s.columnIsNull(14) ? 0 : s.columnInt(14);
    j.state = jobStateFromKey(s.columnText(15)).value_or(JobState::Failed);
    j.itemsTotal = int(s.columnInt(16));
    j.itemsDone = int(s.columnInt(17));
    j.itemsFailed = int(s.columnInt(18));
    j.generated = s.columnInt(19);
    j.promptTokens = s.columnInt(20);
    j.completionTokens = s.columnInt(21);
    j.error = s.columnText(22);
    j.ownerPid = s.columnInt(23);
    j.createdAt = QDateTime::fromString(s.columnText(24), Qt::ISODateWithMs);
    j.updatedAt = QDateTime::fromString(s.columnText(25), Qt::ISODateWithMs);
    return j;
}

/** Runs one UPDATE/INSERT with the given binds. */
template<typename Bind>
Result<void> execute(sqlite3 *db, const char *sql, Bind bind)
{
    auto stmt = SqliteStatement::prepare(db, sql);
    if (!stmt)
        return stmt.error();
    bind(*stmt);
    return stmt->exec();
}

/** The item row of @p index: "done", "failed", or empty when it has none. */
Result<QString> itemState(sqlite3 *db, qint64 jobId, int index)
{
    auto stmt = SqliteStatement::prepare(db, "SELECT state FROM generation_items WHERE job_id = ?1 AND item_index = ?2");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, jobId);
    stmt->bind(2, qint64(index));
    auto row = stmt->step();
    if (!row)
        return row.error();
    return *row ? stmt->columnText(0) : QString();
}

/** How an item ended, for writeItem(). */
struct ItemOutcome
{
    bool done = false;      ///< done, else failed
    bool wasFailed = false; ///< a failed item that is now done: it leaves the failed count
    int scenarios = 0;
    QString error;
};

/** The item's row and the job's counters, in the caller's transaction. */
Result<void> writeItem(sqlite3 *db, qint64 jobId, int index, const ItemOutcome &outcome, const JobItemUsage &usage)
{
    const QString at = now();
    auto item = execute(db,
                        "INSERT OR REPLACE INTO generation_items (job_id, item_index, state, scenarios, prompt_tokens, "
                        "completion_tokens, attempts, error, finished_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        [&](SqliteStatement &s) {
                            s.bind(1, jobId);
                            s.bind(2, qint64(index));
                            s.bind(3, outcome.done ? QStringLiteral("done") : QStringLiteral("failed"));
                            s.bind(4, qint64(outcome.scenarios));
                            s.bind(5, usage.promptTokens);
                            s.bind(6, usage.completionTokens);
                            s.bind(7, qint64(usage.attempts));
                            s.bind(8, outcome.error);
                            s.bind(9, at);
                        });
    if (!item)
        return item;
    // A failure's message becomes the job's last error; a success leaves the error as it was.
    return execute(db,
                   "UPDATE generation_jobs SET items_done = items_done + ?2, items_failed = items_failed + ?3, "
                   "generated = generated + ?4, prompt_tokens = prompt_tokens + ?5, "
                   "completion_tokens = completion_tokens + ?6, error = CASE WHEN ?7 = '' THEN error ELSE ?7 END, "
                   "updated_at = ?8 WHERE id = ?1",
                   [&](SqliteStatement &s) {
                       s.bind(1, jobId);
                       s.bind(2, qint64(outcome.done ? 1 : 0));
                       s.bind(3, qint64(outcome.done ? (outcome.wasFailed ? -1 : 0) : 1));
                       s.bind(4, qint64(outcome.scenarios));
                       s.bind(5, usage.promptTokens);
                       s.bind(6, usage.completionTokens);
                       s.bind(7, outcome.error);
                       s.bind(8, at);
                   });
}

} // namespace

Result<GenerationJob> JobStore::create(const GenerationJob &spec, const TestDataset &dataset)
{
    auto session = m_store.beginImport();
    if (!session)
        return session.error();
    auto datasetId = (*session)->beginDataset(dataset);
    if (!datasetId)
        return datasetId.error();
    const QString at = now();
    auto inserted = execute(
        m_store.handle(),
        "INSERT INTO generation_jobs (generator, parameters, backend, model, base_url, concurrency, temperature, "
        "timeout_ms, seed, requested, parents, prompt_template, request_key, dataset_id, state, items_total, "
        "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'queued', ?15, "
        "?16, ?16)",
        [&](SqliteStatement &s) {
            s.bind(1, spec.generator);
            s.bind(2, qs(dumpCompact(spec.parameters)));
            s.bind(3, spec.backend);
            s.bind(4, spec.model);
            s.bind(5, spec.baseUrl);
            s.bind(6, qint64(spec.concurrency));
            s.bind(7, spec.temperature);
            s.bind(8, qint64(spec.timeoutMs));
            s.bind(9, spec.seed);
            s.bind(10, qint64(spec.requested));
            s.bind(11, qs(dumpCompact(parentsJson(spec.parents))));
            s.bind(12, qs(dumpCompact(spec.promptTemplate)));
            s.bind(13, spec.requestKey.isEmpty() ? spec.computeRequestKey() : spec.requestKey);
            s.bind(14, *datasetId);
            s.bind(15, qint64(spec.itemsTotal));
            s.bind(16, at);
        });
    if (!inserted)
        return Error::database(tr("%1: cannot register the generation job: %2").arg(m_store.path(), inserted.error().message));
    const qint64 id = sqlite3_last_insert_rowid(m_store.handle());
    if (auto r = (*session)->commit(); !r)
        return r.error();
    qCInfo(lcStore) << "generation job" << id << spec.generator << "created, dataset" << *datasetId;
    return job(id);
}

Result<GenerationJob> JobStore::job(qint64 id) const
{
    auto stmt = SqliteStatement::prepare(
        m_store.handle(), QByteArray("SELECT ") + jobColumns + " FROM generation_jobs WHERE id = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound(tr("%1: there is no generation job %2").arg(m_store.path()).arg(id));
    return decodeJob(*stmt, m_store.path());
}

Result<QList<GenerationJob>> JobStore::jobs() const
{
    auto stmt = SqliteStatement::prepare(
        m_store.handle(), QByteArray("SELECT ") + jobColumns + " FROM generation_jobs ORDER BY id DESC");
    if (!stmt)
        return stmt.error();
    QList<GenerationJob> out;
    auto read = stmt->forEachRow([&]() -> Result<void> {
        auto j = decodeJob(*stmt, m_store.path());
        if (!j)
            return j.error();
        out.append(std::move(*j));
        return {};
    });
    if (!read)
        return read.error();
    return out;
}

Result<std::optional<GenerationJob>> JobStore::unfinishedWithKey(const QString &requestKey) const
{
    auto stmt = SqliteStatement::prepare(
        m_store.handle(), QByteArray("SELECT ") + jobColumns
                              + " FROM generation_jobs WHERE request_key = ?1 AND (state NOT IN ('completed', 'failed') "
                                "OR (state = 'completed' AND items_failed > 0)) "
                                "ORDER BY id DESC LIMIT 1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, requestKey);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<GenerationJob>();
    auto j = decodeJob(*stmt, m_store.path());
    if (!j)
        return j.error();
    return std::optional<GenerationJob>(std::move(*j));
}

Result<QSet<int>> JobStore::doneItems(qint64 jobId) const
{
    auto stmt = SqliteStatement::prepare(
        m_store.handle(), "SELECT item_index FROM generation_items WHERE job_id = ?1 AND state = 'done'");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, jobId);
    QSet<int> done;
    if (auto r = stmt->forEachRow([&] { done.insert(int(stmt->columnInt(0))); }); !r)
        return r.error();
    return done;
}

Result<GenerationJob> JobStore::commitItem(qint64 jobId, int index, const QList<TestScenario> &scenarios,
                                           const JobItemUsage &usage)
{
    auto current = job(jobId);
    if (!current)
        return current.error();
    auto session = m_store.beginImport();
    if (!session)
        return session.error();
    sqlite3 *db = m_store.handle();
    // Checked inside the write transaction: two writers cannot both find the item free.
    auto state = itemState(db, jobId, index);
    if (!state)
        return state.error();
    if (*state == QLatin1String("done"))
        return Error::badInput(tr("%1: item %2 of generation job %3 is already done").arg(m_store.path()).arg(index).arg(jobId));
    const bool wasFailed = *state == QLatin1String("failed");
    if (auto r = (*session)->continueDataset(current->datasetId); !r)
        return r.error();
    for (const TestScenario &s : scenarios) {
        if (auto r = (*session)->add(s); !r)
            return r.error();
    }
    if (auto r = writeItem(db, jobId, index, ItemOutcome{true, wasFailed, int(scenarios.size()), QString()}, usage); !r)
        return r.error();
    if (auto r = (*session)->commit(); !r)
        return r.error();
    return job(jobId);
}

Result<GenerationJob> JobStore::failItem(qint64 jobId, int index, const QString &error, const JobItemUsage &usage)
{
    sqlite3 *db = m_store.handle();
    SqliteTransaction tx(db);
    if (auto r = tx.begin(); !r)
        return r.error();
    auto state = itemState(db, jobId, index);
    if (!state)
        return state.error();
    if (!state->isEmpty())
        return Error::badInput(tr("%1: item %2 of generation job %3 has already finished").arg(m_store.path()).arg(index).arg(jobId));
    if (auto r = writeItem(db, jobId, index, ItemOutcome{false, false, 0, error}, usage); !r)
        return r.error();
    if (auto r = log(jobId, QStringLiteral("error"), error, index); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return job(jobId);
}

Result<void> JobStore::clearFailedItems(qint64 jobId)
{
    sqlite3 *db = m_store.handle();
    SqliteTransaction tx(db);
    if (auto r = tx.begin(); !r)
        return r;
    auto removed = execute(db, "DELETE FROM generation_items WHERE job_id = ?1 AND state = 'failed'",
                           [&](SqliteStatement &s) { s.bind(1, jobId); });
    if (!removed)
        return removed;
    auto counters = execute(db, "UPDATE generation_jobs SET items_failed = 0, error = '', updated_at = ?2 WHERE id = ?1",
                            [&](SqliteStatement &s) {
                                s.bind(1, jobId);
                                s.bind(2, now());
                            });
    if (!counters)
        return counters;
    return tx.commit();
}

Result<void> JobStore::setState(qint64 jobId, JobState state, const QString &error, qint64 ownerPid)
{
    auto r = execute(m_store.handle(),
                     "UPDATE generation_jobs SET state = ?2, error = CASE WHEN ?3 = '' THEN error ELSE ?3 END, "
                     "owner_pid = ?4, updated_at = ?5 WHERE id = ?1",
                     [&](SqliteStatement &s) {
                         s.bind(1, jobId);
                         s.bind(2, jobStateKey(state));
                         s.bind(3, error);
                         s.bind(4, ownerPid);
                         s.bind(5, now());
                     });
    if (!r)
        return r;
    if (sqlite3_changes(m_store.handle()) == 0)
        return Error::notFound(tr("%1: there is no generation job %2").arg(m_store.path()).arg(jobId));
    return {};
}

Result<void> JobStore::setItemsTotal(qint64 jobId, int itemsTotal)
{
    return execute(m_store.handle(), "UPDATE generation_jobs SET items_total = ?2 WHERE id = ?1",
                   [&](SqliteStatement &s) {
                       s.bind(1, jobId);
                       s.bind(2, qint64(itemsTotal));
                   });
}

Result<void> JobStore::log(qint64 jobId, const QString &level, const QString &message, int item)
{
    return execute(m_store.handle(),
                   "INSERT INTO generation_log (job_id, at, level, item_index, message) VALUES (?1, ?2, ?3, ?4, ?5)",
                   [&](SqliteStatement &s) {
                       s.bind(1, jobId);
                       s.bind(2, now());
                       s.bind(3, level);
                       s.bind(4, qint64(item));
                       s.bind(5, message);
                   });
}

Result<QList<JobLogEntry>> JobStore::logEntries(qint64 jobId, int limit) const
{
    auto stmt = SqliteStatement::prepare(
        m_store.handle(), "SELECT id, at, level, item_index, message FROM (SELECT * FROM generation_log WHERE job_id = ?1 "
                          "ORDER BY id DESC LIMIT ?2) ORDER BY id");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, jobId);
    stmt->bind(2, qint64(limit));
    QList<JobLogEntry> out;
    auto read = stmt->forEachRow([&] {
        JobLogEntry e;
        e.id = stmt->columnInt(0);
        e.jobId = jobId;
        e.at = QDateTime::fromString(stmt->columnText(1), Qt::ISODateWithMs);
        e.level = stmt->columnText(2);
        e.item = int(stmt->columnInt(3));
        e.message = stmt->columnText(4);
        out.append(std::move(e));
    });
    if (!read)
        return read.error();
    return out;
}

} // namespace kx
