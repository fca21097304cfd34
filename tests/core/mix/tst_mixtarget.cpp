// SPDX-License-Identifier: GPL-3.0-or-later
#include "mix/apportion.h"
#include "mix/mixtarget.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace kx;

namespace {

MixTarget makeTarget(double b, double s, double t, double a)
{
    MixTarget m;
    m.setShare(Category::Benchmark, b);
    m.setShare(Category::Synthetic, s);
    m.setShare(Category::ToolUsage, t);
    m.setShare(Category::Adversarial, a);
    return m;
}

QString quotaText(const CategoryCounts &q)
{
    return QStringLiteral("%1/%2/%3/%4").arg(q[0]).arg(q[1]).arg(q[2]).arg(q[3]);
}

} // namespace

class TestMixTarget final : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void validate_data();
    void validate();
    void fromJson_data();
    void fromJson();
    void roundTrip();
    void apportion_data();
    void apportion();
    void apportionWithinOne();
    void largestRemainderWeights();
};

void TestMixTarget::defaults()
{
    const MixTarget t;
    // Seed section 7: 30% benchmarks, 40% synthetic, 20% tool usage, 10% adversarial.
    QCOMPARE(t.share(Category::Benchmark), 0.3);
    QCOMPARE(t.share(Category::Synthetic), 0.4);
    QCOMPARE(t.share(Category::ToolUsage), 0.2);
    QCOMPARE(t.share(Category::Adversarial), 0.1);
    QVERIFY(t.validate().ok());
    QCOMPARE(QByteArray::fromStdString(t.toJson().dump()),
             QByteArray(R"({"benchmark":0.3,"synthetic":0.4,"tool_usage":0.2,"adversarial":0.1})"));
}

void TestMixTarget::validate_data()
{
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("s");
    QTest::addColumn<double>("t");
    QTest::addColumn<double>("a");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("fragment");   // must appear in the error message

    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("default") << 0.3 << 0.4 << 0.2 << 0.1 << true << QString();
    QTest::newRow("even") << 0.25 << 0.25 << 0.25 << 0.25 << true << QString();
    QTest::newRow("one category") << 0.0 << 1.0 << 0.0 << 0.0 << true << QString();
    // 1 + 5e-7 is within the 1e-6 tolerance; 1 + 2e-6 is not.
    QTest::newRow("within tolerance") << 0.3 << 0.4000005 << 0.2 << 0.1 << true << QString();
    QTest::newRow("past tolerance") << 0.3 << 0.400002 << 0.2 << 0.1 << false << QStringLiteral("synthetic 0.400002");
    QTest::newRow("sum 1.1") << 0.3 << 0.5 << 0.2 << 0.1 << false << QStringLiteral("add up to 1.1");
    QTest::newRow("sum 0.9 names values") << 0.3 << 0.3 << 0.2 << 0.1
                                           << false << QStringLiteral("benchmark 0.3, synthetic 0.3, tool_usage 0.2, adversarial 0.1");
    QTest::newRow("negative") << 0.4 << 0.5 << -0.1 << 0.2 << false << QStringLiteral("tool_usage must be a number of at least 0, not -0.1");
    QTest::newRow("nan") << 0.3 << 0.4 << 0.2 << nan << false << QStringLiteral("adversarial");
    QTest::newRow("all zero") << 0.0 << 0.0 << 0.0 << 0.0 << false << QStringLiteral("add up to 0");
}

void TestMixTarget::validate()
{
    QFETCH(double, b);
    QFETCH(double, s);
    QFETCH(double, t);
    QFETCH(double, a);
    QFETCH(bool, ok);
    QFETCH(QString, fragment);
    const auto r = makeTarget(b, s, t, a).validate();
    QCOMPARE(r.ok(), ok);
    if (!ok) {
        QCOMPARE(r.error().code, Error::Code::BadInput);
        QVERIFY2(r.error().message.contains(fragment), qPrintable(r.error().message));
    }
}

void TestMixTarget::fromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected");   // shares b/s/t/a, or a fragment of the error

    QTest::newRow("default") << QByteArray(R"({"benchmark":0.3,"synthetic":0.4,"tool_usage":0.2,"adversarial":0.1})")
                             << true << QStringLiteral("0.3/0.4/0.2/0.1");
    QTest::newRow("any order") << QByteArray(R"({"adversarial":0.25,"tool_usage":0.25,"synthetic":0.25,"benchmark":0.25})")
                               << true << QStringLiteral("0.25/0.25/0.25/0.25");
    QTest::newRow("missing is zero") << QByteArray(R"({"benchmark":0.5,"synthetic":0.5})")
                                     << true << QStringLiteral("0.5/0.5/0/0");
    QTest::newRow("integers") << QByteArray(R"({"synthetic":1})") << true << QStringLiteral("0/1/0/0");
    QTest::newRow("unknown key") << QByteArray(R"({"benchmark":0.5,"music":0.5})") << false << QStringLiteral("\"music\"");
    QTest::newRow("string value") << QByteArray(R"({"benchmark":"0.3"})") << false << QStringLiteral("benchmark must be a number");
    QTest::newRow("not object") << QByteArray("[0.3,0.4,0.2,0.1]") << false << QStringLiteral("JSON object");
    QTest::newRow("bad sum") << QByteArray(R"({"benchmark":0.6,"synthetic":0.6})") << false << QStringLiteral("add up to 1.2");
}

