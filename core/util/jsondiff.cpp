// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsondiff.h"

namespace kx {

namespace {

/** Escapes one JSON Pointer reference token (RFC 6901). */
std::string pointerToken(const std::string &key)
{
    std::string out;
    out.reserve(key.size());
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

void diffInto(const Json &before, const Json &after, const std::string &path, Json &out)
{
    if (before == after)
        return;
    if (before.is_object() && after.is_object()) {
        for (const auto &[key, value] : before.items()) {
            const std::string child = path + "/" + pointerToken(key);
            const auto it = after.find(key);
            if (it == after.end())
                out.push_back(Json{{"path", child}, {"before", value}});
            else
                diffInto(value, *it, child, out);
        }
        for (const auto &[key, value] : after.items())
            if (!before.contains(key))
                out.push_back(Json{{"path", path + "/" + pointerToken(key)}, {"after", value}});
        return;
    }
    if (before.is_array() && after.is_array() && before.size() == after.size()) {
        for (size_t i = 0; i < before.size(); ++i)
            diffInto(before[i], after[i], path + "/" + std::to_string(i), out);
        return;
    }
    out.push_back(Json{{"path", path.empty() ? std::string("") : path}, {"before", before}, {"after", after}});
}

} // namespace

Json jsonDiff(const Json &before, const Json &after)
{
    Json out = Json::array();
    diffInto(before, after, std::string(), out);
    return out;
}

} // namespace kx
