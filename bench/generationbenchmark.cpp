// SPDX-License-Identifier: GPL-3.0-or-later
// The generation benchmark (issue 5, DESIGN.md "Performance goals"): scenarios per second of a real generation
// job (memory-recall generator, openai backend, a workspace file, every item committed with its scenarios)
// against the loopback FakeChatServer with a fixed latency L, at concurrency N, beside the ideal N / L
// (goal ≥ 0.9×); then the same for bare chat completions through ChatCompletionClient, which shows what the
// job machinery (prompt rendering, validation, SQLite commits) costs on top. N = 8 is the figure; 16 and 32 show that concurrency above
// QNetworkAccessManager's six connections per host scales. "bound" is what N slots can do at best with
// R requests: R / (ceil(R / N) · L), below N / L when R is not a multiple of N.
#include "generation/chatcompletionclient.h"
#include "generation/jobs/generationjobexecutor.h"
#include "generation/jobs/generationjobplanner.h"
#include "store/workspacestore.h"
#include "fakechatserver.h"
#include "jobtestkit.h"
#include "benchreport.h"

#include <QTemporaryDir>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>

#include <cmath>

using namespace kx;
using kx::bench::say;
using kx::test::FakeChatServer;

namespace {

ChatRequest request(int i)
{
    ChatRequest r;
    r.model = QStringLiteral("bench-model");
    r.messages = {ChatMessage{QStringLiteral("system"), QStringLiteral("Answer with a JSON object.")},
                  ChatMessage{QStringLiteral("user"), QStringLiteral("Scenario number %1, please.").arg(i)}};
    return r;
}

/** Sends @p count requests through @p client and waits for all; seconds, or -1 when one failed. */
double run(ChatCompletionClient &client, int count)
{
    QElapsedTimer t;
    t.start();
    QList<QFuture<Result<ChatResponse>>> futures;
    futures.reserve(count);
    for (int i = 0; i < count; ++i)
        futures.append(client.complete(request(i)));
    for (auto &future : futures) {
        future.waitForFinished();
        if (const auto result = future.result(); !result) {
            say(result.error().message);
            return -1;
        }
    }
    return double(t.nsecsElapsed()) / 1e9;
}

/** Runs a job of @p count memory-recall scenarios at @p concurrency in a fresh workspace; seconds, or -1. */
double runJob(const kx::test::FakeChatServer &server, int count, int concurrency)
{
    QTemporaryDir dir;
    auto store = WorkspaceStore::open(dir.filePath(QStringLiteral("bench.kairix")));
    if (!store) {
        say(store.error().message);
        return -1;
    }
    GenerationJob spec = kx::test::openAiMemoryJob(server, count, concurrency);
    spec.timeoutMs = 60000;
    auto job = GenerationJobPlanner::create(spec, **store);
    if (!job) {
        say(job.error().message);
        return -1;
    }
    QElapsedTimer t;
    t.start();
    GenerationJobExecutor executor(dir.filePath(QStringLiteral("bench.kairix")), job->id);
    auto end = executor.run();
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    if (!end || end->generated != count) {
        say(end ? QStringLiteral("the job made %1 of %2 scenarios").arg(end->generated).arg(count) : end.error().message);
        return -1;
    }
    return seconds;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("kx.*.debug=false\nkx.*.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kairix Workbench generation benchmark"));
    parser.addHelpOption();
    const QCommandLineOption requestsOption(QStringLiteral("requests"), QStringLiteral("Requests per run."),
                                            QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption latencyOption(QStringLiteral("latency"), QStringLiteral("Server latency, ms."),
                                           QStringLiteral("MS"), QStringLiteral("200"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"), QStringLiteral("Comma-separated concurrencies."),
                                               QStringLiteral("LIST"), QStringLiteral("8,16,32"));
    parser.addOptions({requestsOption, latencyOption, concurrencyOption});
    parser.process(app);
    const int requests = std::max(1, parser.value(requestsOption).toInt());
    const int latencyMs = std::max(1, parser.value(latencyOption).toInt());

    FakeChatServer server;
    if (!server.start()) {
        say(QStringLiteral("The loopback server could not listen on 127.0.0.1."));
        return 1;
    }
    server.setLatencyMs(latencyMs);
    say(QStringLiteral("Kairix Workbench generation benchmark — %1 chat completions per run, loopback server at %2 with %3 ms latency")
            .arg(requests).arg(server.baseUrl().toDisplayString()).arg(latencyMs));
    say(QString());
    const QStringList list = parser.value(concurrencyOption).split(QLatin1Char(','), Qt::SkipEmptyParts);

    say(QStringLiteral("Generation jobs: %1 memory-recall scenarios a job, openai backend, committed to a workspace file")
            .arg(requests));
    say(QStringLiteral("%1 %2 %3 %4 %5 %6").arg(QStringLiteral("concurrency"), -12).arg(QStringLiteral("seconds"), 9)
            .arg(QStringLiteral("scen/s"), 9).arg(QStringLiteral("ideal N/L"), 10).arg(QStringLiteral("bound"), 9)
            .arg(QStringLiteral("ratio to N/L (goal ≥ 0.9×)")));
    server.setResponder(kx::test::memoryAnswer);
    for (const QString &item : list) {
        const int concurrency = std::max(1, item.trimmed().toInt());
        const double seconds = runJob(server, requests, concurrency);
        if (seconds < 0)
            return 1;
        const double rate = requests / seconds;
        const double ideal = concurrency * 1000.0 / latencyMs;
        const double bound = requests / (std::ceil(double(requests) / concurrency) * latencyMs / 1000.0);
        say(QStringLiteral("%1 %2 %3 %4 %5 %6×  (%7; %8× of the bound)").arg(concurrency, -12).arg(seconds, 9, 'f', 3)
                .arg(rate, 9, 'f', 1).arg(ideal, 10, 'f', 1).arg(bound, 9, 'f', 1).arg(rate / ideal, 0, 'f', 3)
                .arg(rate / ideal >= 0.9 ? QStringLiteral("met") : QStringLiteral("NOT met"))
                .arg(rate / bound, 0, 'f', 3));
    }
    server.setResponder(FakeChatServer::defaultContent);
    say(QString());
    say(QStringLiteral("Bare chat completions through ChatCompletionClient, %1 a run").arg(requests));
    say(QStringLiteral("%1 %2 %3 %4 %5 %6 %7").arg(QStringLiteral("concurrency"), -12).arg(QStringLiteral("seconds"), 9)
            .arg(QStringLiteral("req/s"), 9).arg(QStringLiteral("ideal N/L"), 10).arg(QStringLiteral("bound"), 9)
            .arg(QStringLiteral("max in flight"), 14).arg(QStringLiteral("ratio to N/L (goal ≥ 0.9×)")));

    for (const QString &item : list) {
        const int concurrency = std::max(1, item.trimmed().toInt());
        ChatEndpoint endpoint;
        endpoint.baseUrl = server.baseUrl();
        endpoint.concurrency = concurrency;
        ChatCompletionClient client(endpoint);
        if (run(client, concurrency) < 0)   // warm-up: opens the connections, not counted
            return 1;
        server.resetStats();
        const double seconds = run(client, requests);
        if (seconds < 0)
            return 1;
        const double rate = requests / seconds;
        const double ideal = concurrency * 1000.0 / latencyMs;
        const double bound = requests / (std::ceil(double(requests) / concurrency) * latencyMs / 1000.0);
        const double ratio = rate / ideal;
        say(QStringLiteral("%1 %2 %3 %4 %5 %6 %7×  (%8; %9× of the bound)").arg(concurrency, -12).arg(seconds, 9, 'f', 3)
                .arg(rate, 9, 'f', 1).arg(ideal, 10, 'f', 1).arg(bound, 9, 'f', 1).arg(server.maxInFlight(), 14)
                .arg(ratio, 0, 'f', 3).arg(ratio >= 0.9 ? QStringLiteral("met") : QStringLiteral("NOT met"))
                .arg(rate / bound, 0, 'f', 3));
    }
    return 0;   // figures, not a pass/fail gate
}
