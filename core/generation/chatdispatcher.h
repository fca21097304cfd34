// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/chatrequest.h"
#include "util/result.h"

#include <QObject>
#include <QRandomGenerator>
#include <QUrl>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace kx {

/**
 * The engine behind ChatCompletionClient, living on the client's own thread:
 * the queue, the concurrency limit, the QNetworkAccessManagers, timeouts,
 * retries and cancellation. Every member must be called on that thread (the
 * client posts to it); callbacks run there too.
 *
 * A call holds one of the @c concurrency slots from its first send until it
 * ends, its backoff waits included, so a rate-limited server does not get
 * more traffic by way of retries. QNetworkAccessManager opens at most six
 * HTTP/1.1 connections per host, so there are ceil(concurrency / 6) managers
 * and each send goes to the least busy one: no request ever waits inside a
 * manager, and concurrency above six really scales.
 */
class ChatDispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatDispatcher)
public:
    /** Called once with the outcome of a call, on the dispatcher's thread. */
    using Done = std::function<void(Result<ChatResponse>)>;

    explicit ChatDispatcher(const ChatEndpoint &endpoint);
    ~ChatDispatcher() override;

    /** Queues the request body @p body; @p urgent puts it at the front (a repair of a running job). */
    void submit(const QByteArray &body, Done done, bool urgent);

    /** Ends every queued and in-flight call with Error::Code::Cancelled, at once. */
    void cancelAll();

private:
    struct Call;

    void startQueued();
    void send(Call *call);
    void onReplyFinished(Call *call);
    void retryOrFail(Call *call, const QString &reason, qint64 retryAfterMs);
    void finish(Call *call, Result<ChatResponse> result);
    QNetworkAccessManager *leastBusyManager();
    QString redacted(QString text) const;

    ChatEndpoint m_endpoint;
    QUrl m_url;
    std::deque<std::unique_ptr<Call>> m_queue;
    std::vector<std::unique_ptr<Call>> m_active;
    std::vector<QNetworkAccessManager *> m_managers;   // children of this; created on first use
    std::vector<int> m_managerLoad;
    QRandomGenerator m_rng;
};

} // namespace kx
