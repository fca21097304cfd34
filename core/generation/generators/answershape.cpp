// SPDX-License-Identifier: GPL-3.0-or-later
#include "answershape.h"

namespace kx {

Result<void> AnswerShape::object(const Json &j, const QString &what)
{
    if (!j.is_object())
        return Error::badInput(tr("%1 must be a JSON object").arg(what));
    return {};
}

Result<QString> AnswerShape::string(const Json &j, const char *key)
{
    const auto it = j.find(key);
    if (it == j.end())
        return Error::badInput(tr("answer: \"%1\" is missing").arg(QLatin1String(key)));
    if (!it->is_string() || qs(it->get_ref<const std::string &>()).trimmed().isEmpty())
        return Error::badInput(tr("answer: \"%1\" must be a non-empty string").arg(QLatin1String(key)));
    return qs(it->get_ref<const std::string &>());
}

Result<QStringList> AnswerShape::strings(const Json &j, const char *key, int min)
{
    const auto it = j.find(key);
    if (it == j.end())
        return Error::badInput(tr("answer: \"%1\" is missing").arg(QLatin1String(key)));
    if (!it->is_array())
        return Error::badInput(tr("answer: \"%1\" must be an array of strings").arg(QLatin1String(key)));
    QStringList out;
    int index = 0;
    for (const Json &item : *it) {
        if (!item.is_string() || qs(item.get_ref<const std::string &>()).trimmed().isEmpty())
            return Error::badInput(tr("answer: \"%1\"[%2] must be a non-empty string")
                                       .arg(QLatin1String(key)).arg(index));
        out.append(qs(item.get_ref<const std::string &>()));
        ++index;
    }
    if (out.size() < min)
        return Error::badInput(tr("answer: \"%1\" must hold at least %2 strings, it has %3")
                                   .arg(QLatin1String(key)).arg(min).arg(out.size()));
    return out;
}

Result<QList<ChatMessage>> AnswerShape::messages(const Json &j, const char *key, int min)
{
    const auto it = j.find(key);
    if (it == j.end())
        return Error::badInput(tr("answer: \"%1\" is missing").arg(QLatin1String(key)));
    if (!it->is_array())
        return Error::badInput(tr("answer: \"%1\" must be an array of messages").arg(QLatin1String(key)));
    QList<ChatMessage> out;
    int index = 0;
    for (const Json &m : *it) {
        if (!m.is_object())
            return Error::badInput(tr("answer: \"%1\"[%2] must be an object with \"role\" and \"content\"")
                                       .arg(QLatin1String(key)).arg(index));
        const auto role = m.find("role");
        const QString r = role != m.end() && role->is_string() ? qs(role->get_ref<const std::string &>()) : QString();
        if (r != QLatin1String("user") && r != QLatin1String("assistant") && r != QLatin1String("system"))
            return Error::badInput(tr("answer: \"%1\"[%2].role must be \"user\", \"assistant\" or \"system\"")
                                       .arg(QLatin1String(key)).arg(index));
        auto content = string(m, "content");
        if (!content)
            return Error::badInput(tr("answer: \"%1\"[%2].content must be a non-empty string")
                                       .arg(QLatin1String(key)).arg(index));
        out.append(ChatMessage{r, *content, Json::object()});
        ++index;
    }
    if (out.size() < min)
        return Error::badInput(tr("answer: \"%1\" must hold at least %2 messages, it has %3")
                                   .arg(QLatin1String(key)).arg(min).arg(out.size()));
    return out;
}

} // namespace kx
