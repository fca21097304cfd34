// SPDX-License-Identifier: GPL-3.0-or-later
#include "schemamigrations.h"

#include "sqlitestatement.h"
#include "sqlitetransaction.h"
#include "storelogging.h"

#include <sqlite3.h>

#include <iterator>

namespace kx {

namespace {

/**
 * v0 -> v1: everything. Plain CREATE (no IF NOT EXISTS) on purpose: a file that
 * already holds unrelated objects of these names must fail loudly and stay as it
 * was, not end up with a half-matching schema.
 */
constexpr const char kSchemaV1[] = R"sql(
CREATE TABLE datasets (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    name            TEXT NOT NULL,
    version         TEXT NOT NULL DEFAULT '1.0',
    kind            TEXT NOT NULL DEFAULT '',
    category        TEXT NOT NULL DEFAULT 'benchmark',
    source          TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL DEFAULT '',
    baseline_scores TEXT NOT NULL DEFAULT '{}',
    metadata        TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE scenarios (
    rowid               INTEGER PRIMARY KEY,
    dataset_id          INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    uid                 TEXT NOT NULL,
    name                TEXT NOT NULL,
    category            TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'pending',
    turns               INTEGER NOT NULL DEFAULT 0,
    preview             TEXT NOT NULL DEFAULT '',
    messages            TEXT NOT NULL DEFAULT '[]',
    memory_requirements TEXT NOT NULL DEFAULT '[]',
    capabilities        TEXT NOT NULL DEFAULT '[]',
    criteria            TEXT NOT NULL DEFAULT '{}',
    provenance          TEXT NOT NULL DEFAULT '{}',
    audio               TEXT,
    review              TEXT NOT NULL DEFAULT '{}',
    extra               TEXT NOT NULL DEFAULT '{}',
    UNIQUE (dataset_id, uid)
);

-- Every SQLite index ends with the rowid, so an index on (x) is an index on
-- (x, rowid): each one serves the keyset pages of one sort key and its filter.
-- The UNIQUE (dataset_id, uid) index serves dataset filters and cascades.
CREATE INDEX scenarios_by_dataset  ON scenarios (dataset_id);
CREATE INDEX scenarios_by_name     ON scenarios (name);
CREATE INDEX scenarios_by_category ON scenarios (category);
CREATE INDEX scenarios_by_status   ON scenarios (status);
CREATE INDEX scenarios_by_turns    ON scenarios (turns);

CREATE TABLE scenario_capabilities (
    scenario_id INTEGER NOT NULL REFERENCES scenarios(rowid) ON DELETE CASCADE,
    capability  TEXT NOT NULL,
    PRIMARY KEY (scenario_id, capability)
) WITHOUT ROWID;
CREATE INDEX scenario_capabilities_by_capability ON scenario_capabilities (capability, scenario_id);

-- Keyed by the scenario rowid. It keeps its own copy of the text: deleting by
-- rowid then never depends on re-deriving exactly the text that was indexed
-- (a contentless table would import faster but needs exactly that).
-- columnsize=0: we filter, we do not rank, so the per-row size table is dead
-- weight; it costs about a sixth of the index build.
CREATE VIRTUAL TABLE scenario_fts USING fts5 (
    name, messages, memory,
    columnsize = 0,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Any way a scenario goes (removeDataset's cascade included) takes its index entry along.
CREATE TRIGGER scenarios_fts_delete AFTER DELETE ON scenarios BEGIN
    DELETE FROM scenario_fts WHERE rowid = old.rowid;
END;
)sql";

/**
 * v1 -> v2: audio and review history.
 * - audio_flags / audio_suspicion on scenarios: the automatic audio checks' verdict,
 *   as columns so the table filters on them and keyset-pages "most suspicious first";
 * - audio_checks: every metric of a clip's checks, one row per scenario;
 * - audio_peaks: waveform peak pyramids by clip content key, so a reopened clip draws at once;
 * - review_events: the audit trail, one row per change a reviewer made (or undid), with the
 *   changed top-level keys before and after.
 */
constexpr const char kSchemaV2[] = R"sql(
ALTER TABLE scenarios ADD COLUMN audio_flags INTEGER NOT NULL DEFAULT 0;
ALTER TABLE scenarios ADD COLUMN audio_suspicion REAL NOT NULL DEFAULT 0;
CREATE INDEX scenarios_by_audio_suspicion ON scenarios (audio_suspicion);

CREATE TABLE audio_checks (
    scenario_id      INTEGER PRIMARY KEY REFERENCES scenarios(rowid) ON DELETE CASCADE,
    seconds          REAL NOT NULL,
    sample_rate      INTEGER NOT NULL,
    channels         INTEGER NOT NULL,
    peak_dbfs        REAL NOT NULL,
    rms_dbfs         REAL NOT NULL,
    clipped_ratio    REAL NOT NULL,
    silence_ratio    REAL NOT NULL,
    chars_per_second REAL,
    rate_z           REAL NOT NULL,
    flags            INTEGER NOT NULL,
    suspicion        REAL NOT NULL,
    error            TEXT NOT NULL DEFAULT '',
    checked_at       TEXT NOT NULL
);

CREATE TABLE audio_peaks (
    clip_key   TEXT PRIMARY KEY,
    peaks      BLOB NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE review_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    scenario_id INTEGER NOT NULL REFERENCES scenarios(rowid) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    reviewer    TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    changes     TEXT NOT NULL
);
CREATE INDEX review_events_by_scenario ON review_events (scenario_id, id);
)sql";

/** v2 -> v3: the audio-check facet counts flagged clips only; a partial index finds them without a scan. */
constexpr const char kSchemaV3[] = R"sql(
CREATE INDEX scenarios_by_audio_flags ON scenarios (audio_flags) WHERE audio_flags != 0;
)sql";

/**
 * v3 -> v4: generation jobs and prompt templates.
 * - generation_jobs: what a job asks for (generator, parameters, backend, model, base URL,
 *   concurrency, seed, scenarios requested, the prompt template pinned at creation), where its
 *   scenarios go (dataset_id), its state and counters. The counters move in the same
 *   transaction as the items, so they never disagree with them. No API key column, ever.
 * - generation_items: one row per finished item (done or failed). A done item and its
 *   scenarios are committed together: a killed process loses at most the items in flight,
 *   and a resumed job redoes exactly the items without a row.
 * - generation_log: what happened to a job, for the Jobs panel and `kairix jobs log`.
 * - prompt_templates: user-edited versions of the generators' prompt templates.
 */
constexpr const char kSchemaV4[] = R"sql(
CREATE TABLE generation_jobs (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    generator         TEXT NOT NULL,
    parameters        TEXT NOT NULL DEFAULT '{}',
    backend           TEXT NOT NULL,
    model             TEXT NOT NULL DEFAULT '',
    base_url          TEXT NOT NULL DEFAULT '',
    concurrency       INTEGER NOT NULL DEFAULT 4,
    temperature       REAL NOT NULL DEFAULT -1,
    timeout_ms        INTEGER NOT NULL DEFAULT 60000,
    seed              INTEGER NOT NULL DEFAULT 0,
    requested         INTEGER NOT NULL,
    parents           TEXT NOT NULL DEFAULT '[]',
    prompt_template   TEXT NOT NULL,
    request_key       TEXT NOT NULL,
    dataset_id        INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
    state             TEXT NOT NULL DEFAULT 'queued',
    items_total       INTEGER NOT NULL DEFAULT 0,
    items_done        INTEGER NOT NULL DEFAULT 0,
    items_failed      INTEGER NOT NULL DEFAULT 0,
    generated         INTEGER NOT NULL DEFAULT 0,
    prompt_tokens     INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    error             TEXT NOT NULL DEFAULT '',
    owner_pid         INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX generation_jobs_by_key ON generation_jobs (request_key);

CREATE TABLE generation_items (
    job_id            INTEGER NOT NULL REFERENCES generation_jobs(id) ON DELETE CASCADE,
    item_index        INTEGER NOT NULL,
    state             TEXT NOT NULL,
    scenarios         INTEGER NOT NULL DEFAULT 0,
    prompt_tokens     INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    attempts          INTEGER NOT NULL DEFAULT 1,
    error             TEXT NOT NULL DEFAULT '',
    finished_at       TEXT NOT NULL,
    PRIMARY KEY (job_id, item_index)
) WITHOUT ROWID;

CREATE TABLE generation_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id     INTEGER NOT NULL REFERENCES generation_jobs(id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    level      TEXT NOT NULL,
    item_index INTEGER NOT NULL DEFAULT -1,
    message    TEXT NOT NULL
);
CREATE INDEX generation_log_by_job ON generation_log (job_id, id);

CREATE TABLE prompt_templates (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    template_id TEXT NOT NULL,
    version     INTEGER NOT NULL,
    body        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    author      TEXT NOT NULL DEFAULT '',
    saved_at    TEXT NOT NULL,
    UNIQUE (template_id, version)
);
)sql";

/**
 * v4 -> v5: review and quality control.
 * - human_reviews: one row per scenario and reviewer (verdict, per-criterion scores, comment),
 *   a mirror of the scenario's review.reviews JSON kept in the same transaction by every write
 *   (ScenarioIndexWriter), so QC statistics are SQL over a table, not a scan of JSON;
 * - quality_scores: the automatic scores of the four criteria and their mean, with the scorer's
 *   version, one row per scenario;
 * - qc_thresholds: every threshold a lead adopted, who and when, with the figures it was chosen on;
 * - workspace_settings: what belongs to the workspace rather than the user (the mix target);
 * - snapshots / snapshot_members: frozen, versioned suites (TestDataset) with a copy of each
 *   scenario as it was, so a snapshot never changes when its scenarios are edited later.
 */
constexpr const char kSchemaV5[] = R"sql(
CREATE TABLE human_reviews (
    scenario_id INTEGER NOT NULL REFERENCES scenarios(rowid) ON DELETE CASCADE,
    reviewer    TEXT NOT NULL,
    verdict     TEXT NOT NULL DEFAULT '',
    clarity     REAL,
    complexity  REAL,
    coverage    REAL,
    realism     REAL,
    comment     TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (scenario_id, reviewer)
) WITHOUT ROWID;
CREATE INDEX human_reviews_by_reviewer ON human_reviews (reviewer, scenario_id);

CREATE TABLE quality_scores (
    scenario_id INTEGER PRIMARY KEY REFERENCES scenarios(rowid) ON DELETE CASCADE,
    clarity     REAL NOT NULL,
    complexity  REAL NOT NULL,
    coverage    REAL NOT NULL,
    realism     REAL NOT NULL,
    overall     REAL NOT NULL,
    scorer      TEXT NOT NULL,
    scored_at   TEXT NOT NULL
);
CREATE INDEX quality_scores_by_overall ON quality_scores (overall);

CREATE TABLE qc_thresholds (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    threshold  REAL NOT NULL,
    adopted_by TEXT NOT NULL,
    adopted_at TEXT NOT NULL,
    figures    TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE workspace_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE snapshots (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    name            TEXT NOT NULL,
    version         TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    baseline_scores TEXT NOT NULL DEFAULT '{}',
    metadata        TEXT NOT NULL DEFAULT '{}',
    UNIQUE (name, version)
);
CREATE TABLE snapshot_members (
    snapshot_id  INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    uid          TEXT NOT NULL,
    category     TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    scenario     TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, position)
) WITHOUT ROWID;
)sql";

struct Step
{
    int toVersion;
    const char *sql;
};

// Append new steps here (v2, v3, …); each runs in its own transaction.
constexpr Step kSteps[] = {
    {1, kSchemaV1},
    {2, kSchemaV2},
    {3, kSchemaV3},
    {4, kSchemaV4},
    {5, kSchemaV5},
};

} // namespace

