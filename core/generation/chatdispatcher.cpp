// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatdispatcher.h"

#include "generation/chatwire.h"
#include "generation/generationlogging.h"
#include "generation/retrypolicy.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace kx {

namespace {
constexpr int kConnectionsPerManager = 6;   // QNetworkAccessManager's HTTP/1.1 limit per host
}

/** One call: its body, its outcome callback, and the state of its current attempt. */
struct ChatDispatcher::Call
{
    QByteArray body;
    Done done;
    int attempts = 0;                   // HTTP requests sent so far
    QPointer<QNetworkReply> reply;      // the attempt in flight, if any
    int managerIndex = -1;
    bool timedOut = false;
    // Deleted later, not with the call: the call may end inside the timeout timer's own signal.
    QTimer *timeout = new QTimer;       // the current attempt's deadline
    QTimer *backoff = new QTimer;       // the wait before the next attempt

    Call() = default;
    ~Call()
    {
        timeout->stop();
        backoff->stop();
        timeout->deleteLater();
        backoff->deleteLater();
    }
    Q_DISABLE_COPY_MOVE(Call)
};

ChatDispatcher::ChatDispatcher(const ChatEndpoint &endpoint)
    : m_endpoint(endpoint), m_url(endpoint.completionsUrl()), m_rng(QRandomGenerator::securelySeeded())
{
    m_endpoint.concurrency = std::max(1, m_endpoint.concurrency);
    m_endpoint.maxAttempts = std::max(1, m_endpoint.maxAttempts);
    m_endpoint.timeoutMs = std::max(1, m_endpoint.timeoutMs);
}

ChatDispatcher::~ChatDispatcher()
{
    cancelAll();
}

void ChatDispatcher::submit(const QByteArray &body, Done done, bool urgent)
{
    auto call = std::make_unique<Call>();
    call->body = body;
    call->done = std::move(done);
    for (QTimer *timer : {call->timeout, call->backoff}) {
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);   // a coarse timer may fire 5% early: Retry-After is a minimum
    }
    Call *raw = call.get();
    connect(call->timeout, &QTimer::timeout, this, [raw] {
        raw->timedOut = true;
        if (raw->reply)
            raw->reply->abort();   // emits finished(), handled as a retryable failure
    });
    connect(call->backoff, &QTimer::timeout, this, [this, raw] { send(raw); });
    if (urgent)
        m_queue.push_front(std::move(call));
    else
        m_queue.push_back(std::move(call));
    startQueued();
}

void ChatDispatcher::cancelAll()
{
    // Take everything first: a Done callback may submit again (it will see Cancelled, so it should not).
    std::deque<std::unique_ptr<Call>> queued = std::move(m_queue);
    std::vector<std::unique_ptr<Call>> active = std::move(m_active);
    m_queue.clear();
    m_active.clear();
    const auto cancel = [this](Call &call) {
        call.timeout->stop();
        call.backoff->stop();
        if (QNetworkReply *reply = call.reply) {
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
            if (call.managerIndex >= 0)
                --m_managerLoad[size_t(call.managerIndex)];
        }
        if (call.done)
            call.done(Error::cancelled(tr("The request to %1 was cancelled.").arg(m_url.toDisplayString())));
    };
    for (auto &call : active)
        cancel(*call);
    for (auto &call : queued)
        cancel(*call);
}

void ChatDispatcher::startQueued()
{
    while (!m_queue.empty() && int(m_active.size()) < m_endpoint.concurrency) {
        m_active.push_back(std::move(m_queue.front()));
        m_queue.pop_front();
        send(m_active.back().get());
    }
}

QNetworkAccessManager *ChatDispatcher::leastBusyManager()
{
    if (m_managers.empty()) {
        const int count = (m_endpoint.concurrency + kConnectionsPerManager - 1) / kConnectionsPerManager;
        for (int i = 0; i < count; ++i)
            m_managers.push_back(new QNetworkAccessManager(this));
        m_managerLoad.assign(size_t(count), 0);
    }
    return m_managers[size_t(std::min_element(m_managerLoad.begin(), m_managerLoad.end()) - m_managerLoad.begin())];
}

void ChatDispatcher::send(Call *call)
{
    QNetworkAccessManager *manager = leastBusyManager();
    call->managerIndex = int(std::find(m_managers.begin(), m_managers.end(), manager) - m_managers.begin());
    ++m_managerLoad[size_t(call->managerIndex)];
    ++call->attempts;
    call->timedOut = false;

    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    if (!m_endpoint.apiKey.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_endpoint.apiKey.toUtf8());
    call->reply = manager->post(request, call->body);
    connect(call->reply, &QNetworkReply::finished, this, [this, call] { onReplyFinished(call); });
    call->timeout->start(m_endpoint.timeoutMs);
}

