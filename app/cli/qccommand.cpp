// SPDX-License-Identifier: GPL-3.0-or-later
#include "qccommand.h"

#include "commandparser.h"
#include "generation/apikeysource.h"
#include "generation/openaibackend.h"
#include "qc/llmjudge.h"
#include "qc/qcreport.h"
#include "settings/settings.h"
#include "util/jsonqt.h"

#include <QCommandLineParser>
#include <QDir>
#include <QThreadPool>
#include <QUrl>
#include <QtConcurrent>

#include <cstdio>

using namespace kx;

namespace {

/**
 * Has the LLM judge score up to @p limit scenarios it has not scored, @p concurrency at a time; each
 * result is stored at once. Returns (judged, failed).
 */
Result<std::pair<int, int>> judgeScenarios(QualityStore &quality, const QString &baseUrl, const QString &model,
                                          int limit, int concurrency)
{
    auto key = ApiKeySource::forEndpoint(baseUrl);
    if (!key)
        return key.error();
    ChatEndpoint endpoint;
    endpoint.baseUrl = QUrl(baseUrl);
    endpoint.apiKey = *key;
    endpoint.concurrency = concurrency;
    if (!endpoint.baseUrl.isValid() || !endpoint.baseUrl.scheme().startsWith(QLatin1String("http")))
        return Error::badInput(QcCommand::tr("the base URL \"%1\" is not an http or https URL").arg(baseUrl));
    OpenAiBackend backend(endpoint, model);
    auto judgeTemplate = LlmJudge::builtInTemplate();
    if (!judgeTemplate)
        return judgeTemplate.error();
    const LlmJudge judge(*judgeTemplate, backend);
    auto todo = quality.unscoredBy(judge.scorerName(), limit);
    if (!todo)
        return todo.error();
    // The requests run in parallel; the answers are stored one at a time on this thread's connection.
    QList<QFuture<Result<QualityScores>>> futures;
    QThreadPool pool;
    pool.setMaxThreadCount(concurrency);
    for (const auto &[rowId, scenario] : std::as_const(*todo))
        futures.append(QtConcurrent::run(&pool, [&judge, s = scenario] { return judge.judge(s); }));
    int judged = 0;
    int failed = 0;
    for (int i = 0; i < futures.size(); ++i) {
        const Result<QualityScores> scores = futures[i].result();
        if (!scores) {
            ++failed;
            std::fprintf(stderr, "kairix: %s\n", qPrintable(scores.error().message));
            continue;
        }
        if (auto r = quality.putScores(todo->at(i).first, *scores, judge.scorerName()); !r)
            return r.error();
        ++judged;
    }
    return std::pair{judged, failed};
}

QString figure(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'f', 3) : QStringLiteral("–");
}
} // namespace

