// SPDX-License-Identifier: GPL-3.0-or-later
// The review queue on a real workspace file through AsyncWorkspace: verdicts, scores, comments
// and in-place edits saved at once (read back through a second connection and the human_reviews
// table), undo and redo across scenarios restoring the exact JSON, and the audit trail's diffs.
#include "review/humanreviews.h"
#include "review/scenarioreviewsession.h"
#include "store/asyncworkspace.h"
#include "store/sqlitestatement.h"
#include "store/workspacestore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

namespace {

TestScenario memoryScenario(int i)
{
    TestScenario s;
    s.id = QStringLiteral("mem-%1").arg(i, 3, 10, QLatin1Char('0'));
    s.name = QStringLiteral("Recall the dog's name %1").arg(i);
    s.category = Category::Synthetic;
    s.messages = {ChatMessage{QStringLiteral("system"), QStringLiteral("You are a helpful assistant."), Json::object()},
                  ChatMessage{QStringLiteral("user"), QStringLiteral("My dog is called Biscuit %1.").arg(i), Json::object()},
                  ChatMessage{QStringLiteral("user"), QStringLiteral("What is my dog called?"), Json::object()}};
    s.memoryRequirements = {QStringLiteral("the dog's name"), QStringLiteral("the turn it was said in")};
    s.expectedCapabilities = {QStringLiteral("memory_recall")};
    s.evaluationCriteria = {{"must_mention", "Biscuit"}, {"max_turns", 1}};
    return s;
}

/** A workspace file with @p n memory scenarios, in one dataset. */
QString makeWorkspace(const QTemporaryDir &dir, int n)
{
    const QString path = dir.filePath(QStringLiteral("review.kairix"));
    auto store = WorkspaceStore::open(path);
    if (!store)
        return QString();
    auto session = (*store)->beginImport();
    if (!session)
        return QString();
    TestDataset d;
    d.name = QStringLiteral("memory");
    (void)(*session)->beginDataset(d);
    for (int i = 0; i < n; ++i)
        (void)(*session)->add(memoryScenario(i));
    if (!(*session)->commit())
        return QString();
    return path;
}

TestScenario stored(const QString &path, qint64 rowId)
{
    auto store = WorkspaceStore::open(path);
    return store ? (*store)->scenario(rowId).value() : TestScenario();
}

QString storedJson(const QString &path, qint64 rowId)
{
    return qs(dumpCompact(stored(path, rowId).toJson()));
}

/** The human_reviews row of (@p rowId, @p reviewer), as "verdict|clarity|complexity|coverage|realism|comment". */
QString mirrorRow(const QString &path, qint64 rowId, const QString &reviewer)
{
    auto store = WorkspaceStore::open(path);
    if (!store)
        return QStringLiteral("no store");
    auto stmt = SqliteStatement::prepare((*store)->handle(),
                                         "SELECT verdict, clarity, complexity, coverage, realism, comment "
                                         "FROM human_reviews WHERE scenario_id = ?1 AND reviewer = ?2");
    if (!stmt)
        return stmt.error().message;
    stmt->bind(1, rowId);
    stmt->bind(2, reviewer);
    QStringList rows;
    (void)stmt->forEachRow([&] {
        QStringList cols{stmt->columnText(0)};
        for (int c = 1; c <= 4; ++c)
            cols << (stmt->columnIsNull(c) ? QStringLiteral("-") : QString::number(stmt->columnDouble(c)));
        cols << stmt->columnText(5);
        rows << cols.join(QLatin1Char('|'));
    });
    return rows.join(QLatin1Char('\n'));
}

QStringList actions(const QList<ReviewEvent> &events)
{
    QStringList out;
    for (const ReviewEvent &e : events)
        out << e.action;
    return out;
}

} // namespace

