// SPDX-License-Identifier: GPL-3.0-or-later
#include "generatecommand.h"

#include "commandparser.h"

#include "generation/jobs/generationjobexecutor.h"
#include "generation/jobs/generationjobplanner.h"
#include "store/jobstore.h"
#include "util/jsonqt.h"

#include <QCommandLineParser>
#include <QElapsedTimer>

#include <atomic>
#include <csignal>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace kx;

namespace {

const QString jsonOption = QStringLiteral("json");

/** Parents --parents-from takes from a dataset at most: every parent gives at least one scenario. */
constexpr int maxParents = 10000;

std::atomic<GenerationJobExecutor *> interruptTarget{nullptr};

/** Ctrl+C: pause (only an atomic store: safe in a signal handler); a second one ends the process. */
extern "C" void pauseOnInterrupt(int)
{
    if (GenerationJobExecutor *executor = interruptTarget.load())
        executor->requestPause();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

void printLine(const QString &line)
{
    CommandParser::printLine(line);
}

void printJson(const Json &json)
{
    printLine(qs(dumpCompact(json)));
}

bool stderrIsTerminal()
{
#ifdef Q_OS_UNIX
    return ::isatty(STDERR_FILENO) != 0;
#else
    return false;
#endif
}

/** KEY=JSON (a bare word that is not JSON counts as a string). */
bool addParameter(Json &parameters, const QString &assignment)
{
    const qsizetype eq = assignment.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return false;
    const QByteArray value = assignment.mid(eq + 1).toUtf8();
    Json parsed = Json::parse(value.constBegin(), value.constEnd(), nullptr, false);
    if (parsed.is_discarded())
        parsed = value.toStdString();
    parameters[ss(assignment.left(eq))] = std::move(parsed);
    return true;
}

} // namespace

int GenerateCommand::runGenerate(const QStringList &args, const StoreOpener &openStore)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Run a generation job. An unfinished job with the same parameters (interrupted, paused or cancelled) "
           "is resumed instead of starting anew. The API key comes from KAIRIX_API_KEY, OPENAI_API_KEY or the "
           "system keychain and is never stored."));
    const QCommandLineOption generator(QStringLiteral("generator"),
                                       tr("memory, conversation, adversarial, augment or fusion."), QStringLiteral("NAME"));
    const QCommandLineOption count(QStringLiteral("count"), tr("Scenarios to generate."), QStringLiteral("N"));
    const QCommandLineOption backend(QStringLiteral("backend"), tr("offline (default, deterministic) or openai."),
                                     QStringLiteral("BACKEND"), QStringLiteral("offline"));
    const QCommandLineOption baseUrl(QStringLiteral("base-url"),
                                     tr("OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1 (openai)."),
                                     QStringLiteral("URL"));
    const QCommandLineOption model(QStringLiteral("model"), tr("Model name sent to the endpoint."), QStringLiteral("NAME"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"), tr("Requests in flight at most (default 4)."),
                                         QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Seed of the job (default 0)."), QStringLiteral("N"),
                                  QStringLiteral("0"));
    const QCommandLineOption temperature(QStringLiteral("temperature"), tr("Sampling temperature (default: the template's)."),
                                         QStringLiteral("T"));
    const QCommandLineOption timeout(QStringLiteral("timeout-ms"), tr("Per-request timeout (default 60000)."),
                                     QStringLiteral("MS"), QStringLiteral("60000"));
    const QCommandLineOption param(QStringLiteral("param"),
                                   tr("A generator parameter, KEY=JSON (repeatable), e.g. --param 'domains=[\"travel\"]'."),
                                   QStringLiteral("KEY=JSON"));
    const QCommandLineOption parents(QStringLiteral("parents"), tr("augment: scenario row ids to vary, comma-separated."),
                                     QStringLiteral("IDS"));
    const QCommandLineOption parentsFrom(QStringLiteral("parents-from"), tr("augment: vary the scenarios of this dataset."),
                                         QStringLiteral("DATASET"));
    const QCommandLineOption resume(QStringLiteral("resume"), tr("Resume this job (the other options are ignored)."),
                                    QStringLiteral("JOB"));
    const QCommandLineOption fresh(QStringLiteral("new"), tr("Start a new job even if an identical one is unfinished."));
    const QCommandLineOption json(jsonOption, tr("Print the result as JSON."));
    parser.addOptions({generator, count, backend, baseUrl, model, concurrency, seed, temperature, timeout, param,
                       parents, parentsFrom, resume, fresh, json});
    int exitCode = CommandParser::Done;
    if (!CommandParser::parse(parser, QStringLiteral("generate"), args, exitCode))
        return exitCode;
    if (!parser.positionalArguments().isEmpty())
        return CommandParser::usageError(tr("generate takes no positional arguments"));

    GenerationJob spec;
    qint64 resumeId = 0;
    bool ok = true;
    if (parser.isSet(resume)) {
        resumeId = parser.value(resume).toLongLong(&ok);
        if (!ok || resumeId <= 0)
            return CommandParser::usageError(tr("--resume needs a job ID"));
    } else {
        if (!parser.isSet(generator) || !parser.isSet(count))
            return CommandParser::usageError(tr("generate needs --generator NAME and --count N"));
        spec.generator = parser.value(generator);
        spec.requested = parser.value(count).toInt(&ok);
        if (!ok || spec.requested < 1)
            return CommandParser::usageError(tr("--count needs a number ≥ 1"));
        spec.backend = parser.value(backend);
        spec.baseUrl = parser.value(baseUrl);
        spec.model = parser.value(model);
        spec.concurrency = parser.value(concurrency).toInt(&ok);
        if (!ok || spec.concurrency < 1)
            return CommandParser::usageError(tr("--concurrency needs a number ≥ 1"));
        spec.seed = parser.value(seed).toLongLong(&ok);
        if (!ok)
            return CommandParser::usageError(tr("--seed needs an integer"));
        spec.timeoutMs = parser.value(timeout).toInt(&ok);
        if (!ok || spec.timeoutMs < 100)
            return CommandParser::usageError(tr("--timeout-ms needs a number ≥ 100"));
        if (parser.isSet(temperature)) {
            spec.temperature = parser.value(temperature).toDouble(&ok);
            if (!ok || spec.temperature < 0 || spec.temperature > 2)
                return CommandParser::usageError(tr("--temperature needs a number between 0 and 2"));
        }
        for (const QString &p : parser.values(param)) {
            if (!addParameter(spec.parameters, p))
                return CommandParser::usageError(tr("--param needs KEY=JSON, got \"%1\"").arg(p));
        }
        for (const QString &id : parser.value(parents).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            spec.parents.append(id.trimmed().toLongLong(&ok));
            if (!ok)
                return CommandParser::usageError(tr("--parents needs row ids separated by commas"));
        }
    }

    auto store = openStore();
    if (!store)
        return CommandParser::fail(store.error().message);
    WorkspaceStore &ws = **store;
    JobStore jobs(ws);

    if (parser.isSet(parentsFrom)) {
        ScenarioFilter filter;
        filter.datasetIds = {parser.value(parentsFrom).toLongLong(&ok)};
        if (!ok)
            return CommandParser::usageError(tr("--parents-from needs a dataset ID"));
        if (auto d = ws.dataset(filter.datasetIds.first()); !d)
            return CommandParser::fail(d.error().message);
        const int wanted = std::min(spec.requested, maxParents);
        auto page = ws.page(filter, ScenarioSort{}, PageCursor{}, wanted);
        if (!page)
            return CommandParser::fail(page.error().message);
        for (const ScenarioRow &row : std::as_const(*page))
            spec.parents.append(row.rowId);
    }

    // The job: the one named, an unfinished identical one, or a new one.
    GenerationJob job;
    bool resumed = false;
    if (resumeId > 0) {
        auto found = jobs.job(resumeId);
        if (!found)
            return CommandParser::fail(found.error().message);
        job = *found;
        resumed = true;
    } else {
        auto planned = GenerationJobPlanner::plan(spec, ws);
        if (!planned)
            return CommandParser::fail(planned.error().message);
        auto unfinished = parser.isSet(fresh) ? Result<std::optional<GenerationJob>>(std::nullopt)
                                              : jobs.unfinishedWithKey(planned->requestKey);
        if (!unfinished)
            return CommandParser::fail(unfinished.error().message);
        if (*unfinished && !((*unfinished)->state == JobState::Running
                             && GenerationJobExecutor::processAlive((*unfinished)->ownerPid))) {
            job = **unfinished;
            resumed = true;
        } else {
            auto created = GenerationJobPlanner::registerPlanned(*planned, ws);
            if (!created)
                return CommandParser::fail(created.error().message);
            job = *created;
        }
    }
    if (resumed)
        std::fprintf(stderr, "%s\n", qPrintable(tr("kairix: resuming job %1 (%2 of %3 items done)")
                                                    .arg(job.id).arg(job.itemsDone).arg(job.itemsTotal)));

    GenerationJobExecutor executor(ws.path(), job.id);
    if (stderrIsTerminal()) {
        executor.setUpdateCallback([](const GenerationJob &j) {
            std::fprintf(stderr, "\r%s", qPrintable(tr("job %1: %2/%3 items, %4 scenarios, %5 failed")
                                                        .arg(j.id).arg(j.itemsDone + j.itemsFailed).arg(j.itemsTotal)
                                                        .arg(j.generated).arg(j.itemsFailed)));
        });
    }
    interruptTarget.store(&executor);
    std::signal(SIGINT, pauseOnInterrupt);
    std::signal(SIGTERM, pauseOnInterrupt);
    QElapsedTimer clock;
    clock.start();
    const Result<GenerationJob> outcome = executor.run();
    const double seconds = clock.nsecsElapsed() / 1e9;
    interruptTarget.store(nullptr);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (stderrIsTerminal())
        std::fputc('\n', stderr);
    if (!outcome)
        return CommandParser::fail(outcome.error().message);
    const GenerationJob &end = *outcome;

    if (parser.isSet(json)) {
        Json out = Json::object();
        out["job_id"] = end.id;
        out["dataset_id"] = end.datasetId;
        out["generated"] = end.generated;
        out["failed"] = end.itemsFailed;
        out["seconds"] = seconds;
        out["state"] = ss(jobStateKey(end.state));
        out["resumed"] = resumed;
        out["requested"] = end.requested;
        out["items_total"] = end.itemsTotal;
        out["prompt_tokens"] = end.promptTokens;
        out["completion_tokens"] = end.completionTokens;
        printJson(out);
    } else {
        printLine(tr("Job %1 %2: %3 of %4 scenarios in dataset %5, %6 item(s) failed, %7 s.")
                      .arg(end.id).arg(jobStateLabel(end.state).toLower()).arg(end.generated).arg(end.requested)
                      .arg(end.datasetId).arg(end.itemsFailed).arg(seconds, 0, 'f', 2));
    }
    switch (end.state) {
    case JobState::Completed:
        if (end.itemsFailed == 0)
            return CommandParser::Done;
        return CommandParser::fail(tr("job %1: %2 of %3 items failed (last: %4); run the same command again to retry them")
                        .arg(end.id).arg(end.itemsFailed).arg(end.itemsTotal).arg(end.error));
    case JobState::Paused:
    case JobState::Cancelled:
        return CommandParser::fail(tr("job %1 %2 with %3 of %4 items done; run the same command again to resume it")
                        .arg(end.id).arg(jobStateLabel(end.state).toLower()).arg(end.itemsDone).arg(end.itemsTotal));
    default:
        return CommandParser::fail(tr("job %1 failed: %2").arg(end.id).arg(end.error));
    }
}

