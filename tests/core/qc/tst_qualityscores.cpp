// SPDX-License-Identifier: GPL-3.0-or-later
#include "qc/qualityscores.h"

#include <QTest>

using namespace kx;

class TestQualityScores final : public QObject
{
    Q_OBJECT

private slots:
    void overallIsTheMean();
    void passes_data();
    void passes();
    void jsonRoundTrip();
    void fromJsonRejects_data();
    void fromJsonRejects();
    void criterionKeys();
    void setValueClamps();
};

void TestQualityScores::overallIsTheMean()
{
    const QualityScores s{0.9, 0.5, 0.8, 0.6};
    QCOMPARE(s.overall(), 0.7);
    QCOMPARE(QualityScores{}.overall(), 0.0);
}

void TestQualityScores::passes_data()
{
    QTest::addColumn<double>("clarity");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<bool>("expected");
    // Overall = (clarity + 0.7 + 0.7 + 0.7) / 4.
    QTest::newRow("above default") << 0.8 << QualityScores::defaultThreshold << true;   // 0.725
    QTest::newRow("exactly at 0.7 is not kept") << 0.7 << 0.7 << false;                 // 0.7, not > 0.7
    QTest::newRow("below default") << 0.3 << QualityScores::defaultThreshold << false;  // 0.6
    QTest::newRow("lower threshold") << 0.3 << 0.5 << true;
    QTest::newRow("threshold 1 keeps nothing") << 1.0 << 1.0 << false;
}

void TestQualityScores::passes()
{
    QFETCH(double, clarity);
    QFETCH(double, threshold);
    QFETCH(bool, expected);
    const QualityScores s{clarity, 0.7, 0.7, 0.7};
    QCOMPARE(QualityScores::passes(s, threshold), expected);
}

void TestQualityScores::jsonRoundTrip()
{
    const QualityScores s{0.125, 1.0 / 3.0, 0.0, 1.0};
    const Json j = s.toJson();
    QCOMPARE(qs(j.dump()),
             QStringLiteral(R"({"clarity":0.125,"complexity":0.3333333333333333,"coverage":0.0,"realism":1.0,)"
                            R"("overall":0.3645833333333333})"));
    const auto back = QualityScores::fromJson(j);
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
    QCOMPARE(*back, s);
    // "overall" is derived: a stale one is ignored, and so are unknown keys.
    Json stale = j;
    stale["overall"] = 0.99;
    stale["judge"] = "llm";
    const auto again = QualityScores::fromJson(stale);
    QVERIFY(again.ok());
    QCOMPARE(*again, s);
}

void TestQualityScores::fromJsonRejects_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not an object") << QStringLiteral("[1,2]") << QStringLiteral("object");
    QTest::newRow("missing") << QStringLiteral(R"({"clarity":1,"complexity":1,"coverage":1})")
                             << QStringLiteral("realism");
    QTest::newRow("string") << QStringLiteral(R"({"clarity":"high","complexity":1,"coverage":1,"realism":1})")
                            << QStringLiteral("clarity");
    QTest::newRow("above 1") << QStringLiteral(R"({"clarity":1,"complexity":1.5,"coverage":1,"realism":1})")
                             << QStringLiteral("complexity");
    QTest::newRow("negative") << QStringLiteral(R"({"clarity":1,"complexity":1,"coverage":-0.1,"realism":1})")
                              << QStringLiteral("coverage");
}

void TestQualityScores::fromJsonRejects()
{
    QFETCH(QString, json);
    QFETCH(QString, mentions);
    const auto r = QualityScores::fromJson(Json::parse(ss(json)));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, Error::Code::BadInput);
    QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
}

void TestQualityScores::criterionKeys()
{
    QStringList keys;
    for (QualityCriterion c : allQualityCriteria) {
        keys.append(QualityScores::criterionKey(c));
        QCOMPARE(QualityScores::criterionFromKey(QualityScores::criterionKey(c)), std::optional(c));
        QVERIFY(!QualityScores::criterionLabel(c).isEmpty());
    }
    QCOMPARE(keys, (QStringList{QStringLiteral("clarity"), QStringLiteral("complexity"), QStringLiteral("coverage"),
                                QStringLiteral("realism")}));
    QVERIFY(!QualityScores::criterionFromKey(u"Clarity"));
    QVERIFY(!QualityScores::criterionFromKey(u"overall"));
}

void TestQualityScores::setValueClamps()
{
    QualityScores s;
    s.setValue(QualityCriterion::Clarity, 1.5);
    s.setValue(QualityCriterion::Complexity, -2.0);
    s.setValue(QualityCriterion::Coverage, qQNaN());
    s.setValue(QualityCriterion::Realism, 0.25);
    QCOMPARE(s, (QualityScores{1.0, 0.0, 0.0, 0.25}));
    QCOMPARE(s.value(QualityCriterion::Realism), 0.25);
}

QTEST_GUILESS_MAIN(TestQualityScores)
#include "tst_qualityscores.moc"
