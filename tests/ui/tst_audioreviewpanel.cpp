// SPDX-License-Identifier: GPL-3.0-or-later
// The audio review queue driven from the keyboard, as a reviewer uses it: a LibriSpeech-layout
// corpus spoken by espeak-ng, imported and checked into a real workspace file; the planted silent
// and clipped clips lead the queue; every key's effect is read back through a second connection.
#include "audio/audiocheckrunner.h"
#include "audio/audioplayer.h"
#include "audio/audiopreviewwidget.h"
#include "audio/audiotransportbar.h"
#include "audiofixtures.h"
#include "importers/importservice.h"
#include "review/audioclipinfoview.h"
#include "review/audioreviewpanel.h"
#include "review/scenarioedits.h"
#include "store/asyncworkspace.h"
#include "store/workspacestore.h"

#include <QListView>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;
using namespace kx::test;

class tst_AudioReviewPanel : public QObject
{
    Q_OBJECT

private:
    TestScenario stored(qint64 rowId)
    {
        auto store = WorkspaceStore::open(m_path);
        return store ? (*store)->scenario(rowId).value() : TestScenario();
    }

    QTemporaryDir m_dir;
    QString m_path;
    FixtureCorpus m_corpus;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto corpus = AudioFixtures::makeLibriSpeech(m_dir.filePath(QStringLiteral("corpus")));
        QVERIFY2(corpus.ok(), corpus ? "" : qPrintable(corpus.error().message));
        m_corpus = *corpus;
        m_path = m_dir.filePath(QStringLiteral("review.kairix"));
        auto store = WorkspaceStore::open(m_path);
        QVERIFY(store.ok());
        ImportRequest request;
        request.paths = {m_corpus.root};
        request.kind = m_corpus.kind;
        QVERIFY(ImportService::run(**store, request).ok());
        auto checked = AudioCheckRunner::run(**store, ScenarioFilter{});
        QVERIFY2(checked.ok(), checked ? "" : qPrintable(checked.error().message));
        QCOMPARE(checked->clips, qint64(m_corpus.clips.size()));
    }

    void reviewFromTheKeyboard()
    {
        AsyncWorkspace workspace;
        QVERIFY(workspace.open(m_path).result().ok());
        AudioReviewPanel panel;
        panel.setReviewer(QStringLiteral("qa-1"));
        panel.resize(1200, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setWorkspace(&workspace);
        AudioReviewSession *session = panel.session();
        QTRY_VERIFY(session->hasCurrent());
        QTRY_COMPARE(session->count(), qint64(m_corpus.clips.size()));
        QTRY_COMPARE(panel.queueView()->model()->rowCount(), int(m_corpus.clips.size()));

        // Most suspicious first: the silent and the clipped clip lead.
        const QStringList planted = m_corpus.paths(PlantedKind::Silent) + m_corpus.paths(PlantedKind::Clipped);
        QVERIFY2(planted.contains(qs(session->current().audio["path"].get<std::string>())),
                 qPrintable(session->current().name));
        QTRY_VERIFY(!panel.preview()->isLoading() && panel.preview()->peaks());
        QVERIFY(panel.clipInfo()->rowsText().join(QLatin1Char('\n')).contains(QStringLiteral("Speaker:")));
        QVERIFY(panel.clipInfo()->rowsText().join(QLatin1Char('\n')).contains(QStringLiteral("Silence:")));
        panel.setFocus();

        // 2 flags "noise", A accepts and moves on.
        const qint64 first = session->currentRowId();
        QTest::keyClick(&panel, Qt::Key_2);
        QTRY_VERIFY(ScenarioEdits::audioTags(stored(first)) == QList<AudioIssueTag>{AudioIssueTag::Noise});
        QTest::keyClick(&panel, Qt::Key_A);
        QTRY_VERIFY(stored(first).status == ReviewStatus::Accepted);
        QTRY_COMPARE(session->currentIndex(), 1);
        QTRY_VERIFY(session->hasCurrent());

        // R rejects the second clip; Ctrl+Z brings it back to pending, and Ctrl+Shift+Z rejects it again.
        const qint64 second = session->currentRowId();
        QTest::keyClick(&panel, Qt::Key_R);
        QTRY_VERIFY(stored(second).status == ReviewStatus::Rejected);
        QTest::keyClick(&panel, Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY(stored(second).status == ReviewStatus::Pending);
        QTRY_COMPARE(session->currentIndex(), 1);
        QTest::keyClick(&panel, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(stored(second).status == ReviewStatus::Rejected);

        // Undo and redo left the queue on that clip. E edits its transcript in place: typing goes to
        // the text, Ctrl+Return saves.
        QTRY_VERIFY(session->hasCurrent());
        QCOMPARE(session->currentRowId(), second);
        const qint64 third = second;
        QTest::keyClick(&panel, Qt::Key_E);
        QVERIFY(!panel.transcriptEdit()->isReadOnly());
        QVERIFY(panel.transcriptEdit()->hasFocus());
        panel.transcriptEdit()->selectAll();
        QTest::keyClicks(panel.transcriptEdit(), QStringLiteral("A CORRECTED LINE"));
        QTest::keyClick(panel.transcriptEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(panel.transcriptEdit()->isReadOnly());
        QTRY_COMPARE(ScenarioEdits::transcript(stored(third)), QStringLiteral("A CORRECTED LINE"));
        QVERIFY(stored(third).status == ReviewStatus::Rejected); // the letters typed were text, not verdicts
        // Escape abandons an edit.
        QTest::keyClick(&panel, Qt::Key_E);
        QTest::keyClicks(panel.transcriptEdit(), QStringLiteral(" NOT KEPT"));
        QTest::keyClick(panel.transcriptEdit(), Qt::Key_Escape);
        QCOMPARE(panel.transcriptEdit()->toPlainText(), QStringLiteral("A CORRECTED LINE"));

        // ] and [ step the speed; Space plays (PulseAudio's null sink) and pauses.
        QTRY_VERIFY(!panel.preview()->isLoading());
        AudioPlayer *player = panel.preview()->player();
        QTest::keyClick(&panel, Qt::Key_BracketRight);
        QCOMPARE(player->speed(), 1.25);
        QTest::keyClick(&panel, Qt::Key_BracketLeft);
        QTest::keyClick(&panel, Qt::Key_BracketLeft);
        QCOMPARE(player->speed(), 0.75);
        QTest::keyClick(&panel, Qt::Key_Space);
        QTRY_VERIFY(player->state() == AudioPlayer::State::Playing);
        QTRY_VERIFY(player->position() > 0);
        QTest::keyClick(&panel, Qt::Key_Space);
        QTRY_VERIFY(player->state() == AudioPlayer::State::Paused);
        const qint64 at = player->position();
        QTest::keyClick(&panel, Qt::Key_Right);
        QTRY_VERIFY(player->position() > at);

        // The trail holds every step, by qa-1.
        auto store = WorkspaceStore::open(m_path);
        auto trail = (*store)->reviewEvents(second);
        QVERIFY(trail.ok());
        QStringList actions;
        for (const ReviewEvent &e : *trail) {
            actions << e.action;
            QCOMPARE(e.reviewer, QStringLiteral("qa-1"));
        }
        QCOMPARE(actions, (QStringList{QStringLiteral("verdict"), QStringLiteral("undo verdict"),
                                       QStringLiteral("redo verdict"), QStringLiteral("transcript")}));

        if (const QByteArray shot = qgetenv("KX_SCREENSHOT"); !shot.isEmpty())
            panel.grab().save(QString::fromLocal8Bit(shot));
        panel.setWorkspace(nullptr);
    }
};

QTEST_MAIN(tst_AudioReviewPanel)
#include "tst_audioreviewpanel.moc"
