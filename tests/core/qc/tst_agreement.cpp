// SPDX-License-Identifier: GPL-3.0-or-later
#include "qc/agreement.h"

#include <QTest>

#include <optional>

using namespace kx;

using Labels = QList<int>;
using CountTable = QList<QList<int>>;
using Units = QList<QList<double>>;
using OptionalReal = std::optional<double>;
Q_DECLARE_METATYPE(OptionalReal)

namespace {

/** Labels for @p n items: the same label @p label repeated. */
Labels repeat(int label, int n)
{
    return Labels(n, label);
}

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C
 * (nominal data, 4 coders, 12 units, missing values): rows are coders A–D,
 * columns units 1–12, nullopt where a coder gave no value.
 */
QList<QList<std::optional<double>>> krippendorff2011()
{
    const std::nullopt_t _ = std::nullopt;
    return {
        {1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3},
        {_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _},
    };
}

/**
 * The worked example of Fleiss' kappa (10 subjects, 14 raters each, 5
 * categories) used in most textbook presentations of the statistic.
 */
CountTable fleissWorkedExample()
{
    return {
        {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
        {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
    };
}

void compareOptional(const OptionalReal &actual, const OptionalReal &expected)
{
    QCOMPARE(actual.has_value(), expected.has_value());
    if (expected)
        QVERIFY2(qAbs(*actual - *expected) < 1e-12,
                 qPrintable(QStringLiteral("got %1, expected %2").arg(*actual, 0, 'g', 17).arg(*expected, 0, 'g', 17)));
}

} // namespace

class TestAgreement final : public QObject
{
    Q_OBJECT

private slots:
    void cohen_data();
    void cohen();
    void fleiss_data();
    void fleiss();
    void alpha_data();
    void alpha();
    void alphaMatrixMatchesUnits();
    void reviewerAgreementPicksTheMethod();
};

void TestAgreement::cohen_data()
{
    QTest::addColumn<Labels>("a");
    QTest::addColumn<Labels>("b");
    QTest::addColumn<OptionalReal>("expected");

    // The classic 2×2 example (50 items, 1 = yes / keep, 0 = no / reject):
    //            B yes  B no
    //   A yes     20     5      A: 25 yes, 25 no
    //   A no      10    15      B: 30 yes, 20 no
    // pₒ = (20 + 15)/50 = 0.7; pₑ = (25·30 + 25·20)/50² = 1250/2500 = 0.5;
    // κ = (0.7 − 0.5)/(1 − 0.5) = 0.4.
    Labels a = repeat(1, 20) + repeat(1, 5) + repeat(0, 10) + repeat(0, 15);
    Labels b = repeat(1, 20) + repeat(0, 5) + repeat(1, 10) + repeat(0, 15);
    QTest::newRow("2x2 textbook") << a << b << OptionalReal(0.4);

    // Three categories, 10 items: agreements on items 1, 2, 5, 8, 9 → pₒ = 5/10.
    // A counts: 0→3, 1→4, 2→3; B counts: 0→4 (items 1,2,4,7), 1→3 (3,5,10), 2→3 (6,8,9);
    // n²pₑ = 3·4 + 4·3 + 3·3 = 33, so κ = (10·5 − 33)/(100 − 33) = 17/67.
    QTest::newRow("three labels") << Labels{0, 0, 0, 1, 1, 1, 1, 2, 2, 2}
                                  << Labels{0, 0, 1, 0, 1, 2, 0, 2, 2, 1} << OptionalReal(17.0 / 67.0);

    QTest::newRow("perfect") << Labels{1, 0, 1, 1} << Labels{1, 0, 1, 1} << OptionalReal(1.0);
    // Complete disagreement with balanced marginals: pₒ = 0, pₑ = 0.5, κ = −1.
    QTest::newRow("opposite") << Labels{1, 0, 1, 0} << Labels{0, 1, 0, 1} << OptionalReal(-1.0);
    // Each rater uses one label, but not the same one: pₒ = 0, pₑ = 0, κ = 0.
    QTest::newRow("disjoint constant raters") << Labels{1, 1, 1} << Labels{0, 0, 0} << OptionalReal(0.0);
    // Undefined: pₑ = 1 when both use one and the same label.
    QTest::newRow("one category only") << Labels{1, 1, 1} << Labels{1, 1, 1} << OptionalReal();
    QTest::newRow("empty") << Labels{} << Labels{} << OptionalReal();
    QTest::newRow("length mismatch") << Labels{1, 0} << Labels{1} << OptionalReal();
}

void TestAgreement::cohen()
{
    QFETCH(Labels, a);
    QFETCH(Labels, b);
    QFETCH(OptionalReal, expected);
    compareOptional(Agreement::cohensKappa(a, b), expected);
    // Kappa is symmetric in the two raters.
    compareOptional(Agreement::cohensKappa(b, a), expected);
}

void TestAgreement::fleiss_data()
{
    QTest::addColumn<CountTable>("counts");
    QTest::addColumn<OptionalReal>("expected");

    // N = 10, n = 14, T = N·n = 140.
    // Column totals 20, 28, 39, 21, 32 → pⱼ = 1/7, 1/5, 39/140, 3/20, 8/35;
    // P̄ₑ = Σ pⱼ² = (400 + 784 + 1521 + 441 + 1024)/140² = 4170/19600 = 417/1960 ≈ 0.21276.
    // Pᵢ = (Σⱼ nᵢⱼ² − 14)/(14·13): 1, 23/91, 4/13, 40/91, 30/91, 6/13, 22/91, 16/91, 2/7, 2/7
    // (row 2: 0+4+36+16+4 = 60, (60 − 14)/182 = 46/182 = 23/91); P̄ = 172/455 ≈ 0.37802.
    // κ = (172/455 − 417/1960)/(1 − 417/1960) = 4211/20059 ≈ 0.209931.
    QTest::newRow("worked example 10x14x5") << fleissWorkedExample() << OptionalReal(4211.0 / 20059.0);

    // Three items, 3 raters, 2 categories: rows (3,0), (0,3), (2,1).
    // Pᵢ = (9 − 3)/6 = 1, 1, (4 + 1 − 3)/6 = 1/3 → P̄ = 7/9.
    // Column totals 5, 4 of T = 9 → P̄ₑ = (25 + 16)/81 = 41/81.
    // κ = (63/81 − 41/81)/(40/81) = 22/40 = 0.55.
    QTest::newRow("small 3x3x2") << CountTable{{3, 0}, {0, 3}, {2, 1}} << OptionalReal(0.55);
    // Same, plus two items with a single rating: left out, same result.
    QTest::newRow("single ratings ignored")
        << CountTable{{3, 0}, {0, 1}, {0, 3}, {1, 0}, {2, 1}} << OptionalReal(0.55);

    QTest::newRow("perfect") << CountTable{{2, 0}, {0, 2}} << OptionalReal(1.0);
    QTest::newRow("varying raters") << CountTable{{3, 0}, {0, 2}} << OptionalReal();
    QTest::newRow("one category only") << CountTable{{3, 0}, {3, 0}} << OptionalReal();
    QTest::newRow("no item with two ratings") << CountTable{{1, 0}, {0, 1}} << OptionalReal();
    QTest::newRow("ragged rows") << CountTable{{1, 1}, {2}} << OptionalReal();
    QTest::newRow("negative") << CountTable{{3, -1}, {1, 1}} << OptionalReal();
    QTest::newRow("empty") << CountTable{} << OptionalReal();
}

void TestAgreement::fleiss()
{
    QFETCH(CountTable, counts);
    QFETCH(OptionalReal, expected);
    compareOptional(Agreement::fleissKappa(counts), expected);
}

void TestAgreement::alpha_data()
{
    QTest::addColumn<Units>("units");
    QTest::addColumn<int>("metric");
    QTest::addColumn<OptionalReal>("expected");

    // Krippendorff (2011) section C, values per unit (unit 12 has a single value: not pairable):
    //   1:{1,1,1} 2:{2,2,3,2} 3:{3,3,3,3} 4:{3,3,3,3} 5:{2,2,2,2} 6:{1,2,3,4}
    //   7:{4,4,4,4} 8:{1,1,2,1} 9:{2,2,2,2} 10:{5,5,5} 11:{1,1} 12:{3}
    // n = 40 pairable values; n₁..n₅ = 9, 13, 10, 5, 3.
    const Units k2011{{1, 1, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3}, {2, 2, 2, 2}, {1, 2, 3, 4},
                      {4, 4, 4, 4}, {1, 1, 2, 1}, {2, 2, 2, 2}, {5, 5, 5}, {1, 1}, {3}};
    // Nominal. Disagreeing ordered pairs / (m_u − 1): unit 2: 6/3 = 2, unit 6: 12/3 = 4,
    // unit 8: 6/3 = 2 → Dₒ = 8/40 = 1/5.
    // Dₑ = (40² − (81 + 169 + 100 + 25 + 9))/(40·39) = (1600 − 384)/1560 = 152/195.
    // α = 1 − (1/5)/(152/195) = 1 − 39/152 = 113/152 ≈ 0.743 (the paper's 0.743).
    QTest::newRow("Krippendorff 2011 nominal") << k2011 << int(Agreement::Metric::Nominal)
                                               << OptionalReal(113.0 / 152.0);
    // Interval. Σ_{i≠j}(a − b)² / (m_u − 1): unit 2: 6/3 = 2; unit 6: 2·(1+4+9+1+4+1)/3 = 40/3;
    // unit 8: 6/3 = 2 → Dₒ = (52/3)/40 = 13/30.
    // All 40 values: Σx = 100, mean 2.5, Σx² = 306, Σ(x − 2.5)² = 306 − 250 = 56;
    // Σ_{i≠j}(a − b)² = 2·40·56 = 4480 → Dₑ = 4480/1560 = 112/39.
    // α = 1 − (13/30)/(112/39) = 1 − 507/3360 = 951/1120 ≈ 0.849 (the paper's 0.849).
    QTest::newRow("Krippendorff 2011 interval") << k2011 << int(Agreement::Metric::Interval)
                                                << OptionalReal(951.0 / 1120.0);

    // 0–1 scores of two reviewers on three scenarios: {0.2,0.4}, {0.6,0.6}, {1.0,0.8}.
    // Dₒ = (1/6)·[2·0.04 + 0 + 2·0.04]/1 = 0.16/6.
    // All six: mean 0.6, Σ(x − 0.6)² = 0.16+0.04+0+0+0.16+0.04 = 0.4 → Σ_{i≠j} = 2·6·0.4 = 4.8,
    // Dₑ = 4.8/30 = 0.16. α = 1 − (0.16/6)/0.16 = 5/6.
    QTest::newRow("interval scores") << Units{{0.2, 0.4}, {0.6, 0.6}, {1.0, 0.8}}
                                     << int(Agreement::Metric::Interval) << OptionalReal(5.0 / 6.0);
    // NaN is a missing value: same as above.
    QTest::newRow("NaN is missing") << Units{{0.2, 0.4, qQNaN()}, {0.6, 0.6}, {1.0, 0.8}, {qQNaN(), 0.5}}
                                    << int(Agreement::Metric::Interval) << OptionalReal(5.0 / 6.0);

    QTest::newRow("perfect nominal") << Units{{1, 1}, {0, 0, 0}} << int(Agreement::Metric::Nominal)
                                     << OptionalReal(1.0);
    QTest::newRow("one value only") << Units{{1, 1}, {1, 1, 1}} << int(Agreement::Metric::Nominal)
                                    << OptionalReal();
    QTest::newRow("one value only interval") << Units{{0.7, 0.7}, {0.7, 0.7}}
                                             << int(Agreement::Metric::Interval) << OptionalReal();
    QTest::newRow("nothing pairable") << Units{{1}, {0}, {}} << int(Agreement::Metric::Nominal)
                                      << OptionalReal();
    QTest::newRow("empty") << Units{} << int(Agreement::Metric::Interval) << OptionalReal();
}

void TestAgreement::alpha()
{
    QFETCH(Units, units);
    QFETCH(int, metric);
    QFETCH(OptionalReal, expected);
    compareOptional(Agreement::krippendorffAlpha(units, Agreement::Metric(metric)), expected);
}

void TestAgreement::alphaMatrixMatchesUnits()
{
    // The coder × unit table of the paper gives the same alphas as the per-unit lists above.
    compareOptional(Agreement::krippendorffAlphaMatrix(krippendorff2011(), Agreement::Metric::Nominal),
                    113.0 / 152.0);
    compareOptional(Agreement::krippendorffAlphaMatrix(krippendorff2011(), Agreement::Metric::Interval),
                    951.0 / 1120.0);
    // A short row is missing data, not an error.
    compareOptional(Agreement::krippendorffAlphaMatrix({{0.2, 0.6, 1.0}, {0.4, 0.6, 0.8}, {std::nullopt}},
                                                       Agreement::Metric::Interval),
                    5.0 / 6.0);
    compareOptional(Agreement::krippendorffAlphaMatrix({}, Agreement::Metric::Nominal), std::nullopt);
}

void TestAgreement::reviewerAgreementPicksTheMethod()
{
    // Equal raters per item: Fleiss' kappa, items with a single rating not counted.
    auto r = Agreement::reviewerAgreement({{3, 0}, {0, 1}, {0, 3}, {2, 1}});
    QVERIFY(r);
    QCOMPARE(r->method, Agreement::MultiRater::Method::FleissKappa);
    QCOMPARE(r->items, 3);
    QVERIFY(qAbs(r->value - 0.55) < 1e-12);

    // Varying raters: nominal alpha over the per-item counts. Units {0,0,0}, {1,1}, {0,0,1}:
    // n = 8, n₀ = 5, n₁ = 3. Dₒ: only unit 3 disagrees, (9 − 4 − 1)/2 = 2 → Dₒ = 2/8.
    // Dₑ = (64 − 25 − 9)/(8·7) = 30/56. α = 1 − (1/4)/(30/56) = 1 − 14/30 = 8/15.
    r = Agreement::reviewerAgreement({{3, 0}, {0, 2}, {2, 1}});
    QVERIFY(r);
    QCOMPARE(r->method, Agreement::MultiRater::Method::KrippendorffAlpha);
    QCOMPARE(r->items, 3);
    QVERIFY(qAbs(r->value - 8.0 / 15.0) < 1e-12);
    // The same data as value lists agree.
    compareOptional(Agreement::krippendorffAlpha({{0, 0, 0}, {1, 1}, {0, 0, 1}}, Agreement::Metric::Nominal),
                    8.0 / 15.0);

    QVERIFY(!Agreement::reviewerAgreement({{2, 0}, {3, 0}}));
    QVERIFY(!Agreement::reviewerAgreement({}));
}

QTEST_GUILESS_MAIN(TestAgreement)
#include "tst_agreement.moc"
