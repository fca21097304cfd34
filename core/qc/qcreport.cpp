// SPDX-License-Identifier: GPL-3.0-or-later
#include "qcreport.h"

namespace kx {

namespace {

Json optionalNumber(const std::optional<double> &v)
{
    return v ? Json(*v) : Json(nullptr);
}

Json pointJson(const ThresholdCalibration::Point &p)
{
    return Json{{"threshold", p.threshold},     {"true_keeps", p.trueKeeps},   {"false_keeps", p.falseKeeps},
                {"false_rejects", p.falseRejects}, {"true_rejects", p.trueRejects}, {"precision", p.precision},
                {"recall", p.recall},           {"f1", p.f1},                  {"keep_rate", p.keepRate},
                {"false_keep_rate", p.falseKeepRate}};
}

} // namespace

Result<QcReport> QcReport::build(QualityStore &store, std::optional<double> threshold, const WorkControl &control)
{
    QcReport report;
    auto scored = store.scoreMissing(control);
    if (!scored)
        return scored.error();
    report.newlyScored = *scored;
    auto adopted = store.thresholds();
    if (!adopted)
        return adopted.error();
    report.adopted = *adopted;
    report.threshold = threshold ? *threshold
                                 : (adopted->isEmpty() ? QualityScores::defaultThreshold : adopted->constFirst().threshold);
    auto gate = store.gate(report.threshold);
    if (!gate)
        return gate.error();
    report.gate = *gate;

    auto reviewed = store.reviewed();
    if (!reviewed)
        return reviewed.error();
    report.reviewedScenarios = int(reviewed->size());
    QList<ThresholdCalibration::Sample> samples;
    QList<int> autoLabels;
    QList<int> humanLabels;
    QMap<QString, std::pair<QList<int>, QList<int>>> perReviewer; // reviewer → (auto labels, human labels)
    QList<QList<int>> counts;                                      // per multi-reviewed scenario: {rejects, keeps}
    for (const ReviewedScenario &r : std::as_const(*reviewed)) {
        const int autoKeep = QualityScores::passes(r.automatic, report.threshold) ? 1 : 0;
        int keeps = 0;
        for (const ReviewVerdict &v : r.verdicts) {
            samples.append({r.automatic.overall(), v.keep});
            autoLabels.append(autoKeep);
            humanLabels.append(v.keep ? 1 : 0);
            auto &[a, h] = perReviewer[v.reviewer];
            a.append(autoKeep);
            h.append(v.keep ? 1 : 0);
            keeps += v.keep ? 1 : 0;
        }
        report.verdicts += int(r.verdicts.size());
        report.humanKeeps += keeps;
        if (r.verdicts.size() >= 2) {
            ++report.multiReviewed;
            counts.append({int(r.verdicts.size()) - keeps, keeps});
        }
    }
    const ThresholdCalibration calibration(samples);
    report.curve = calibration.curve();
    report.atThreshold = calibration.pointAt(report.threshold);
    report.suggestedThreshold = calibration.suggestedThreshold();
    if (report.suggestedThreshold)
        report.atSuggested = calibration.pointAt(*report.suggestedThreshold);
    report.autoVsHumanKappa = Agreement::cohensKappa(autoLabels, humanLabels);
    for (auto it = perReviewer.cbegin(); it != perReviewer.cend(); ++it) {
        ReviewerFigures f;
        f.verdicts = int(it->second.size());
        f.keeps = int(std::count(it->second.cbegin(), it->second.cend(), 1));
        f.kappaVsAuto = Agreement::cohensKappa(it->first, it->second);
        report.byReviewer.insert(it.key(), f);
    }
    report.interReviewer = Agreement::reviewerAgreement(counts);
    return report;
}

Json QcReport::toJson(bool withCurve) const
{
    Json j = Json::object();
    j["threshold"] = threshold;
    j["scenarios"] = gate.scenarios;
    j["scored"] = gate.scored;
    j["newly_scored"] = newlyScored;
    j["auto_keep"] = gate.kept;
    j["keep_rate"] = gate.scored > 0 ? double(gate.kept) / double(gate.scored) : 0.0;
    j["reviewed"] = reviewedScenarios;
    j["verdicts"] = verdicts;
    j["human_keep"] = humanKeeps;
    j["human_reject"] = verdicts - humanKeeps;
    j["at_threshold"] = pointJson(atThreshold);
    j["suggested_threshold"] = optionalNumber(suggestedThreshold);
    j["at_suggested"] = atSuggested ? pointJson(*atSuggested) : Json(nullptr);
    Json agreement = Json::object();
    agreement["auto_vs_human_kappa"] = optionalNumber(autoVsHumanKappa);
    Json reviewers = Json::object();
    for (auto it = byReviewer.cbegin(); it != byReviewer.cend(); ++it)
        reviewers[ss(it.key())] = Json{{"verdicts", it->verdicts}, {"keeps", it->keeps},
                                       {"kappa_vs_auto", optionalNumber(it->kappaVsAuto)}};
    agreement["reviewers"] = std::move(reviewers);
    agreement["multi_reviewed"] = multiReviewed;
    if (interReviewer) {
        agreement["inter_reviewer"] = Json{
            {"method", interReviewer->method == Agreement::MultiRater::Method::FleissKappa ? "fleiss_kappa" : "krippendorff_alpha"},
            {"value", interReviewer->value},
            {"items", interReviewer->items}};
    } else {
        agreement["inter_reviewer"] = nullptr;
    }
    j["agreement"] = std::move(agreement);
    Json history = Json::array();
    for (const AdoptedThreshold &a : adopted)
        history.push_back(Json{{"threshold", a.threshold}, {"by", ss(a.adoptedBy)},
                               {"at", ss(a.adoptedAt.toString(Qt::ISODateWithMs))}});
    j["adopted"] = std::move(history);
    if (withCurve) {
        Json points = Json::array();
        for (const auto &p : curve)
            points.push_back(pointJson(p));
        j["curve"] = std::move(points);
    }
    return j;
}

} // namespace kx
