// SPDX-License-Identifier: GPL-3.0-or-later
// The audio review queue on a real workspace file: order, paging, verdicts, tags and transcript
// edits saved at once (checked through a second connection), undo and redo across clips, the trail.
#include "review/audioreviewsession.h"
#include "review/scenarioedits.h"
#include "store/asyncworkspace.h"
#include "store/workspacestore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

namespace {

TestScenario clip(int i)
{
    TestScenario s;
    s.id = QStringLiteral("clip-%1").arg(i, 4, 10, QLatin1Char('0'));
    s.name = s.id;
    const QString text = QStringLiteral("SENTENCE NUMBER %1").arg(i);
    s.messages = {ChatMessage{QStringLiteral("user"), text, Json::object()}};
    s.evaluationCriteria = {{"expected_transcript", ss(text)}};
    s.audio = {{"path", "/corpus/" + std::to_string(i) + ".flac"}, {"speaker_id", "84"}};
    return s;
}

/** A workspace file with @p clips clips (suspicion = i mod 7 · 10 + i / 100), plus two text scenarios. */
QString makeWorkspace(const QTemporaryDir &dir, int clips)
{
    const QString path = dir.filePath(QStringLiteral("review.kairix"));
    auto store = WorkspaceStore::open(path);
    if (!store)
        return QString();
    auto session = (*store)->beginImport();
    TestDataset d;
    d.name = QStringLiteral("voice");
    (void)(*session)->beginDataset(d);
    TestScenario text;
    text.id = QStringLiteral("text-a");
    text.name = text.id;
    (void)(*session)->add(text);
    for (int i = 0; i < clips; ++i)
        (void)(*session)->add(clip(i));
    text.id = QStringLiteral("text-b");
    (void)(*session)->add(text);
    if (!(*session)->commit())
        return QString();
    session->reset();
    QList<std::pair<qint64, AudioCheck>> checks;
    ScenarioFilter audio;
    audio.audioOnly = true;
    (void)(*store)->forEachScenarioRow(audio, [&](qint64 rowId, const TestScenario &s) -> Result<void> {
        const int i = s.id.mid(5).toInt();
        AudioCheck c;
        c.suspicion = (i % 7) * 10 + i / 100.0;
        checks.append({rowId, c});
        return {};
    });
    if (!(*store)->putAudioChecks(checks))
        return QString();
    return path;
}

TestScenario stored(const QString &path, qint64 rowId)
{
    auto store = WorkspaceStore::open(path);
    return store ? (*store)->scenario(rowId).value() : TestScenario();
}

} // namespace

