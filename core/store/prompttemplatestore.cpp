// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompttemplatestore.h"

#include "sqlitestatement.h"
#include "sqlitetransaction.h"
#include "workspacestore.h"

#include <sqlite3.h>

namespace kx {

namespace {

constexpr const char kColumns[] = "id, version, body, sha256, author, saved_at";

/** One row of a SELECT kColumns …, checked against its columns. */
Result<StoredPromptTemplate> readRow(const SqliteStatement &stmt, const QString &templateId, const QString &path)
{
    StoredPromptTemplate row;
    row.rowId = stmt.columnInt(0);
    const int version = int(stmt.columnInt(1));
    const QString origin = PromptTemplateStore::originOf(templateId, version);
    const auto damaged = [&](const QString &reason) {
        return Error::database(PromptTemplateStore::tr("%1: %2 (row %3) is damaged: %4")
                                   .arg(path, origin)
                                   .arg(row.rowId)
                                   .arg(reason));
    };
    const std::string_view body = stmt.columnUtf8(2);
    const Json j = Json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_discarded())
        return damaged(PromptTemplateStore::tr("the body is not valid JSON"));
    auto parsed = PromptTemplate::fromJson(j, origin);
    if (!parsed)
        return damaged(parsed.error().message);
    if (parsed->id() != templateId || parsed->version() != version)
        return damaged(PromptTemplateStore::tr("the body says \"%1\" version %2")
                           .arg(parsed->id())
                           .arg(parsed->version()));
    // The hash is what scenarios' provenance cites: a body that no longer matches it is not that text.
    if (parsed->contentHash() != stmt.columnText(3))
        return damaged(PromptTemplateStore::tr("the body does not match its SHA-256"));
    row.promptTemplate = std::move(*parsed);
    row.author = stmt.columnText(4);
    row.savedAt = QDateTime::fromString(stmt.columnText(5), Qt::ISODateWithMs);
    return row;
}

/** Rows of @p templateId in @p order ("ASC"/"DESC"), at most @p limit (< 0: all). */
Result<QList<StoredPromptTemplate>> selectRows(const WorkspaceStore &store, const QString &templateId,
                                               const char *order, int limit)
{
    const QByteArray sql = QByteArray("SELECT ") + kColumns
                           + " FROM prompt_templates WHERE template_id = ?1 ORDER BY version " + order
                           + " LIMIT ?2";
    auto stmt = SqliteStatement::prepare(store.handle(), sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, templateId);
    stmt->bind(2, qint64(limit));
    QList<StoredPromptTemplate> out;
    while (true) {
        auto more = stmt->step();
        if (!more)
            return more.error();
        if (!*more)
            break;
        auto row = readRow(*stmt, templateId, store.path());
        if (!row)
            return row.error();
        out.append(std::move(*row));
    }
    return out;
}

} // namespace

QString PromptTemplateStore::originOf(const QString &templateId, int version)
{
    return QStringLiteral("workspace template %1 v%2").arg(templateId).arg(version);
}

Result<PromptTemplate> PromptTemplateStore::withVersion(const PromptTemplate &t, int version, const QString &origin)
{
    Json j = t.toJson();
    j["version"] = version;
    return PromptTemplate::fromJson(j, origin);
}

Result<QList<StoredPromptTemplate>> PromptTemplateStore::versions(const QString &templateId) const
{
    return selectRows(m_store, templateId, "ASC", -1);
}

Result<std::optional<PromptTemplate>> PromptTemplateStore::latest(const QString &templateId) const
{
    auto rows = selectRows(m_store, templateId, "DESC", 1);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<PromptTemplate>();
    return std::optional<PromptTemplate>(rows->first().promptTemplate);
}

Result<PromptTemplate> PromptTemplateStore::current(const QString &templateId) const
{
    auto newest = latest(templateId);
    if (!newest)
        return newest.error();
    if (*newest)
        return **newest;
    return PromptTemplate::builtIn(templateId);
}

Result<PromptTemplate> PromptTemplateStore::version(const QString &templateId, int version) const
{
    auto rows = versions(templateId);
    if (!rows)
        return rows.error();
    for (const StoredPromptTemplate &row : *rows) {
        if (row.promptTemplate.version() == version)
            return row.promptTemplate;
    }
    auto builtIn = PromptTemplate::builtIn(templateId);
    if (builtIn && builtIn->version() == version)
        return builtIn;
    return Error::notFound(tr("%1: prompt template \"%2\" has no version %3")
                               .arg(m_store.path(), templateId)
                               .arg(version));
}

Result<PromptTemplate> PromptTemplateStore::save(const PromptTemplate &edited, const QString &author)
{
    const QString id = edited.id();
    auto builtIn = PromptTemplate::builtIn(id);
    if (!builtIn)
        return Error::badInput(tr("there is no built-in prompt template \"%1\": only the generators' templates "
                                  "can be saved")
                                   .arg(id));

    sqlite3 *db = m_store.handle();
    SqliteTransaction tx(db);
    if (auto r = tx.begin(); !r)
        return r.error();
    // Read inside the write transaction: the next number and the comparison see the same newest row.
    auto newest = latest(id);
    if (!newest)
        return newest.error();
    const PromptTemplate &current = *newest ? **newest : *builtIn;

    // Same content = same hash once the versions agree; the version itself is not content.
    auto asCurrent = withVersion(edited, current.version(), edited.origin());
    if (!asCurrent)
        return asCurrent.error();
    if (asCurrent->contentHash() == current.contentHash())
        return Error::badInput(tr("prompt template \"%1\" is unchanged: its content equals version %2, so no new "
                                  "version was saved")
                                   .arg(id)
                                   .arg(current.version()));

    const int next = std::max(builtIn->version(), current.version()) + 1;
    auto stored = withVersion(edited, next, originOf(id, next));
    if (!stored)
        return stored.error();
    auto insert = SqliteStatement::prepare(
        db, "INSERT INTO prompt_templates (template_id, version, body, sha256, author, saved_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert)
        return insert.error();
    insert->bind(1, id);
    insert->bind(2, qint64(next));
    insert->bind(3, qs(dumpCompact(stored->toJson())));
    insert->bind(4, stored->contentHash());
    insert->bind(5, author);
    insert->bind(6, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (auto r = insert->exec(); !r)
        return Error{r.error().code, tr("%1: cannot save prompt template \"%2\" version %3: %4")
                                         .arg(m_store.path(), id)
                                         .arg(next)
                                         .arg(r.error().message)};
    if (auto r = tx.commit(); !r)
        return r.error();
    return stored;
}

} // namespace kx
