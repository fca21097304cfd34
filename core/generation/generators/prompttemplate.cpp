// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompttemplate.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>

namespace kx {

namespace {

const QString responseShapeSlot = QStringLiteral("response_shape");

const QRegularExpression &slotPattern()
{
    static const QRegularExpression re(QStringLiteral("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}"));
    return re;
}

QStringList slotsIn(const QString &text)
{
    QStringList out;
    for (auto it = slotPattern().globalMatch(text); it.hasNext();)
        out.append(it.next().captured(1));
    return out;
}

} // namespace

Result<PromptTemplate> PromptTemplate::fromJson(const Json &j, const QString &origin)
{
    if (!j.is_object())
        return Error::badInput(tr("%1: a prompt template must be a JSON object").arg(origin));
    PromptTemplate t;
    t.m_origin = origin;

    auto text = [&](const char *key, bool required, QString &out) -> Result<void> {
        const auto it = j.find(key);
        if (it == j.end() || it->is_null()) {
            if (required)
                return Error::badInput(tr("%1: key \"%2\" is missing").arg(origin, QLatin1String(key)));
            return {};
        }
        if (!it->is_string())
            return Error::badInput(tr("%1: key \"%2\" must be a string").arg(origin, QLatin1String(key)));
        out = qs(it->get_ref<const std::string &>());
        if (required && out.trimmed().isEmpty())
            return Error::badInput(tr("%1: key \"%2\" is empty").arg(origin, QLatin1String(key)));
        return {};
    };
    if (auto r = text("id", true, t.m_id); !r) return r.error();
    if (auto r = text("description", false, t.m_description); !r) return r.error();
    if (auto r = text("system", true, t.m_system); !r) return r.error();
    if (auto r = text("user", true, t.m_user); !r) return r.error();
    if (auto r = text("response_shape", true, t.m_responseShape); !r) return r.error();

    const auto version = j.find("version");
    if (version == j.end() || !version->is_number_integer() || version->get<qint64>() < 1)
        return Error::badInput(tr("%1: key \"version\" must be a positive integer").arg(origin));
    t.m_version = int(version->get<qint64>());

    if (const auto p = j.find("placeholders"); p != j.end()) {
        if (!p->is_array())
            return Error::badInput(tr("%1: key \"placeholders\" must be an array of names").arg(origin));
        for (const Json &name : *p) {
            if (!name.is_string())
                return Error::badInput(tr("%1: key \"placeholders\" must be an array of names").arg(origin));
            t.m_placeholders.append(qs(name.get_ref<const std::string &>()));
        }
    }
    if (const auto d = j.find("defaults"); d != j.end() && !d->is_null()) {
        if (!d->is_object())
            return Error::badInput(tr("%1: key \"defaults\" must be an object").arg(origin));
        t.m_defaults = *d;
    }

    // Every slot used must be declared: a typo is an error when loading, not a silent hole in a prompt.
    const std::pair<const char *, const QString *> texts[] = {{"system", &t.m_system}, {"user", &t.m_user}};
    for (const auto &[field, body] : texts) {
        for (const QString &slot : slotsIn(*body)) {
            if (slot != responseShapeSlot && !t.m_placeholders.contains(slot))
                return Error::badInput(tr("%1: key \"%2\" uses the undeclared placeholder {{%3}}")
                                           .arg(origin, QLatin1String(field), slot));
        }
    }
    return t;
}

Result<PromptTemplate> PromptTemplate::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(tr("%1: cannot read the prompt template: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    Json j = Json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    if (j.is_discarded())
        return Error::badInput(tr("%1: the prompt template is not valid JSON").arg(path));
    return fromJson(j, path);
}

Result<PromptTemplate> PromptTemplate::builtIn(const QString &id)
{
    auto t = fromFile(QStringLiteral(":/prompts/%1.json").arg(id));
    if (t && t->id() != id)
        return Error::badInput(tr(":/prompts/%1.json: key \"id\" says \"%2\"").arg(id, t->id()));
    return t;
}

Json PromptTemplate::toJson() const
{
    Json j = Json::object();
    j["id"] = ss(m_id);
    j["version"] = m_version;
    j["description"] = ss(m_description);
    j["placeholders"] = fromStringList(m_placeholders);
    j["system"] = ss(m_system);
    j["user"] = ss(m_user);
    j["response_shape"] = ss(m_responseShape);
    j["defaults"] = m_defaults;
    return j;
}

QString PromptTemplate::contentHash() const
{
    // nlohmann::json (unordered) keeps object keys sorted: its dump is canonical.
    const nlohmann::json canonical = nlohmann::json::parse(toJson().dump());
    const std::string text = canonical.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArrayView(text.data(), qsizetype(text.size())), QCryptographicHash::Sha256)
            .toHex());
}

Result<QString> PromptTemplate::renderText(const QString &text, const QMap<QString, QString> &values,
                                           const char *field) const
{
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    for (auto it = slotPattern().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString slot = m.captured(1);
        out += QStringView(text).mid(last, m.capturedStart() - last);
        if (slot == responseShapeSlot && !values.contains(slot)) {
            out += m_responseShape;
        } else {
            const auto value = values.constFind(slot);
            if (value == values.cend())
                return Error::badInput(tr("%1: no value for placeholder {{%2}} in \"%3\"")
                                           .arg(m_origin, slot, QLatin1String(field)));
            out += *value;
        }
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

Result<QList<ChatMessage>> PromptTemplate::render(const QMap<QString, QString> &values) const
{
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!m_placeholders.contains(it.key()))
            return Error::badInput(tr("%1: unknown placeholder {{%2}}: the template does not declare it")
                                       .arg(m_origin, it.key()));
    }
    for (const QString &slot : m_placeholders) {
        if (!values.contains(slot))
            return Error::badInput(tr("%1: no value for placeholder {{%2}}").arg(m_origin, slot));
    }
    auto system = renderText(m_system, values, "system");
    if (!system)
        return system.error();
    auto user = renderText(m_user, values, "user");
    if (!user)
        return user.error();
    return QList<ChatMessage>{ChatMessage{QStringLiteral("system"), *system, Json::object()},
                              ChatMessage{QStringLiteral("user"), *user, Json::object()}};
}

} // namespace kx
