// SPDX-License-Identifier: GPL-3.0-or-later
// QualityStore on a real workspace file: automatic scores for every scenario (once per scorer version), the
// human_reviews mirror that every scenario write keeps in step (undo included), effective scores where humans
// scored, the gate, and adopted thresholds.
#include "qc/autoscorer.h"
#include "review/humanreviews.h"
#include "store/qualitystore.h"
#include "storetesthelpers.h"
#include "store/sqlitestatement.h"

#include <QTemporaryDir>

using namespace kx;
using namespace kx::test;

class TestQualityStore final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void scoresEveryScenarioOnce();
    void mirrorFollowsEveryWrite();
    void effectiveScoresUseHumanScores();
    void thresholdsAreRecorded();

private:
    qint64 rowOf(WorkspaceStore &store, const QString &uid);
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestQualityStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("ws.kairix"));
    KX_OPEN_STORE(store, m_db);
    QList<TestScenario> scenarios;
    for (int i = 0; i < 5; ++i)
        scenarios.append(makeScenario(QStringLiteral("s%1").arg(i), QStringLiteral("S %1").arg(i),
                                      QStringLiteral("Can you remind me what I said about my sister's wedding in June %1?").arg(i)));
    QVERIFY(importDataset(store, makeDataset(QStringLiteral("d")), scenarios));
}

qint64 TestQualityStore::rowOf(WorkspaceStore &store, const QString &uid)
{
    const QByteArray sql = "SELECT rowid FROM scenarios WHERE uid = '" + uid.toUtf8() + "'";
    return sqlInt(store.handle(), sql.constData());
}

void TestQualityStore::scoresEveryScenarioOnce()
{
    KX_OPEN_STORE(store, m_db);
    QualityStore quality(store);
    QList<std::pair<qint64, qint64>> progress;
    WorkControl control;
    control.progress = [&](qint64 done, qint64 total) { progress.append({done, total}); };
    auto scored = quality.scoreMissing(control);
    QVERIFY(scored.ok());
    QCOMPARE(*scored, 5);
    QCOMPARE(progress.constLast(), (std::pair<qint64, qint64>{5, 5}));
    QCOMPARE(*quality.scoreMissing(), 0); // nothing left for this scorer version
    auto s = store.scenario(rowOf(store, QStringLiteral("s3")));
    QVERIFY(s.ok());
    auto stored = quality.automaticScores(rowOf(store, QStringLiteral("s3")));
    QVERIFY(stored.ok() && stored->has_value());
    QCOMPARE(**stored, AutoScorer::score(*s));
    QCOMPARE(sqlText(store.handle(), "SELECT DISTINCT scorer FROM quality_scores"), QualityStore::scorerName());
    // A cancelled run stops between batches and keeps nothing half-done.
    QVERIFY(sqliteExec(store.handle(), "DELETE FROM quality_scores").ok());
    WorkControl cancelled;
    cancelled.cancelled = [] { return true; };
    QCOMPARE(*quality.scoreMissing(cancelled), 0);
    QCOMPARE(sqlInt(store.handle(), "SELECT count(*) FROM quality_scores"), 0);
}

void TestQualityStore::mirrorFollowsEveryWrite()
{
    KX_OPEN_STORE(store, m_db);
    const qint64 row = rowOf(store, QStringLiteral("s1"));
    const TestScenario before = *store.scenario(row);
    HumanReview ana;
    ana.reviewer = QStringLiteral("ana");
    ana.verdict = ReviewStatus::Accepted;
    ana.setScore(Criterion::Clarity, 0.5);
    const TestScenario after = HumanReviews::withReview(before, ana);
    QCOMPARE(after.status, ReviewStatus::Accepted);
    QVERIFY(store.updateScenario(row, after, QStringLiteral("ana"), QStringLiteral("review")).ok());
    QCOMPARE(sqlText(store.handle(), "SELECT reviewer || verdict || clarity FROM human_reviews"), QStringLiteral("anaaccepted0.5"));
    // Undo is saving the scenario as it was: the mirror row goes too.
    QVERIFY(store.updateScenario(row, before, QStringLiteral("ana"), QStringLiteral("undo")).ok());
    QCOMPARE(sqlInt(store.handle(), "SELECT count(*) FROM human_reviews"), 0);
    // An import of scenarios that carry reviews (a TestScenario JSONL round trip) fills the mirror as well.
    TestScenario reviewed = makeScenario(QStringLiteral("r1"), QStringLiteral("R"), QStringLiteral("hello there"));
    reviewed = HumanReviews::withReview(reviewed, ana);
    QVERIFY(importDataset(store, makeDataset(QStringLiteral("e")), {reviewed}));
    QCOMPARE(sqlInt(store.handle(), "SELECT count(*) FROM human_reviews"), 1);
    // Removing the dataset takes the mirror rows along.
    QVERIFY(store.removeDataset(sqlInt(store.handle(), "SELECT max(id) FROM datasets")).ok());
    QCOMPARE(sqlInt(store.handle(), "SELECT count(*) FROM human_reviews"), 0);
}

