// SPDX-License-Identifier: GPL-3.0-or-later
#include "qc/thresholdcalibration.h"

#include <QTest>

using namespace kx;
using Sample = ThresholdCalibration::Sample;

namespace {

/**
 * Ten verdicts, five human keeps (K) and five rejects (R):
 *   0.95 K, 0.90 K, 0.80 R, 0.75 K, 0.70 K, 0.65 R, 0.60 K, 0.50 R, 0.40 R, 0.30 R.
 */
QList<Sample> planted()
{
    return {{0.95, true}, {0.90, true}, {0.80, false}, {0.75, true}, {0.70, true},
            {0.65, false}, {0.60, true}, {0.50, false}, {0.40, false}, {0.30, false}};
}

} // namespace

class TestThresholdCalibration final : public QObject
{
    Q_OBJECT

private slots:
    void pointAt_data();
    void pointAt();
    void curveIsThePercentGrid();
    void distinctScoreGrid();
    void suggestedPrefersTheStricterTie();
    void suggestedRecoversAPlantedCut_data();
    void suggestedRecoversAPlantedCut();
    void undefinedSuggestions();
    void nonFiniteScoresAreDropped();
    void effectiveScores();
};

void TestThresholdCalibration::pointAt_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<int>("tk");
    QTest::addColumn<int>("fk");
    QTest::addColumn<int>("fr");
    QTest::addColumn<int>("tr");
    QTest::addColumn<double>("precision");
    QTest::addColumn<double>("recall");
    QTest::addColumn<double>("f1");
    QTest::addColumn<double>("keepRate");
    QTest::addColumn<double>("falseKeepRate");

    // t = 0.70 keeps 0.95K 0.90K 0.80R 0.75K (0.70 itself is not above 0.70):
    // P = 3/4, R = 3/5, F1 = 2·3/(2·3 + 1 + 2) = 6/9, keep rate 4/10, false keeps 1/5.
    QTest::newRow("0.70") << 0.70 << 3 << 1 << 2 << 4 << 0.75 << 0.6 << 6.0 / 9.0 << 0.4 << 0.2;
    // t = 0.62 adds 0.70K and 0.65R: TK 4, FK 2, FR 1 (0.60K), TR 3:
    // P = 4/6, R = 4/5, F1 = 8/(8 + 2 + 1) = 8/11, keep rate 6/10, false keeps 2/5.
    QTest::newRow("0.62") << 0.62 << 4 << 2 << 1 << 3 << 4.0 / 6.0 << 0.8 << 8.0 / 11.0 << 0.6 << 0.4;
    // t = 0.55 keeps all five K and 0.80R, 0.65R: P = 5/7, R = 1, F1 = 10/12, keep rate 0.7, FKR 0.4.
    QTest::newRow("0.55") << 0.55 << 5 << 2 << 0 << 3 << 5.0 / 7.0 << 1.0 << 10.0 / 12.0 << 0.7 << 0.4;
    // t = 0 keeps everything: P = 1/2, R = 1, F1 = 10/15, keep rate 1, FKR 1.
    QTest::newRow("0.00") << 0.0 << 5 << 5 << 0 << 0 << 0.5 << 1.0 << 10.0 / 15.0 << 1.0 << 1.0;
    // t = 0.95 keeps nothing: precision has no auto keep to measure and is 0 by convention.
    QTest::newRow("0.95") << 0.95 << 0 << 0 << 5 << 5 << 0.0 << 0.0 << 0.0 << 0.0 << 0.0;
}

void TestThresholdCalibration::pointAt()
{
    QFETCH(double, threshold);
    QFETCH(int, tk);
    QFETCH(int, fk);
    QFETCH(int, fr);
    QFETCH(int, tr);
    QFETCH(double, precision);
    QFETCH(double, recall);
    QFETCH(double, f1);
    QFETCH(double, keepRate);
    QFETCH(double, falseKeepRate);

    const ThresholdCalibration cal(planted());
    QCOMPARE(cal.sampleCount(), 10);
    QCOMPARE(cal.humanKeeps(), 5);
    const ThresholdCalibration::Point p = cal.pointAt(threshold);
    QCOMPARE(p.threshold, threshold);
    QCOMPARE(p.trueKeeps, tk);
    QCOMPARE(p.falseKeeps, fk);
    QCOMPARE(p.falseRejects, fr);
    QCOMPARE(p.trueRejects, tr);
    QCOMPARE(p.precision, precision);
    QCOMPARE(p.recall, recall);
    QCOMPARE(p.f1, f1);
    QCOMPARE(p.keepRate, keepRate);
    QCOMPARE(p.falseKeepRate, falseKeepRate);
}

void TestThresholdCalibration::curveIsThePercentGrid()
{
    const ThresholdCalibration cal(planted());
    const auto &curve = cal.curve();
    QCOMPARE(curve.size(), 101);
    for (int i = 0; i <= 100; ++i)
        QCOMPARE(curve[i].threshold, i / 100.0);
    // The curve point and pointAt() agree; keep rate and false keeps never rise with the threshold.
    QCOMPARE(curve[70].f1, cal.pointAt(0.70).f1);
    for (int i = 1; i <= 100; ++i) {
        QVERIFY(curve[i].keepRate <= curve[i - 1].keepRate);
        QVERIFY(curve[i].falseKeepRate <= curve[i - 1].falseKeepRate);
    }
}

