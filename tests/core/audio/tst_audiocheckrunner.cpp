// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/audiocheckrunner.h"
#include "model/audiocheckflags.h"
#include "audio/audiochecker.h"
#include "audiofixtures.h"
#include "importers/importservice.h"
#include "store/workspacestore.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace kx;
using namespace kx::test;

namespace {

/** Every flag the checks can raise. */
constexpr int anyFlag = int(AudioCheck::Flag::Clipping) | int(AudioCheck::Flag::Silent)
                        | int(AudioCheck::Flag::TooQuiet) | int(AudioCheck::Flag::RateOutlier)
                        | int(AudioCheck::Flag::TooShort) | int(AudioCheck::Flag::Undecodable);

/** One checked scenario: its clip's planted kind and its stored check. */
struct Checked
{
    QString path;
    PlantedKind kind = PlantedKind::Normal;
    std::optional<AudioCheck> check;
};

} // namespace

class TestAudioCheckRunner final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void plantedClipsAreFlaggedAndComeFirst();
    void rerunReplacesTheChecks();
    void undecodableClipsDoNotStopTheRun();
    void cancelStoresNothing();
    void datasetFilter();

private:
    /** Imports @p corpus into the workspace as one dataset; its id. */
    qint64 import(const FixtureCorpus &corpus);
    /** The stored check of every scenario with audio, keyed by row id. */
    QHash<qint64, Checked> checkedRows();

    QTemporaryDir m_fixtures;
    QList<FixtureCorpus> m_corpora;
    QHash<QString, PlantedKind> m_kinds; ///< clip path → what was planted
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WorkspaceStore> m_store;
};

void TestAudioCheckRunner::initTestCase()
{
    QVERIFY(m_fixtures.isValid());
    auto libri = AudioFixtures::makeLibriSpeech(m_fixtures.filePath(QStringLiteral("libri")));
    QVERIFY2(libri.ok(), libri.ok() ? "" : qPrintable(libri.error().message));
    auto vctk = AudioFixtures::makeVctk(m_fixtures.filePath(QStringLiteral("vctk")));
    QVERIFY2(vctk.ok(), vctk.ok() ? "" : qPrintable(vctk.error().message));
    m_corpora = {*libri, *vctk};
    for (const FixtureCorpus &corpus : std::as_const(m_corpora)) {
        for (const FixtureClip &clip : corpus.clips)
            m_kinds.insert(clip.path, clip.kind);
    }
}

void TestAudioCheckRunner::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = WorkspaceStore::open(m_dir->filePath(QStringLiteral("workspace.kairix")));
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
    m_store = std::move(*store);
}

void TestAudioCheckRunner::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

qint64 TestAudioCheckRunner::import(const FixtureCorpus &corpus)
{
    ImportRequest request;
    request.paths = {corpus.root};
    request.kind = corpus.kind;
    const auto outcome = ImportService::run(*m_store, request);
    if (!outcome) {
        qWarning("%s", qPrintable(outcome.error().message));
        return 0;
    }
    return outcome->datasetIds.value(0);
}

QHash<qint64, Checked> TestAudioCheckRunner::checkedRows()
{
    QHash<qint64, Checked> rows;
    ScenarioFilter withAudio;
    withAudio.audioOnly = true;
    const auto walked = m_store->forEachScenarioRow(withAudio, [&](qint64 rowId, const TestScenario &s) -> Result<void> {
        Checked c;
        c.path = qs(s.audio.value("path", std::string()));
        c.kind = m_kinds.value(c.path, PlantedKind::Normal);
        auto check = m_store->audioCheck(rowId);
        if (!check)
            return check.error();
        c.check = *check;
        rows.insert(rowId, c);
        return {};
    });
    if (!walked)
        qWarning("%s", qPrintable(walked.error().message));
    return rows;
}

