// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "qc/agreement.h"
#include "qc/thresholdcalibration.h"
#include "store/qualitystore.h"
#include "util/cancellation.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QMap>

#include <optional>

namespace kx {

/**
 * The quality-control figures of a workspace at one threshold, for `kairix qc`
 * and the QC view: the gate's counts on the effective scores, and, against the
 * human verdicts, precision / recall / F1 of "auto keep", the curve over
 * thresholds, the suggested threshold, Cohen's kappa between the automatic
 * gate and the reviewers (pooled, and per reviewer), and agreement between
 * reviewers where several reviewed one scenario (Fleiss' kappa when every
 * such scenario has the same number of reviewers, else Krippendorff's alpha).
 *
 * Calibration compares each verdict (accept = keep, reject = reject; skips do
 * not count) with the *automatic* overall score, never the effective one:
 * the effective score already contains the reviewers' own scores, and
 * comparing them with themselves would flatter the gate.
 *
 * A value type, built on the thread that uses the store.
 */
struct QcReport
{
    Q_DECLARE_TR_FUNCTIONS(kx::QcReport)

public:
    /** One reviewer's verdicts beside the automatic gate. */
    struct ReviewerFigures
    {
        int verdicts = 0;
        int keeps = 0;
        std::optional<double> kappaVsAuto;
    };

    double threshold = QualityScores::defaultThreshold;
    QualityStore::GateCounts gate;
    qint64 newlyScored = 0;                 ///< scenarios scored by this build() (they had no automatic scores)
    int reviewedScenarios = 0;
    int verdicts = 0;
    int humanKeeps = 0;
    ThresholdCalibration::Point atThreshold;
    std::optional<double> suggestedThreshold;
    std::optional<ThresholdCalibration::Point> atSuggested;
    QList<ThresholdCalibration::Point> curve;
    std::optional<double> autoVsHumanKappa; ///< every verdict against the gate at @ref threshold
    QMap<QString, ReviewerFigures> byReviewer;
    int multiReviewed = 0;                  ///< scenarios with verdicts from 2+ reviewers
    std::optional<Agreement::MultiRater> interReviewer;
    QList<AdoptedThreshold> adopted;        ///< newest first

    /**
     * Scores what has no automatic scores yet (reporting progress through
     * @p control), then computes everything at @p threshold, or at the newest
     * adopted threshold (else 0.7) when it is nullopt.
     */
    static Result<QcReport> build(QualityStore &store, std::optional<double> threshold, const WorkControl &control = {});

    /** For `kairix qc --json`; the curve only when @p withCurve. */
    Json toJson(bool withCurve = false) const;
};

} // namespace kx
