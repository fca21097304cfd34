// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakechatserver.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace kx::test {

/** What the facade and the worker share, under one mutex. */
struct FakeChatServer::State
{
    mutable QMutex mutex;
    int latencyMs = 0;
    Responder responder;
    QMap<int, FakeChatFault> faults;
    FaultScript script;
    QList<FakeChatRequest> requests;
    int nextNumber = 1;
    int inFlight = 0, maxInFlight = 0;
    int connections = 0, maxConnections = 0;
    QElapsedTimer clock;
};

namespace {

int wordCount(const QString &text)
{
    return int(text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
}

QString messagesText(const Json &body)
{
    QString all;
    const auto messages = body.is_object() ? body.find("messages") : body.end();
    if (messages != body.end() && messages->is_array())
        for (const Json &m : *messages)
            if (m.is_object() && m.contains("content") && m["content"].is_string())
                all += qs(m["content"].get<std::string>()).simplified() + QLatin1Char(' ');
    return all;
}

QByteArray statusLine(int status)
{
    static const QMap<int, QByteArray> reasons = {
        {200, "OK"}, {400, "Bad Request"}, {401, "Unauthorized"}, {404, "Not Found"}, {408, "Request Timeout"},
        {429, "Too Many Requests"}, {500, "Internal Server Error"}, {502, "Bad Gateway"}, {503, "Service Unavailable"}};
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasons.value(status, QByteArrayLiteral("Status")) + "\r\n";
}

QByteArray response(int status, const QByteArray &body, const QByteArray &retryAfter = {}, qint64 announcedLength = -1)
{
    QByteArray out = statusLine(status);
    out += "Content-Type: application/json\r\nConnection: keep-alive\r\n";
    if (!retryAfter.isEmpty())
        out += "Retry-After: " + retryAfter + "\r\n";
    out += "Content-Length: " + QByteArray::number(announcedLength >= 0 ? announcedLength : body.size()) + "\r\n\r\n";
    return out + body;
}

QByteArray errorBody(const QString &message, const char *type)
{
    return QByteArray::fromStdString(dumpCompact(Json{{"error", {{"message", ss(message)}, {"type", type}}}}));
}

/** One client connection: its socket, the bytes not parsed yet, and whether a request awaits its answer. */
class Connection final : public QObject
{
public:
    explicit Connection(QTcpSocket *socket, QObject *parent) : QObject(parent), socket(socket) { socket->setParent(this); }
    QTcpSocket *socket;
    QByteArray buffer;
    bool busy = false;   // a request was read and not answered yet (counted in flight)
};

} // namespace

QString FakeChatRequest::lastUserMessage() const
{
    const auto messages = json.is_object() ? json.find("messages") : json.end();
    if (messages == json.end() || !messages->is_array())
        return {};
    for (auto it = messages->rbegin(); it != messages->rend(); ++it)
        if (it->is_object() && it->value("role", std::string()) == "user" && it->contains("content") && (*it)["content"].is_string())
            return qs((*it)["content"].get<std::string>());
    return {};
}

/** The server proper, on its own thread: accepts, parses, records, answers. */
class FakeChatServer::Worker final : public QObject
{
public:
    explicit Worker(std::shared_ptr<State> state) : m_state(std::move(state)) {}

    quint16 listen()
    {
        m_server = new QTcpServer(this);
        QObject::connect(m_server, &QTcpServer::newConnection, this, [this] { accept(); });
        return m_server->listen(QHostAddress::LocalHost, 0) ? m_server->serverPort() : 0;
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            auto *connection = new Connection(socket, this);
            {
                QMutexLocker lock(&m_state->mutex);
                m_state->maxConnections = std::max(m_state->maxConnections, ++m_state->connections);
            }
            QObject::connect(socket, &QTcpSocket::readyRead, connection, [this, connection] { readMore(connection); });
            QObject::connect(socket, &QTcpSocket::disconnected, connection, [this, connection] { dropped(connection); });
            readMore(connection);
        }
    }

    void dropped(Connection *connection)
    {
        QMutexLocker lock(&m_state->mutex);
        --m_state->connections;
        if (connection->busy)
            --m_state->inFlight;
        connection->busy = false;
        connection->deleteLater();
    }

    void answered(Connection *connection)
    {
        {
            QMutexLocker lock(&m_state->mutex);
            --m_state->inFlight;
        }
        connection->busy = false;
        readMore(connection);   // a next request may already be buffered
    }

    void readMore(Connection *connection)
    {
        connection->buffer += connection->socket->readAll();
        if (connection->busy)
            return;
        const qsizetype headerEnd = connection->buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        FakeChatRequest request;
        const QList<QByteArray> lines = connection->buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qint64 length = request.headers.value(QByteArrayLiteral("content-length"), QByteArrayLiteral("0")).toLongLong();
        if (connection->buffer.size() < headerEnd + 4 + length)
            return;   // wait for the rest of the body
        request.body = connection->buffer.mid(headerEnd + 4, length);
        connection->buffer.remove(0, headerEnd + 4 + length);
        request.json = Json::parse(request.body.constBegin(), request.body.constEnd(), nullptr, false);
        if (request.json.is_discarded())
            request.json = nullptr;

        FakeChatFault fault;
        Responder responder;
        int latency = 0;
        {
            QMutexLocker lock(&m_state->mutex);
            request.number = m_state->nextNumber++;
            request.receivedNs = m_state->clock.nsecsElapsed();
            m_state->requests.append(request);
            m_state->maxInFlight = std::max(m_state->maxInFlight, ++m_state->inFlight);
            if (m_state->faults.contains(request.number))
                fault = m_state->faults.value(request.number);
            else if (m_state->script)
                fault = m_state->script(request.number, request.json);
            responder = m_state->responder;
            latency = fault.latencyMs >= 0 ? fault.latencyMs : m_state->latencyMs;
        }
        connection->busy = true;
        if (fault.kind == FakeChatFault::Kind::Hang)
            return;   // in flight until the client gives up and closes
        QTimer::singleShot(latency, Qt::PreciseTimer, connection, [this, connection, request, fault, responder] {
            answer(connection, request, fault, responder);
        });
    }

