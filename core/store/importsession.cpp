// SPDX-License-Identifier: GPL-3.0-or-later
#include "importsession.h"

#include "scenariocodec.h"
#include "sqlitestatement.h"
#include "storelogging.h"
#include "workspacestore.h"

#include <sqlite3.h>

#include <QDateTime>

#include <optional>

namespace kx {

/** The prepared statements, reused for every row, and the row buffers. */
struct ImportSession::Statements
{
    SqliteStatement dataset;
    SqliteStatement scenario;
    std::optional<ScenarioIndexWriter> index;
    EncodedScenario row;
};

ImportSession::ImportSession(WorkspaceStore &store)
    : m_store(store), m_statements(std::make_unique<Statements>())
{
}

ImportSession::~ImportSession()
{
    rollback();
}

Result<void> ImportSession::start()
{
    sqlite3 *db = m_store.handle();
    struct Sql
    {
        SqliteStatement *target;
        const char *sql;
    };
    const Sql all[] = {
        {&m_statements->dataset,
         "INSERT INTO datasets (name, version, kind, category, source, created_at, baseline_scores, metadata) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"},
        {&m_statements->scenario,
         "INSERT INTO scenarios (dataset_id, uid, name, category, status, turns, preview, messages, "
         "memory_requirements, capabilities, criteria, provenance, audio, review, extra) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"},
    };
    for (const Sql &s : all) {
        auto stmt = SqliteStatement::prepare(db, s.sql);
        if (!stmt)
            return stmt.error();
        *s.target = std::move(stmt.value());
    }
    auto index = ScenarioIndexWriter::prepare(db);
    if (!index)
        return index.error();
    m_statements->index.emplace(std::move(*index));
    // IMMEDIATE takes the write lock now, so a competing writer is reported
    // before any work is done rather than at the first insert.
    if (auto r = sqliteExec(db, "BEGIN IMMEDIATE"); !r)
        return r.error();
    // A large import touches every index page of the workspace many times: a bigger page cache
    // for the length of the transaction saves re-reading them. Restored when the session ends.
    if (auto current = SqliteStatement::prepare(db, "PRAGMA cache_size"); current) {
        if (auto row = current->step(); row && *row)
            m_savedCacheSize = current->columnInt(0);
    }
    (void)sqliteExec(db, "PRAGMA cache_size = -262144");
    m_open = true;
    m_store.m_importOpen = true;
    return {};
}

Result<qint64> ImportSession::beginDataset(const TestDataset &dataset)
{
    if (!m_open)
        return Error::database(tr("%1: the import is already finished").arg(m_store.path()));
    const QDateTime created = dataset.createdAt.isValid() ? dataset.createdAt : QDateTime::currentDateTimeUtc();
    SqliteStatement &stmt = m_statements->dataset;
    stmt.bind(1, dataset.name);
    stmt.bind(2, dataset.version);
    stmt.bind(3, dataset.kind);
    stmt.bind(4, categoryKey(dataset.category));
    stmt.bind(5, dataset.source);
    stmt.bind(6, created.toUTC().toString(Qt::ISODateWithMs));
    stmt.bind(7, qs(dumpCompact(dataset.baselineScores)));
    stmt.bind(8, qs(dumpCompact(dataset.metadata)));
    if (auto r = stmt.exec(); !r)
        return Error::database(tr("%1: cannot register dataset \"%2\": %3")
                                   .arg(m_store.path(), dataset.name, r.error().message));
    m_currentDataset = sqlite3_last_insert_rowid(m_store.handle());
    m_currentDatasetName = dataset.name;
    m_datasetIds.append(m_currentDataset);
    qCDebug(lcStore) << "import: dataset" << m_currentDataset << dataset.name;
    return m_currentDataset;
}

Result<void> ImportSession::continueDataset(qint64 id)
{
    if (!m_open)
        return Error::database(tr("%1: the import is already finished").arg(m_store.path()));
    auto stmt = SqliteStatement::prepare(m_store.handle(), "SELECT name FROM datasets WHERE id = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound(tr("%1: there is no dataset %2").arg(m_store.path()).arg(id));
    m_currentDataset = id;
    m_currentDatasetName = stmt->columnText(0);
    return {};
}

Result<void> ImportSession::add(const TestScenario &scenario)
{
    if (!m_open)
        return Error::database(tr("%1: the import is already finished").arg(m_store.path()));
    if (m_currentDataset == 0)
        return Error::badInput(tr("%1: scenario \"%2\" arrived before any dataset was begun")
                                   .arg(m_store.path(), scenario.id));
    EncodedScenario &row = m_statements->row;
    ScenarioCodec::encode(scenario, row);
    return addEncoded(row);
}

Result<void> ImportSession::addEncoded(const EncodedScenario &row)
{
    if (!m_open)
        return Error::database(tr("%1: the import is already finished").arg(m_store.path()));
    if (m_currentDataset == 0)
        return Error::badInput(tr("%1: scenario \"%2\" arrived before any dataset was begun")
                                   .arg(m_store.path(), QString::fromStdString(row.uid)));
    // The buffers in `row` outlive the statements' execution, so nothing needs copying.
    SqliteStatement &insert = m_statements->scenario;
    insert.bind(1, m_currentDataset);
    insert.bindStatic(2, row.uid);
    insert.bindStatic(3, row.name);
    insert.bindStatic(4, row.category);
    insert.bindStatic(5, row.status);
    insert.bind(6, row.turns);
    insert.bindStatic(7, row.preview);
    insert.bindStatic(8, row.messages);
    insert.bindStatic(9, row.memoryRequirements);
    insert.bindStatic(10, row.capabilities);
    insert.bindStatic(11, row.criteria);
    insert.bindStatic(12, row.provenance);
    if (row.audio.empty())
        insert.bindNull(13);
    else
        insert.bindStatic(13, row.audio);
    insert.bindStatic(14, row.review);
    insert.bindStatic(15, row.extra);
    if (auto r = insert.exec(); !r) {
        if ((insert.lastCode() & 0xff) == SQLITE_CONSTRAINT)
            return Error::badInput(tr("%1: scenario id \"%2\" appears twice in dataset \"%3\"")
                                       .arg(m_store.path(), QString::fromStdString(row.uid), m_currentDatasetName));
        return Error::database(tr("%1: cannot add scenario \"%2\": %3")
                                   .arg(m_store.path(), QString::fromStdString(row.uid), r.error().message));
    }
    const qint64 rowId = sqlite3_last_insert_rowid(m_store.handle());

    if (auto r = m_statements->index->add(rowId, row); !r)
        return r;
    ++m_scenarioCount;
    return {};
}

Result<void> ImportSession::commit()
{
    if (!m_open)
        return Error::database(tr("%1: the import is already finished").arg(m_store.path()));
    if (auto r = sqliteExec(m_store.handle(), "COMMIT"); !r) {
        rollback();
        return r.error();
    }
    m_open = false;
    m_store.m_importOpen = false;
    restoreCacheSize();
    qCInfo(lcStore) << "import committed:" << m_scenarioCount << "scenarios in" << m_datasetIds.size()
                    << "datasets";
    return {};
}

void ImportSession::restoreCacheSize()
{
    const QByteArray sql = "PRAGMA cache_size = " + QByteArray::number(m_savedCacheSize);
    sqlite3_exec(m_store.handle(), sql.constData(), nullptr, nullptr, nullptr);
}

void ImportSession::rollback()
{
    if (!m_open)
        return;
    sqlite3 *db = m_store.handle();
    if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    restoreCacheSize();
    m_open = false;
    m_store.m_importOpen = false;
    m_datasetIds.clear();
    m_scenarioCount = 0;
    qCInfo(lcStore) << "import rolled back";
}

} // namespace kx
