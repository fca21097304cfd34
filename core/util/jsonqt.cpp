// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonqt.h"

namespace kx {

QStringList toStringList(const Json &array)
{
    QStringList out;
    if (!array.is_array())
        return out;
    out.reserve(qsizetype(array.size()));
    for (const auto &item : array)
        out.append(item.is_string() ? qs(item.get_ref<const std::string &>()) : qs(dumpCompact(item)));
    return out;
}

Json fromStringList(const QStringList &list)
{
    Json out = Json::array();
    for (const QString &s : list)
        out.push_back(ss(s));
    return out;
}

std::string dumpCompact(const Json &j)
{
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace kx
