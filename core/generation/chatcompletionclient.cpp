// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatcompletionclient.h"

#include "generation/chatdispatcher.h"
#include "generation/chatwire.h"

#include <QPromise>

#include <memory>

namespace kx {

namespace {

/** The content of @p response as JSON, validated; the error says what is wrong with it. */
Result<Json> checkedJson(const QString &content, const ChatCompletionClient::JsonValidator &validate)
{
    const QByteArray bytes = content.toUtf8();
    const Json doc = Json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded())
        return Error::badInput(ChatCompletionClient::tr("the answer is not valid JSON"));
    return validate ? validate(doc) : Result<Json>(doc);
}

ChatResponse summed(const ChatResponse &first, const ChatResponse &second)
{
    ChatResponse total = second;
    total.promptTokens += first.promptTokens;
    total.completionTokens += first.completionTokens;
    total.attempts += first.attempts;
    return total;
}

} // namespace

ChatCompletionClient::ChatCompletionClient(const ChatEndpoint &endpoint, QObject *parent)
    : QObject(parent), m_endpoint(endpoint), m_dispatcher(new ChatDispatcher(endpoint))
{
    m_thread.setObjectName(QStringLiteral("kx-chat-client"));
    m_dispatcher->moveToThread(&m_thread);
    m_thread.start();
}

ChatCompletionClient::~ChatCompletionClient()
{
    // Cancels what runs (the dispatcher's destructor) and tears the managers down on their own thread.
    QMetaObject::invokeMethod(m_dispatcher, [d = m_dispatcher] { delete d; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QFuture<Result<ChatResponse>> ChatCompletionClient::complete(const ChatRequest &request)
{
    auto promise = std::make_shared<QPromise<Result<ChatResponse>>>();
    promise->start();
    QFuture<Result<ChatResponse>> future = promise->future();
    const QByteArray body = ChatWire::requestBody(request);
    QMetaObject::invokeMethod(m_dispatcher, [d = m_dispatcher, body, promise] {
        d->submit(body, [promise](Result<ChatResponse> result) {
            promise->addResult(std::move(result));
            promise->finish();
        }, /*urgent=*/false);
    }, Qt::QueuedConnection);
    return future;
}

QFuture<Result<ChatJsonResponse>> ChatCompletionClient::completeJson(const ChatRequest &request, JsonValidator validate)
{
    auto promise = std::make_shared<QPromise<Result<ChatJsonResponse>>>();
    promise->start();
    QFuture<Result<ChatJsonResponse>> future = promise->future();
    const auto deliver = [promise](Result<ChatJsonResponse> result) {
        promise->addResult(std::move(result));
        promise->finish();
    };
    ChatDispatcher *dispatcher = m_dispatcher;
    const QUrl url = m_endpoint.completionsUrl();

    // Runs on the dispatcher's thread when the first answer arrives.
    auto onFirst = [dispatcher, request, validate, deliver, url](Result<ChatResponse> first) {
        if (!first)
            return deliver(first.error());
        Result<Json> value = checkedJson(first->content, validate);
        if (value)
            return deliver(ChatJsonResponse{std::move(*value), *first, false});

        ChatRequest repair = request;
        repair.messages.append(ChatMessage{QStringLiteral("assistant"), first->content});
        repair.messages.append(ChatMessage{QStringLiteral("user"),
            tr("Your previous answer could not be used: %1. Reply again with the corrected JSON only, "
               "with no explanation and no code fence.").arg(value.error().message)});
        const ChatResponse firstUsage = *first;
        const QString firstProblem = value.error().message;
        dispatcher->submit(ChatWire::requestBody(repair), [validate, deliver, firstUsage, firstProblem, url](Result<ChatResponse> second) {
            if (!second)
                return deliver(second.error());
            const ChatResponse usage = summed(firstUsage, *second);
            Result<Json> repaired = checkedJson(second->content, validate);
            if (!repaired)
                return deliver(Error::badInput(tr("%1 gave an unusable JSON answer twice: first %2; after a repair request, %3")
                                                   .arg(url.toDisplayString(), firstProblem, repaired.error().message)));
            deliver(ChatJsonResponse{std::move(*repaired), usage, true});
        }, /*urgent=*/true);
    };
    const QByteArray body = ChatWire::requestBody(request);
    QMetaObject::invokeMethod(dispatcher, [dispatcher, body, onFirst] { dispatcher->submit(body, onFirst, false); },
                              Qt::QueuedConnection);
    return future;
}

void ChatCompletionClient::cancelAll()
{
    QMetaObject::invokeMethod(m_dispatcher, [d = m_dispatcher] { d->cancelAll(); }, Qt::QueuedConnection);
}

} // namespace kx
