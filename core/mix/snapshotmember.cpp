// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshotmember.h"

namespace kx {

Json SnapshotMember::toJson() const
{
    Json j = Json::object();
    j["uid"] = ss(uid);
    j["row_id"] = rowId;
    j["category"] = ss(categoryKey(category));
    j["source"] = ss(source);
    j["content_hash"] = ss(contentHash);
    return j;
}

Result<SnapshotMember> SnapshotMember::fromJson(const Json &j)
{
    if (!j.is_object())
        return Error::badInput(tr("A snapshot member must be a JSON object."));
    SnapshotMember m;

    const auto uid = j.find("uid");
    if (uid == j.end() || !uid->is_string() || uid->get_ref<const std::string &>().empty())
        return Error::badInput(tr("A snapshot member needs a non-empty string \"uid\"."));
    m.uid = qs(uid->get<std::string>());

    const auto category = j.find("category");
    if (category == j.end() || !category->is_string())
        return Error::badInput(tr("Snapshot member %1 needs a string \"category\".").arg(m.uid));
    const auto c = categoryFromKey(qs(category->get<std::string>()));
    if (!c)
        return Error::badInput(tr("Snapshot member %1 has an unknown \"category\" %2.")
                                   .arg(m.uid, qs(category->get<std::string>())));
    m.category = *c;

    if (const auto row = j.find("row_id"); row != j.end()) {
        if (!row->is_number_integer())
            return Error::badInput(tr("Snapshot member %1 has a \"row_id\" that is not an integer.").arg(m.uid));
        m.rowId = row->get<qint64>();
    }
    if (const auto source = j.find("source"); source != j.end()) {
        if (!source->is_string())
            return Error::badInput(tr("Snapshot member %1 has a \"source\" that is not a string.").arg(m.uid));
        m.source = qs(source->get<std::string>());
    }
    if (const auto hash = j.find("content_hash"); hash != j.end()) {
        if (!hash->is_string())
            return Error::badInput(tr("Snapshot member %1 has a \"content_hash\" that is not a string.").arg(m.uid));
        m.contentHash = qs(hash->get<std::string>());
    }
    return m;
}

} // namespace kx
