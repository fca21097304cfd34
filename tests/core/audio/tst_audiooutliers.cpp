// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/audiochecker.h"
#include "audio/audiooutliers.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace kx;

namespace {

const double noRate = std::numeric_limits<double>::quiet_NaN();

/** A clean clip that says @p rate characters a second. */
AudioCheck withRate(double rate)
{
    AudioCheck c;
    c.seconds = 3.0;
    c.sampleRate = 16000;
    c.channels = 1;
    c.peakDbfs = -3.0;
    c.rmsDbfs = -20.0;
    c.silenceRatio = 0.2;
    c.charsPerSecond = rate;
    return c;
}

QList<AudioCheck> withRates(const QList<double> &rates)
{
    QList<AudioCheck> checks;
    for (double r : rates)
        checks.append(withRate(r));
    return checks;
}

} // namespace

class TestAudioOutliers final : public QObject
{
    Q_OBJECT

private slots:
    void median_data();
    void median();
    void handComputedExample();
    void uniformDatasetHasAFloorSpread();
    void tooFewRatesGiveNoScores();
    void applyClearsAStaleFlag();
    void suspicionWeightedSum();
    void suspicionOrder();
};

void TestAudioOutliers::median_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("median");
    QTest::newRow("one") << QList<double>{3} << 3.0;
    QTest::newRow("odd, unsorted") << QList<double>{5, 1, 3} << 3.0;
    QTest::newRow("even: mean of the middle two") << QList<double>{4, 1, 3, 2} << 2.5;
    QTest::newRow("an outlier does not move it") << QList<double>{1, 1, 1, 100} << 1.0;
    QTest::newRow("negative") << QList<double>{-2, -8, 4} << -2.0;
}

void TestAudioOutliers::median()
{
    QFETCH(QList<double>, values);
    QFETCH(double, median);
    QCOMPARE(AudioOutliers::median(values), median);
    QVERIFY(std::isnan(AudioOutliers::median({})));
}

void TestAudioOutliers::handComputedExample()
{
    // Rates 10 12 13 14 15 16 40: median 14; |x - 14| = 4 2 1 0 1 2 26, sorted 0 1 1 2 2 4 26: MAD 2;
    // scale 1.4826 × 2 = 2.9652 (above the floor 0.05 × 14 = 0.7).
    // z(40) = 26 / 2.9652 = 8.7684…, z(10) = -4 / 2.9652 = -1.3490…
    QList<AudioCheck> checks = withRates({10, 12, 13, 14, 15, 16, 40});
    checks.append(withRate(noRate));                                   // no transcript: not counted
    checks.append(AudioChecker::undecodable(QStringLiteral("x")));  // nothing measured: not counted
    checks.last().charsPerSecond = 99;

    const AudioOutliers::RateStats stats = AudioOutliers::rateStats(checks);
    QCOMPARE(stats.count, 7);
    QCOMPARE(stats.median, 14.0);
    QCOMPARE(stats.mad, 2.0);
    QCOMPARE(stats.scale, 2.9652);

    AudioOutliers::apply(checks);
    QVERIFY(qAbs(checks[6].rateZ - 26.0 / 2.9652) < 1e-12);
    QVERIFY(qAbs(checks[0].rateZ - (-4.0 / 2.9652)) < 1e-12);
    QCOMPARE(checks[3].rateZ, 0.0);
    for (int i = 0; i < checks.size(); ++i)
        QCOMPARE(checks[i].flags.testFlag(AudioCheck::Flag::RateOutlier), i == 6);
    QCOMPARE(checks[7].rateZ, 0.0);
    QCOMPARE(checks[8].rateZ, 0.0);
    QCOMPARE(checks[8].flags, AudioCheck::Flags(AudioCheck::Flag::Undecodable));
}

void TestAudioOutliers::uniformDatasetHasAFloorSpread()
{
    // Median 14.25, MAD 0.15: 1.4826 × 0.15 = 0.2224 would make 15.2 an outlier (z 4.27);
    // the floor 0.05 × 14.25 = 0.7125 gives z = 0.95 / 0.7125 = 1.333…
    QList<AudioCheck> checks = withRates({14, 14.1, 14.2, 14.3, 14.4, 15.2});
    const auto stats = AudioOutliers::rateStats(checks);
    QCOMPARE(stats.median, 14.25);
    QVERIFY(qAbs(stats.mad - 0.15) < 1e-12);
    QVERIFY(qAbs(stats.scale - 0.7125) < 1e-12);
    AudioOutliers::apply(checks);
    QVERIFY(qAbs(checks.last().rateZ - 0.95 / 0.7125) < 1e-9);
    for (const AudioCheck &c : std::as_const(checks))
        QVERIFY(!c.flags.testFlag(AudioCheck::Flag::RateOutlier));
}

