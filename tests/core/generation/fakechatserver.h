// SPDX-License-Identifier: GPL-3.0-or-later
// A real OpenAI-compatible chat-completions server on 127.0.0.1 for tests and benchmarks, with faults on demand.
#pragma once

#include "util/jsonqt.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QThread>
#include <QUrl>

#include <functional>
#include <memory>

namespace kx::test {

/**
 * What the server does with one request instead of (or before) a plain answer.
 * Build one with the named constructors; every kind waits the latency first
 * (the server default when latencyMs is -1).
 */
struct FakeChatFault
{
    enum class Kind {
        None,           ///< a normal 200 answer
        Status,         ///< an HTTP error: status, OpenAI-style {"error": {"message"}}, optional Retry-After
        Hang,           ///< reads the request and never answers (the client's timeout must fire)
        MalformedJson,  ///< 200 with a complete Content-Length body that is not JSON
        NoChoices,      ///< 200 with valid JSON that has no choices[0].message.content
        TruncatedBody,  ///< 200 announcing the full Content-Length, sending part of the body, then closing
        Close,          ///< closes the connection without answering (a connection error for the client)
    };

    Kind kind = Kind::None;
    int latencyMs = -1;         ///< wait before answering; -1 = FakeChatServer::setLatencyMs()
    int status = 200;           ///< for Kind::Status
    QByteArray retryAfter;      ///< Retry-After header value for Kind::Status ("1", an HTTP date); empty = none
    QString message;            ///< error.message for Kind::Status

    static FakeChatFault none() { return {}; }
    static FakeChatFault latency(int ms) { FakeChatFault f; f.latencyMs = ms; return f; }
    static FakeChatFault httpStatus(int status, const QString &message, const QByteArray &retryAfter = {})
    {
        FakeChatFault f;
        f.kind = Kind::Status;
        f.status = status;
        f.message = message;
        f.retryAfter = retryAfter;
        return f;
    }
    static FakeChatFault rateLimited(const QByteArray &retryAfter)
    {
        return httpStatus(429, QStringLiteral("Rate limit reached"), retryAfter);
    }
    static FakeChatFault serverError(const QByteArray &retryAfter = {})
    {
        return httpStatus(500, QStringLiteral("The server had an error"), retryAfter);
    }
    static FakeChatFault badRequest(const QString &message) { return httpStatus(400, message); }
    static FakeChatFault hang() { FakeChatFault f; f.kind = Kind::Hang; return f; }
    static FakeChatFault malformedJson() { FakeChatFault f; f.kind = Kind::MalformedJson; return f; }
    static FakeChatFault noChoices() { FakeChatFault f; f.kind = Kind::NoChoices; return f; }
    static FakeChatFault truncatedBody() { FakeChatFault f; f.kind = Kind::TruncatedBody; return f; }
    static FakeChatFault close() { FakeChatFault f; f.kind = Kind::Close; return f; }
};

/** One request as the server received it. */
struct FakeChatRequest
{
    int number = 0;                         ///< 1-based, in order of arrival (since start or resetStats())
    QByteArray method;
    QByteArray path;                        ///< e.g. /v1/chat/completions
    QMap<QByteArray, QByteArray> headers;   ///< names lower-cased
    QByteArray body;
    Json json;                              ///< the body parsed; null when it is not JSON
    qint64 receivedNs = 0;                  ///< when its last byte arrived, since start()

    bool hasAuthorization() const { return headers.contains(QByteArrayLiteral("authorization")); }
    QByteArray authorization() const { return headers.value(QByteArrayLiteral("authorization")); }
    /** The content of the last "user" message in the body; empty when there is none. */
    QString lastUserMessage() const;
};

/**
 * A small HTTP/1.1 server speaking the OpenAI chat-completions protocol on
 * 127.0.0.1 (a free port), for tests of the chat client, the job runner and
 * the CLI, and for the generation benchmark. It is a real server on real
 * sockets: keep-alive connections, Content-Length bodies (no chunked requests).
 *
 * It runs on its own thread, so a test may block its own thread (waiting on a
 * QFuture, a QProcess) while the server answers. Every member is thread-safe.
 *
 * POST <anything>/chat/completions answers
 *   {"id", "object": "chat.completion", "created", "model",
 *    "choices": [{"index": 0, "message": {"role": "assistant", "content"}, "finish_reason": "stop"}],
 *    "usage": {"prompt_tokens", "completion_tokens", "total_tokens"}}
 * where content comes from the responder (default: defaultContent()) and the
 * token counts are the number of whitespace-separated words of all message
 * contents (prompt) and of the answer (completion). Any other path gives 404.
 *
 * Faults, per request number (setFault) or computed by a script (setFaultScript;
 * a number's fault wins), inject latency, HTTP errors with or without
 * Retry-After, hangs, malformed JSON, answers without content, truncated
 * bodies and dropped connections.
 *
 * It records every request (requests()) and counts connections and requests in
 * flight (received, not yet answered or dropped) with their maxima, which is
 * how tests check a client's concurrency limit.
 *
 * Example:
 * @code
 *   FakeChatServer server;
 *   QVERIFY(server.start());
 *   server.setFault(1, FakeChatFault::rateLimited("1"));
 *   ChatEndpoint endpoint{server.baseUrl()};   // http://127.0.0.1:PORT/v1
 * @endcode
 */
class FakeChatServer final
{
    Q_DISABLE_COPY_MOVE(FakeChatServer)
public:
    /** Makes the content of an answer from the request body and the request number. */
    using Responder = std::function<QString(const Json &requestBody, int number)>;
    /** Picks the fault of a request from its number and body; called on the server's thread under its lock, so it must not call the server. */
    using FaultScript = std::function<FakeChatFault(int number, const Json &requestBody)>;

    FakeChatServer();
    ~FakeChatServer();

    /** Starts listening on 127.0.0.1 at a free port; false when that fails. */
    bool start();
    quint16 port() const;
    /** http://127.0.0.1:PORT/v1, the ChatEndpoint::baseUrl to use. */
    QUrl baseUrl() const;

    /** The wait before every answer unless a fault says otherwise (default 0). */
    void setLatencyMs(int ms);
    /** Replaces the content maker (default: defaultContent). */
    void setResponder(Responder responder);
    /** The fault of request @p number (1-based). */
    void setFault(int number, const FakeChatFault &fault);
    void setFaultScript(FaultScript script);
    /** Drops every fault and the script: plain answers from now on. */
    void clearFaults();

    QList<FakeChatRequest> requests() const;
    int requestCount() const;
    int inFlight() const;
    int maxInFlight() const;
    int openConnections() const;
    int maxConnections() const;
    /** Forgets the recorded requests and the maxima; numbering starts again at 1. */
    void resetStats();

    /** {"echo": <last user message>, "request": <number>} as compact JSON text. */
    static QString defaultContent(const Json &requestBody, int number);

    struct State;

private:
    std::shared_ptr<State> m_state;
    class Worker;
    std::unique_ptr<QThread> m_thread;
    Worker *m_worker = nullptr;   // lives on m_thread
    quint16 m_port = 0;           // under m_state->mutex
};

} // namespace kx::test
