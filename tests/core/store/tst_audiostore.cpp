// SPDX-License-Identifier: GPL-3.0-or-later
// The audio tables of the workspace: the peaks cache, stored checks, the flag filter and
// the "most suspicious first" order (keyset-paged), and the v1 -> v2 migration.
#include "storetesthelpers.h"

#include <QTemporaryDir>

#include <cmath>

using namespace kx;
using namespace kx::test;

class tst_AudioStore : public QObject
{
    Q_OBJECT

private:
    static TestScenario clip(int i)
    {
        TestScenario s = makeScenario(QStringLiteral("clip-%1").arg(i), QStringLiteral("Clip %1").arg(i),
                                      QStringLiteral("SAY %1").arg(i), Category::Benchmark);
        s.audio = Json{{"path", "/corpus/" + std::to_string(i) + ".flac"}};
        return s;
    }

private Q_SLOTS:
    void peaksCache()
    {
        KX_OPEN_STORE(store, QStringLiteral(":memory:"));
        QVERIFY(!store.audioPeaks(QStringLiteral("k"))->has_value());
        QByteArray blob(100000, '\0');
        for (int i = 0; i < blob.size(); ++i)
            blob[i] = char(i * 31);
        QVERIFY(store.putAudioPeaks(QStringLiteral("k"), blob).ok());
        QCOMPARE(**store.audioPeaks(QStringLiteral("k")), blob);
        QVERIFY(store.putAudioPeaks(QStringLiteral("k"), QByteArray("new")).ok());
        QCOMPARE(**store.audioPeaks(QStringLiteral("k")), QByteArray("new"));
    }

    void checksFilterAndOrder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.kairix"));
        {
            KX_OPEN_STORE(store, path);
            QList<TestScenario> clips;
            for (int i = 0; i < 40; ++i)
                clips.append(clip(i));
            clips.append(makeScenario(QStringLiteral("text"), QStringLiteral("No audio"), QStringLiteral("hello")));
            QVERIFY(importDataset(store, makeDataset(QStringLiteral("voice")), clips));

            QList<std::pair<qint64, AudioCheck>> checks;
            ScenarioFilter audio;
            audio.audioOnly = true;
            QCOMPARE(*store.count(audio), 40);
            const auto rows = *store.page(audio, {}, {}, 100);
            for (const ScenarioRow &r : rows) {
                AudioCheck c;
                const int i = r.name.mid(5).toInt();
                c.seconds = 1 + i;
                c.sampleRate = 16000;
                c.channels = 1;
                c.peakDbfs = -1;
                c.rmsDbfs = -20;
                c.suspicion = (i * 7) % 40; // a permutation of 0..39
                if (i == 3)
                    c.flags = AudioCheck::Flag::Clipping;
                if (i == 5)
                    c.flags = AudioCheck::Flag::Silent | AudioCheck::Flag::TooQuiet;
                if (i == 9) {
                    c.flags = AudioCheck::Flag::Undecodable;
                    c.error = QStringLiteral("9.flac: broken");
                }
                if (i == 11)
                    c.charsPerSecond = 14.5;
                checks.append({r.rowId, c});
            }
            QVERIFY(store.putAudioChecks(checks).ok());
            // An unknown row stores nothing at all.
            AudioCheck bad;
            bad.suspicion = 1000;
            QList<std::pair<qint64, AudioCheck>> withUnknown{{rows.first().rowId, bad}, {999999, bad}};
            QCOMPARE(store.putAudioChecks(withUnknown).error().code, Error::Code::NotFound);
        }
        KX_OPEN_STORE(store, path);
        ScenarioFilter flagged;
        flagged.audioFlags = int(AudioCheck::Flag::Clipping) | int(AudioCheck::Flag::Silent);
        auto hits = store.page(flagged, {}, {}, 10);
        QCOMPARE(hits->size(), 2);
        QCOMPARE(hits->at(0).name, QStringLiteral("Clip 3"));
        QCOMPARE(hits->at(1).name, QStringLiteral("Clip 5"));
        QCOMPARE(hits->at(1).audioFlags, int(AudioCheck::Flag::Silent) | int(AudioCheck::Flag::TooQuiet));