class tst_AudioReviewSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
    }

    void ordersMostSuspiciousFirstAndPages()
    {
        QTemporaryDir dir;
        const QString path = makeWorkspace(dir, 450);
        QVERIFY(!path.isEmpty());
        AsyncWorkspace ws;
        QVERIFY(ws.open(path).result().ok());
        AudioReviewSession session(&ws);
        QSignalSpy current(&session, &AudioReviewSession::currentChanged);
        session.setQueue({}, AudioReviewSession::Order::MostSuspiciousFirst);
        QTRY_VERIFY(session.hasCurrent());
        QTRY_COMPARE(session.count(), qint64(450));
        QCOMPARE(session.rows().size(), AudioReviewSession::pageSize);
        // i % 7 == 6 first, highest i first among those: 447 has 60 + 4.47.
        QCOMPARE(session.current().id, QStringLiteral("clip-0447"));
        for (int k = 1; k < session.rows().size(); ++k)
            QVERIFY(session.rows()[k - 1].audioSuspicion >= session.rows()[k].audioSuspicion);

        // Moving on loads the next pages; the text scenarios never appear.
        session.select(430);
        QTRY_COMPARE(session.currentIndex(), 430);
        QTRY_VERIFY(session.hasCurrent());
        QTRY_COMPARE(session.rows().size(), 450);
        for (const ScenarioRow &r : session.rows())
            QVERIFY(r.id.startsWith(QLatin1String("clip-")));

        session.setQueue({}, AudioReviewSession::Order::WorkspaceOrder);
        QTRY_VERIFY(session.hasCurrent());
        QCOMPARE(session.current().id, QStringLiteral("clip-0000"));
    }

    void editsAreDurableAndUndoable()
    {
        QTemporaryDir dir;
        const QString path = makeWorkspace(dir, 10);
        QVERIFY(!path.isEmpty());
        AsyncWorkspace ws;
        QVERIFY(ws.open(path).result().ok());
        AudioReviewSession session(&ws);
        session.setReviewer(QStringLiteral("ana"));
        QSignalSpy saved(&session, &AudioReviewSession::saved);
        session.setQueue({}, AudioReviewSession::Order::WorkspaceOrder);
        QTRY_VERIFY(session.hasCurrent());
        const qint64 first = session.currentRowId();
        QCOMPARE(session.current().id, QStringLiteral("clip-0000"));

        // Tags and a transcript edit on clip 0: each saved at once.
        session.toggleTag(AudioIssueTag::Noise);
        session.toggleTag(AudioIssueTag::TranscriptMismatch);
        session.setTranscript(QStringLiteral("SENTENCE NUMBER ZERO"));
        QTRY_COMPARE(saved.size(), 3);
        TestScenario s = stored(path, first);
        QVERIFY(s.review["audio_tags"] == Json::parse(R"(["noise", "transcript_mismatch"])"));
        QCOMPARE(ScenarioEdits::transcript(s), QStringLiteral("SENTENCE NUMBER ZERO"));
        QCOMPARE(s.messages[0].content, QStringLiteral("SENTENCE NUMBER ZERO"));

        // The verdict is saved and the queue moves on.
        session.accept();
        QTRY_COMPARE(saved.size(), 4);
        QVERIFY(stored(path, first).status == ReviewStatus::Accepted);
        QTRY_VERIFY(session.hasCurrent());
        QCOMPARE(session.currentIndex(), 1);
        const qint64 second = session.currentRowId();
        session.reject();
        QTRY_COMPARE(saved.size(), 5);
        QVERIFY(stored(path, second).status == ReviewStatus::Rejected);
        QTRY_COMPARE(session.currentIndex(), 2);

        // Undo across clips: back to clip 1 and its verdict gone, then clip 0's verdict.
        session.undoStack()->undo();
        QTRY_COMPARE(saved.size(), 6);
        QTRY_COMPARE(session.currentIndex(), 1);
        QTRY_VERIFY(session.hasCurrent());
        QVERIFY(session.current().status == ReviewStatus::Pending);
        QVERIFY(stored(path, second).status == ReviewStatus::Pending);
        session.undoStack()->undo();
        QTRY_COMPARE(saved.size(), 7);
        QTRY_COMPARE(session.currentIndex(), 0);
        QTRY_VERIFY(session.hasCurrent());
        QVERIFY(stored(path, first).status == ReviewStatus::Pending);
        // The transcript edit is next on the stack.
        session.undoStack()->undo();
        QTRY_COMPARE(saved.size(), 8);
        QCOMPARE(ScenarioEdits::transcript(stored(path, first)), QStringLiteral("SENTENCE NUMBER 0"));
        QCOMPARE(session.current().messages[0].content, QStringLiteral("SENTENCE NUMBER 0"));
        session.undoStack()->redo();
        QTRY_COMPARE(saved.size(), 9);
        QCOMPARE(ScenarioEdits::transcript(stored(path, first)), QStringLiteral("SENTENCE NUMBER ZERO"));
        session.undoStack()->redo();
        QTRY_COMPARE(saved.size(), 10);
        QVERIFY(stored(path, first).status == ReviewStatus::Accepted);

        // The audit trail names every step, by ana.
        auto store = WorkspaceStore::open(path);
        QVERIFY(store.ok());
        auto trail = (*store)->reviewEvents(first);
        QVERIFY(trail.ok());
        QStringList actions;
        for (const ReviewEvent &e : *trail) {
            actions << e.action;
            QCOMPARE(e.reviewer, QStringLiteral("ana"));
        }
        QCOMPARE(actions, (QStringList{QStringLiteral("tags"), QStringLiteral("tags"), QStringLiteral("transcript"),
                                       QStringLiteral("verdict"), QStringLiteral("undo verdict"),
                                       QStringLiteral("undo transcript"), QStringLiteral("redo transcript"),
                                       QStringLiteral("redo verdict")}));
        QVERIFY(trail->at(3).changes == Json::parse(R"([{"path": "/review/status", "before": "pending", "after": "accepted"}])"));
    }

    void quickRedoIsNotLostToALoadInFlight()
    {
        // Undo jumps back to the previous clip and starts loading it; a redo right away must
        // not be overwritten by that load, nor the next edit be built on the stale state.
        QTemporaryDir dir;
        const QString path = makeWorkspace(dir, 4);
        AsyncWorkspace ws;
        QVERIFY(ws.open(path).result().ok());
        AudioReviewSession session(&ws);
        QSignalSpy saved(&session, &AudioReviewSession::saved);
        session.setQueue({}, AudioReviewSession::Order::WorkspaceOrder);
        QTRY_VERIFY(session.hasCurrent());
        const qint64 first = session.currentRowId();
        session.reject();
        QTRY_VERIFY(session.hasCurrent());
        QCOMPARE(session.currentIndex(), 1);
        session.undoStack()->undo();
        session.undoStack()->redo(); // before the jump's load has come back
        QTRY_VERIFY(session.hasCurrent());
        QCOMPARE(session.currentRowId(), first);
        QVERIFY(session.current().status == ReviewStatus::Rejected);
        session.toggleTag(AudioIssueTag::Clipping);
        QTRY_COMPARE(saved.size(), 4);
        const TestScenario s = stored(path, first);
        QVERIFY(s.status == ReviewStatus::Rejected);
        QVERIFY(ScenarioEdits::audioTags(s) == QList<AudioIssueTag>{AudioIssueTag::Clipping});
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(tst_AudioReviewSession)
#include "tst_audioreviewsession.moc"
