// SPDX-License-Identifier: GPL-3.0-or-later
#include "mixstore.h"

#include "scenariocodec.h"
#include "sqlitestatement.h"
#include "workspacestore.h"

#include <QCryptographicHash>
#include <QSet>

namespace kx {

namespace {
constexpr const char *targetKey = "mix_target";
} // namespace

Result<QList<MixReport::Source>> MixStore::sources() const
{
    auto stmt = SqliteStatement::prepare(
        m_store.handle(),
        "SELECT d.id, d.name, d.kind, s.category, sum(s.status = 'accepted'), "
        "sum(s.status IN ('accepted', 'rejected')), count(*) "
        "FROM scenarios s JOIN datasets d ON d.id = s.dataset_id GROUP BY d.id, s.category ORDER BY d.id, s.category");
    if (!stmt)
        return stmt.error();
    QList<MixReport::Source> out;
    auto read = stmt->forEachRow([&] {
        MixReport::Source s;
        s.datasetId = stmt->columnInt(0);
        s.name = stmt->columnText(1);
        s.kind = stmt->columnText(2);
        s.category = categoryFromKey(stmt->columnText(3)).value_or(Category::Benchmark);
        s.accepted = stmt->columnInt(4);
        s.reviewed = stmt->columnInt(5);
        s.total = stmt->columnInt(6);
        out.append(std::move(s));
    });
    if (!read)
        return read.error();
    return out;
}

Result<MixReport> MixStore::report() const
{
    auto t = target();
    if (!t)
        return t.error();
    auto s = sources();
    if (!s)
        return s.error();
    return MixReport::build(*t, *s);
}

Result<QMap<QString, GeneratorAcceptance>> MixStore::generatorAcceptance() const
{
    auto stmt = SqliteStatement::prepare(
        m_store.handle(),
        "SELECT json_extract(provenance, '$.generator') AS g, sum(status = 'accepted'), "
        "sum(status IN ('accepted', 'rejected')) FROM scenarios WHERE g IS NOT NULL AND g != '' GROUP BY g");
    if (!stmt)
        return stmt.error();
    QMap<QString, GeneratorAcceptance> out;
    auto read = stmt->forEachRow([&] {
        out.insert(stmt->columnText(0), GeneratorAcceptance{stmt->columnInt(1), stmt->columnInt(2)});
    });
    if (!read)
        return read.error();
    return out;
}

Result<MixTarget> MixStore::target() const
{
    auto stmt = SqliteStatement::prepare(m_store.handle(), "SELECT value FROM workspace_settings WHERE key = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, QString::fromLatin1(targetKey));
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return MixTarget();
    const std::string_view text = stmt->columnUtf8(0);
    const Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    auto target = MixTarget::fromJson(j);
    if (!target)
        return Error::database(tr("%1: the stored mix target is damaged: %2").arg(m_store.path(), target.error().message));
    return target;
}

Result<void> MixStore::setTarget(const MixTarget &target)
{
    if (auto r = target.validate(); !r)
        return r;
    auto stmt = SqliteStatement::prepare(m_store.handle(),
                                         "INSERT OR REPLACE INTO workspace_settings (key, value) VALUES (?1, ?2)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, QString::fromLatin1(targetKey));
    stmt->bind(2, qs(dumpCompact(target.toJson())));
    return stmt->exec();
}

Result<QList<SnapshotMember>> MixStore::acceptedCandidates() const
{
    auto stmt = SqliteStatement::prepare(m_store.handle(),
                                         QByteArray("SELECT ") + ScenarioCodec::selectColumns
                                             + ", d.name FROM scenarios s JOIN datasets d ON d.id = s.dataset_id "
                                               "WHERE s.status = 'accepted' ORDER BY s.rowid");
    if (!stmt)
        return stmt.error();
    QList<SnapshotMember> out;
    QSet<QString> seen;
    auto read = stmt->forEachRow([&]() -> Result<void> {
        auto scenario = ScenarioCodec::decode(*stmt);
        if (!scenario)
            return scenario.error();
        if (seen.contains(scenario->id))
            return {};
        seen.insert(scenario->id);
        SnapshotMember m;
        m.rowId = stmt->columnInt(0);
        m.uid = scenario->id;
        m.category = scenario->category;
        m.source = stmt->columnText(13);
        const std::string json = scenario->toJson().dump();
        m.contentHash = QString::fromLatin1(
            QCryptographicHash::hash(QByteArrayView(json.data(), qsizetype(json.size())), QCryptographicHash::Sha256).toHex());
        out.append(std::move(m));
        return {};
    });
    if (!read)
        return read.error();
    return out;
}

} // namespace kx
