// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspacestore.h"

#include "scenariocodec.h"
#include "scenariofiltersql.h"
#include "schemamigrations.h"
#include "sqlitestatement.h"
#include "sqlitetransaction.h"
#include "storelogging.h"

#include <sqlite3.h>

#include <QElapsedTimer>
#include <QThread>

#include <QDateTime>
#include <QHash>

namespace kx {

namespace {

constexpr int kBusyTimeoutMs = 5000;

Result<Json> parseJsonColumn(const SqliteStatement &stmt, int column, const QString &what)
{
    const std::string_view text = stmt.columnUtf8(column);
    if (text.empty())
        return Json::object();
    Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded())
        return Error::database(WorkspaceStore::tr("the stored %1 is not valid JSON").arg(what));
    return j;
}

constexpr const char kDatasetColumns[] =
    "d.id, d.name, d.version, d.kind, d.category, d.source, d.created_at, d.baseline_scores, d.metadata, "
    "(SELECT count(*) FROM scenarios s WHERE s.dataset_id = d.id)";

Result<TestDataset> readDataset(const SqliteStatement &stmt, const QString &path)
{
    TestDataset d;
    d.id = stmt.columnInt(0);
    d.name = stmt.columnText(1);
    d.version = stmt.columnText(2);
    d.kind = stmt.columnText(3);
    d.category = categoryFromKey(stmt.columnText(4)).value_or(Category::Benchmark);
    d.source = stmt.columnText(5);
    d.createdAt = QDateTime::fromString(stmt.columnText(6), Qt::ISODateWithMs);
    auto scores = parseJsonColumn(stmt, 7, QStringLiteral("baseline_scores"));
    auto metadata = parseJsonColumn(stmt, 8, QStringLiteral("metadata"));
    if (!scores || !metadata)
        return Error::database(WorkspaceStore::tr("%1: dataset %2: %3")
                                   .arg(path)
                                   .arg(d.id)
                                   .arg((!scores ? scores.error() : metadata.error()).message));
    d.baselineScores = std::move(scores.value());
    d.metadata = std::move(metadata.value());
    d.scenarioCount = stmt.columnInt(9);
    return d;
}

} // namespace

WorkspaceStore::WorkspaceStore(sqlite3 *db, QString path) : m_db(db), m_path(std::move(path)) {}

WorkspaceStore::~WorkspaceStore()
{
    Q_ASSERT_X(!m_importOpen, "WorkspaceStore", "an ImportSession outlived its store");
    // close_v2 defers the close until stray statements are finalized instead of failing.
    sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<WorkspaceStore>> WorkspaceStore::open(const QString &path)
{
    Q_ASSERT(SchemaMigrations::latestVersion() == currentSchemaVersion);
    sqlite3 *db = nullptr;
    const QByteArray fileName = path.toUtf8();
    // NOMUTEX: a store is used by one thread at a time, so SQLite's own locking is overhead.
    const int rc = sqlite3_open_v2(fileName.constData(), &db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const QString reason = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close(db);
        return Error::io(tr("%1: cannot open the workspace: %2").arg(path, reason));
    }
    std::unique_ptr<WorkspaceStore> store(new WorkspaceStore(db, path));
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);

    // Read the version before anything writes: a newer or foreign file must stay untouched.
    auto version = SchemaMigrations::readVersion(db, path);
    if (!version)
        return version.error();
    if (*version > currentSchemaVersion)
        return Error{Error::Code::SchemaTooNew,
                     tr("%1 was written by a newer version of Kairix Workbench (schema version %2; this "
                        "version reads up to schema version %3). It was not changed.")
                         .arg(path)
                         .arg(*version)
                         .arg(currentSchemaVersion)};
    if (auto r = store->configure(); !r)
        return r.error();
    if (auto r = SchemaMigrations::migrate(db, path); !r)
        return r.error();
    qCDebug(lcStore) << "opened" << path << "schema" << currentSchemaVersion;
    return store;
}

Result<void> WorkspaceStore::configure()
{
    // WAL: readers (the GUI) keep reading while an import writes. NORMAL is
    // durable against an application crash, which is what "a killed app loses
    // nothing" needs, and much faster than FULL. In-memory databases answer
    // "memory" to the journal_mode request, which is fine.
    //
    // Switching a new file to WAL takes an exclusive lock and does not wait on the busy handler:
    // when another connection is setting up the same new file at that moment, try again shortly.
    QElapsedTimer waited;
    waited.start();
    while (true) {
        auto r = sqliteExec(m_db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                                  "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; "
                                  "PRAGMA cache_size = -32768;");
        if (r)
            return {};
        if ((sqlite3_errcode(m_db) & 0xff) != SQLITE_BUSY || waited.elapsed() > kBusyTimeoutMs)
            return Error::database(tr("%1: cannot configure the workspace: %2").arg(m_path, r.error().message));
        QThread::msleep(10);
    }
}

