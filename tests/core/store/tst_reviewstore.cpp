// SPDX-License-Identifier: GPL-3.0-or-later
// Durable scenario edits with their audit trail (WorkspaceStore::updateScenario / reviewEvents) and jsonDiff.
#include "storetesthelpers.h"

#include "util/jsondiff.h"

#include <QTemporaryDir>

using namespace kx;
using namespace kx::test;

class tst_ReviewStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diffPaths()
    {
        const Json before = Json::parse(R"({"a": 1, "b": {"c": "x", "d/e": [1, 2]}, "m": [{"t": "hi"}, {"t": "yo"}], "gone": true})");
        const Json after = Json::parse(R"({"a": 1, "b": {"c": "y", "d/e": [1, 2, 3]}, "m": [{"t": "hi"}, {"t": "hey"}], "new": null})");
        const Json diff = jsonDiff(before, after);
        QCOMPARE(diff.size(), size_t(5));
        QCOMPARE(diff[0], Json::parse(R"({"path": "/b/c", "before": "x", "after": "y"})"));
        QCOMPARE(diff[1], Json::parse(R"({"path": "/b/d~1e", "before": [1, 2], "after": [1, 2, 3]})"));
        QCOMPARE(diff[2], Json::parse(R"({"path": "/m/1/t", "before": "yo", "after": "hey"})"));
        QCOMPARE(diff[3], Json::parse(R"({"path": "/gone", "before": true})"));
        QCOMPARE(diff[4], Json::parse(R"({"path": "/new", "after": null})"));
        QVERIFY(jsonDiff(before, before).empty());
        QCOMPARE(jsonDiff(Json(1), Json("1")), Json::parse(R"([{"path": "", "before": 1, "after": "1"}])"));
    }

    void updateIsDurableAndAudited()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.kairix"));
        qint64 rowId = 0;
        {
            KX_OPEN_STORE(store, path);
            QVERIFY(importDataset(store, makeDataset(QStringLiteral("d")),
                                  {makeScenario(QStringLiteral("s1"), QStringLiteral("First"), QStringLiteral("zebra text"),
                                                Category::Synthetic, ReviewStatus::Pending, {QStringLiteral("voice_input")}),
                                   makeScenario(QStringLiteral("s2"), QStringLiteral("Second"), QStringLiteral("other"))}));
            rowId = store.page({}, {}, {}, 1)->first().rowId;
            auto before = store.scenario(rowId);
            QVERIFY(before.ok());

            TestScenario edited = *before;
            edited.status = ReviewStatus::Accepted;
            edited.messages[1].content = QStringLiteral("giraffe text");
            edited.expectedCapabilities = {QStringLiteral("speech_recognition")};
            edited.review["audio_tags"] = Json::array({"noise"});
            auto event = store.updateScenario(rowId, edited, QStringLiteral("ana"), QStringLiteral("edit"));
            QVERIFY2(event.ok(), event ? "" : qPrintable(event.error().message));
            QVERIFY(event->id > 0);
            QCOMPARE(event->reviewer, QStringLiteral("ana"));
            QCOMPARE(event->action, QStringLiteral("edit"));
            QCOMPARE(event->changes.size(), size_t(4));

            // Nothing changed: nothing written.
            auto none = store.updateScenario(rowId, edited, QStringLiteral("ana"), QStringLiteral("edit"));
            QVERIFY(none.ok());
            QCOMPARE(none->id, qint64(0));

            // The other scenario's id cannot be taken.
            TestScenario clash = edited;
            clash.id = QStringLiteral("s2");
            auto refused = store.updateScenario(rowId, clash, QStringLiteral("ana"), QStringLiteral("edit"));
            QVERIFY(!refused.ok());
            QVERIFY(refused.error().message.contains(QStringLiteral("s2")));
        }
        // Reopened: the edit, its search entry, its capabilities and its trail are there.
        KX_OPEN_STORE(store, path);
        auto s = store.scenario(rowId);
        QVERIFY(s.ok());
        QCOMPARE(s->status, ReviewStatus::Accepted);
        QCOMPARE(s->messages[1].content, QStringLiteral("giraffe text"));
        QCOMPARE(s->review["audio_tags"], Json::array({"noise"}));
        ScenarioFilter search;
        search.search = QStringLiteral("giraffe");
        QCOMPARE(*store.count(search), 1);
        search.search = QStringLiteral("zebra");
        QCOMPARE(*store.count(search), 0);
        ScenarioFilter caps;
        caps.capabilities = {QStringLiteral("speech_recognition")};
        QCOMPARE(*store.count(caps), 1);
        caps.capabilities = {QStringLiteral("voice_input")};
        QCOMPARE(*store.count(caps), 0);
        ScenarioFilter accepted;
        accepted.statuses = {ReviewStatus::Accepted};
        QCOMPARE(*store.count(accepted), 1);

        auto trail = store.reviewEvents(rowId);
        QVERIFY(trail.ok());
        QCOMPARE(trail->size(), 1);
        const ReviewEvent &e = trail->first();
        QCOMPARE(e.reviewer, QStringLiteral("ana"));
        QVERIFY(e.at.isValid());
        QVERIFY(qAbs(e.at.secsTo(QDateTime::currentDateTimeUtc())) < 600);
        bool sawStatus = false, sawMessage = false;
        for (const Json &c : e.changes) {
            if (c["path"] == "/review/status") {
                sawStatus = true;
                QCOMPARE(c["before"], Json("pending"));
                QCOMPARE(c["after"], Json("accepted"));
            }
            if (c["path"] == "/messages/1/content") {
                sawMessage = true;
                QCOMPARE(c["before"], Json("zebra text"));
            }
        }
        QVERIFY(sawStatus && sawMessage);
    }

    void unknownRow()
    {
        KX_OPEN_STORE(store, QStringLiteral(":memory:"));
        auto r = store.updateScenario(99, makeScenario(QStringLiteral("x"), QStringLiteral("x"), QStringLiteral("x")),
                                      QString(), QStringLiteral("edit"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::NotFound);
        QVERIFY(store.reviewEvents(99)->isEmpty());
    }

    void trailGoesWithItsScenario()
    {
        KX_OPEN_STORE(store, QStringLiteral(":memory:"));
        const qint64 ds = importDataset(store, makeDataset(QStringLiteral("d")),
                                        {makeScenario(QStringLiteral("s1"), QStringLiteral("n"), QStringLiteral("t"))});
        const qint64 rowId = store.page({}, {}, {}, 1)->first().rowId;
        TestScenario s = *store.scenario(rowId);
        s.status = ReviewStatus::Rejected;
        QVERIFY(store.updateScenario(rowId, s, QStringLiteral("bo"), QStringLiteral("verdict")).ok());
        QCOMPARE(sqlInt(store.handle(), "SELECT count(*) FROM review_events"), 1);
        QVERIFY(store.removeDataset(ds).ok());
        QCOMPARE(sqlInt(store.handle(), "SELECT count(*) FROM review_events"), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ReviewStore)
#include "tst_reviewstore.moc"
