// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/testscenario.h"
#include "qc/qualityscores.h"
#include "util/cancellation.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>

#include <optional>

namespace kx {

class WorkspaceStore;

/** One human verdict as the QC statistics read it. */
struct ReviewVerdict
{
    QString reviewer;
    bool keep = false;      ///< accepted (true) or rejected (false); skips are not verdicts
};

/** A scenario that has at least one human verdict, with its automatic and effective scores. */
struct ReviewedScenario
{
    qint64 rowId = 0;
    QualityScores automatic;        ///< the AutoScorer's
    QualityScores effective;        ///< per criterion: the mean human score where there is one, else automatic
    QList<ReviewVerdict> verdicts;  ///< by reviewer name order
};

/** A threshold a lead adopted for the gate. */
struct AdoptedThreshold
{
    qint64 id = 0;
    double threshold = QualityScores::defaultThreshold;
    QString adoptedBy;
    QDateTime adoptedAt;            ///< UTC
    Json figures = Json::object();  ///< what it was chosen on (F1, kappa, counts…)
};

/**
 * The quality-control side of a workspace (schema v5): automatic scores
 * (table quality_scores), the human verdicts and scores they are compared
 * with (human_reviews, kept in step by every scenario write), and the
 * thresholds leads adopted (qc_thresholds).
 *
 * Effective score (issue 6: "human scores feed the threshold"): for each
 * criterion the mean of the reviewers' scores where at least one reviewer
 * gave one, else the automatic score; the gate keeps a scenario when the
 * mean of the four effective scores is above the threshold.
 *
 * Ownership and threads: works on a WorkspaceStore that must outlive it and
 * follows its rules (one thread at a time).
 */
class QualityStore final
{
    Q_DECLARE_TR_FUNCTIONS(kx::QualityStore)
    Q_DISABLE_COPY_MOVE(QualityStore)

public:
    explicit QualityStore(WorkspaceStore &store) : m_store(store) {}

    /** "autoscorer-<version>": what quality_scores.scorer holds for the current heuristics. */
    static QString scorerName();

    /**
     * Scores every scenario that has no automatic scores from the current
     * scorer, in transactions of a few thousand rows, reporting (done, total)
     * and stopping between batches when cancelled (what was scored stays).
     * Returns how many it scored.
     */
    Result<qint64> scoreMissing(const WorkControl &control = {});
    /**
     * Up to @p limit scenarios without scores from @p scorer (an LLM judge's
     * "judge:<model>"), in row order, for judging.
     */
    Result<QList<std::pair<qint64, TestScenario>>> unscoredBy(const QString &scorer, int limit) const;
    /**
     * Stores @p scores as scenario @p rowId's automatic scores from @p scorer,
     * replacing the heuristic ones: a judge's scores count in the gate, and
     * scoreMissing() leaves a judged scenario alone.
     */
    Result<void> putScores(qint64 rowId, const QualityScores &scores, const QString &scorer);
    /** The automatic scores of one scenario, if it was scored. */
    Result<std::optional<QualityScores>> automaticScores(qint64 rowId) const;

    /** Scenarios, scenarios with automatic scores, and those whose effective score passes @p threshold. */
    struct GateCounts
    {
        qint64 scenarios = 0;
        qint64 scored = 0;
        qint64 kept = 0;
    };
    Result<GateCounts> gate(double threshold) const;

    /** Every scored scenario with at least one accept or reject, in row order. */
    Result<QList<ReviewedScenario>> reviewed() const;

    /** Records @p threshold as adopted by @p who now, with the @p figures it was chosen on. */
    Result<AdoptedThreshold> adoptThreshold(double threshold, const QString &who, const Json &figures);
    /** Every adopted threshold, newest first. */
    Result<QList<AdoptedThreshold>> thresholds() const;
    /** The newest adopted threshold, else the seed's 0.7. */
    Result<double> currentThreshold() const;

private:
    WorkspaceStore &m_store;
};

} // namespace kx
