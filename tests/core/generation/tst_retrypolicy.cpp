// SPDX-License-Identifier: GPL-3.0-or-later
// The retry rules of the chat client, the wire format, and the API key from the environment and the keychain.
#include "generation/apikeysource.h"
#include "generation/chatwire.h"
#include "generation/retrypolicy.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace kx;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void retryableStatuses()
    {
        for (int status : {408, 429, 500, 502, 503, 504, 599})
            QVERIFY2(RetryPolicy::isRetryableStatus(status), qPrintable(QString::number(status)));
        for (int status : {200, 400, 401, 403, 404, 413, 422, 600})
            QVERIFY2(!RetryPolicy::isRetryableStatus(status), qPrintable(QString::number(status)));
    }

    void backoffStaysInItsWindow()
    {
        QRandomGenerator rng(42);
        for (int failures = 1; failures <= 12; ++failures) {
            const qint64 ceiling = std::min<qint64>(1000, 50LL << (failures - 1));
            qint64 seenMax = 0;
            for (int i = 0; i < 400; ++i) {
                const qint64 wait = RetryPolicy::backoffMs(failures, 50, 1000, rng);
                QVERIFY(wait >= 0 && wait <= ceiling);
                seenMax = std::max(seenMax, wait);
            }
            QVERIFY2(seenMax > ceiling / 2, "full jitter uses the whole window");
        }
        QCOMPARE(RetryPolicy::backoffMs(100000, 500, 30000, rng) <= 30000, true);
        QCOMPARE(RetryPolicy::backoffMs(3, 0, 30000, rng), 0);
    }

    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("expected");   // -1: none
        QTest::newRow("seconds") << QByteArray("1") << qint64(1000);
        QTest::newRow("spaces") << QByteArray(" 20 ") << qint64(20000);
        QTest::newRow("fraction") << QByteArray("0.5") << qint64(500);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("http date, 90 s ahead") << QByteArray("Wed, 21 Oct 2015 07:29:30 GMT") << qint64(90000);
        QTest::newRow("http date in the past") << QByteArray("Wed, 21 Oct 2015 07:00:00 GMT") << qint64(0);
        QTest::newRow("huge is capped") << QByteArray("999999") << qint64(3600000);
        QTest::newRow("negative") << QByteArray("-3") << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
    }

    void retryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(qint64, expected);
        const QDateTime now(QDate(2015, 10, 21), QTime(7, 28, 0), Qt::UTC);
        const auto ms = RetryPolicy::retryAfterMs(header, now);
        QCOMPARE(ms.value_or(-1), expected);
    }

    void parseResponse_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::newRow("complete") << QByteArray(R"({"choices":[{"message":{"role":"assistant","content":"hi"}}],"usage":{"prompt_tokens":3,"completion_tokens":1}})") << true;
        QTest::newRow("no usage") << QByteArray(R"({"choices":[{"message":{"content":""}}]})") << true;
        QTest::newRow("not json") << QByteArray("<html>bad gateway</html>") << false;
        QTest::newRow("truncated") << QByteArray("{\"choices\":[{\"message\":{\"content\":\"h") << false;
        QTest::newRow("array") << QByteArray("[]") << false;
        QTest::newRow("no choices") << QByteArray(R"({"choices":[]})") << false;
        QTest::newRow("null content") << QByteArray(R"({"choices":[{"message":{"content":null}}]})") << false;
        QTest::newRow("invalid utf-8") << QByteArray("{\"choices\":[{\"message\":{\"content\":\"\xff\"}}]}") << false;
    }

    void parseResponse()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        const auto result = ChatWire::parseResponse(body);
        QCOMPARE(result.ok(), ok);
        if (ok && QByteArray(QTest::currentDataTag()) == "complete") {
            QCOMPARE(result->content, QStringLiteral("hi"));
            QCOMPARE(result->promptTokens, 3);
            QCOMPARE(result->completionTokens, 1);
        }
    }

    void serverMessage()
    {
        QCOMPARE(ChatWire::serverMessage(R"({"error":{"message":"Rate limit","type":"x"}})"), QStringLiteral("Rate limit"));
        QCOMPARE(ChatWire::serverMessage(R"({"error":"model not loaded"})"), QStringLiteral("model not loaded"));
        QCOMPARE(ChatWire::serverMessage("Bad\n gateway"), QStringLiteral("Bad gateway"));
        QCOMPARE(ChatWire::serverMessage(QByteArray(1000, 'x')).size(), 301);
        QVERIFY(ChatWire::serverMessage({}).isEmpty());
    }

    void completionsUrl()
    {
        ChatEndpoint e;
        e.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8000/v1"));
        QCOMPARE(e.completionsUrl().toString(), QStringLiteral("http://127.0.0.1:8000/v1/chat/completions"));
        e.baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1/"));
        QCOMPARE(e.completionsUrl().toString(), QStringLiteral("https://api.openai.com/v1/chat/completions"));
    }

    void keyFromEnvironment()
    {
        qunsetenv("KAIRIX_API_KEY");
        qunsetenv("OPENAI_API_KEY");
        QVERIFY(ApiKeySource::fromEnvironment().isEmpty());
        qputenv("OPENAI_API_KEY", "sk-openai");
        QCOMPARE(ApiKeySource::fromEnvironment(), QStringLiteral("sk-openai"));
        qputenv("KAIRIX_API_KEY", " sk-kairix\n");
        QCOMPARE(ApiKeySource::fromEnvironment(), QStringLiteral("sk-kairix"));
        qunsetenv("KAIRIX_API_KEY");
        qunsetenv("OPENAI_API_KEY");
    }

    void keychainNeverHangs()
    {
        // Headless CI has no Secret Service: the read must come back quickly with "no key", not hang.
        QElapsedTimer t;
        t.start();
        const auto key = ApiKeySource::readFromKeychain(QStringLiteral("kx-test-account-that-does-not-exist"), 3000);
        QVERIFY(t.elapsed() < 10000);
        if (key.ok())
            QVERIFY(key->isEmpty());
        else
            QCOMPARE(key.error().code, Error::Code::NotFound);   // "no key", with the reason
        qInfo("keychain: %s", qPrintable(key.ok() ? QStringLiteral("available, no entry") : key.error().message));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
