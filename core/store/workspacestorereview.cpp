// SPDX-License-Identifier: GPL-3.0-or-later
// The review side of WorkspaceStore: durable scenario edits with their audit trail.
#include "workspacestore.h"

#include "scenariocodec.h"
#include "sqlitestatement.h"
#include "sqlitetransaction.h"
#include "util/jsondiff.h"

#include <sqlite3.h>

namespace kx {

namespace {

/** Rewrites every column of row @p rowId, its search index entry and its capability rows. */
Result<void> rewriteScenario(sqlite3 *db, qint64 rowId, const EncodedScenario &row)
{
    auto update = SqliteStatement::prepare(
        db, "UPDATE scenarios SET uid = ?1, name = ?2, category = ?3, status = ?4, turns = ?5, preview = ?6, "
            "messages = ?7, memory_requirements = ?8, capabilities = ?9, criteria = ?10, provenance = ?11, "
            "audio = ?12, review = ?13, extra = ?14 WHERE rowid = ?15");
    if (!update)
        return update.error();
    update->bindStatic(1, row.uid);
    update->bindStatic(2, row.name);
    update->bindStatic(3, row.category);
    update->bindStatic(4, row.status);
    update->bind(5, row.turns);
    update->bindStatic(6, row.preview);
    update->bindStatic(7, row.messages);
    update->bindStatic(8, row.memoryRequirements);
    update->bindStatic(9, row.capabilities);
    update->bindStatic(10, row.criteria);
    update->bindStatic(11, row.provenance);
    if (row.audio.empty())
        update->bindNull(12);
    else
        update->bindStatic(12, row.audio);
    update->bindStatic(13, row.review);
    update->bindStatic(14, row.extra);
    update->bind(15, rowId);
    if (auto r = update->exec(); !r) {
        if ((update->lastCode() & 0xff) == SQLITE_CONSTRAINT)
            return Error::badInput(WorkspaceStore::tr("scenario id \"%1\" is already used in this dataset")
                                       .arg(QString::fromStdString(row.uid)));
        return r.error();
    }

    // The old search entry and capability rows go, the new ones come through the import's own writer.
    for (const char *sql : {"DELETE FROM scenario_fts WHERE rowid = ?1",
                            "DELETE FROM scenario_capabilities WHERE scenario_id = ?1",
                            "DELETE FROM human_reviews WHERE scenario_id = ?1"}) {
        auto remove = SqliteStatement::prepare(db, sql);
        if (!remove)
            return remove.error();
        remove->bind(1, rowId);
        if (auto r = remove->exec(); !r)
            return r;
    }
    auto index = ScenarioIndexWriter::prepare(db);
    if (!index)
        return index.error();
    if (auto r = index->add(rowId, row); !r)
        return r;
    return {};
}

} // namespace

Result<ReviewEvent> WorkspaceStore::updateScenario(qint64 rowId, const TestScenario &after, const QString &reviewer,
                                                   const QString &action)
{
    if (m_importOpen)
        return Error::database(tr("%1: cannot change a scenario while an import is open on the same connection")
                                   .arg(m_path));
    SqliteTransaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r.error();
    auto before = scenario(rowId);
    if (!before)
        return before.error();

    ReviewEvent event;
    event.changes = jsonDiff(before->toJson(), after.toJson());
    if (event.changes.empty())
        return event;
    event.scenarioRowId = rowId;
    event.at = QDateTime::currentDateTimeUtc();
    event.reviewer = reviewer;
    event.action = action;

    EncodedScenario row;
    ScenarioCodec::encode(after, row);
    if (auto r = rewriteScenario(m_db, rowId, row); !r)
        return Error{r.error().code, tr("%1: cannot save scenario \"%2\": %3").arg(m_path, after.id, r.error().message)};

    auto insert = SqliteStatement::prepare(
        m_db, "INSERT INTO review_events (scenario_id, at, reviewer, action, changes) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert)
        return insert.error();
    insert->bind(1, rowId);
    insert->bind(2, event.at.toString(Qt::ISODateWithMs));
    insert->bind(3, reviewer);
    insert->bind(4, action);
    insert->bind(5, qs(dumpCompact(event.changes)));
    if (auto r = insert->exec(); !r)
        return r.error();
    event.id = sqlite3_last_insert_rowid(m_db);
    if (auto r = tx.commit(); !r)
        return r.error();
    return event;
}

Result<QList<ReviewEvent>> WorkspaceStore::reviewEvents(qint64 rowId) const
{
    auto stmt = SqliteStatement::prepare(
        m_db, "SELECT id, at, reviewer, action, changes FROM review_events WHERE scenario_id = ?1 ORDER BY id");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, rowId);
    QList<ReviewEvent> events;
    while (true) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        ReviewEvent e;
        e.id = stmt->columnInt(0);
        e.scenarioRowId = rowId;
        e.at = QDateTime::fromString(stmt->columnText(1), Qt::ISODateWithMs);
        e.reviewer = stmt->columnText(2);
        e.action = stmt->columnText(3);
        const std::string_view changes = stmt->columnUtf8(4);
        e.changes = Json::parse(changes.begin(), changes.end(), nullptr, false);
        if (e.changes.is_discarded())
            return Error::database(tr("%1: review event %2 holds damaged JSON").arg(m_path).arg(e.id));
        events.append(std::move(e));
    }
    return events;
}

} // namespace kx
