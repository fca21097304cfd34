// SPDX-License-Identifier: GPL-3.0-or-later
#include "testscenario.h"

#include <QCoreApplication>

namespace kx {

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(kx::TestScenario) };

Result<QStringList> stringArray(const Json &j, const char *key)
{
    if (j.is_null())
        return QStringList();
    if (!j.is_array())
        return Error::badInput(Tr::tr("\"%1\" must be an array").arg(QLatin1String(key)));
    // Non-string items (the seed allows dicts as memories) are kept as compact JSON text.
    return toStringList(j);
}

Result<QList<ChatMessage>> parseMessages(const Json &j)
{
    QList<ChatMessage> out;
    if (j.is_null())
        return out;
    if (!j.is_array())
        return Error::badInput(Tr::tr("\"messages\" must be an array"));
    out.reserve(qsizetype(j.size()));
    int index = 0;
    for (const auto &m : j) {
        if (!m.is_object())
            return Error::badInput(Tr::tr("message %1 is not an object").arg(index));
        ChatMessage msg;
        for (const auto &[key, value] : m.items()) {
            if (key == "role" && value.is_string())
                msg.role = qs(value.get_ref<const std::string &>());
            else if (key == "content" && value.is_string())
                msg.content = qs(value.get_ref<const std::string &>());
            else
                msg.extra[key] = value;
        }
        if (msg.role.isEmpty())
            return Error::badInput(Tr::tr("message %1 has no \"role\"").arg(index));
        out.append(std::move(msg));
        ++index;
    }
    return out;
}
} // namespace

Json TestScenario::toJson() const
{
    Json j = Json::object();
    j["id"] = ss(id);
    j["name"] = ss(name);
    Json msgs = Json::array();
    for (const ChatMessage &m : messages) {
        Json o = Json::object();
        o["role"] = ss(m.role);
        o["content"] = ss(m.content);
        for (const auto &[k, v] : m.extra.items())
            o[k] = v;
        msgs.push_back(std::move(o));
    }
    j["messages"] = std::move(msgs);
    j["memory_requirements"] = fromStringList(memoryRequirements);
    j["expected_capabilities"] = fromStringList(expectedCapabilities);
    j["evaluation_criteria"] = evaluationCriteria;
    j["category"] = ss(categoryKey(category));
    j["provenance"] = provenance.toJson();
    if (!audio.is_null())
        j["audio"] = audio;
    Json r = Json::object();
    r["status"] = ss(reviewStatusKey(status));
    for (const auto &[k, v] : review.items())
        r[k] = v;
    j["review"] = std::move(r);
    for (const auto &[k, v] : extra.items())
        j[k] = v;
    return j;
}

Result<TestScenario> TestScenario::fromJson(const Json &j)
{
    if (!j.is_object())
        return Error::badInput(Tr::tr("a scenario must be a JSON object"));
    TestScenario s;
    for (const auto &[key, value] : j.items()) {
        if (key == "id") {
            if (value.is_string())
                s.id = qs(value.get_ref<const std::string &>());
            else if (value.is_number_integer())
                s.id = QString::number(value.get<qint64>());
            else
                return Error::badInput(Tr::tr("\"id\" must be a string"));
        } else if (key == "name") {
            if (!value.is_string())
                return Error::badInput(Tr::tr("\"name\" must be a string"));
            s.name = qs(value.get_ref<const std::string &>());
        } else if (key == "messages") {
            auto m = parseMessages(value);
            if (!m)
                return m.error();
            s.messages = std::move(m.value());
        } else if (key == "memory_requirements") {
            auto l = stringArray(value, "memory_requirements");
            if (!l)
                return l.error();
            s.memoryRequirements = std::move(l.value());
        } else if (key == "expected_capabilities") {
            auto l = stringArray(value, "expected_capabilities");
            if (!l)
                return l.error();
            s.expectedCapabilities = std::move(l.value());
        } else if (key == "evaluation_criteria") {
            if (!value.is_object() && !value.is_null())
                return Error::badInput(Tr::tr("\"evaluation_criteria\" must be an object"));
            s.evaluationCriteria = value.is_null() ? Json::object() : value;
        } else if (key == "category") {
            const auto c = value.is_string() ? categoryFromKey(qs(value.get_ref<const std::string &>()))
                                             : std::nullopt;
            if (!c)
                return Error::badInput(Tr::tr("unknown \"category\" %1 (expected benchmark, synthetic, "
                                              "tool_usage or adversarial)")
                                           .arg(qs(dumpCompact(value))));
            s.category = *c;
        } else if (key == "provenance") {
            auto p = Provenance::fromJson(value);
            if (!p)
                return p.error();
            s.provenance = std::move(p.value());
        } else if (key == "audio") {
            s.audio = value;
        } else if (key == "review" && value.is_object()) {
            for (const auto &[rk, rv] : value.items()) {
                if (rk == "status") {
                    const auto st = rv.is_string() ? reviewStatusFromKey(qs(rv.get_ref<const std::string &>()))
                                                   : std::nullopt;
                    if (!st)
                        return Error::badInput(Tr::tr("unknown review status %1").arg(qs(dumpCompact(rv))));
                    s.status = *st;
                } else {
                    s.review[rk] = rv;
                }
            }
        } else {
            s.extra[key] = value;
        }
    }
    if (s.id.isEmpty())
        return Error::badInput(Tr::tr("the scenario has no \"id\""));
    if (s.name.isEmpty())
        s.name = s.id;
    return s;
}

QString TestScenario::searchableMessages() const
{
    QString text;
    for (const ChatMessage &m : messages) {
        if (!text.isEmpty())
            text += QLatin1Char('\n');
        text += m.content;
    }
    return text;
}

} // namespace kx