void TestThresholdCalibration::distinctScoreGrid()
{
    const ThresholdCalibration cal(planted(), ThresholdCalibration::Grid::DistinctScores);
    QList<double> thresholds;
    for (const auto &p : cal.curve())
        thresholds.append(p.threshold);
    QCOMPARE(thresholds, (QList<double>{0.0, 0.30, 0.40, 0.50, 0.60, 0.65, 0.70, 0.75, 0.80, 0.90, 0.95}));
    // F1 by threshold: t < 0.30 → 10/15; 0.30 → 10/14; 0.40 → 10/13; 0.50 → 10/12 (the best);
    // 0.60 → 8/11. So the distinct grid suggests 0.50 itself.
    QCOMPARE(cal.suggestedThreshold(), std::optional<double>(0.50));
}

void TestThresholdCalibration::suggestedPrefersTheStricterTie()
{
    // On the percent grid every t in [0.50, 0.60) has the best F1, 10/12: 0.50 … 0.59 tie,
    // and the tie goes to the stricter (higher) threshold.
    const ThresholdCalibration cal(planted());
    QCOMPARE(cal.curve()[50].f1, 10.0 / 12.0);
    QCOMPARE(cal.curve()[59].f1, 10.0 / 12.0);
    QCOMPARE(cal.curve()[60].f1, 8.0 / 11.0);
    QCOMPARE(cal.suggestedThreshold(), std::optional<double>(0.59));
}

void TestThresholdCalibration::suggestedRecoversAPlantedCut_data()
{
    QTest::addColumn<double>("cut");
    QTest::newRow("0.62") << 0.62;
    QTest::newRow("0.70") << 0.70;
    QTest::newRow("0.45") << 0.45;
}

void TestThresholdCalibration::suggestedRecoversAPlantedCut()
{
    // 131 scores 0.300, 0.305, …, 0.950; humans keep exactly those above the cut.
    // Only t in [cut, cut + 0.005) separates them perfectly (F1 = 1), and on both grids the
    // best such threshold is the cut itself.
    QFETCH(double, cut);
    QList<Sample> samples;
    for (int i = 60; i <= 190; ++i) {
        const double score = i / 200.0;
        samples.append({score, score > cut});
    }
    for (auto grid : {ThresholdCalibration::Grid::Percent, ThresholdCalibration::Grid::DistinctScores}) {
        const ThresholdCalibration cal(samples, grid);
        const auto t = cal.suggestedThreshold();
        QVERIFY(t);
        QVERIFY2(qAbs(*t - cut) < 1e-12, qPrintable(QString::number(*t)));
        QCOMPARE(cal.pointAt(*t).f1, 1.0);
        QCOMPARE(cal.pointAt(*t).falseKeeps, 0);
    }
}

void TestThresholdCalibration::undefinedSuggestions()
{
    const ThresholdCalibration none({});
    QCOMPARE(none.sampleCount(), 0);
    QVERIFY(none.curve().isEmpty());
    QVERIFY(!none.suggestedThreshold());
    // With no human keep there is no true keep at any threshold: no evidence, no suggestion.
    const ThresholdCalibration allRejected({{0.9, false}, {0.4, false}});
    QCOMPARE(allRejected.curve().size(), 101);
    QVERIFY(!allRejected.suggestedThreshold());
    QCOMPARE(allRejected.pointAt(0.5).falseKeepRate, 0.5);
    QCOMPARE(allRejected.pointAt(0.5).recall, 0.0);
    // All kept: perfect F1 below the lowest score (0.40); the strictest such grid point is 0.39.
    const ThresholdCalibration allKept({{0.9, true}, {0.4, true}});
    QCOMPARE(allKept.suggestedThreshold(), std::optional<double>(0.39));
}

void TestThresholdCalibration::nonFiniteScoresAreDropped()
{
    const ThresholdCalibration cal({{qQNaN(), true}, {qInf(), false}, {0.8, true}, {0.2, false}});
    QCOMPARE(cal.sampleCount(), 2);
    QCOMPARE(cal.humanKeeps(), 1);
    for (const auto &p : cal.curve()) {
        QVERIFY(!qIsNaN(p.precision) && !qIsNaN(p.recall) && !qIsNaN(p.f1));
        QVERIFY(!qIsNaN(p.keepRate) && !qIsNaN(p.falseKeepRate));
    }
    // F1 = 1 for t in [0.2, 0.8): the stricter end is 0.79.
    QCOMPARE(cal.suggestedThreshold(), std::optional<double>(0.79));
}

void TestThresholdCalibration::effectiveScores()
{
    const QualityScores autoScores{0.5, 0.6, 0.7, 0.8};
    // No human score: the automatic ones.
    QCOMPARE(ThresholdCalibration::effectiveScores(autoScores, {}), autoScores);
    // Clarity from two reviewers (mean 0.8), realism from one; an out-of-range coverage is ignored.
    const QList<QMap<QualityCriterion, double>> human{
        {{QualityCriterion::Clarity, 0.9}, {QualityCriterion::Realism, 0.2}},
        {{QualityCriterion::Clarity, 0.7}, {QualityCriterion::Coverage, 1.5}},
        {{QualityCriterion::Complexity, qQNaN()}},
    };
    const QualityScores e = ThresholdCalibration::effectiveScores(autoScores, human);
    QCOMPARE(e.clarity, 0.8);
    QCOMPARE(e.complexity, 0.6);
    QCOMPARE(e.coverage, 0.7);
    QCOMPARE(e.realism, 0.2);
    QCOMPARE(e.overall(), (0.8 + 0.6 + 0.7 + 0.2) / 4.0);
}

QTEST_GUILESS_MAIN(TestThresholdCalibration)
#include "tst_thresholdcalibration.moc"
