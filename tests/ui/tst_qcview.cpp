// SPDX-License-Identifier: GPL-3.0-or-later
// The Quality page on a real workspace file: GSM8K questions and offline-generated conversations, with verdicts
// planted at a cut of the automatic score by two reviewers. The page must show the figures QcReport computes,
// chart the curves with the markers, record an adopted threshold with who, and say what to do when empty.
#include "curationworkspace.h"
#include "models/adoptedthresholdmodel.h"
#include "models/reviewerfiguresmodel.h"
#include "qc/qccurvechart.h"
#include "qc/qcview.h"

#include <QAbstractItemModelTester>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;
using namespace kx::test;

class tst_QcView final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_planted = 0;

    QcReport expectedReport(std::optional<double> threshold)
    {
        auto store = WorkspaceStore::open(m_path);
        QualityStore quality(**store);
        return QcReport::build(quality, threshold).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("qc.kairix"));
        auto store = WorkspaceStore::open(m_path);
        QVERIFY(store.ok());
        QVERIFY(importGsm8k(**store));
        QVERIFY(generateOffline(m_path, **store, QStringLiteral("conversation"), 12));
        QualityStore quality(**store);
        QVERIFY(quality.scoreMissing().ok());

        // Plant verdicts: everything above the median automatic score is kept, the rest rejected; "ana"
        // reviews every scenario, "ben" agrees with her on every third one (so Fleiss' kappa is 1).
        QList<std::pair<double, qint64>> scored;
        auto stmt = SqliteStatement::prepare((*store)->handle(), "SELECT scenario_id, overall FROM quality_scores");
        QVERIFY(stmt.ok());
        QVERIFY(stmt->forEachRow([&] { scored.append({stmt->columnDouble(1), stmt->columnInt(0)}); }).ok());
        QCOMPARE(scored.size(), 62);
        std::sort(scored.begin(), scored.end());
        const double cut = scored.at(scored.size() / 2).first;
        for (int i = 0; i < scored.size(); ++i) {
            const bool keep = scored.at(i).first > cut;
            QVERIFY(giveVerdict(**store, scored.at(i).second, QStringLiteral("ana"), keep));
            if (i % 3 == 0)
                QVERIFY(giveVerdict(**store, scored.at(i).second, QStringLiteral("ben"), keep));
            m_planted += (i % 3 == 0) ? 2 : 1;
        }
    }

    void showsThePlantedFigures()
    {
        const QcReport expected = expectedReport(std::nullopt);
        QCOMPARE(expected.verdicts, m_planted);
        QVERIFY(expected.suggestedThreshold.has_value());

        QcView view;
        QAbstractItemModelTester reviewers(view.reviewerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester adopted(view.adoptedModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&view, &QcView::reportLoaded);
        view.resize(1300, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setWorkspace(m_path);
        QVERIFY(loaded.wait(20000));

        const QLocale locale;
        QCOMPARE(view.thresholdBox()->value(), 0.7);  // nothing adopted yet: the seed's
        QCOMPARE(view.figureText(QStringLiteral("scenarios")), locale.toString(62));
        QCOMPARE(view.figureText(QStringLiteral("scored")), locale.toString(62));
        QCOMPARE(view.figureText(QStringLiteral("kept")), locale.toString(expected.gate.kept));
        QVERIFY(view.figureText(QStringLiteral("verdicts")).startsWith(locale.toString(m_planted)));
        QCOMPARE(view.figureText(QStringLiteral("humanKeeps")), locale.toString(expected.humanKeeps));
        QCOMPARE(view.figureText(QStringLiteral("precision")), locale.toString(expected.atThreshold.precision, 'f', 3));
        QCOMPARE(view.figureText(QStringLiteral("recall")), locale.toString(expected.atThreshold.recall, 'f', 3));
        QCOMPARE(view.figureText(QStringLiteral("f1")), locale.toString(expected.atThreshold.f1, 'f', 3));
        // Two reviewers who never disagree: Fleiss' kappa 1 over the scenarios both reviewed.
        QVERIFY2(view.figureText(QStringLiteral("agreement")).contains(QStringLiteral("1.000")),
                 qPrintable(view.figureText(QStringLiteral("agreement"))));
        QVERIFY(view.figureText(QStringLiteral("agreement")).contains(locale.toString(expected.interReviewer->items)));
        // Per reviewer: ana and ben, with their verdict counts and kappa against the gate.
        QCOMPARE(view.reviewerModel()->rowCount(), 2);
        const QModelIndex ana = view.reviewerModel()->index(0, ReviewerFiguresModel::VerdictsColumn);
        QCOMPARE(ana.siblingAtColumn(0).data().toString(), QStringLiteral("ana"));
        QCOMPARE(ana.data().toString(), locale.toString(62));
        QCOMPARE(view.reviewerModel()->index(1, ReviewerFiguresModel::VerdictsColumn).data().toString(), locale.toString(21));
        const auto kappa = expected.byReviewer.value(QStringLiteral("ana")).kappaVsAuto;
        QCOMPARE(view.reviewerModel()->index(0, ReviewerFiguresModel::KappaColumn).data(ReviewerFiguresModel::KappaRole).isValid(),
                 kappa.has_value());

        // The suggestion separates the planted verdicts: F1 1.
        QCOMPARE(expected.atSuggested->f1, 1.0);
        QCOMPARE(view.suggestedLabel()->text(),
                 QStringLiteral("Suggested: %1 (F1 %2)").arg(locale.toString(*expected.suggestedThreshold, 'f', 2),
                                                             locale.toString(1.0, 'f', 3)));
        QVERIFY(view.adoptButton()->isEnabled());

        // A new threshold recomputes the figures at it.
        view.thresholdBox()->setValue(0.3);
        QVERIFY(loaded.wait(20000));
        const QcReport at03 = expectedReport(0.3);
        QCOMPARE(view.report()->threshold, 0.3);
        QCOMPARE(view.figureText(QStringLiteral("kept")), locale.toString(at03.gate.kept));
        QCOMPARE(view.figureText(QStringLiteral("f1")), locale.toString(at03.atThreshold.f1, 'f', 3));
    }

    void chartHasItsSeries()
    {
        QcView view;
        QSignalSpy loaded(&view, &QcView::reportLoaded);
        view.show();
        view.setWorkspace(m_path);
        QVERIFY(loaded.wait(20000));
        const QList<QLineSeries *> series = view.chart()->allSeries();
        QCOMPARE(series.size(), 7);
        QStringList names;
        for (QLineSeries *s : series)
            names.append(s->name());
        QCOMPARE(names, (QStringList{QStringLiteral("Keep rate"), QStringLiteral("False-keep rate"), QStringLiteral("Precision"),
                                     QStringLiteral("Recall"), QStringLiteral("F1"), QStringLiteral("Threshold"),
                                     QStringLiteral("Suggested")}));
        const QcReport &r = *view.report();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(series.at(i)->count(), 101);
        // F1 at the suggested threshold is the curve's; the markers stand at the threshold and the suggestion.
        const int suggestedIndex = qRound(*r.suggestedThreshold * 100);
        QCOMPARE(series.at(4)->at(suggestedIndex).y(), 1.0);
        QCOMPARE(series.at(0)->at(0).y(), r.curve.at(0).keepRate);
        QCOMPARE(series.at(5)->at(0).x(), r.threshold);
        QCOMPARE(series.at(5)->at(1).x(), r.threshold);
        QCOMPARE(series.at(6)->at(0).x(), *r.suggestedThreshold);
        QVERIFY(series.at(6)->isVisible());
    }

    void adoptRecordsTheThreshold()
    {
        QcView view;
        view.setReviewer(QStringLiteral("qa-lead"));
        QSignalSpy loaded(&view, &QcView::reportLoaded);
        QSignalSpy adoptedSpy(&view, &QcView::thresholdAdopted);
        view.show();
        view.setWorkspace(m_path);
        QVERIFY(loaded.wait(20000));
        const double suggested = *view.report()->suggestedThreshold;
        QTest::mouseClick(view.adoptButton(), Qt::LeftButton);
        QVERIFY(adoptedSpy.wait(20000));
        QTRY_VERIFY(!view.isBusy() && view.adoptedModel()->rowCount() == 1);

        auto store = WorkspaceStore::open(m_path);
        auto thresholds = QualityStore(**store).thresholds();
        QVERIFY(thresholds.ok());
        QCOMPARE(thresholds->size(), 1);
        QCOMPARE(thresholds->constFirst().threshold, suggested);
        QCOMPARE(thresholds->constFirst().adoptedBy, QStringLiteral("qa-lead"));
        QVERIFY(qAbs(thresholds->constFirst().adoptedAt.secsTo(QDateTime::currentDateTimeUtc())) < 120);
        QCOMPARE(thresholds->constFirst().figures["f1"].get<double>(), 1.0);
        // The page now works at the adopted threshold, and a new page starts there too.
        QCOMPARE(view.thresholdBox()->value(), suggested);
        QCOMPARE(view.adoptedModel()->index(0, AdoptedThresholdModel::AdoptedByColumn).data().toString(), QStringLiteral("qa-lead"));
        QcView again;
        QSignalSpy againLoaded(&again, &QcView::reportLoaded);
        again.show();
        again.setWorkspace(m_path);
        QVERIFY(againLoaded.wait(20000));
        QCOMPARE(again.thresholdBox()->value(), suggested);
    }

    void emptyStatesSayWhatToDo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fresh.kairix"));
        {
            auto store = WorkspaceStore::open(path);
            QVERIFY(store.ok());
            QVERIFY(importGsm8k(**store));
        }
        QcView view;
        QSignalSpy loaded(&view, &QcView::reportLoaded);
        view.show();
        view.setWorkspace(path);
        QVERIFY(loaded.wait(20000));
        QVERIFY2(view.emptyLabel()->isVisible(), "the chart shows with no verdicts");
        QVERIFY(view.emptyLabel()->text().contains(QStringLiteral("No verdicts yet")));
        QVERIFY(view.emptyLabel()->text().contains(QStringLiteral("kairix review")));
        QVERIFY(!view.adoptButton()->isEnabled());
        // Building the report scored the fresh import; Score All then finds nothing left and reloads.
        QCOMPARE(view.figureText(QStringLiteral("scored")), QLocale().toString(50));
        QSignalSpy again(&view, &QcView::reportLoaded);
        QTest::mouseClick(view.scoreAllButton(), Qt::LeftButton);
        QVERIFY(again.wait(20000));
        QCOMPARE(view.figureText(QStringLiteral("scored")), QLocale().toString(50));
    }
};

QTEST_MAIN(tst_QcView)
#include "tst_qcview.moc"
