// SPDX-License-Identifier: GPL-3.0-or-later
// "Kill the process right after a verdict; the verdict is there": a child process reviews two
// real GSM8K scenarios through ScenarioReviewSession and is SIGKILLed as soon as it reports the
// second verdict saved; the workspace, opened afresh, holds both verdicts, the score, the
// human_reviews mirror and the audit trail.
#include "importers/importservice.h"
#include "review/humanreviews.h"
#include "store/sqlitestatement.h"
#include "store/workspacestore.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

class tst_ReviewDurability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdictSurvivesKill()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("durable.kairix"));
        {
            auto store = WorkspaceStore::open(path);
            QVERIFY(store.ok());
            ImportRequest request;
            request.paths = {QStringLiteral(KX_SHARED_DATA "/gsm8k/grade_school_math/data/test_socratic.first50.jsonl")};
            auto imported = ImportService::run(**store, request);
            QVERIFY2(imported.ok(), imported ? "" : qPrintable(imported.error().message));
            QCOMPARE(imported->scenarios, qint64(50));
        }

        QProcess child;
        child.setProgram(QStringLiteral(KX_REVIEW_KILL_HELPER));
        child.setArguments({path, QStringLiteral("kim")});
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start();
        QVERIFY(child.waitForStarted());
        QByteArray out;
        while (!out.contains('\n')) {
            QVERIFY2(child.waitForReadyRead(30000) || child.bytesAvailable() > 0, "the helper never said done");
            out += child.readAll();
        }
        child.kill(); // SIGKILL: no destructor, no checkpoint, no close
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        const QList<QByteArray> words = out.trimmed().split(' ');
        QCOMPARE(words.size(), 3);
        QCOMPARE(words[0], QByteArray("done"));
        const qint64 accepted = words[1].toLongLong();
        const qint64 rejected = words[2].toLongLong();

        auto store = WorkspaceStore::open(path);
        QVERIFY(store.ok());
        auto first = (*store)->scenario(accepted);
        auto second = (*store)->scenario(rejected);
        QVERIFY(first.ok() && second.ok());
        QVERIFY(first->status == ReviewStatus::Accepted);
        QVERIFY(second->status == ReviewStatus::Rejected);
        const auto review = HumanReviews::of(*first, QStringLiteral("kim"));
        QVERIFY(review && review->verdict == ReviewStatus::Accepted);
        QCOMPARE(review->score(Criterion::Clarity), std::optional<double>(1.0));

        auto mirror = SqliteStatement::prepare((*store)->handle(),
                                               "SELECT scenario_id, verdict FROM human_reviews WHERE reviewer = 'kim' "
                                               "ORDER BY scenario_id");
        QVERIFY(mirror.ok());
        QStringList rows;
        QVERIFY(mirror->forEachRow([&] {
            rows << QStringLiteral("%1=%2").arg(mirror->columnInt(0)).arg(mirror->columnText(1));
        }).ok());
        QCOMPARE(rows, (QStringList{QStringLiteral("%1=accepted").arg(accepted),
                                    QStringLiteral("%1=rejected").arg(rejected)}));

        auto trail = (*store)->reviewEvents(accepted);
        QVERIFY(trail.ok());
        QCOMPARE(trail->size(), 2);
        QCOMPARE(trail->at(0).action, QStringLiteral("score"));
        QCOMPARE(trail->at(1).action, QStringLiteral("verdict"));
        QCOMPARE(trail->at(1).reviewer, QStringLiteral("kim"));
    }
};

QTEST_GUILESS_MAIN(tst_ReviewDurability)
#include "tst_reviewdurability.moc"
