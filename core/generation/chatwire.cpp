// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatwire.h"

namespace kx {

QByteArray ChatWire::requestBody(const ChatRequest &request)
{
    Json messages = Json::array();
    for (const ChatMessage &m : request.messages)
        messages.push_back(Json{{"role", ss(m.role)}, {"content", ss(m.content)}});
    Json body = {{"model", ss(request.model)}, {"messages", std::move(messages)}, {"temperature", request.temperature}};
    if (request.jsonObject)
        body["response_format"] = Json{{"type", "json_object"}};
    if (request.maxTokens > 0)
        body["max_tokens"] = request.maxTokens;
    return QByteArray::fromStdString(dumpCompact(body));
}

Result<ChatResponse> ChatWire::parseResponse(const QByteArray &body)
{
    const Json doc = Json::parse(body.constBegin(), body.constEnd(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded())
        return Error::badInput(tr("the response is not valid JSON (%n byte(s))", nullptr, int(body.size())));
    if (!doc.is_object())
        return Error::badInput(tr("the response is not a JSON object"));
    const auto choices = doc.find("choices");
    if (choices == doc.end() || !choices->is_array() || choices->empty() || !(*choices)[0].is_object())
        return Error::badInput(tr("the response has no choices[0]"));
    const Json &choice = (*choices)[0];
    const auto message = choice.find("message");
    if (message == choice.end() || !message->is_object())
        return Error::badInput(tr("the response has no choices[0].message"));
    const auto content = message->find("content");
    if (content == message->end() || !content->is_string())
        return Error::badInput(tr("the response has no string choices[0].message.content"));

    ChatResponse response;
    response.content = qs(content->get<std::string>());
    const auto usage = doc.find("usage");
    if (usage != doc.end() && usage->is_object()) {
        const auto count = [&](const char *key) -> qint64 {
            const auto it = usage->find(key);
            return it != usage->end() && it->is_number_integer() ? it->get<qint64>() : 0;
        };
        response.promptTokens = count("prompt_tokens");
        response.completionTokens = count("completion_tokens");
    }
    return response;
}

QString ChatWire::serverMessage(const QByteArray &body)
{
    const Json doc = Json::parse(body.constBegin(), body.constEnd(), nullptr, /*allow_exceptions=*/false);
    if (!doc.is_discarded() && doc.is_object()) {
        const auto error = doc.find("error");
        if (error != doc.end()) {
            if (error->is_string())
                return qs(error->get<std::string>());
            if (error->is_object()) {
                const auto message = error->find("message");
                if (message != error->end() && message->is_string())
                    return qs(message->get<std::string>());
            }
        }
    }
    QString text = QString::fromUtf8(body.left(1200)).simplified();
    if (text.size() > 300)
        text = text.left(300) + QStringLiteral("…");
    return text;
}

} // namespace kx