        // The facet counts each flag under the rest of the filter, ignoring its own part.
        auto facet = store.audioFlagFacet(flagged);
        QVERIFY(facet.ok());
        QCOMPARE(facet->size(), 6);
        QHash<QString, qint64> counts;
        for (const FacetCount &f : *facet)
            counts[f.key] = f.count;
        QCOMPARE(counts[QStringLiteral("clipping")], 1);
        QCOMPARE(counts[QStringLiteral("silent")], 1);
        QCOMPARE(counts[QStringLiteral("too_quiet")], 1);
        QCOMPARE(counts[QStringLiteral("undecodable")], 1);
        QCOMPARE(counts[QStringLiteral("rate_outlier")], 0);
        ScenarioFilter otherDataset;
        otherDataset.datasetIds = {999};
        QCOMPARE(store.audioFlagFacet(otherDataset)->at(1).count, 0);

        auto check9 = store.audioCheck(hits->at(0).rowId + 6);
        QVERIFY(check9.ok() && check9->has_value());
        QVERIFY((*check9)->flags.testFlag(AudioCheck::Flag::Undecodable));
        QCOMPARE((*check9)->error, QStringLiteral("9.flac: broken"));
        QVERIFY(std::isnan((*check9)->charsPerSecond));
        auto check11 = store.audioCheck(hits->at(0).rowId + 8);
        QCOMPARE((*check11)->charsPerSecond, 14.5);
        QCOMPARE((*check11)->seconds, 12.0);

        // Most suspicious first, in pages of 7: the whole permutation, descending, no row twice.
        ScenarioSort sort{ScenarioSortKey::AudioSuspicion, Qt::DescendingOrder};
        ScenarioFilter audio;
        audio.audioOnly = true;
        QList<double> seen;
        PageCursor cursor;
        for (;;) {
            auto page = store.page(audio, sort, cursor, 7);
            QVERIFY(page.ok());
            if (page->isEmpty())
                break;
            for (const ScenarioRow &r : *page)
                seen.append(r.audioSuspicion);
            cursor = WorkspaceStore::cursorAfter(page->last(), sort);
        }
        QCOMPARE(seen.size(), 40);
        for (int i = 0; i < 40; ++i)
            QCOMPARE(seen[i], double(39 - i));
        auto anchors = store.pageAnchors(audio, sort, 7);
        QCOMPARE(anchors->size(), 6);
    }

    void migratesVersion1()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.kairix"));
        {
            KX_OPEN_STORE(store, path);
            QVERIFY(importDataset(store, makeDataset(QStringLiteral("d")), {clip(1), clip(2)}));
            // Take the file back to what schema 1 wrote.
            QCOMPARE(sqlite3_exec(store.handle(),
                                  "DROP TABLE generation_log; DROP TABLE generation_items; DROP TABLE generation_jobs;"
                                  "DROP TABLE prompt_templates; DROP TABLE human_reviews; DROP TABLE quality_scores;"
                                  "DROP TABLE qc_thresholds; DROP TABLE snapshot_members; DROP TABLE snapshots; DROP TABLE workspace_settings;"
                                  "DROP TABLE review_events; DROP TABLE audio_peaks; DROP TABLE audio_checks;"
                                  "DROP INDEX scenarios_by_audio_suspicion; DROP INDEX scenarios_by_audio_flags;"
                                  "ALTER TABLE scenarios DROP COLUMN audio_flags;"
                                  "ALTER TABLE scenarios DROP COLUMN audio_suspicion;"
                                  "PRAGMA user_version = 1;",
                                  nullptr, nullptr, nullptr),
                     SQLITE_OK);
        }
        KX_OPEN_STORE(store, path);
        QCOMPARE(store.schemaVersion(), WorkspaceStore::currentSchemaVersion);
        QCOMPARE(*store.count({}), 2);
        const qint64 rowId = store.page({}, {}, {}, 1)->first().rowId;
        QCOMPARE(store.page({}, {}, {}, 1)->first().audioFlags, 0);
        AudioCheck c;
        c.suspicion = 3;
        QVERIFY(store.putAudioChecks({{rowId, c}}).ok());
        QVERIFY(store.putAudioPeaks(QStringLiteral("x"), QByteArray("p")).ok());
        TestScenario s = *store.scenario(rowId);
        s.status = ReviewStatus::Skipped;
        QVERIFY(store.updateScenario(rowId, s, QStringLiteral("r"), QStringLiteral("verdict"))->id > 0);
    }
};

QTEST_GUILESS_MAIN(tst_AudioStore)
#include "tst_audiostore.moc"