int QcCommand::run(const QStringList &args, const StoreOpener &openStore)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Quality control: the automatic gate against the human verdicts."));
    const QCommandLineOption threshold(QStringLiteral("threshold"),
                                       tr("The gate's threshold (default: the adopted one, else 0.7)."), QStringLiteral("T"));
    const QCommandLineOption adopt(QStringLiteral("adopt"), tr("Adopt --threshold, or else the suggested threshold."));
    const QCommandLineOption reviewer(QStringLiteral("reviewer"), tr("Who adopts (default: the login name)."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption curve(QStringLiteral("curve"), tr("Include the curve over thresholds (with --json)."));
    const QCommandLineOption judge(QStringLiteral("judge"),
                                   tr("First have an LLM judge score up to --limit scenarios it has not scored yet "
                                      "(OpenAI-compatible endpoint; its scores replace the heuristic ones)."));
    const QCommandLineOption baseUrl(QStringLiteral("base-url"), tr("The judge's endpoint, e.g. http://127.0.0.1:8000/v1."),
                                     QStringLiteral("URL"));
    const QCommandLineOption model(QStringLiteral("model"), tr("The judge's model."), QStringLiteral("NAME"),
                                   QStringLiteral("gpt-4o-mini"));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("Scenarios to judge at most (default 50)."),
                                   QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"), tr("Judge requests in flight (default 4)."),
                                         QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result as JSON."));
    parser.addOptions({threshold, adopt, reviewer, curve, judge, baseUrl, model, limit, concurrency, json});
    int exitCode = CommandParser::Done;
    if (!CommandParser::parse(parser, QStringLiteral("qc"), args, exitCode))
        return exitCode;
    std::optional<double> t;
    if (parser.isSet(threshold)) {
        bool ok = false;
        t = parser.value(threshold).toDouble(&ok);
        if (!ok || *t < 0 || *t > 1)
            return CommandParser::usageError(tr("--threshold needs a number from 0 to 1"));
    }
    QString who = parser.isSet(reviewer) ? parser.value(reviewer).trimmed() : Settings::reviewerName().value();
    if (who.isEmpty() && !parser.isSet(reviewer))
        who = QDir::home().dirName();

    int judgeLimit = 0;
    int judgeConcurrency = 4;
    if (parser.isSet(judge)) {
        bool okLimit = false;
        bool okConcurrency = false;
        judgeLimit = parser.value(limit).toInt(&okLimit);
        judgeConcurrency = parser.value(concurrency).toInt(&okConcurrency);
        if (!okLimit || judgeLimit < 1 || !okConcurrency || judgeConcurrency < 1)
            return CommandParser::usageError(tr("--limit and --concurrency need numbers ≥ 1"));
        if (!parser.isSet(baseUrl))
            return CommandParser::usageError(tr("--judge needs --base-url URL"));
    }

    auto store = openStore();
    if (!store)
        return CommandParser::fail(store.error().message);
    QualityStore quality(**store);
    if (parser.isSet(judge)) {
        auto judged = judgeScenarios(quality, parser.value(baseUrl), parser.value(model), judgeLimit, judgeConcurrency);
        if (!judged)
            return CommandParser::fail(judged.error().message);
        std::fprintf(stderr, "%s\n", qPrintable(tr("kairix: the judge scored %1 scenario(s), %2 failed")
                                                    .arg(judged->first).arg(judged->second)));
    }
    auto report = QcReport::build(quality, t);
    if (!report)
        return CommandParser::fail(report.error().message);
    if (parser.isSet(adopt)) {
        const std::optional<double> chosen = t ? t : report->suggestedThreshold;
        if (!chosen)
            return CommandParser::fail(tr("there is no suggested threshold yet (no accepted scenario among the verdicts); "
                                          "review more, or give --threshold"));
        // The figures the threshold is adopted on: at the threshold given, else at the suggested one.
        const ThresholdCalibration::Point p = t ? report->atThreshold : report->atSuggested.value_or(report->atThreshold);
        Json figures{{"verdicts", report->verdicts}, {"f1", p.f1}, {"precision", p.precision}, {"recall", p.recall},
                     {"suggested", report->suggestedThreshold ? Json(*report->suggestedThreshold) : Json(nullptr)}};
        auto adopted = quality.adoptThreshold(*chosen, who, figures);
        if (!adopted)
            return CommandParser::fail(adopted.error().message);
        report = QcReport::build(quality, std::nullopt);
        if (!report)
            return CommandParser::fail(report.error().message);
    }
    if (parser.isSet(json)) {
        CommandParser::printLine(qs(dumpCompact(report->toJson(parser.isSet(curve)))));
        return CommandParser::Done;
    }
    const QcReport &r = *report;
    CommandParser::printLine(tr("Threshold %1: the gate keeps %2 of %3 scored scenarios (%4 in the workspace).")
                                 .arg(r.threshold, 0, 'f', 2).arg(r.gate.kept).arg(r.gate.scored).arg(r.gate.scenarios));
    CommandParser::printLine(tr("Verdicts: %1 on %2 scenarios, %3 kept.").arg(r.verdicts).arg(r.reviewedScenarios).arg(r.humanKeeps));
    CommandParser::printLine(tr("Against them at %1: precision %2, recall %3, F1 %4; Cohen's kappa gate vs reviewers %5.")
                                 .arg(r.threshold, 0, 'f', 2)
                                 .arg(r.atThreshold.precision, 0, 'f', 3)
                                 .arg(r.atThreshold.recall, 0, 'f', 3)
                                 .arg(r.atThreshold.f1, 0, 'f', 3)
                                 .arg(figure(r.autoVsHumanKappa)));
    CommandParser::printLine(tr("Suggested threshold: %1%2.")
                                 .arg(figure(r.suggestedThreshold))
                                 .arg(r.atSuggested ? tr(" (F1 %1)").arg(r.atSuggested->f1, 0, 'f', 3) : QString()));
    if (r.interReviewer)
        CommandParser::printLine(tr("Between reviewers (%1 scenarios): %2 %3.")
                                     .arg(r.interReviewer->items)
                                     .arg(r.interReviewer->method == Agreement::MultiRater::Method::FleissKappa
                                              ? tr("Fleiss' kappa") : tr("Krippendorff's alpha"))
                                     .arg(r.interReviewer->value, 0, 'f', 3));
    for (const AdoptedThreshold &a : r.adopted)
        CommandParser::printLine(tr("Adopted %1 by %2 on %3.").arg(a.threshold, 0, 'f', 2).arg(a.adoptedBy, a.adoptedAt.toString(Qt::ISODate)));
    return CommandParser::Done;
}