class tst_ScenarioReviewSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scoreKeys()
    {
        QCOMPARE(ScenarioReviewSession::scoreForKey(1), 0.2);
        QCOMPARE(ScenarioReviewSession::scoreForKey(3), 0.6);
        QCOMPARE(ScenarioReviewSession::scoreForKey(5), 1.0);
        QVERIFY(!ScenarioReviewSession::scoreForKey(0));
        QVERIFY(!ScenarioReviewSession::scoreForKey(6));
    }

    void verdictsScoresAndCommentsAreStored()
    {
        QTemporaryDir dir;
        const QString path = makeWorkspace(dir, 6);
        QVERIFY(!path.isEmpty());
        AsyncWorkspace ws;
        QVERIFY(ws.open(path).result().ok());
        ScenarioReviewSession session(&ws);
        session.setReviewer(QStringLiteral("ana"));
        QSignalSpy saved(&session, &ScenarioReviewSession::saved);
        QSignalSpy errors(&session, &ScenarioReviewSession::errorOccurred);
        QSignalSpy refused(&session, &ScenarioReviewSession::editRefused);
        session.setQueue({});
        QTRY_VERIFY(session.hasCurrent());
        QTRY_COMPARE(session.count(), qint64(6));
        QCOMPARE(session.current().id, QStringLiteral("mem-000"));
        const qint64 first = session.currentRowId();

        // Number keys score the focused criterion; the focus moves and wraps.
        QCOMPARE(session.focusedCriterion(), Criterion::Clarity);
        session.scoreFocused(4);
        session.focusNextCriterion();
        QCOMPARE(session.focusedCriterion(), Criterion::Complexity);
        session.scoreFocused(2);
        session.focusNextCriterion(false);
        session.focusNextCriterion(false);
        QCOMPARE(session.focusedCriterion(), Criterion::Realism);
        session.scoreFocused(5);
        session.scoreFocused(0); // clears realism again
        session.scoreFocused(9); // not a score key: nothing
        session.setComment(QStringLiteral("Clear, but the recall is too easy."));
        QTRY_COMPARE(saved.size(), 5);
        QVERIFY(stored(path, first).status == ReviewStatus::Pending); // scores are not a verdict
        QCOMPARE(mirrorRow(path, first, QStringLiteral("ana")),
                 QStringLiteral("|0.8|0.4|-|-|Clear, but the recall is too easy."));

        // A verdict is stored and the queue moves on; the same score again writes nothing.
        session.scoreFocused(0);
        session.accept();
        QTRY_COMPARE(saved.size(), 6);
        QTRY_COMPARE(session.currentIndex(), 1);
        TestScenario s = stored(path, first);
        QVERIFY(s.status == ReviewStatus::Accepted);
        const auto review = HumanReviews::of(s, QStringLiteral("ana"));
        QVERIFY(review.has_value());
        QVERIFY(review->verdict == ReviewStatus::Accepted);
        QCOMPARE(review->score(Criterion::Clarity), std::optional<double>(0.8));
        QCOMPARE(review->comment, QStringLiteral("Clear, but the recall is too easy."));
        QVERIFY(review->at.isValid());
        QCOMPARE(mirrorRow(path, first, QStringLiteral("ana")),
                 QStringLiteral("accepted|0.8|0.4|-|-|Clear, but the recall is too easy."));

        // Reject, then skip a pending one: recorded as skipped.
        QTRY_VERIFY(session.hasCurrent());
        const qint64 second = session.currentRowId();
        session.reject();
        QTRY_COMPARE(saved.size(), 7);
        QTRY_VERIFY(session.hasCurrent());
        const qint64 third = session.currentRowId();
        session.skip();
        QTRY_COMPARE(saved.size(), 8);
        QVERIFY(stored(path, second).status == ReviewStatus::Rejected);
        QVERIFY(stored(path, third).status == ReviewStatus::Skipped);
        QCOMPARE(mirrorRow(path, third, QStringLiteral("ana")), QStringLiteral("skipped|-|-|-|-|"));
        QTRY_COMPARE(session.currentIndex(), 3);

        // Back on the accepted one: skip only moves on, it never overwrites a verdict.
        session.select(0);
        QTRY_VERIFY(session.hasCurrent() && session.currentIndex() == 0);
        session.skip();
        QTRY_COMPARE(session.currentIndex(), 1);
        QTest::qWait(50);
        QCOMPARE(saved.size(), 8);
        QVERIFY(stored(path, first).status == ReviewStatus::Accepted);

        // A second reviewer: bob's score leaves the status (ana's rejection) alone; his verdict sets it.
        QTRY_VERIFY(session.hasCurrent());
        QCOMPARE(session.currentRowId(), second);
        session.setReviewer(QStringLiteral("bob"));
        QVERIFY(!session.currentReview().verdict);
        session.setScore(Criterion::Coverage, 0.6);
        session.setScore(Criterion::Coverage, 1.5); // refused
        QTRY_COMPARE(saved.size(), 9);
        QCOMPARE(refused.size(), 1);
        QVERIFY(stored(path, second).status == ReviewStatus::Rejected);
        session.accept();
        QTRY_COMPARE(saved.size(), 10);
        s = stored(path, second);
        QVERIFY(s.status == ReviewStatus::Accepted);
        QCOMPARE(HumanReviews::all(s).size(), 2);
        QCOMPARE(mirrorRow(path, second, QStringLiteral("ana")), QStringLiteral("rejected|-|-|-|-|"));
        QCOMPARE(mirrorRow(path, second, QStringLiteral("bob")), QStringLiteral("accepted|-|-|0.6|-|"));

        // Without a reviewer name, review edits are refused (content edits are not).
        QTRY_VERIFY(session.hasCurrent());
        session.setReviewer(QString());
        session.accept();
        QCOMPARE(refused.size(), 2);
        QCOMPARE(session.currentIndex(), 2);
        QCOMPARE(errors.size(), 0);
    }

    void editsUndoAndRedoAcrossScenarios()
    {
        QTemporaryDir dir;
        const QString path = makeWorkspace(dir, 4);
        QVERIFY(!path.isEmpty());
        AsyncWorkspace ws;
        QVERIFY(ws.open(path).result().ok());
        ScenarioReviewSession session(&ws);
        session.setReviewer(QStringLiteral("ana"));
        QSignalSpy saved(&session, &ScenarioReviewSession::saved);
        session.setQueue({});
        QTRY_VERIFY(session.hasCurrent());
        const qint64 first = session.currentRowId();

        // Each state of scenario 0 after each step, from the original on.
        QList<QString> states{storedJson(path, first)};
        const auto step = [&](auto fn) {
            const qsizetype before = saved.size();
            fn();
            QTRY_COMPARE(saved.size(), before + 1);
            states << storedJson(path, first);
        };
        step([&] { session.setMessageContent(1, QStringLiteral("My dog is called Pretzel.")); });
        step([&] { session.setMessageRole(0, QStringLiteral("assistant")); });
        step([&] { session.addMemoryRequirement(QStringLiteral("the dog's breed")); });
        step([&] { session.setMemoryRequirement(0, QStringLiteral("the dog's first name")); });
        step([&] { session.removeMemoryRequirement(1); });
        step([&] { session.setCriterion(QStringLiteral("must_mention"), Json("Pretzel")); });
        step([&] { session.setCriterion(QStringLiteral("tone"), Json("friendly")); });
        step([&] { session.renameCriterion(QStringLiteral("max_turns"), QStringLiteral("turn_limit")); });
        step([&] { session.removeCriterion(QStringLiteral("tone")); });
        step([&] { session.scoreFocused(3); });
        step([&] { session.accept(); });
        QTRY_VERIFY(session.hasCurrent());
        QCOMPARE(session.currentIndex(), 1);
        const qint64 second = session.currentRowId();
        const QString secondBefore = storedJson(path, second);
        session.reject();
        QTRY_COMPARE(saved.size(), 12);

        TestScenario edited = stored(path, first);
        QCOMPARE(edited.messages[1].content, QStringLiteral("My dog is called Pretzel."));
        QCOMPARE(edited.messages[0].role, QStringLiteral("assistant"));
        QCOMPARE(edited.memoryRequirements, (QStringList{QStringLiteral("the dog's first name"),
                                                         QStringLiteral("the dog's breed")}));
        QVERIFY(edited.evaluationCriteria == Json::parse(R"({"must_mention": "Pretzel", "turn_limit": 1})"));
        QVERIFY(edited.status == ReviewStatus::Accepted);

        // Undo goes back to scenario 1 and restores it exactly, then walks scenario 0 back step by step.
        session.undoStack()->undo();
        QTRY_COMPARE(saved.size(), 13);
        QCOMPARE(storedJson(path, second), secondBefore);
        QTRY_COMPARE(session.currentRowId(), second);
        for (qsizetype k = states.size() - 2; k >= 0; --k) {
            session.undoStack()->undo();
            QTRY_COMPARE(storedJson(path, first), states[k]);
            QTRY_COMPARE(session.currentRowId(), first);
            QTRY_VERIFY(session.hasCurrent());
            QCOMPARE(qs(dumpCompact(session.current().toJson())), states[k]);
        }
        QVERIFY(!session.undoStack()->canUndo());
        QCOMPARE(mirrorRow(path, first, QStringLiteral("ana")), QString());

        // Redo replays everything, ending on scenario 1 rejected again.
        for (qsizetype k = 1; k < states.size(); ++k) {
            session.undoStack()->redo();
            QTRY_COMPARE(storedJson(path, first), states[k]);
        }
        session.undoStack()->redo();
        QTRY_VERIFY(stored(path, second).status == ReviewStatus::Rejected);
        QTRY_COMPARE(session.currentRowId(), second);
        QCOMPARE(mirrorRow(path, first, QStringLiteral("ana")), QStringLiteral("accepted|0.6|-|-|-|"));

        // The audit trail of scenario 0: every step, its undo and its redo, each a diff.
        auto store = WorkspaceStore::open(path);
        QVERIFY(store.ok());
        auto trail = (*store)->reviewEvents(first);
        QVERIFY(trail.ok());
        QCOMPARE(trail->size(), 33);
        QCOMPARE(actions(*trail).mid(0, 11),
                 (QStringList{QStringLiteral("edit"), QStringLiteral("edit"), QStringLiteral("edit"),
                              QStringLiteral("edit"), QStringLiteral("edit"), QStringLiteral("edit"),
                              QStringLiteral("edit"), QStringLiteral("edit"), QStringLiteral("edit"),
                              QStringLiteral("score"), QStringLiteral("verdict")}));
        QCOMPARE(trail->at(11).action, QStringLiteral("undo verdict"));
        QCOMPARE(trail->at(21).action, QStringLiteral("undo edit"));
        QCOMPARE(trail->at(22).action, QStringLiteral("redo edit"));
        QCOMPARE(trail->last().action, QStringLiteral("redo verdict"));
        for (const ReviewEvent &e : *trail)
            QCOMPARE(e.reviewer, QStringLiteral("ana"));
        QVERIFY(trail->at(0).changes == Json::parse(R"([{"path": "/messages/1/content",
            "before": "My dog is called Biscuit 0.", "after": "My dog is called Pretzel."}])"));
        QVERIFY(trail->at(21).changes == Json::parse(R"([{"path": "/messages/1/content",
            "before": "My dog is called Pretzel.", "after": "My dog is called Biscuit 0."}])"));
        QVERIFY(trail->at(5).changes == Json::parse(R"([{"path": "/evaluation_criteria/must_mention",
            "before": "Biscuit", "after": "Pretzel"}])"));
        // The verdict's diff: the status and ana's review (its scores were there already).
        const Json &verdict = trail->at(10).changes;
        QStringList paths;
        for (const Json &c : verdict)
            paths << qs(c["path"].get<std::string>());
        QVERIFY2(paths.contains(QStringLiteral("/review/status")), qPrintable(paths.join(QLatin1Char(' '))));
        QVERIFY2(paths.contains(QStringLiteral("/review/reviews/ana/verdict")), qPrintable(paths.join(QLatin1Char(' '))));

        // The session shows the current scenario's trail and follows its saves.
        QTRY_COMPARE(actions(session.currentEvents()),
                     (QStringList{QStringLiteral("verdict"), QStringLiteral("undo verdict"),
                                  QStringLiteral("redo verdict")}));
        session.setComment(QStringLiteral("Rejected: the recall is trivial."));
        QTRY_COMPARE(session.currentEvents().size(), 4);
        QCOMPARE(session.currentEvents().last().action, QStringLiteral("comment"));
    }

    void quickRedoIsNotLostToALoadInFlight()
    {
        QTemporaryDir dir;
        const QString path = makeWorkspace(dir, 3);
        AsyncWorkspace ws;
        QVERIFY(ws.open(path).result().ok());
        ScenarioReviewSession session(&ws);
        session.setReviewer(QStringLiteral("ana"));
        QSignalSpy saved(&session, &ScenarioReviewSession::saved);
        session.setQueue({});
        QTRY_VERIFY(session.hasCurrent());
        const qint64 first = session.currentRowId();
        session.reject();
        QTRY_VERIFY(session.hasCurrent());
        session.undoStack()->undo();
        session.undoStack()->redo(); // before the jump's load has come back
        QTRY_VERIFY(session.hasCurrent());
        QCOMPARE(session.currentRowId(), first);
        QVERIFY(session.current().status == ReviewStatus::Rejected);
        session.setMessageContent(2, QStringLiteral("And my dog's name?"));
        QTRY_COMPARE(saved.size(), 4);
        const TestScenario s = stored(path, first);
        QVERIFY(s.status == ReviewStatus::Rejected);
        QCOMPARE(s.messages[2].content, QStringLiteral("And my dog's name?"));
    }

    void filterAndPaging()
    {
        QTemporaryDir dir;
        const QString path = makeWorkspace(dir, 450);
        AsyncWorkspace ws;
        QVERIFY(ws.open(path).result().ok());
        ScenarioReviewSession session(&ws);
        ScenarioFilter filter;
        filter.search = QStringLiteral("Biscuit");
        session.setQueue(filter);
        QTRY_VERIFY(session.hasCurrent());
        QTRY_COMPARE(session.count(), qint64(450));
        QCOMPARE(session.rows().size(), ScenarioReviewSession::pageSize);
        session.select(440);
        QTRY_COMPARE(session.currentIndex(), 440);
        QTRY_VERIFY(session.hasCurrent());
        QCOMPARE(session.current().id, QStringLiteral("mem-440"));
        QCOMPARE(session.rows().size(), 450);

        filter.search = QStringLiteral("nothing-matches-this");
        session.setQueue(filter);
        QTRY_COMPARE(session.count(), qint64(0));
        QVERIFY(!session.hasCurrent());
        session.accept(); // nothing to judge: no crash, no write
    }
};

QTEST_GUILESS_MAIN(tst_ScenarioReviewSession)
#include "tst_scenarioreviewsession.moc"
