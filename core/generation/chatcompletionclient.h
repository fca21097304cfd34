// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/chatrequest.h"
#include "util/result.h"

#include <QFuture>
#include <QObject>
#include <QThread>

#include <functional>

namespace kx {

class ChatDispatcher;

/**
 * A client of an OpenAI-compatible chat-completions endpoint (OpenAI, vLLM,
 * llama.cpp server, Ollama) over QtNetwork.
 *
 * The client owns a thread on which its QNetworkAccessManagers live; complete(),
 * completeJson() and cancelAll() may be called from any thread and never block.
 * At most ChatEndpoint::concurrency requests are in flight; more wait in a queue
 * in submission order. Each HTTP request has ChatEndpoint::timeoutMs to finish.
 *
 * Retries, up to ChatEndpoint::maxAttempts requests per call, after a full-jitter
 * exponential backoff (and at least as long as a Retry-After header asks): a
 * connection failure, a timeout, HTTP 408, 429 and 5xx, and a 2xx whose body is
 * cut short, is not JSON, or lacks choices[0].message.content. Any other 4xx ends
 * the call at once with the status and the server's message (Error::Code::BadInput);
 * running out of attempts gives Error::Code::Io naming the URL, the last failure
 * and the number of attempts. The API key is only ever sent as
 * "Authorization: Bearer"; it is blanked out of every error and log line.
 *
 * Destroying the client cancels what is still running.
 */
class ChatCompletionClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatCompletionClient)
public:
    /**
     * Checks a JSON answer's shape: returns the value to keep (possibly
     * normalised) or an error saying what is wrong, which is quoted to the model
     * in the repair request. Called on the client's thread: it must be
     * thread-safe and quick.
     */
    using JsonValidator = std::function<Result<Json>(const Json &)>;

    explicit ChatCompletionClient(const ChatEndpoint &endpoint, QObject *parent = nullptr);
    ~ChatCompletionClient() override;

    /** The endpoint as given (its key included: do not log it). */
    const ChatEndpoint &endpoint() const { return m_endpoint; }

    /** Sends @p request; the future always finishes, with the answer or an error. */
    QFuture<Result<ChatResponse>> complete(const ChatRequest &request);

    /**
     * Sends @p request and reads its content as JSON checked by @p validate.
     * When the content is not JSON or @p validate rejects it, sends one repair
     * request: the original messages, the bad answer as the assistant's turn,
     * and a user turn naming the problem and asking for the corrected JSON only.
     * A second bad answer is an error (Error::Code::BadInput). Token usage and
     * attempts of both requests are summed in ChatJsonResponse::usage.
     */
    QFuture<Result<ChatJsonResponse>> completeJson(const ChatRequest &request, JsonValidator validate);

    /** Ends every queued and in-flight call with Error::Code::Cancelled, promptly. Later calls run normally. */
    void cancelAll();

private:
    ChatEndpoint m_endpoint;
    QThread m_thread;
    ChatDispatcher *m_dispatcher = nullptr;   // lives on m_thread
};

} // namespace kx