void TestQualityStore::effectiveScoresUseHumanScores()
{
    KX_OPEN_STORE(store, m_db);
    QualityStore quality(store);
    QVERIFY(quality.scoreMissing().ok());
    const qint64 row = rowOf(store, QStringLiteral("s2"));
    const QualityScores automatic = **quality.automaticScores(row);
    // Two reviewers: clarity 1.0 and 0.6 (mean 0.8); only one scores realism (0.2).
    HumanReview ana;
    ana.reviewer = QStringLiteral("ana");
    ana.verdict = ReviewStatus::Accepted;
    ana.setScore(Criterion::Clarity, 1.0);
    ana.setScore(Criterion::Realism, 0.2);
    HumanReview ben;
    ben.reviewer = QStringLiteral("ben");
    ben.verdict = ReviewStatus::Rejected;
    ben.setScore(Criterion::Clarity, 0.6);
    TestScenario s = *store.scenario(row);
    s = HumanReviews::withReview(HumanReviews::withReview(s, ana), ben);
    QVERIFY(store.updateScenario(row, s, QStringLiteral("ben"), QStringLiteral("review")).ok());

    auto reviewed = quality.reviewed();
    QVERIFY(reviewed.ok());
    QCOMPARE(reviewed->size(), 1);
    const ReviewedScenario &r = reviewed->constFirst();
    QCOMPARE(r.rowId, row);
    QCOMPARE(r.automatic, automatic);
    QCOMPARE(r.effective.clarity, 0.8);
    QCOMPARE(r.effective.realism, 0.2);
    QCOMPARE(r.effective.complexity, automatic.complexity);
    QCOMPARE(r.effective.coverage, automatic.coverage);
    QCOMPARE(r.verdicts.size(), 2);
    QCOMPARE(r.verdicts[0].reviewer, QStringLiteral("ana"));
    QVERIFY(r.verdicts[0].keep);
    QVERIFY(!r.verdicts[1].keep);

    // The gate counts the effective score: at a threshold just below s2's effective overall it passes,
    // just above it does not (the other four are unreviewed and keep their automatic scores).
    const double e = r.effective.overall();
    const auto below = quality.gate(e - 1e-9);
    const auto above = quality.gate(e + 1e-9);
    QVERIFY(below.ok() && above.ok());
    QCOMPARE(below->scenarios, 5);
    QCOMPARE(below->scored, 5);
    QCOMPARE(below->kept - above->kept, 1);
}

void TestQualityStore::thresholdsAreRecorded()
{
    KX_OPEN_STORE(store, m_db);
    QualityStore quality(store);
    QCOMPARE(*quality.currentThreshold(), 0.7);
    auto adopted = quality.adoptThreshold(0.62, QStringLiteral("lead"), Json{{"f1", 0.91}});
    QVERIFY(adopted.ok());
    QCOMPARE(*quality.currentThreshold(), 0.62);
    QVERIFY(!quality.adoptThreshold(1.5, QStringLiteral("lead"), Json::object()).ok());
    QVERIFY(!quality.adoptThreshold(0.5, QStringLiteral(" "), Json::object()).ok());
    QVERIFY(quality.adoptThreshold(0.65, QStringLiteral("lead2"), Json::object()).ok());
    auto all = quality.thresholds();
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->constFirst().adoptedBy, QStringLiteral("lead2"));
    QCOMPARE(all->constLast().figures["f1"].get<double>(), 0.91);
    QVERIFY(all->constLast().adoptedAt.isValid());
}

QTEST_GUILESS_MAIN(TestQualityStore)
#include "tst_qualitystore.moc"