void ChatDispatcher::onReplyFinished(Call *call)
{
    call->timeout->stop();
    QNetworkReply *reply = call->reply;
    call->reply = nullptr;
    --m_managerLoad[size_t(call->managerIndex)];
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString reasonPhrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    const QNetworkReply::NetworkError error = reply->error();

    if (call->timedOut) {
        retryOrFail(call, tr("no complete answer within %1 ms").arg(m_endpoint.timeoutMs), 0);
    } else if (status == 0) {
        // No HTTP answer at all: refused, reset, DNS, TLS. Only a URL we cannot speak is final.
        const QString reason = tr("connection failed: %1").arg(reply->errorString());
        if (error == QNetworkReply::ProtocolUnknownError || error == QNetworkReply::ProtocolInvalidOperationError)
            finish(call, Error::badInput(tr("Cannot send to %1: %2").arg(m_url.toDisplayString(), reason)));
        else
            retryOrFail(call, reason, 0);
    } else if (status >= 200 && status <= 299) {
        if (error != QNetworkReply::NoError) {
            retryOrFail(call, tr("HTTP %1, but the answer was cut short after %n byte(s): %2", nullptr, int(body.size()))
                                  .arg(status).arg(reply->errorString()), 0);
            return;
        }
        Result<ChatResponse> response = ChatWire::parseResponse(body);
        if (!response) {
            retryOrFail(call, tr("HTTP %1, but %2").arg(status).arg(response.error().message), 0);
            return;
        }
        response->attempts = call->attempts;
        finish(call, std::move(response));
    } else {
        QString reason = tr("HTTP %1 %2").arg(status).arg(reasonPhrase).trimmed();
        const QString message = ChatWire::serverMessage(body);
        if (!message.isEmpty())
            reason = tr("%1: %2").arg(reason, message);
        if (RetryPolicy::isRetryableStatus(status)) {
            const auto retryAfter = RetryPolicy::retryAfterMs(reply->rawHeader(QByteArrayLiteral("Retry-After")),
                                                              QDateTime::currentDateTimeUtc());
            retryOrFail(call, reason, retryAfter.value_or(0));
        } else {
            finish(call, Error::badInput(tr("%1 refused the request (not retried): %2").arg(m_url.toDisplayString(), reason)));
        }
    }
}

void ChatDispatcher::retryOrFail(Call *call, const QString &reason, qint64 retryAfterMs)
{
    if (call->attempts >= m_endpoint.maxAttempts) {
        finish(call, Error::io(tr("%1 failed after %n attempt(s); the last one: %2", nullptr, call->attempts)
                                   .arg(m_url.toDisplayString(), reason)));
        return;
    }
    qint64 wait = RetryPolicy::backoffMs(call->attempts, m_endpoint.backoffBaseMs, m_endpoint.backoffMaxMs, m_rng);
    wait = std::max(wait, retryAfterMs);
    qCInfo(lcGeneration).noquote() << "attempt" << call->attempts << "to" << m_url.toDisplayString() << "failed:"
                                   << redacted(reason) << "- retrying in" << wait << "ms";
    call->backoff->start(int(std::min<qint64>(wait, std::numeric_limits<int>::max())));
}

void ChatDispatcher::finish(Call *call, Result<ChatResponse> result)
{
    call->timeout->stop();
    call->backoff->stop();
    if (!result)
        result = Error{result.error().code, redacted(result.error().message)};
    const auto it = std::find_if(m_active.begin(), m_active.end(), [call](const auto &c) { return c.get() == call; });
    std::unique_ptr<Call> owned;
    if (it != m_active.end()) {
        owned = std::move(*it);
        m_active.erase(it);
    }
    // The callback runs before the queue moves on, so an urgent repair request it submits takes the freed slot.
    Done done = std::move(call->done);
    if (done)
        done(std::move(result));
    startQueued();
}

QString ChatDispatcher::redacted(QString text) const
{
    // Servers echo a wrong key back ("Incorrect API key provided: sk-…"); it must not reach a log or a job.
    if (!m_endpoint.apiKey.isEmpty())
        text.replace(m_endpoint.apiKey, QStringLiteral("***"));
    return text;
}

} // namespace kx
