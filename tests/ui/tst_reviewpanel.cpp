// SPDX-License-Identifier: GPL-3.0-or-later
// The review queue page driven from the keyboard, as a reviewer uses it, on real GSM8K questions
// (plus one multi-turn memory scenario) imported into a workspace file: every key's effect is read
// back through a second connection, and the human_reviews mirror follows.
#include "importers/importservice.h"
#include "mainwindow.h"
#include "model/reviewevent.h"
#include "review/criteriaeditor.h"
#include "review/criterionscorebar.h"
#include "review/humanreviews.h"
#include "review/reviewpanel.h"
#include "review/reviewtrailview.h"
#include "review/stringlisteditor.h"
#include "review/transcripteditor.h"
#include "store/asyncworkspace.h"
#include "store/sqlitestatement.h"
#include "store/workspacestore.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QListView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

class tst_ReviewPanel : public QObject
{
    Q_OBJECT

private:
    TestScenario stored(qint64 rowId)
    {
        auto store = WorkspaceStore::open(m_path);
        return store ? (*store)->scenario(rowId).value() : TestScenario();
    }

    std::optional<HumanReview> review(qint64 rowId)
    {
        return HumanReviews::of(stored(rowId), QStringLiteral("qa-1"));
    }

    QString mirrorVerdict(qint64 rowId)
    {
        auto store = WorkspaceStore::open(m_path);
        auto stmt = SqliteStatement::prepare((*store)->handle(),
                                             "SELECT verdict FROM human_reviews WHERE scenario_id = ?1 AND reviewer = 'qa-1'");
        stmt->bind(1, rowId);
        QString verdict;
        (void)stmt->forEachRow([&] { verdict = stmt->columnText(0); });
        return verdict;
    }

    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the main window test stores its settings there
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("review.kairix"));
        auto store = WorkspaceStore::open(m_path);
        QVERIFY(store.ok());
        ImportRequest request;
        request.paths = {QStringLiteral(KX_SHARED_DATA "/gsm8k/grade_school_math/data/test_socratic.first50.jsonl")};
        auto imported = ImportService::run(**store, request);
        QVERIFY2(imported.ok(), imported ? "" : qPrintable(imported.error().message));
        QCOMPARE(imported->scenarios, qint64(50));

        auto session = (*store)->beginImport();
        QVERIFY(session.ok());
        TestDataset d;
        d.name = QStringLiteral("memory");
        QVERIFY((*session)->beginDataset(d).ok());
        TestScenario s;
        s.id = QStringLiteral("mem-1");
        s.name = QStringLiteral("Recall a pet's name");
        s.category = Category::Synthetic;
        s.messages = {ChatMessage{QStringLiteral("system"), QStringLiteral("You remember what users tell you."), Json::object()},
                      ChatMessage{QStringLiteral("user"), QStringLiteral("My cat is called Miso."), Json::object()},
                      ChatMessage{QStringLiteral("assistant"), QStringLiteral("Nice name!"), Json::object()},
                      ChatMessage{QStringLiteral("user"), QStringLiteral("What is my cat called?"), Json::object()}};
        s.memoryRequirements = {QStringLiteral("the cat's name")};
        s.evaluationCriteria = {{"must_mention", "Miso"}};
        QVERIFY((*session)->add(s).ok());
        QVERIFY((*session)->commit().ok());
    }

    void reviewFromTheKeyboard()
    {
        AsyncWorkspace workspace;
        QVERIFY(workspace.open(m_path).result().ok());
        ReviewPanel panel;
        panel.setReviewer(QStringLiteral("qa-1"));
        panel.resize(1400, 900);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setWorkspace(&workspace);
        ScenarioReviewSession *session = panel.session();
        QAbstractItemModelTester tester(panel.queueView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(session->hasCurrent());
        QTRY_COMPARE(session->count(), qint64(51));
        QTRY_COMPARE(panel.queueView()->model()->rowCount(), 51);
        QCOMPARE(panel.transcript()->count(), 1);
        QVERIFY(panel.transcript()->bubbleText(0).contains(QStringLiteral("?")));
        panel.setFocus();

        // 4 scores the focused criterion (clarity) 0.8; → moves the focus; 2 scores complexity 0.4.
        const qint64 first = session->currentRowId();
        QTest::keyClick(&panel, Qt::Key_4);
        QTRY_VERIFY(review(first) && review(first)->score(Criterion::Clarity) == 0.8);
        QTest::keyClick(&panel, Qt::Key_Right);
        QCOMPARE(panel.scoreBar()->focusedCriterion(), Criterion::Complexity);
        QTest::keyClick(&panel, Qt::Key_2);
        QTRY_VERIFY(review(first)->score(Criterion::Complexity) == 0.4);
        QTRY_VERIFY(panel.saveStateText().startsWith(QStringLiteral("Saved")));
        QCOMPARE(panel.scoreBar()->scores()[size_t(Criterion::Complexity)], std::optional<double>(0.4));

        // C opens the comment; Ctrl+Return saves it.
        QTest::keyClick(&panel, Qt::Key_C);
        QVERIFY(panel.commentEdit()->hasFocus());
        QTest::keyClicks(panel.commentEdit(), QStringLiteral("Arithmetic is right; A R S typed here are text."));
        QTest::keyClick(panel.commentEdit(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(review(first)->comment, QStringLiteral("Arithmetic is right; A R S typed here are text."));
        QVERIFY(!review(first)->verdict);

        // A accepts and moves on.
        QTest::keyClick(&panel, Qt::Key_A);
        QTRY_VERIFY(stored(first).status == ReviewStatus::Accepted);
        QTRY_COMPARE(mirrorVerdict(first), QStringLiteral("accepted"));
        QTRY_COMPARE(session->currentIndex(), 1);
        QTRY_VERIFY(session->hasCurrent());

        // R rejects; Ctrl+Z brings it back to pending, Ctrl+Shift+Z rejects it again.
        const qint64 second = session->currentRowId();
        QTest::keyClick(&panel, Qt::Key_R);
        QTRY_VERIFY(stored(second).status == ReviewStatus::Rejected);
        QTest::keyClick(&panel, Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY(stored(second).status == ReviewStatus::Pending);
        QTRY_COMPARE(session->currentIndex(), 1);
        QTest::keyClick(&panel, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(stored(second).status == ReviewStatus::Rejected);
        QTRY_VERIFY(session->hasCurrent());
        QCOMPARE(session->currentRowId(), second);

        // E edits the message in place: typing goes to the text, Ctrl+Return saves.
        QTest::keyClick(&panel, Qt::Key_E);
        QVERIFY(panel.transcript()->isEditing());
        QPlainTextEdit *editor = panel.transcript()->contentEditor();
        QVERIFY(editor);
        QVERIFY2(editor->hasFocus(), QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className() : "none");
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("A farmer has 12 eggs and sells 5. How many are left?"));
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!panel.transcript()->isEditing());
        QTRY_COMPARE(stored(second).messages[0].content,
                     QStringLiteral("A farmer has 12 eggs and sells 5. How many are left?"));
        QVERIFY(stored(second).status == ReviewStatus::Rejected); // the letters typed were text, not verdicts
        QTRY_COMPARE(panel.transcript()->bubbleText(0),
                     QStringLiteral("A farmer has 12 eggs and sells 5. How many are left?"));
        // Escape abandons an edit.
        QTest::keyClick(&panel, Qt::Key_E);
        QTest::keyClicks(panel.transcript()->contentEditor(), QStringLiteral(" NOT KEPT"));
        QTest::keyClick(panel.transcript()->contentEditor(), Qt::Key_Escape);
        QVERIFY(!panel.transcript()->isEditing());
        QTest::qWait(50);
        QCOMPARE(stored(second).messages[0].content,
                 QStringLiteral("A farmer has 12 eggs and sells 5. How many are left?"));

        // S on a judged scenario only moves on; on a pending one it records the skip.
        QTest::keyClick(&panel, Qt::Key_S);
        QTRY_COMPARE(session->currentIndex(), 2);
        QVERIFY(stored(second).status == ReviewStatus::Rejected);
        QTRY_VERIFY(session->hasCurrent());
        const qint64 third = session->currentRowId();
        QTest::keyClick(&panel, Qt::Key_S);
        QTRY_VERIFY(stored(third).status == ReviewStatus::Skipped);
        QTRY_COMPARE(session->currentIndex(), 3);

        // ↑ goes back; the criteria table edits a value in place (typed JSON numbers stay numbers).
        QTest::keyClick(&panel, Qt::Key_Up);
        QTRY_COMPARE(session->currentIndex(), 2);
        QTRY_VERIFY(session->hasCurrent());
        const Json expected = stored(third).evaluationCriteria["expected_answer"];
        QVERIFY(expected.is_string());
        QTableWidget *criteria = panel.criteriaEditor()->table();
        QCOMPARE(criteria->item(0, 0)->text(), QStringLiteral("expected_answer"));
        criteria->setFocus();
        criteria->setCurrentCell(0, 1);
        QTest::keyClick(criteria, Qt::Key_F2);
        auto *cellEditor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(cellEditor);
        cellEditor->selectAll();
        QTest::keyClicks(cellEditor, QStringLiteral("42"));
        QTest::keyClick(cellEditor, Qt::Key_Return);
        QTRY_VERIFY(stored(third).evaluationCriteria["expected_answer"] == Json(42));

        // M adds a memory requirement: type it, Return saves.
        panel.setFocus();
        QTest::keyClick(&panel, Qt::Key_M);
        auto *itemEditor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(itemEditor);
        QTest::keyClicks(itemEditor, QStringLiteral("the number of eggs sold"));
        QTest::keyClick(itemEditor, Qt::Key_Return);
        QTRY_COMPARE(stored(third).memoryRequirements, QStringList{QStringLiteral("the number of eggs sold")});
        QTRY_COMPARE(panel.memoryEditor()->listWidget()->count(), 1);

        // The history shows this scenario's trail, newest first, with its diffs.
        QTRY_COMPARE(panel.trailView()->topLevelItemCount(), 3);
        QCOMPARE(panel.trailView()->topLevelItem(0)->text(1), QStringLiteral("qa-1"));
        QCOMPARE(panel.trailView()->topLevelItem(0)->text(2),
                 QStringLiteral("edit · memory requirements: [] → [\"the number of eggs sold\"]"));
        QVERIFY2(panel.trailView()->topLevelItem(1)->text(2).startsWith(QStringLiteral("edit · criterion expected_answer: “")),
                 qPrintable(panel.trailView()->topLevelItem(1)->text(2)));
        QVERIFY(panel.trailView()->topLevelItem(1)->text(2).endsWith(QStringLiteral("” → 42")));
        QVERIFY(panel.trailView()->topLevelItem(1)->toolTip(2).contains(QStringLiteral("/evaluation_criteria/expected_answer")));
        // The skip: the status and qa-1's verdict (the review's timestamp is not listed).
        QCOMPARE(panel.trailView()->topLevelItem(2)->text(2), QStringLiteral("verdict · 2 changes"));

        // Ctrl+Z twice undoes the two edits; again jumps back to the second scenario and un-edits its message.
        panel.setFocus();
        QTest::keyClick(&panel, Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(&panel, Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY(stored(third).memoryRequirements.isEmpty());
        QTRY_VERIFY(stored(third).evaluationCriteria["expected_answer"] == expected);
        QTRY_VERIFY(session->hasCurrent());
        QTest::keyClick(&panel, Qt::Key_Z, Qt::ControlModifier); // the skip
        QTRY_VERIFY(stored(third).status == ReviewStatus::Pending);
        QTest::keyClick(&panel, Qt::Key_Z, Qt::ControlModifier); // the message edit of the second
        QTRY_COMPARE(session->currentRowId(), second);
        QTRY_VERIFY(!stored(second).messages[0].content.startsWith(QStringLiteral("A farmer")));
    }

    void mainWindowPage()
    {
        // Ctrl+5 opens the page; it queues what the Scenarios page's search selects.
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openWorkspace(m_path);
        ReviewPanel *panel = window.reviewPanel();
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pages"));
        QCOMPARE(pages->currentWidget(), panel);
        QCOMPARE(pages->tabText(pages->currentIndex()), QStringLiteral("Review"));
        QTRY_COMPARE(panel->session()->count(), qint64(51));
        window.searchBox()->setText(QStringLiteral("cat"));
        QTRY_COMPARE(panel->session()->count(), qint64(1));
        QTRY_VERIFY(panel->session()->hasCurrent());
        QCOMPARE(panel->session()->current().id, QStringLiteral("mem-1"));
    }

    void trailLinesNameTheChange()
    {
        ReviewEvent e;
        e.action = QStringLiteral("score");
        e.changes = Json::parse(R"([
            {"path": "/review/reviews/ana/scores/clarity", "before": 0.4, "after": 0.8},
            {"path": "/review/reviews/ana/at", "before": "2026-01-01T10:00:00.000Z", "after": "2026-01-01T10:01:00.000Z"},
            {"path": "/messages/1/content", "before": "Hi", "after": "Hello"},
            {"path": "/messages/1/role", "before": "user", "after": "assistant"},
            {"path": "/evaluation_criteria/tone", "after": "friendly"},
            {"path": "/evaluation_criteria/a~1b", "before": 1},
            {"path": "/review/status", "before": "pending", "after": "accepted"},
            {"path": "/review/reviews/bo~0b", "after": {"verdict": "rejected"}}])");
        QCOMPARE(ReviewTrailView::changeLines(e),
                 (QStringList{QStringLiteral("ana's clarity score: 0.4 → 0.8"),
                              QStringLiteral("message 2 text: “Hi” → “Hello”"),
                              QStringLiteral("message 2 role: “user” → “assistant”"),
                              QStringLiteral("criterion tone: ∅ → “friendly”"),
                              QStringLiteral("criterion a/b: 1 → ∅"),
                              QStringLiteral("status: “pending” → “accepted”"),
                              QStringLiteral("bo~b's review: ∅ → {\"verdict\":\"rejected\"}")}));
    }

    void messagesAreSelectedAndEditedInPlace()
    {
        AsyncWorkspace workspace;
        QVERIFY(workspace.open(m_path).result().ok());
        ReviewPanel panel;
        panel.setReviewer(QStringLiteral("qa-1"));
        panel.resize(1400, 900);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setWorkspace(&workspace);
        ScenarioReviewSession *session = panel.session();
        QTRY_VERIFY(session->hasCurrent());
        session->select(50);
        QTRY_COMPARE(session->currentIndex(), 50);
        QTRY_VERIFY(session->hasCurrent());
        const qint64 row = session->currentRowId();
        QCOMPARE(session->current().id, QStringLiteral("mem-1"));
        QCOMPARE(panel.transcript()->count(), 4);
        panel.setFocus();

        // Alt+↓ selects the next message; E edits it, role included.
        QCOMPARE(panel.transcript()->selectedIndex(), 0);
        QTest::keyClick(&panel, Qt::Key_Down, Qt::AltModifier);
        QTest::keyClick(&panel, Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(panel.transcript()->selectedIndex(), 2);
        QCOMPARE(session->currentIndex(), 50); // the scenario stayed
        QTest::keyClick(&panel, Qt::Key_E);
        QVERIFY(panel.transcript()->isEditing());
        QCOMPARE(panel.transcript()->editingIndex(), 2);
        panel.transcript()->roleEditor()->setCurrentText(QStringLiteral("user"));
        QPlainTextEdit *editor = panel.transcript()->contentEditor();
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("I also have a dog."));
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(stored(row).messages[2].content, QStringLiteral("I also have a dog."));
        QCOMPARE(stored(row).messages[2].role, QStringLiteral("user"));
        QCOMPARE(panel.transcript()->selectedIndex(), 2); // the selection stays on the edited message

        // Score keys after the edit still score (the page got the keyboard back); 0 clears.
        QTest::keyClick(&panel, Qt::Key_5);
        QTRY_VERIFY(review(row) && review(row)->score(Criterion::Clarity) == 1.0);
        QTest::keyClick(&panel, Qt::Key_0);
        QTRY_VERIFY(review(row) && !review(row)->score(Criterion::Clarity));

        // A second reviewer: their verdict is theirs; the first reviewer's page lists it.
        panel.setReviewer(QStringLiteral("qa-2"));
        QVERIFY(!session->currentReview().verdict);
        QTest::keyClick(&panel, Qt::Key_R);
        QTRY_VERIFY(stored(row).status == ReviewStatus::Rejected);
        QCOMPARE(HumanReviews::all(stored(row)).size(), 2);
        QCOMPARE(session->currentIndex(), 50); // the last scenario: nowhere to move on to
        panel.setReviewer(QStringLiteral("qa-1"));
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("otherReviews"))->text().contains(QStringLiteral("qa-2")));

        // Without a name a verdict is refused on the status line, not in a dialog.
        QSignalSpy errors(&panel, &ReviewPanel::errorOccurred);
        panel.setReviewer(QString());
        QTest::keyClick(&panel, Qt::Key_A);
        QVERIFY2(panel.saveStateText().contains(QStringLiteral("Enter your name")), qPrintable(panel.saveStateText()));
        QCOMPARE(errors.size(), 0);
        QVERIFY(stored(row).status == ReviewStatus::Rejected);
        panel.setReviewer(QStringLiteral("qa-1"));

        if (const QByteArray shot = qgetenv("KX_SCREENSHOT"); !shot.isEmpty())
            panel.grab().save(QString::fromLocal8Bit(shot));
        panel.setWorkspace(nullptr);
    }
};

QTEST_MAIN(tst_ReviewPanel)
#include "tst_reviewpanel.moc"