void TestAudioCheckRunner::plantedClipsAreFlaggedAndComeFirst()
{
    const qint64 libri = import(m_corpora[0]);
    const qint64 vctk = import(m_corpora[1]);
    QVERIFY(libri > 0 && vctk > 0);

    qint64 lastDone = 0;
    qint64 lastTotal = 0;
    WorkControl control;
    control.progress = [&](qint64 done, qint64 total) { lastDone = done; lastTotal = total; };
    const auto summary = AudioCheckRunner::run(*m_store, ScenarioFilter{}, control);
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
    QCOMPARE(summary->clips, qint64(17)); // 8 LibriSpeech + 9 VCTK
    QCOMPARE(summary->undecodable, qint64(0));
    QCOMPARE(lastDone, qint64(17));
    QCOMPARE(lastTotal, qint64(17));

    const QHash<qint64, Checked> rows = checkedRows();
    QCOMPARE(rows.size(), 17);
    int planted = 0;
    for (const Checked &c : rows) {
        QVERIFY2(c.check.has_value(), qPrintable(c.path));
        const AudioCheck::Flags flags = c.check->flags;
        const QString what = c.path + QLatin1Char(' ') + AudioCheckFlags::keys(flags).join(QLatin1Char(','))
                             + QStringLiteral(" z=") + QString::number(c.check->rateZ);
        switch (c.kind) {
        case PlantedKind::Normal:
            QVERIFY2(flags == AudioCheck::Flags(), qPrintable(what));
            QVERIFY2(std::fabs(c.check->rateZ) < 3.5, qPrintable(what));
            break;
        case PlantedKind::Clipped:
            QVERIFY2(flags.testFlag(AudioCheck::Flag::Clipping), qPrintable(what));
            break;
        case PlantedKind::Silent:
            QVERIFY2(flags.testFlag(AudioCheck::Flag::Silent), qPrintable(what));
            break;
        case PlantedKind::RateOutlier:
            QVERIFY2(flags == AudioCheck::Flags(AudioCheck::Flag::RateOutlier), qPrintable(what));
            QVERIFY2(c.check->rateZ > 3.5, qPrintable(what));
            break;
        }
        if (c.kind != PlantedKind::Normal)
            ++planted;
        QVERIFY(c.check->seconds > 0.5);
    }
    QCOMPARE(planted, 6);
    QCOMPARE(summary->flagged, qint64(6));

    // "Most suspicious first": the six planted clips, the silent ones (two flags) leading.
    const ScenarioSort bySuspicion{ScenarioSortKey::AudioSuspicion, Qt::DescendingOrder};
    const auto page = m_store->page(ScenarioFilter{}, bySuspicion, PageCursor{}, 100);
    QVERIFY(page.ok());
    QCOMPARE(page->size(), 17);
    for (int i = 0; i < page->size(); ++i) {
        const PlantedKind kind = rows.value(page->at(i).rowId).kind;
        QVERIFY2((kind != PlantedKind::Normal) == (i < 6), qPrintable(rows.value(page->at(i).rowId).path));
        if (i < 2)
            QCOMPARE(kind, PlantedKind::Silent);
        if (i > 0)
            QVERIFY(page->at(i - 1).audioSuspicion >= page->at(i).audioSuspicion);
    }

    // The table filters on the flags.
    ScenarioFilter clipping;
    clipping.audioFlags = int(AudioCheck::Flag::Clipping);
    QCOMPARE(*m_store->count(clipping), qint64(2));
    ScenarioFilter outliers;
    outliers.audioFlags = int(AudioCheck::Flag::RateOutlier);
    outliers.datasetIds = {libri};
    const auto outlierRows = m_store->page(outliers, ScenarioSort{}, PageCursor{}, 10);
    QCOMPARE(outlierRows->size(), 1);
    QCOMPARE(rows.value(outlierRows->first().rowId).path, m_corpora[0].first(PlantedKind::RateOutlier).path);
}

void TestAudioCheckRunner::rerunReplacesTheChecks()
{
    QVERIFY(import(m_corpora[0]) > 0);
    QVERIFY(AudioCheckRunner::run(*m_store, ScenarioFilter{}).ok());
    const QHash<qint64, Checked> first = checkedRows();
    const auto again = AudioCheckRunner::run(*m_store, ScenarioFilter{});
    QVERIFY(again.ok());
    QCOMPARE(again->clips, qint64(8));
    const QHash<qint64, Checked> second = checkedRows();
    QCOMPARE(second.size(), first.size());
    for (auto it = first.cbegin(); it != first.cend(); ++it) {
        QCOMPARE(second.value(it.key()).check->flags, it->check->flags);
        QCOMPARE(second.value(it.key()).check->suspicion, it->check->suspicion);
    }
    ScenarioFilter flagged;
    flagged.audioFlags = anyFlag;
    QCOMPARE(*m_store->count(flagged), qint64(3));
}

