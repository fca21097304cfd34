// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshotstore.h"

#include "sqlitestatement.h"
#include "sqlitetransaction.h"
#include "workspacestore.h"

#include <sqlite3.h>

namespace kx {

namespace {

Json parsed(std::string_view text)
{
    Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    return j.is_discarded() ? Json::object() : j;
}

/** Reads id, name, version, created_at, baseline_scores, metadata. */
Snapshot snapshotAt(const SqliteStatement &s)
{
    Snapshot snap;
    snap.id = s.columnInt(0);
    snap.name = s.columnText(1);
    snap.version = s.columnText(2);
    snap.createdAt = QDateTime::fromString(s.columnText(3), Qt::ISODateWithMs);
    snap.baselineScores = parsed(s.columnUtf8(4));
    snap.metadata = parsed(s.columnUtf8(5));
    return snap;
}

constexpr const char *snapshotColumns = "SELECT id, name, version, created_at, baseline_scores, metadata FROM snapshots ";

} // namespace

Result<Snapshot> SnapshotStore::create(const Snapshot &snapshot)
{
    if (snapshot.name.trimmed().isEmpty() || snapshot.version.trimmed().isEmpty())
        return Error::badInput(tr("a snapshot needs a name and a version"));
    sqlite3 *db = m_store.handle();
    SqliteTransaction tx(db);
    if (auto r = tx.begin(); !r)
        return r.error();
    auto existing = find(snapshot.name, snapshot.version);
    if (!existing)
        return existing.error();
    if (*existing)
        return Error::badInput(tr("snapshot \"%1\" version %2 exists already").arg(snapshot.name, snapshot.version));

    Snapshot stored = snapshot;
    if (!stored.createdAt.isValid())
        stored.createdAt = QDateTime::currentDateTimeUtc();
    auto insert = SqliteStatement::prepare(
        db, "INSERT INTO snapshots (name, version, created_at, baseline_scores, metadata) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert)
        return insert.error();
    insert->bind(1, stored.name);
    insert->bind(2, stored.version);
    insert->bind(3, stored.createdAt.toUTC().toString(Qt::ISODateWithMs));
    insert->bind(4, qs(dumpCompact(stored.baselineScores)));
    insert->bind(5, qs(dumpCompact(stored.metadata)));
    if (auto r = insert->exec(); !r)
        return r.error();
    stored.id = sqlite3_last_insert_rowid(db);

    auto member = SqliteStatement::prepare(
        db, "INSERT INTO snapshot_members (snapshot_id, position, uid, category, content_hash, scenario) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!member)
        return member.error();
    for (int i = 0; i < stored.members.size(); ++i) {
        const SnapshotMember &m = stored.members.at(i);
        auto scenario = m_store.scenario(m.rowId);
        if (!scenario)
            return Error::badInput(tr("snapshot member \"%1\": %2").arg(m.uid, scenario.error().message));
        member->reset();
        member->bind(1, stored.id);
        member->bind(2, qint64(i));
        member->bind(3, m.uid);
        member->bind(4, categoryKey(m.category));
        member->bind(5, m.contentHash);
        member->bind(6, qs(dumpCompact(scenario->toJson())));
        if (auto r = member->exec(); !r)
            return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return stored;
}

Result<QList<Snapshot>> SnapshotStore::snapshots() const
{
    auto stmt = SqliteStatement::prepare(m_store.handle(), QByteArray(snapshotColumns) + "ORDER BY id DESC");
    if (!stmt)
        return stmt.error();
    QList<Snapshot> out;
    if (auto r = stmt->forEachRow([&] { out.append(snapshotAt(*stmt)); }); !r)
        return r.error();
    return out;
}

Result<Snapshot> SnapshotStore::snapshot(qint64 id) const
{
    auto stmt = SqliteStatement::prepare(m_store.handle(), QByteArray(snapshotColumns) + "WHERE id = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound(tr("%1: there is no snapshot %2").arg(m_store.path()).arg(id));
    Snapshot snap = snapshotAt(*stmt);
    auto members = SqliteStatement::prepare(
        m_store.handle(),
        "SELECT uid, category, content_hash, json_extract(scenario, '$.provenance.dataset') FROM snapshot_members "
        "WHERE snapshot_id = ?1 ORDER BY position");
    if (!members)
        return members.error();
    members->bind(1, id);
    auto read = members->forEachRow([&] {
        SnapshotMember m;
        m.uid = members->columnText(0);
        m.category = categoryFromKey(members->columnText(1)).value_or(Category::Benchmark);
        m.contentHash = members->columnText(2);
        m.source = members->columnText(3);
        snap.members.append(std::move(m));
    });
    if (!read)
        return read.error();
    return snap;
}

Result<std::optional<Snapshot>> SnapshotStore::find(const QString &name, const QString &version) const
{
    auto stmt = SqliteStatement::prepare(m_store.handle(), "SELECT id FROM snapshots WHERE name = ?1 AND version = ?2");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, name);
    stmt->bind(2, version);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Snapshot>();
    auto snap = snapshot(stmt->columnInt(0));
    if (!snap)
        return snap.error();
    return std::optional<Snapshot>(std::move(*snap));
}

Result<QString> SnapshotStore::nextVersion(const QString &name) const
{
    auto stmt = SqliteStatement::prepare(m_store.handle(), "SELECT version FROM snapshots WHERE name = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, name);
    qint64 highest = 0;
    auto read = stmt->forEachRow([&] {
        bool ok = false;
        const qint64 v = stmt->columnText(0).toLongLong(&ok);
        if (ok)
            highest = std::max(highest, v);
    });
    if (!read)
        return read.error();
    return QString::number(highest + 1);
}

Result<void> SnapshotStore::forEachScenario(qint64 id, const std::function<Result<void>(const TestScenario &)> &visit) const
{
    if (auto snap = snapshot(id); !snap)
        return snap.error();
    auto stmt = SqliteStatement::prepare(
        m_store.handle(), "SELECT position, scenario FROM snapshot_members WHERE snapshot_id = ?1 ORDER BY position");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, id);
    return stmt->forEachRow([&]() -> Result<void> {
        auto scenario = TestScenario::fromJson(parsed(stmt->columnUtf8(1)));
        if (!scenario)
            return Error::database(tr("%1: snapshot %2, member %3: %4")
                                       .arg(m_store.path()).arg(id).arg(stmt->columnInt(0)).arg(scenario.error().message));
        return visit(*scenario);
    });
}

} // namespace kx
