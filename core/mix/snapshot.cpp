// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot.h"

namespace kx {

Snapshot Snapshot::fromSelection(const QString &name, const QString &version, const QDateTime &createdAt,
                                 const SnapshotSampler::Selection &selection, const MixTarget &target,
                                 const Json &sourceFilter)
{
    Snapshot s;
    s.name = name;
    s.version = version;
    s.createdAt = createdAt.toUTC();
    s.members = selection.members;

    Json meta = Json::object();
    meta["kind"] = "snapshot";
    const Json drawn = selection.toJson();
    meta["seed"] = drawn["seed"];
    meta["mix_target"] = target.toJson();
    for (auto it = drawn.begin(); it != drawn.end(); ++it)
        if (it.key() != "seed")
            meta[it.key()] = it.value();
    meta["source_filter"] = sourceFilter;
    s.metadata = std::move(meta);
    return s;
}

CategoryCounts Snapshot::counts() const
{
    CategoryCounts n{};
    for (const SnapshotMember &m : members)
        ++n[std::size_t(m.category)];
    return n;
}

Json Snapshot::toJson(bool withMembers) const
{
    Json j = Json::object();
    j["id"] = id;
    j["name"] = ss(name);
    j["version"] = ss(version);
    j["created_at"] = ss(createdAt.toUTC().toString(Qt::ISODate));
    j["scenarios"] = qint64(members.size());
    j["baseline_scores"] = baselineScores;
    j["metadata"] = metadata;
    if (withMembers) {
        Json list = Json::array();
        for (const SnapshotMember &m : members)
            list.push_back(m.toJson());
        j["members"] = std::move(list);
    }
    return j;
}

Result<Snapshot> Snapshot::fromJson(const Json &j)
{
    if (!j.is_object())
        return Error::badInput(tr("A snapshot must be a JSON object."));
    Snapshot s;

    const auto id = j.find("id");
    if (id == j.end() || !id->is_number_integer())
        return Error::badInput(tr("A snapshot needs an integer \"id\"."));
    s.id = id->get<qint64>();

    const auto name = j.find("name");
    const auto version = j.find("version");
    const auto created = j.find("created_at");
    if (name == j.end() || !name->is_string())
        return Error::badInput(tr("A snapshot needs a string \"name\"."));
    if (version == j.end() || !version->is_string())
        return Error::badInput(tr("A snapshot needs a string \"version\"."));
    if (created == j.end() || !created->is_string())
        return Error::badInput(tr("A snapshot needs a string \"created_at\"."));
    s.name = qs(name->get<std::string>());
    s.version = qs(version->get<std::string>());
    s.createdAt = QDateTime::fromString(qs(created->get<std::string>()), Qt::ISODate);
    if (!s.createdAt.isValid())
        return Error::badInput(tr("The snapshot's \"created_at\" is not an ISO 8601 date and time: %1.")
                                   .arg(qs(created->get<std::string>())));
    s.createdAt = s.createdAt.toUTC();

    // Both are optional objects; an absent one stays empty.
    const auto readObject = [&j](const char *key, Json &into) -> Result<void> {
        const auto it = j.find(key);
        if (it == j.end())
            return {};
        if (!it->is_object())
            return Error::badInput(tr("The snapshot's \"%1\" must be a JSON object.").arg(QLatin1String(key)));
        into = *it;
        return {};
    };
    if (auto ok = readObject("baseline_scores", s.baselineScores); !ok)
        return ok.error();
    if (auto ok = readObject("metadata", s.metadata); !ok)
        return ok.error();

    if (const auto list = j.find("members"); list != j.end()) {
        if (!list->is_array())
            return Error::badInput(tr("The snapshot's \"members\" must be a JSON array."));
        for (std::size_t i = 0; i < list->size(); ++i) {
            auto m = SnapshotMember::fromJson((*list)[i]);
            if (!m)
                return Error::badInput(tr("Snapshot member %1: %2").arg(i).arg(m.error().message));
            s.members.append(std::move(m).value());
        }
    }
    return s;
}

TestDataset Snapshot::toTestDataset() const
{
    const CategoryCounts n = counts();
    std::size_t largest = 0;
    for (std::size_t i = 1; i < categoryCount; ++i)
        if (n[i] > n[largest])
            largest = i;

    TestDataset d;
    d.id = id;
    d.name = name;
    d.version = version;
    d.kind = QStringLiteral("snapshot");
    d.category = allCategories[largest];
    d.source = QStringLiteral("snapshot");
    d.createdAt = createdAt;
    d.baselineScores = baselineScores;
    d.metadata = metadata;
    d.scenarioCount = members.size();
    return d;
}

} // namespace kx