void TestAudioCheckRunner::undecodableClipsDoNotStopTheRun()
{
    // A corpus of its own: two of its clips are damaged after the import.
    QTemporaryDir dir;
    auto corpus = AudioFixtures::makeVctk(dir.path());
    QVERIFY2(corpus.ok(), corpus.ok() ? "" : qPrintable(corpus.error().message));
    QVERIFY(import(*corpus) > 0);
    const QStringList normal = corpus->paths(PlantedKind::Normal);
    const QString truncated = normal.at(0);
    const QString missing = normal.at(1);
    QFile f(truncated);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.resize(f.size() / 2));
    f.close();
    QVERIFY(QFile::remove(missing));

    const auto summary = AudioCheckRunner::run(*m_store, ScenarioFilter{});
    QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
    QCOMPARE(summary->clips, qint64(9));
    QCOMPARE(summary->undecodable, qint64(2));

    const QHash<qint64, Checked> rows = checkedRows();
    for (const Checked &c : rows) {
        const bool broken = c.path == truncated || c.path == missing;
        QCOMPARE(c.check->flags.testFlag(AudioCheck::Flag::Undecodable), broken);
        if (broken)
            QVERIFY2(c.check->error.contains(QFileInfo(c.path).fileName()), qPrintable(c.check->error));
    }
    // The silent and clipped clips are still flagged, and the broken ones lead the queue.
    QVERIFY(rows.size() == 9);
    const auto page = m_store->page(ScenarioFilter{}, ScenarioSort{ScenarioSortKey::AudioSuspicion, Qt::DescendingOrder},
                                    PageCursor{}, 3);
    QVERIFY(page.ok());
    QVERIFY(rows.value(page->at(0).rowId).check->flags.testFlag(AudioCheck::Flag::Undecodable));
    QVERIFY(rows.value(page->at(1).rowId).check->flags.testFlag(AudioCheck::Flag::Undecodable));
    QVERIFY(rows.value(page->at(2).rowId).check->flags.testFlag(AudioCheck::Flag::Silent));
}

void TestAudioCheckRunner::cancelStoresNothing()
{
    QVERIFY(import(m_corpora[0]) > 0);
    QVERIFY(import(m_corpora[1]) > 0);
    qint64 reports = 0;
    WorkControl control;
    control.progress = [&reports](qint64, qint64) { ++reports; };
    control.cancelled = [&reports] { return reports >= 10; }; // into the second dataset
    const auto summary = AudioCheckRunner::run(*m_store, ScenarioFilter{}, control);
    QVERIFY(!summary.ok());
    QCOMPARE(summary.error().code, Error::Code::Cancelled);
    QCOMPARE(reports, qint64(10));
    for (const Checked &c : checkedRows())
        QVERIFY2(!c.check.has_value(), qPrintable(c.path));
    ScenarioFilter flagged;
    flagged.audioFlags = anyFlag;
    QCOMPARE(*m_store->count(flagged), qint64(0));
}

void TestAudioCheckRunner::datasetFilter()
{
    const qint64 libri = import(m_corpora[0]);
    const qint64 vctk = import(m_corpora[1]);
    QVERIFY(libri > 0 && vctk > 0);
    ScenarioFilter onlyVctk;
    onlyVctk.datasetIds = {vctk};
    const auto summary = AudioCheckRunner::run(*m_store, onlyVctk);
    QVERIFY(summary.ok());
    QCOMPARE(summary->clips, qint64(9));
    int checked = 0;
    for (const Checked &c : checkedRows()) {
        const bool isVctk = c.path.startsWith(m_corpora[1].root);
        QCOMPARE(c.check.has_value(), isVctk);
        checked += c.check.has_value() ? 1 : 0;
    }
    QCOMPARE(checked, 9);
}

QTEST_GUILESS_MAIN(TestAudioCheckRunner)
#include "tst_audiocheckrunner.moc"
