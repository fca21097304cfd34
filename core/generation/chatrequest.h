// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/chatmessage.h"
#include "util/jsonqt.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace kx {

/**
 * One chat-completions call as the generators describe it: the model, the
 * conversation and the sampling options. A value type; it crosses threads.
 */
struct ChatRequest
{
    QString model;
    QList<ChatMessage> messages;    ///< role + content; ChatMessage::extra is not sent
    double temperature = 0.7;
    bool jsonObject = true;         ///< sends response_format {"type": "json_object"}
    int maxTokens = 0;              ///< max_tokens; omitted when 0
};

/** The answer of one chat-completions call and what it cost. */
struct ChatResponse
{
    QString content;                ///< choices[0].message.content
    qint64 promptTokens = 0;        ///< usage.prompt_tokens (0 when the server did not say)
    qint64 completionTokens = 0;    ///< usage.completion_tokens
    int attempts = 1;               ///< HTTP requests it took, retries included
};

/** A JSON answer, validated, with the usage of every request it took (a repair included). */
struct ChatJsonResponse
{
    Json value;                     ///< what the validator returned
    ChatResponse usage;             ///< content of the last answer; tokens and attempts summed
    bool repaired = false;          ///< the first answer was invalid and a repair request fixed it
};

/**
 * Where and how to call an OpenAI-compatible endpoint (OpenAI, vLLM,
 * llama.cpp server, Ollama). Requests go to POST <baseUrl>/chat/completions.
 */
struct ChatEndpoint
{
    QUrl baseUrl;                   ///< e.g. http://127.0.0.1:8000/v1
    QString apiKey;                 ///< sent as "Authorization: Bearer"; never logged, stored or put in an error
    int concurrency = 4;            ///< requests in flight at most; the rest wait in a queue
    int timeoutMs = 60000;          ///< per HTTP request, from send to the last byte; a timeout is retried
    int maxAttempts = 5;            ///< HTTP requests per call at most, the first included
    int backoffBaseMs = 500;        ///< full-jitter backoff: random in [0, min(max, base·2^(failures-1))]
    int backoffMaxMs = 30000;

    /** The URL requests are POSTed to. */
    QUrl completionsUrl() const
    {
        QUrl url = baseUrl;
        QString path = url.path();
        if (!path.endsWith(QLatin1Char('/')))
            path += QLatin1Char('/');
        url.setPath(path + QStringLiteral("chat/completions"));
        return url;
    }
};

} // namespace kx
