// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshotdiff.h"

#include <QHash>

namespace kx {

namespace {

/** uid → content hash of one version; an error names a bad uid. */
Result<QHash<QString, QString>> indexByUid(const QList<SnapshotMember> &members, bool older)
{
    QHash<QString, QString> byUid;
    byUid.reserve(members.size());
    for (const SnapshotMember &m : members) {
        if (m.uid.isEmpty())
            return Error::badInput(older ? SnapshotDiff::tr("The older version has a member without a uid (row %1).").arg(m.rowId)
                                         : SnapshotDiff::tr("The newer version has a member without a uid (row %1).").arg(m.rowId));
        if (byUid.contains(m.uid))
            return Error::badInput(older ? SnapshotDiff::tr("The older version lists \"%1\" more than once.").arg(m.uid)
                                         : SnapshotDiff::tr("The newer version lists \"%1\" more than once.").arg(m.uid));
        byUid.insert(m.uid, m.contentHash);
    }
    return byUid;
}

} // namespace

Result<SnapshotDiff> SnapshotDiff::compute(const QList<SnapshotMember> &from, const QList<SnapshotMember> &to)
{
    auto before = indexByUid(from, true);
    if (!before)
        return before.error();
    auto after = indexByUid(to, false);
    if (!after)
        return after.error();

    SnapshotDiff diff;
    for (auto it = after->cbegin(); it != after->cend(); ++it) {
        const auto old = before->constFind(it.key());
        if (old == before->cend())
            diff.m_added << it.key();
        else if (*old != it.value())
            diff.m_changed << it.key();
        else
            ++diff.m_unchanged;
    }
    for (auto it = before->cbegin(); it != before->cend(); ++it)
        if (!after->contains(it.key()))
            diff.m_removed << it.key();

    diff.m_added.sort();
    diff.m_removed.sort();
    diff.m_changed.sort();
    return diff;
}

Json SnapshotDiff::toJson() const
{
    Json j = Json::object();
    j["added"] = fromStringList(m_added);
    j["removed"] = fromStringList(m_removed);
    j["changed"] = fromStringList(m_changed);
    j["unchanged"] = m_unchanged;
    j["counts"] = Json{{"added", qint64(m_added.size())},
                       {"removed", qint64(m_removed.size())},
                       {"changed", qint64(m_changed.size())},
                       {"unchanged", m_unchanged}};
    return j;
}

} // namespace kx