void TestMixTarget::fromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(QString, expected);
    const auto r = MixTarget::fromJson(Json::parse(json.toStdString()));
    QCOMPARE(r.ok(), ok);
    if (ok) {
        QStringList shares;
        for (Category c : allCategories)
            shares << QString::number(r->share(c));
        QCOMPARE(shares.join(QLatin1Char('/')), expected);
    } else {
        QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
    }
}

void TestMixTarget::roundTrip()
{
    const MixTarget edited = makeTarget(0.35, 0.35, 0.15, 0.15);
    QVERIFY(edited.validate().ok());
    const auto back = MixTarget::fromJson(edited.toJson());
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
    QCOMPARE(*back, edited);
}

void TestMixTarget::apportion_data()
{
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("s");
    QTest::addColumn<double>("t");
    QTest::addColumn<double>("a");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("quota");

    QTest::newRow("100") << 0.3 << 0.4 << 0.2 << 0.1 << qint64(100) << QStringLiteral("30/40/20/10");
    QTest::newRow("10") << 0.3 << 0.4 << 0.2 << 0.1 << qint64(10) << QStringLiteral("3/4/2/1");
    // 7: exact 2.1/2.8/1.4/0.7, floors 2/2/1/0 = 5; the 2 left go to the
    // largest remainders .8 (synthetic) and .7 (adversarial).
    QTest::newRow("7") << 0.3 << 0.4 << 0.2 << 0.1 << qint64(7) << QStringLiteral("2/3/1/1");
    // 3: exact .9/1.2/.6/.3, floors 0/1/0/0; the 2 left go to .9 and .6.
    QTest::newRow("3") << 0.3 << 0.4 << 0.2 << 0.1 << qint64(3) << QStringLiteral("1/1/1/0");
    // 13: exact 3.9/5.2/2.6/1.3, floors 3/5/2/1 = 11; +1 to .9 and .6.
    QTest::newRow("13") << 0.3 << 0.4 << 0.2 << 0.1 << qint64(13) << QStringLiteral("4/5/3/1");
    QTest::newRow("1") << 0.3 << 0.4 << 0.2 << 0.1 << qint64(1) << QStringLiteral("0/1/0/0");
    QTest::newRow("0") << 0.3 << 0.4 << 0.2 << 0.1 << qint64(0) << QStringLiteral("0/0/0/0");
    QTest::newRow("negative") << 0.3 << 0.4 << 0.2 << 0.1 << qint64(-5) << QStringLiteral("0/0/0/0");
    // 0.29 * 100 is 28.999999999999996 in doubles; it must still be 29.
    QTest::newRow("float floor") << 0.29 << 0.41 << 0.2 << 0.1 << qint64(100) << QStringLiteral("29/41/20/10");
    // A tie of remainders (.5/.5) goes to the earlier category; zero shares get nothing.
    QTest::newRow("tie") << 0.5 << 0.5 << 0.0 << 0.0 << qint64(3) << QStringLiteral("2/1/0/0");
}

void TestMixTarget::apportion()
{
    QFETCH(double, b);
    QFETCH(double, s);
    QFETCH(double, t);
    QFETCH(double, a);
    QFETCH(qint64, size);
    QFETCH(QString, quota);
    QCOMPARE(quotaText(makeTarget(b, s, t, a).apportion(size)), quota);
}

void TestMixTarget::apportionWithinOne()
{
    const MixTarget targets[] = {MixTarget(), makeTarget(0.33, 0.33, 0.33, 0.01), makeTarget(0.7, 0.1, 0.1, 0.1)};
    for (const MixTarget &target : targets) {
        for (qint64 size = 0; size <= 500; ++size) {
            const CategoryCounts q = target.apportion(size);
            qint64 sum = 0;
            for (Category c : allCategories) {
                const qint64 n = q[std::size_t(c)];
                QVERIFY2(std::abs(double(n) - target.share(c) * double(size)) < 1.0,
                         qPrintable(QStringLiteral("size %1, %2: %3").arg(size).arg(categoryKey(c)).arg(n)));
                sum += n;
            }
            QCOMPARE(sum, size);
        }
    }
}

void TestMixTarget::largestRemainderWeights()
{
    // 7 by 1:1:1 → 2.33 each, floors 2/2/2, the 1 left to the first on the tie.
    QCOMPARE(largestRemainder({1, 1, 1}, 7), (QList<qint64>{3, 2, 2}));
    QCOMPARE(largestRemainder({1, 0, 1}, 5), (QList<qint64>{3, 0, 2}));
    QCOMPARE(largestRemainder({0, 0}, 5), (QList<qint64>{0, 0}));
    QCOMPARE(largestRemainder({-1, 2}, 4), (QList<qint64>{0, 4}));
    QCOMPARE(largestRemainder({}, 4), QList<qint64>{});
}

QTEST_GUILESS_MAIN(TestMixTarget)
#include "tst_mixtarget.moc"