    void answer(Connection *connection, const FakeChatRequest &request, const FakeChatFault &fault, const Responder &responder)
    {
        QTcpSocket *socket = connection->socket;
        if (!request.path.endsWith("/chat/completions") || request.method != "POST") {
            socket->write(response(404, errorBody(QStringLiteral("No route for %1").arg(QString::fromLatin1(request.path)), "not_found")));
            return answered(connection);
        }
        switch (fault.kind) {
        case FakeChatFault::Kind::Status:
            socket->write(response(fault.status, errorBody(fault.message, "fake_error"), fault.retryAfter));
            return answered(connection);
        case FakeChatFault::Kind::MalformedJson:
            socket->write(response(200, QByteArrayLiteral("{\"id\": \"chatcmpl-broken\", \"choices\": [{\"message\": ")));
            return answered(connection);
        case FakeChatFault::Kind::NoChoices:
            socket->write(response(200, QByteArrayLiteral("{\"id\": \"chatcmpl-empty\", \"object\": \"chat.completion\", \"choices\": []}")));
            return answered(connection);
        case FakeChatFault::Kind::Close:
            socket->abort();   // disconnected() does the accounting
            return;
        case FakeChatFault::Kind::TruncatedBody: {
            const QByteArray body = completion(request, responder);
            socket->write(response(200, body.left(body.size() / 2), {}, body.size()));
            socket->disconnectFromHost();   // flushes, then closes; disconnected() does the accounting
            return;
        }
        case FakeChatFault::Kind::Hang:
        case FakeChatFault::Kind::None:
            break;
        }
        socket->write(response(200, completion(request, responder)));
        answered(connection);
    }

    static QByteArray completion(const FakeChatRequest &request, const Responder &responder)
    {
        const QString content = responder ? responder(request.json, request.number) : defaultContent(request.json, request.number);
        const int prompt = wordCount(messagesText(request.json));
        const int completion = wordCount(content);
        const std::string model = request.json.is_object() ? request.json.value("model", std::string("fake-model")) : "fake-model";
        const Json body = {
            {"id", "chatcmpl-fake-" + std::to_string(request.number)},
            {"object", "chat.completion"},
            {"created", QDateTime::currentSecsSinceEpoch()},
            {"model", model},
            {"choices", Json::array({{{"index", 0}, {"message", {{"role", "assistant"}, {"content", ss(content)}}}, {"finish_reason", "stop"}}})},
            {"usage", {{"prompt_tokens", prompt}, {"completion_tokens", completion}, {"total_tokens", prompt + completion}}},
        };
        return QByteArray::fromStdString(dumpCompact(body));
    }

    std::shared_ptr<State> m_state;
    QTcpServer *m_server = nullptr;
};

FakeChatServer::FakeChatServer() : m_state(std::make_shared<State>()), m_thread(std::make_unique<QThread>())
{
    m_thread->setObjectName(QStringLiteral("kx-fake-chat-server"));
    m_worker = new Worker(m_state);
    m_worker->moveToThread(m_thread.get());
    m_thread->start();
}

FakeChatServer::~FakeChatServer()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { delete w; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

bool FakeChatServer::start()
{
    m_state->clock.start();
    quint16 port = 0;
    QMetaObject::invokeMethod(m_worker, [&port, w = m_worker] { port = w->listen(); }, Qt::BlockingQueuedConnection);
    QMutexLocker lock(&m_state->mutex);
    m_port = port;
    return port != 0;
}

quint16 FakeChatServer::port() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_port;
}

QUrl FakeChatServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(QStringLiteral("/v1"));
    return url;
}

void FakeChatServer::setLatencyMs(int ms)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->latencyMs = std::max(0, ms);
}

void FakeChatServer::setResponder(Responder responder)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->responder = std::move(responder);
}

void FakeChatServer::setFault(int number, const FakeChatFault &fault)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->faults.insert(number, fault);
}

void FakeChatServer::setFaultScript(FaultScript script)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->script = std::move(script);
}

void FakeChatServer::clearFaults()
{
    QMutexLocker lock(&m_state->mutex);
    m_state->faults.clear();
    m_state->script = nullptr;
}

QList<FakeChatRequest> FakeChatServer::requests() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->requests;
}

int FakeChatServer::requestCount() const
{
    QMutexLocker lock(&m_state->mutex);
    return int(m_state->requests.size());
}

int FakeChatServer::inFlight() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->inFlight;
}

int FakeChatServer::maxInFlight() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->maxInFlight;
}

int FakeChatServer::openConnections() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->connections;
}

int FakeChatServer::maxConnections() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->maxConnections;
}

void FakeChatServer::resetStats()
{
    QMutexLocker lock(&m_state->mutex);
    m_state->requests.clear();
    m_state->nextNumber = 1;
    m_state->maxInFlight = m_state->inFlight;
    m_state->maxConnections = m_state->connections;
}

QString FakeChatServer::defaultContent(const Json &requestBody, int number)
{
    FakeChatRequest request;
    request.json = requestBody;
    return qs(dumpCompact(Json{{"echo", ss(request.lastUserMessage())}, {"request", number}}));
}

} // namespace kx::test