int GenerateCommand::runJobs(const QStringList &args, const StoreOpener &openStore)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List the generation jobs of the workspace, or show one job's log."));
    parser.addPositionalArgument(QStringLiteral("log"), tr("`log ID`: the log of job ID."), QStringLiteral("[log ID]"));
    const QCommandLineOption json(jsonOption, tr("Print the result as JSON."));
    parser.addOption(json);
    int exitCode = CommandParser::Done;
    if (!CommandParser::parse(parser, QStringLiteral("jobs"), args, exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    qint64 logId = 0;
    if (!positional.isEmpty()) {
        bool ok = false;
        if (positional.size() != 2 || positional.first() != QLatin1String("log")
            || (logId = positional.at(1).toLongLong(&ok), !ok))
            return CommandParser::usageError(tr("jobs takes no argument, or `log ID`"));
    }
    auto store = openStore();
    if (!store)
        return CommandParser::fail(store.error().message);
    JobStore jobs(**store);

    if (logId > 0) {
        if (auto j = jobs.job(logId); !j)
            return CommandParser::fail(j.error().message);
        auto entries = jobs.logEntries(logId);
        if (!entries)
            return CommandParser::fail(entries.error().message);
        Json out = Json::array();
        for (const JobLogEntry &e : std::as_const(*entries)) {
            if (parser.isSet(json)) {
                out.push_back({{"at", ss(e.at.toString(Qt::ISODateWithMs))}, {"level", ss(e.level)},
                               {"item", e.item}, {"message", ss(e.message)}});
            } else {
                printLine(QStringLiteral("%1  %2  %3%4").arg(e.at.toString(Qt::ISODate), e.level.leftJustified(7),
                                                            e.item >= 0 ? tr("item %1: ").arg(e.item) : QString(),
                                                            e.message));
            }
        }
        if (parser.isSet(json))
            printJson(out);
        return CommandParser::Done;
    }

    auto all = jobs.jobs();
    if (!all)
        return CommandParser::fail(all.error().message);
    if (parser.isSet(json)) {
        Json out = Json::array();
        for (const GenerationJob &j : std::as_const(*all))
            out.push_back(j.toJson());
        printJson(out);
        return CommandParser::Done;
    }
    printLine(tr("  ID  State      Generator     Backend  Items        Scenarios  Failed  Dataset"));
    for (const GenerationJob &j : std::as_const(*all)) {
        printLine(QStringLiteral("%1  %2 %3 %4 %5 %6 %7 %8")
                      .arg(j.id, 4)
                      .arg(jobStateKey(j.state), -10)
                      .arg(j.generator, -13)
                      .arg(j.backend, -8)
                      .arg(QStringLiteral("%1/%2").arg(j.itemsDone).arg(j.itemsTotal), -12)
                      .arg(j.generated, 9)
                      .arg(j.itemsFailed, 7)
                      .arg(j.datasetId, 8));
    }
    return CommandParser::Done;
}
