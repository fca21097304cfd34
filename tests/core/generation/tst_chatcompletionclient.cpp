// SPDX-License-Identifier: GPL-3.0-or-later
// The chat-completions client against a real HTTP server on 127.0.0.1 with injected faults.
#include "generation/chatcompletionclient.h"
#include "fakechatserver.h"

#include <QElapsedTimer>
#include <QTest>

Q_DECLARE_METATYPE(kx::test::FakeChatFault)

using namespace kx;
using namespace kx::test;

/** QCOMPARE for kx::Json, printing both sides as JSON text on a mismatch. */
#define KX_JSON_COMPARE(actual, expected) \
    QVERIFY2((actual) == (expected), (kx::dumpCompact(actual) + " != " + kx::dumpCompact(expected)).c_str())

namespace {

const QString kKey = QStringLiteral("sk-test-SECRET-0123456789");

ChatRequest userRequest(const QString &text)
{
    ChatRequest request;
    request.model = QStringLiteral("fake-model");
    request.messages = {ChatMessage{QStringLiteral("system"), QStringLiteral("You answer in JSON.")},
                        ChatMessage{QStringLiteral("user"), text}};
    return request;
}

/** Waits (the test thread may block: the client and the server have their own threads). */
template<typename T>
Result<T> await(const QFuture<Result<T>> &future, int timeoutMs = 20000)
{
    QElapsedTimer t;
    t.start();
    while (!future.isFinished() && t.elapsed() < timeoutMs)
        QTest::qWait(5);
    if (!future.isFinished())
        return Error::io(QStringLiteral("the future did not finish within %1 ms").arg(timeoutMs));
    return future.result();
}

/** Validator: an object with a string "answer". */
Result<Json> needsAnswer(const Json &j)
{
    if (!j.is_object() || !j.contains("answer") || !j["answer"].is_string())
        return Error::badInput(QStringLiteral("the object needs a string \"answer\""));
    return j;
}

} // namespace

class TestChatCompletionClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeChatServer> m_server;

    ChatEndpoint endpoint() const
    {
        ChatEndpoint e;
        e.baseUrl = m_server->baseUrl();
        e.apiKey = kKey;
        e.concurrency = 4;
        e.timeoutMs = 5000;
        e.maxAttempts = 4;
        e.backoffBaseMs = 20;
        e.backoffMaxMs = 100;
        return e;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<FakeChatServer>();
        QVERIFY(m_server->start());
    }
    void cleanup() { m_server.reset(); }

    void successCarriesContentUsageAndRequestShape()
    {
        ChatCompletionClient client(endpoint());
        ChatRequest request = userRequest(QStringLiteral("hello there world"));
        request.temperature = 0.25;
        request.maxTokens = 64;
        const auto result = await(client.complete(request));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result->content, QStringLiteral(R"({"echo":"hello there world","request":1})"));
        QCOMPARE(result->promptTokens, 7);       // "You answer in JSON." + "hello there world"
        QCOMPARE(result->completionTokens, 3);    // {"echo":"hello there world","request":1}
        QCOMPARE(result->attempts, 1);

        const auto requests = m_server->requests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests[0].path, QByteArray("/v1/chat/completions"));
        QCOMPARE(requests[0].authorization(), "Bearer " + kKey.toUtf8());
        const Json &body = requests[0].json;
        KX_JSON_COMPARE(body["model"], Json("fake-model"));
        QCOMPARE(body["temperature"].get<double>(), 0.25);
        KX_JSON_COMPARE(body["max_tokens"], Json(64));
        KX_JSON_COMPARE(body["response_format"], (Json{{"type", "json_object"}}));
        QCOMPARE(body["messages"].size(), size_t(2));
        KX_JSON_COMPARE(body["messages"][1], (Json{{"role", "user"}, {"content", "hello there world"}}));
    }

    void noKeyNoAuthorizationAndOptionalFieldsOmitted()
    {
        ChatEndpoint e = endpoint();
        e.apiKey.clear();
        ChatCompletionClient client(e);
        ChatRequest request = userRequest(QStringLiteral("x"));
        request.jsonObject = false;
        QVERIFY(await(client.complete(request)).ok());
        const auto requests = m_server->requests();
        QCOMPARE(requests.size(), 1);
        QVERIFY(!requests[0].hasAuthorization());
        QVERIFY(!requests[0].json.contains("max_tokens"));
        QVERIFY(!requests[0].json.contains("response_format"));
    }

    void rateLimitHonoursRetryAfter()
    {
        m_server->setFault(1, FakeChatFault::rateLimited("1"));
        ChatCompletionClient client(endpoint());
        const auto result = await(client.complete(userRequest(QStringLiteral("a"))));
        QVERIFY(result.ok());
        QCOMPARE(result->attempts, 2);
        const auto requests = m_server->requests();
        QCOMPARE(requests.size(), 2);
        // The backoff alone is at most 100 ms here: a gap of a second can only come from Retry-After.
        const qint64 gapMs = (requests[1].receivedNs - requests[0].receivedNs) / 1000000;
        QVERIFY2(gapMs >= 995, qPrintable(QStringLiteral("retried after %1 ms").arg(gapMs)));
    }

    void serverErrorsAreRetried_data()
    {
        QTest::addColumn<FakeChatFault>("fault");
        QTest::newRow("500") << FakeChatFault::serverError();
        QTest::newRow("500 with Retry-After: 0") << FakeChatFault::serverError("0");
        QTest::newRow("503") << FakeChatFault::httpStatus(503, QStringLiteral("overloaded"));
        QTest::newRow("hang (timeout)") << FakeChatFault::hang();
        QTest::newRow("malformed JSON") << FakeChatFault::malformedJson();
        QTest::newRow("truncated body") << FakeChatFault::truncatedBody();
        QTest::newRow("connection dropped") << FakeChatFault::close();
        QTest::newRow("no choices[0].message.content") << FakeChatFault::noChoices();
    }

    void serverErrorsAreRetried()
    {
        QFETCH(FakeChatFault, fault);
        m_server->setFault(1, fault);
        m_server->setFault(2, fault);
        ChatEndpoint e = endpoint();
        e.timeoutMs = 300;
        ChatCompletionClient client(e);
        const auto result = await(client.complete(userRequest(QStringLiteral("retry me"))));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        if (fault.kind == FakeChatFault::Kind::Close) {
            // QNetworkAccessManager itself re-sends a request once when a kept-alive connection closes
            // without an answer, so the server may see more requests than the client counts attempts.
            QVERIFY(result->attempts >= 2 && result->attempts <= 3);
            QVERIFY(m_server->requestCount() >= 3);
        } else {
            QCOMPARE(result->attempts, 3);
            QCOMPARE(m_server->requestCount(), 3);
        }
        QCOMPARE(result->content, QStringLiteral(R"({"echo":"retry me","request":%1})").arg(m_server->requestCount()));
    }

    void clientErrorIsNotRetried()
    {
        m_server->setFault(1, FakeChatFault::badRequest(QStringLiteral("Unknown model fake-model")));
        ChatCompletionClient client(endpoint());
        const auto result = await(client.complete(userRequest(QStringLiteral("b"))));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::BadInput);
        QVERIFY2(result.error().message.contains(QStringLiteral("400")), qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(QStringLiteral("Unknown model fake-model")));
        QTest::qWait(200);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void givesUpAfterMaxAttempts()
    {
        m_server->setFaultScript([](int, const Json &) { return FakeChatFault::serverError(); });
        ChatEndpoint e = endpoint();
        e.maxAttempts = 3;
        ChatCompletionClient client(e);
        const auto result = await(client.complete(userRequest(QStringLiteral("c"))));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::Io);
        const QString message = result.error().message;
        QVERIFY2(message.contains(e.completionsUrl().toDisplayString()), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("after 3 attempt")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("500")), qPrintable(message));
        QCOMPARE(m_server->requestCount(), 3);
    }

    void concurrencyLimitIsRespected_data()
    {
        QTest::addColumn<int>("concurrency");
        QTest::newRow("3") << 3;
        QTest::newRow("8 (above six connections per manager)") << 8;
    }

    void concurrencyLimitIsRespected()
    {
        QFETCH(int, concurrency);
        m_server->setLatencyMs(300);
        ChatEndpoint e = endpoint();
        e.concurrency = concurrency;
        ChatCompletionClient client(e);
        QList<QFuture<Result<ChatResponse>>> futures;
        for (int i = 0; i < concurrency * 2 + 1; ++i)
            futures.append(client.complete(userRequest(QString::number(i))));
        for (const auto &future : futures)
            QVERIFY(await(future).ok());
        QCOMPARE(m_server->requestCount(), concurrency * 2 + 1);
        QCOMPARE(m_server->maxInFlight(), concurrency);
    }

    void cancelAllEndsEverythingPromptly()
    {
        m_server->setFaultScript([](int, const Json &) { return FakeChatFault::hang(); });
        ChatEndpoint e = endpoint();
        e.concurrency = 2;
        e.timeoutMs = 60000;
        ChatCompletionClient client(e);
        QList<QFuture<Result<ChatResponse>>> futures;
        for (int i = 0; i < 5; ++i)
            futures.append(client.complete(userRequest(QString::number(i))));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 2, 5000);
        client.cancelAll();
        for (const auto &future : futures) {
            const auto result = await(future, 2000);
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, Error::Code::Cancelled);
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_server->inFlight(), 0, 2000);   // the hung requests were aborted
        QCOMPARE(m_server->requestCount(), 2);

        // The client still works afterwards.
        m_server->clearFaults();
        QVERIFY(await(client.complete(userRequest(QStringLiteral("again")))).ok());
    }

    void completeJsonRepairsOnce()
    {
        m_server->setResponder([](const Json &body, int number) {
            return number == 1 ? QStringLiteral(R"({"wrong": 1})") : FakeChatServer::defaultContent(body, number).replace(QStringLiteral("echo"), QStringLiteral("answer"));
        });
        ChatCompletionClient client(endpoint());
        const auto result = await(client.completeJson(userRequest(QStringLiteral("q")), needsAnswer));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QVERIFY(result->repaired);
        KX_JSON_COMPARE(result->value["answer"], Json("Your previous answer could not be used: the object needs a string \"answer\". "
                                                "Reply again with the corrected JSON only, with no explanation and no code fence."));
        QCOMPARE(result->usage.attempts, 2);
        QVERIFY(result->usage.promptTokens > 0);

        const auto requests = m_server->requests();
        QCOMPARE(requests.size(), 2);
        const Json &messages = requests[1].json["messages"];
        QCOMPARE(messages.size(), size_t(4));
        KX_JSON_COMPARE(messages[2], (Json{{"role", "assistant"}, {"content", R"({"wrong": 1})"}}));
        KX_JSON_COMPARE(messages[3]["role"], Json("user"));
        // Usage of both requests is summed.
        const qint64 prompt1 = 4 + 1, prompt2 = prompt1 + 2 + qint64(QString::fromStdString(messages[3]["content"].get<std::string>())
                                                                       .split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
        QCOMPARE(result->usage.promptTokens, prompt1 + prompt2);
    }

    void completeJsonFailsAfterSecondBadAnswer()
    {
        m_server->setResponder([](const Json &, int number) { return number == 1 ? QStringLiteral("not json at all") : QStringLiteral("[]"); });
        ChatCompletionClient client(endpoint());
        const auto result = await(client.completeJson(userRequest(QStringLiteral("q")), needsAnswer));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::BadInput);
        QVERIFY2(result.error().message.contains(QStringLiteral("not valid JSON")), qPrintable(result.error().message));
        QVERIFY2(result.error().message.contains(QStringLiteral("\"answer\"")), qPrintable(result.error().message));
        QTest::qWait(100);
        QCOMPARE(m_server->requestCount(), 2);
    }

    void apiKeyNeverInErrors()
    {
        m_server->setFault(1, FakeChatFault::httpStatus(401, QStringLiteral("Incorrect API key provided: %1").arg(kKey)));
        m_server->setFaultScript([](int, const Json &) {
            return FakeChatFault::httpStatus(503, QStringLiteral("key %1 is throttled").arg(kKey));
        });
        ChatEndpoint e = endpoint();
        e.maxAttempts = 2;
        ChatCompletionClient client(e);
        const auto refused = await(client.complete(userRequest(QStringLiteral("k"))));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("401")), qPrintable(refused.error().message));
        QVERIFY2(!refused.error().message.contains(kKey), qPrintable(refused.error().message));
        const auto exhausted = await(client.complete(userRequest(QStringLiteral("k"))));
        QVERIFY(!exhausted.ok());
        QVERIFY2(exhausted.error().message.contains(QStringLiteral("503")), qPrintable(exhausted.error().message));
        QVERIFY2(!exhausted.error().message.contains(kKey), qPrintable(exhausted.error().message));
        for (const FakeChatRequest &request : m_server->requests())
            QCOMPARE(request.authorization(), "Bearer " + kKey.toUtf8());
    }

    void connectionRefusedIsRetriedThenReported()
    {
        ChatEndpoint e = endpoint();
        const quint16 port = m_server->port();
        m_server.reset();   // nothing listens there any more
        e.baseUrl.setPort(port);
        e.maxAttempts = 2;
        ChatCompletionClient client(e);
        const auto result = await(client.complete(userRequest(QStringLiteral("r"))));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QStringLiteral("after 2 attempt")), qPrintable(result.error().message));
        m_server = std::make_unique<FakeChatServer>();   // for cleanup()
    }
};

QTEST_GUILESS_MAIN(TestChatCompletionClient)
#include "tst_chatcompletionclient.moc"