void TestAudioOutliers::tooFewRatesGiveNoScores()
{
    QList<AudioCheck> checks = withRates({10, 11, 12, 100});
    QCOMPARE(AudioOutliers::rateStats(checks).scale, 0.0);
    AudioOutliers::apply(checks);
    for (const AudioCheck &c : std::as_const(checks)) {
        QCOMPARE(c.rateZ, 0.0);
        QVERIFY(!c.flags.testFlag(AudioCheck::Flag::RateOutlier));
    }
    QList<AudioCheck> none;
    AudioOutliers::apply(none); // nothing to do, nothing to crash on
}

void TestAudioOutliers::applyClearsAStaleFlag()
{
    QList<AudioCheck> checks = withRates({10, 11, 12, 13, 14});
    checks[2].flags |= AudioCheck::Flag::RateOutlier; // from an earlier run
    AudioOutliers::apply(checks);
    QVERIFY(!checks[2].flags.testFlag(AudioCheck::Flag::RateOutlier));
}

void TestAudioOutliers::suspicionWeightedSum()
{
    AudioCheck c = withRate(14);
    c.flags = AudioCheck::Flag::Clipping;
    c.clippedRatio = 0.005; // half of 10 × the limit: 0.5
    c.silenceRatio = 0.2;   // 0.2
    c.rmsDbfs = -30;        // (-20 - -30) / 40: 0.25
    c.rateZ = -1.75;        // 1.75 / 7: 0.25
    QVERIFY(qAbs(AudioOutliers::suspicion(c) - (10 + 0.5 + 0.2 + 0.25 + 0.25)) < 1e-12);

    c.clippedRatio = 0.5; // every severity saturates at 1
    c.rmsDbfs = -120;
    c.rateZ = 50;
    c.silenceRatio = 1;
    c.flags = AudioCheck::Flag::Clipping | AudioCheck::Flag::Silent;
    QCOMPARE(AudioOutliers::suspicion(c), 24.0);

    c.flags |= AudioCheck::Flag::Undecodable;
    QCOMPARE(AudioOutliers::suspicion(c), AudioOutliers::undecodableWeight);
}

void TestAudioOutliers::suspicionOrder()
{
    AudioCheck quietNormal = withRate(14);
    quietNormal.rmsDbfs = -35;
    AudioCheck loudNormal = withRate(15);
    AudioCheck clipped = withRate(13);
    clipped.clippedRatio = 0.2;
    clipped.rmsDbfs = -8;
    AudioCheck silent = withRate(noRate);
    silent.silenceRatio = 1.0;
    silent.peakDbfs = silent.rmsDbfs = AudioChecker::floorDbfs;
    AudioCheck outlier = withRate(60);
    AudioCheck broken = AudioChecker::undecodable(QStringLiteral("broken.flac: no"));
    // The per-clip flags as AudioChecker sets them.
    clipped.flags = AudioCheck::Flag::Clipping;
    silent.flags = AudioCheck::Flag::Silent | AudioCheck::Flag::TooQuiet;

    QList<AudioCheck> checks{loudNormal, clipped, withRate(14.5), quietNormal, silent, broken, outlier,
                             withRate(13.5), withRate(14.2)};
    AudioOutliers::apply(checks);
    QVERIFY(checks[6].flags.testFlag(AudioCheck::Flag::RateOutlier));
    QList<int> order{0, 1, 2, 3, 4, 5, 6, 7, 8};
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return checks[a].suspicion > checks[b].suspicion; });
    // undecodable, silent (two flags), then the one-flag clips by severity, then the clean ones.
    QCOMPARE(order.mid(0, 4), (QList<int>{5, 4, 1, 6})); // clipped (saturated) before the outlier (z 42)
    QCOMPARE(order[4], 3); // the quiet one leads the clean clips
    for (int i = 4; i < order.size(); ++i)
        QVERIFY(checks[order[i]].suspicion < AudioOutliers::flagWeight);
}

QTEST_GUILESS_MAIN(TestAudioOutliers)
#include "tst_audiooutliers.moc"