int SchemaMigrations::latestVersion()
{
    return std::end(kSteps)[-1].toVersion;
}

Result<int> SchemaMigrations::readVersion(sqlite3 *db, const QString &path)
{
    auto stmt = SqliteStatement::prepare(db, "PRAGMA user_version");
    Result<bool> row = stmt ? stmt->step() : Result<bool>(stmt.error());
    if (!row || !*row) {
        const int code = sqlite3_extended_errcode(db);
        if (code == SQLITE_NOTADB)
            return Error::badInput(tr("%1 is not a workspace: the file is not an SQLite database")
                                       .arg(path));
        return Error::database(tr("%1: cannot read the schema version: %2")
                                   .arg(path, QString::fromUtf8(sqlite3_errmsg(db))));
    }
    return int(stmt->columnInt(0));
}

Result<void> SchemaMigrations::migrate(sqlite3 *db, const QString &path)
{
    auto current = readVersion(db, path);
    if (!current)
        return current.error();
    for (const Step &step : kSteps) {
        if (step.toVersion <= *current)
            continue;
        SqliteTransaction tx(db);
        if (auto r = tx.begin(); !r)
            return r.error();
        // Another connection may have migrated the file while this one waited for the write lock
        // (two threads opening a new workspace at once): read the version again under the lock.
        auto locked = readVersion(db, path);
        if (!locked)
            return locked.error();
        *current = *locked;
        if (step.toVersion <= *current)
            continue;
        qCInfo(lcStore) << "migrating" << path << "from schema" << *current << "to" << step.toVersion;
        if (auto r = sqliteExec(db, step.sql); !r)
            return Error::database(tr("%1: upgrading the workspace to schema version %2 failed: %3")
                                       .arg(path).arg(step.toVersion).arg(r.error().message));
        const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(step.toVersion);
        if (auto r = sqliteExec(db, setVersion.constData()); !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
        *current = step.toVersion;
    }
    return {};
}

} // namespace kx