int WorkspaceStore::schemaVersion() const
{
    auto v = SchemaMigrations::readVersion(m_db, m_path);
    return v ? *v : -1;
}

Result<QList<TestDataset>> WorkspaceStore::datasets() const
{
    auto stmt = SqliteStatement::prepare(m_db, QByteArray("SELECT ") + kDatasetColumns
                                                   + " FROM datasets d ORDER BY d.id");
    if (!stmt)
        return stmt.error();
    QList<TestDataset> out;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        auto d = readDataset(*stmt, m_path);
        if (!d)
            return d.error();
        out.append(std::move(d.value()));
    }
    return out;
}

Result<TestDataset> WorkspaceStore::dataset(qint64 id) const
{
    auto stmt = SqliteStatement::prepare(m_db, QByteArray("SELECT ") + kDatasetColumns
                                                   + " FROM datasets d WHERE d.id = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound(tr("%1: there is no dataset %2").arg(m_path).arg(id));
    return readDataset(*stmt, m_path);
}

Result<void> WorkspaceStore::removeDataset(qint64 id)
{
    if (m_importOpen)
        return Error::database(tr("%1: cannot remove a dataset while an import is open").arg(m_path));
    SqliteTransaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r.error();
    // The foreign keys cascade to scenarios and capabilities; a trigger takes the FTS rows.
    auto stmt = SqliteStatement::prepare(m_db, "DELETE FROM datasets WHERE id = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    if (auto r = stmt->exec(); !r)
        return r.error();
    if (sqlite3_changes(m_db) == 0)
        return Error::notFound(tr("%1: there is no dataset %2").arg(m_path).arg(id));
    if (auto r = tx.commit(); !r)
        return r.error();
    qCInfo(lcStore) << "removed dataset" << id << "from" << m_path;
    return {};
}

Result<TestScenario> WorkspaceStore::scenario(qint64 rowId) const
{
    auto stmt = SqliteStatement::prepare(m_db, QByteArray("SELECT ") + ScenarioCodec::selectColumns
                                                   + " FROM scenarios s WHERE s.rowid = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, rowId);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound(tr("%1: there is no scenario with row id %2").arg(m_path).arg(rowId));
    return ScenarioCodec::decode(*stmt);
}

Result<void> WorkspaceStore::forEachScenario(const ScenarioFilter &filter,
                                             const std::function<Result<void>(const TestScenario &)> &visit) const
{
    return forEachScenarioRow(filter, [&visit](qint64, const TestScenario &s) { return visit(s); });
}

Result<void> WorkspaceStore::forEachScenarioRow(
    const ScenarioFilter &filter, const std::function<Result<void>(qint64 rowId, const TestScenario &)> &visit) const
{
    const ScenarioFilterSql where(filter);
    auto stmt = SqliteStatement::prepare(m_db, QByteArray("SELECT ") + ScenarioCodec::selectColumns
                                                   + ", s.rowid FROM scenarios s WHERE " + where.condition()
                                                   + " ORDER BY s.rowid");
    if (!stmt)
        return stmt.error();
    where.bind(*stmt);
    const int rowIdColumn = sqlite3_column_count(stmt->get()) - 1;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        auto s = ScenarioCodec::decode(*stmt);
        if (!s)
            return Error::database(tr("%1: %2").arg(m_path, s.error().message));
        if (auto r = visit(stmt->columnInt(rowIdColumn), *s); !r)
            return r;
    }
}

Result<void> WorkspaceStore::setStatus(qint64 rowId, ReviewStatus status)
{
    // Inside an open import the update would share its fate instead of being durable now.
    if (m_importOpen)
        return Error::database(tr("%1: cannot change a review status while an import is open on the same "
                                  "connection")
                                   .arg(m_path));
    auto stmt = SqliteStatement::prepare(m_db, "UPDATE scenarios SET status = ?1 WHERE rowid = ?2");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, reviewStatusKey(status));
    stmt->bind(2, rowId);
    if (auto r = stmt->exec(); !r)
        return r.error();
    if (sqlite3_changes(m_db) == 0)
        return Error::notFound(tr("%1: there is no scenario with row id %2").arg(m_path).arg(rowId));
    return {};
}

Result<std::unique_ptr<ImportSession>> WorkspaceStore::beginImport()
{
    if (m_importOpen)
        return Error::database(tr("%1: another import is already open on this connection").arg(m_path));
    std::unique_ptr<ImportSession> session(new ImportSession(*this));
    if (auto r = session->start(); !r)
        return Error::database(tr("%1: cannot start the import: %2").arg(m_path, r.error().message));
    return session;
}

} // namespace kx
