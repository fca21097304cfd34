// SPDX-License-Identifier: GPL-3.0-or-later
#include "generator.h"

namespace kx {

namespace {
constexpr const char *markerKey = "kx_request";

/** FNV-1a: a name's stable 64-bit number, the same on every platform and Qt version. */
quint64 fnv1a(const QString &text)
{
    quint64 h = 0xcbf29ce484222325ull;
    for (const QChar c : text) {
        h ^= c.unicode();
        h *= 0x100000001b3ull;
    }
    return h;
}
} // namespace

Json Generator::requestInputs(const ChatRequest &request)
{
    if (request.messages.isEmpty())
        return nullptr;
    const Json &extra = request.messages.first().extra;
    const auto marker = extra.find(markerKey);
    if (marker == extra.end() || !marker->is_object() || !marker->contains("inputs"))
        return nullptr;
    return (*marker)["inputs"];
}

QString Generator::requestTemplate(const ChatRequest &request)
{
    if (request.messages.isEmpty())
        return QString();
    const Json &extra = request.messages.first().extra;
    const auto marker = extra.find(markerKey);
    if (marker == extra.end() || !marker->is_object())
        return QString();
    const auto id = marker->find("template");
    return id != marker->end() && id->is_string() ? qs(id->get_ref<const std::string &>()) : QString();
}

QString Generator::scenarioId(const QString &generator, qint64 seed, int index, int k)
{
    QString id = generator + QLatin1Char('-') + QString::number(seed) + QLatin1Char('-') + QString::number(index);
    if (k >= 0)
        id += QLatin1Char('-') + QString::number(k);
    return id;
}

Json Generator::parameters(const GenerationOptions &options) const
{
    Json p = m_template.defaults();
    if (options.parameters.is_object()) {
        for (const auto &[key, value] : options.parameters.items())
            p[key] = value;
    }
    return p;
}

DemoRandom Generator::randomFor(const GenerationOptions &options, int index) const
{
    DemoRandom mixer(quint64(options.seed) ^ fnv1a(name()));
    const quint64 base = mixer.next();
    DemoRandom r(base + quint64(index) * 0xD1B54A32D192ED03ull);
    r.next();
    return r;
}

Result<ChatRequest> Generator::makeRequest(const QMap<QString, QString> &values, const Json &inputs,
                                           const GenerationOptions &options) const
{
    auto messages = m_template.render(values);
    if (!messages)
        return messages.error();
    const Json p = parameters(options);
    ChatRequest request;
    request.model = options.model;
    request.messages = std::move(*messages);
    request.temperature = options.temperature >= 0 ? options.temperature : p.value("temperature", 0.7);
    request.jsonObject = true;
    request.maxTokens = p.value("max_tokens", 0);
    Json marker = Json::object();
    marker["template"] = ss(m_template.id());
    marker["version"] = m_template.version();
    marker["inputs"] = inputs;
    request.messages.first().extra[markerKey] = std::move(marker);
    return request;
}

TestScenario Generator::baseScenario(int index, int k, Category category, const GenerationOptions &options,
                                     const QStringList &parents) const
{
    TestScenario s;
    s.id = scenarioId(name(), options.seed, index, k);
    s.category = category;
    Provenance &p = s.provenance;
    p.generator = name();
    p.backend = options.backend;
    p.model = options.model;
    p.promptTemplate = m_template.id();
    p.seed = options.seed;
    for (const QString &parent : parents) {
        if (!parent.isEmpty())
            p.parents.append(parent);
    }
    p.extra["prompt_template_version"] = m_template.version();
    p.extra["prompt_template_sha256"] = ss(m_templateHash);
    p.extra["item_index"] = index;
    if (k >= 0)
        p.extra["item_part"] = k;
    return s;
}

Json Generator::criteria(const GenerationOptions &options) const
{
    const Json p = parameters(options);
    const auto c = p.find("criteria");
    return c != p.end() && c->is_object() ? *c : Json::object();
}

Result<QList<TestScenario>> Generator::toScenarios(const Json &answer, int index, const GenerationOptions &options) const
{
    if (auto r = validate(answer); !r)
        return r.error();
    const auto request = buildRequest(index, options);
    if (!request)
        return request.error();
    return scenariosFrom(answer, index, requestInputs(*request), options);
}

} // namespace kx
