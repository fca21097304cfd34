// SPDX-License-Identifier: GPL-3.0-or-later
#include "qccommand.h"

#include "commandparser.h"
#include "qc/qcreport.h"
#include "settings/settings.h"
#include "util/jsonqt.h"

#include <QCommandLineParser>
#include <QDir>

using namespace kx;

namespace {
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
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result as JSON."));
    parser.addOptions({threshold, adopt, reviewer, curve, json});
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

    auto store = openStore();
    if (!store)
        return CommandParser::fail(store.error().message);
    QualityStore quality(**store);
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
