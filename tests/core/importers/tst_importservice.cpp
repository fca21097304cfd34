// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/importservice.h"
#include "store/workspacestore.h"

#include "hub/hubtree.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

namespace {
const QString data = QStringLiteral(KX_SHARED_DATA "/");
const QString fixtures = QStringLiteral(KX_TEST_FIXTURES "/importers/");

/** Everything a failed import must leave untouched: the registry and the scenario count. */
struct Snapshot
{
    QList<TestDataset> datasets;
    qint64 scenarios = 0;
};

Snapshot snapshot(const WorkspaceStore &store)
{
    Snapshot s;
    auto datasets = store.datasets();
    if (datasets)
        s.datasets = *datasets;
    auto count = store.count(ScenarioFilter{});
    s.scenarios = count ? *count : -1;
    return s;
}
} // namespace

class TestImportService final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void single_data();
    void single();
    void datasetFields();
    void severalPaths();
    void progressInBytes();
    void brokenThirdFileLeavesStoreUnchanged();
    void cancelLeavesStoreUnchanged();
    void relativePathBecomesAbsolute();
    void badInputLeavesStoreUnchanged_data();
    void badInputLeavesStoreUnchanged();
    void hubCacheImportsOneDatasetPerSplit();
    void hubBadInputLeavesStoreUnchanged_data();
    void hubBadInputLeavesStoreUnchanged();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WorkspaceStore> m_store;
};

void TestImportService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = WorkspaceStore::open(m_dir->filePath(QStringLiteral("workspace.kairix")));
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
    m_store = std::move(*store);
}

void TestImportService::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestImportService::single_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expectedKind");
    QTest::addColumn<qint64>("scenarios");
    QTest::addColumn<QString>("name");
    QTest::newRow("gsm8k test") << data + QStringLiteral("gsm8k/grade_school_math/data/test.jsonl") << QStringLiteral("auto")
                                << QStringLiteral("gsm8k") << qint64(1319) << QStringLiteral("GSM8K test");
    QTest::newRow("bbh folder") << data + QStringLiteral("bbh/bbh") << QStringLiteral("auto") << QStringLiteral("bbh")
                                << qint64(6511) << QStringLiteral("BIG-Bench Hard");
    QTest::newRow("mmlu dev") << data + QStringLiteral("mmlu/data/dev") << QStringLiteral("auto")
                              << QStringLiteral("mmlu") << qint64(285) << QStringLiteral("MMLU dev");
    QTest::newRow("gsm8k folder") << data + QStringLiteral("gsm8k") << QStringLiteral("gsm8k")
                                  << QStringLiteral("gsm8k") << qint64(1319 + 50 + 500) << QStringLiteral("GSM8K");
    QTest::newRow("scenarios") << fixtures + QStringLiteral("mixed_folder/c.jsonl") << QStringLiteral("scenarios")
                               << QStringLiteral("scenarios") << qint64(1) << QStringLiteral("c");
}

void TestImportService::single()
{
    QFETCH(QString, path);
    QFETCH(QString, kind);
    QFETCH(QString, expectedKind);
    QFETCH(qint64, scenarios);
    QFETCH(QString, name);
    ImportRequest request;
    request.paths = {path};
    request.kind = kind;
    const auto outcome = ImportService::run(*m_store, request);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
    QCOMPARE(outcome->kind, expectedKind);
    QCOMPARE(outcome->scenarios, scenarios);
    QCOMPARE(outcome->datasetIds.size(), 1);
    QVERIFY(outcome->seconds >= 0);

    const auto dataset = m_store->dataset(outcome->datasetIds.first());
    QVERIFY(dataset.ok());
    QCOMPARE(dataset->name, name);
    QCOMPARE(dataset->kind, expectedKind);
    QCOMPARE(dataset->scenarioCount, scenarios);
    ScenarioFilter filter;
    filter.datasetIds = {outcome->datasetIds.first()};
    QCOMPARE(*m_store->count(filter), scenarios);
}

void TestImportService::datasetFields()
{
    const QString path = data + QStringLiteral("mmlu/data/dev");
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const auto outcome = ImportService::run(*m_store, ImportRequest{{path}, QStringLiteral("auto"), QString()});
    QVERIFY(outcome.ok());
    const auto dataset = m_store->dataset(outcome->datasetIds.first());
    QVERIFY(dataset.ok());
    QCOMPARE(dataset->source, path);
    QCOMPARE(dataset->category, Category::Benchmark);
    QVERIFY(dataset->createdAt.isValid());
    QVERIFY(dataset->createdAt >= before);
    QCOMPARE(dataset->createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(int(dataset->metadata["files"].size()), 57);
    QVERIFY(qs(dataset->metadata["files"][0].get<std::string>()).endsWith(QStringLiteral("abstract_algebra_dev.csv")));

    // The stored scenario keeps its provenance.
    const auto rows = m_store->page(ScenarioFilter{}, ScenarioSort{}, PageCursor{}, 1);
    QVERIFY(rows.ok() && !rows->isEmpty());
    const auto scenario = m_store->scenario(rows->first().rowId);
    QVERIFY(scenario.ok());
    QCOMPARE(scenario->provenance.config, QStringLiteral("abstract_algebra"));
    QCOMPARE(scenario->provenance.split, QStringLiteral("dev"));
    QCOMPARE(scenario->provenance.row, qint64(0));
}

void TestImportService::severalPaths()
{
    ImportRequest request;
    request.paths = {data + QStringLiteral("gsm8k/grade_school_math/data/test_socratic.first50.jsonl"),
                     data + QStringLiteral("mmlu/data/dev/anatomy_dev.csv")};
    request.name = QStringLiteral("Mine");
    const auto outcome = ImportService::run(*m_store, request);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
    QCOMPARE(outcome->datasetIds.size(), 2);
    QCOMPARE(outcome->scenarios, qint64(55));
    QCOMPARE(outcome->kind, QStringLiteral("gsm8k, mmlu"));
    const auto datasets = m_store->datasets();
    QVERIFY(datasets.ok());
    QCOMPARE(datasets->size(), 2);
    QCOMPARE(m_store->dataset(outcome->datasetIds[0])->name, QStringLiteral("Mine"));
    QCOMPARE(m_store->dataset(outcome->datasetIds[1])->scenarioCount, qint64(5));
}

void TestImportService::progressInBytes()
{
    const QString path = data + QStringLiteral("gsm8k/grade_school_math/data/test.jsonl");
    QList<std::pair<qint64, qint64>> reports;
    WorkControl control;
    control.progress = [&reports](qint64 done, qint64 total) { reports.append({done, total}); };
    const auto outcome = ImportService::run(*m_store, ImportRequest{{path}, QStringLiteral("auto"), QString()}, control);
    QVERIFY(outcome.ok());
    const qint64 size = QFileInfo(path).size();
    QVERIFY(reports.size() >= 3);
    QCOMPARE(reports.first(), (std::pair<qint64, qint64>(0, size)));
    QCOMPARE(reports.last(), (std::pair<qint64, qint64>(size, size)));
    for (qsizetype i = 1; i < reports.size(); ++i)
        QVERIFY(reports[i].first >= reports[i - 1].first);
}

void TestImportService::brokenThirdFileLeavesStoreUnchanged()
{
    // Something already in the workspace, which must survive as it is.
    QVERIFY(ImportService::run(*m_store, ImportRequest{{data + QStringLiteral("mmlu/data/dev")}, QStringLiteral("auto"), QString()}).ok());
    const Snapshot before = snapshot(*m_store);
    QCOMPARE(before.scenarios, qint64(285));

    const auto outcome = ImportService::run(
        *m_store, ImportRequest{{fixtures + QStringLiteral("broken_folder")}, QStringLiteral("auto"), QString()});
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code, Error::Code::BadInput);
    QVERIFY2(outcome.error().message.contains(QLatin1String("3_third.jsonl:3: \"answer\" is missing or not a string")),
             qPrintable(outcome.error().message));

    const Snapshot after = snapshot(*m_store);
    QCOMPARE(after.scenarios, before.scenarios);
    QCOMPARE(after.datasets, before.datasets);

    // The session is gone: the next import works.
    QVERIFY(ImportService::run(*m_store, ImportRequest{{fixtures + QStringLiteral("broken_folder/1_first.jsonl")}, QStringLiteral("auto"), QString()}).ok());
    QCOMPARE(snapshot(*m_store).scenarios, qint64(287));
}

void TestImportService::cancelLeavesStoreUnchanged()
{
    QVERIFY(ImportService::run(*m_store, ImportRequest{{data + QStringLiteral("mmlu/data/dev/anatomy_dev.csv")}, QStringLiteral("auto"), QString()}).ok());
    const Snapshot before = snapshot(*m_store);

    qint64 seen = 0;
    WorkControl control;
    control.progress = [&seen](qint64 done, qint64) { seen = done; };
    control.cancelled = [&seen] { return seen > 100000; }; // well into the BBH folder
    const auto outcome = ImportService::run(*m_store, ImportRequest{{data + QStringLiteral("bbh/bbh")}, QStringLiteral("auto"), QString()}, control);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code, Error::Code::Cancelled);
    QVERIFY(seen > 100000);

    const Snapshot after = snapshot(*m_store);
    QCOMPARE(after.scenarios, before.scenarios);
    QCOMPARE(after.datasets, before.datasets);
}

void TestImportService::relativePathBecomesAbsolute()
{
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(fixtures));
    const auto outcome = ImportService::run(
        *m_store, ImportRequest{{QStringLiteral("broken_folder/1_first.jsonl")}, QStringLiteral("auto"), QString()});
    QVERIFY(QDir::setCurrent(previous));
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
    const auto dataset = m_store->dataset(outcome->datasetIds.first());
    QVERIFY(dataset.ok());
    QVERIFY(QDir::isAbsolutePath(dataset->source));
    QVERIFY(dataset->source.endsWith(QLatin1String("/broken_folder/1_first.jsonl")));
    QCOMPARE(dataset->name, QStringLiteral("GSM8K")); // no split in the file name
}

void TestImportService::badInputLeavesStoreUnchanged_data()
{
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown format") << QStringList{fixtures + QStringLiteral("notes.txt")} << QStringLiteral("auto")
                                    << QStringLiteral("notes.txt: unknown format (not JSONL, JSON or CSV of a known kind)");
    QTest::newRow("empty") << QStringList{fixtures + QStringLiteral("empty.jsonl")} << QStringLiteral("auto")
                           << QStringLiteral("empty.jsonl: the file is empty");
    QTest::newRow("second path broken") << QStringList{data + QStringLiteral("mmlu/data/dev/anatomy_dev.csv"),
                                                       fixtures + QStringLiteral("ragged_rows.csv")}
                                        << QStringLiteral("auto") << QStringLiteral("ragged_rows.csv:4: expected 6 fields, found 5");
    QTest::newRow("wrong kind forced") << QStringList{fixtures + QStringLiteral("other_records.jsonl")}
                                       << QStringLiteral("gsm8k")
                                       << QStringLiteral("other_records.jsonl:1: \"question\" is missing or not a string");
    QTest::newRow("no paths") << QStringList{} << QStringLiteral("auto") << QStringLiteral("no path given");
}

void TestImportService::badInputLeavesStoreUnchanged()
{
    QFETCH(QStringList, paths);
    QFETCH(QString, kind);
    QFETCH(QString, message);
    const Snapshot before = snapshot(*m_store);
    const auto outcome = ImportService::run(*m_store, ImportRequest{paths, kind, QString()});
    QVERIFY(!outcome.ok());
    QVERIFY2(outcome.error().message.endsWith(message), qPrintable(outcome.error().message));
    const Snapshot after = snapshot(*m_store);
    QCOMPARE(after.scenarios, before.scenarios);
    QCOMPARE(after.datasets, before.datasets);
}

void TestImportService::hubCacheImportsOneDatasetPerSplit()
{
    QTemporaryDir hub;
    const QString cache = hub.filePath(QStringLiteral("datasets--mteb--free-spoken-digit-dataset"));
    QVERIFY(test::linkInto(cache, QStringLiteral("blobs/3f2a"), test::hubAudioParquet()));
    for (const char *rel : {"snapshots/0a1b2c/data/test-00000-of-00002.parquet",
                            "snapshots/0a1b2c/data/test-00001-of-00002.parquet",
                            "snapshots/0a1b2c/data/train-00000-of-00001.parquet"})
        QVERIFY(test::linkInto(cache, QLatin1String(rel), QStringLiteral("../../../blobs/3f2a")));
    QVERIFY(test::writeInto(cache, QStringLiteral("refs/main"), "0a1b2c\n"));

    ImportRequest request;
    request.paths = {cache};
    auto outcome = ImportService::run(*m_store, request);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
    QCOMPARE(outcome->datasetIds.size(), 2);
    QCOMPARE(outcome->kind, QStringLiteral("audio"));
    QCOMPARE(outcome->scenarios, qint64(900)); // two test shards and one train shard of 300 rows

    auto test = m_store->dataset(outcome->datasetIds[0]);
    QVERIFY(test.ok());
    QCOMPARE(test->name, QStringLiteral("Audio default test"));
    QCOMPARE(test->kind, QStringLiteral("audio"));
    const Json expectedShards = {"data/test-00000-of-00002.parquet", "data/test-00001-of-00002.parquet"};
    QVERIFY(test->metadata["hub_id"] == Json("mteb/free-spoken-digit-dataset"));
    QVERIFY(test->metadata["config"] == Json("default"));
    QVERIFY(test->metadata["split"] == Json("test"));
    QVERIFY(test->metadata["revision"] == Json("0a1b2c"));
    QVERIFY2(test->metadata["shards"] == expectedShards, test->metadata.dump().c_str());
    auto train = m_store->dataset(outcome->datasetIds[1]);
    QVERIFY(train.ok());
    QVERIFY(train->metadata["split"] == Json("train"));
    QCOMPARE(train->metadata["shards"].size(), size_t(1));

    // The audio stayed in the parquet files: the workspace holds references (the clips total 1.9 MB a shard).
    m_store.reset();
    qint64 bytes = 0;
    for (const QString &name : QDir(m_dir->path()).entryList(QDir::Files)) {
        QFile file(m_dir->filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY2(!content.contains("RIFF"), qPrintable(name));
        QVERIFY2(!content.contains("WAVEfmt"), qPrintable(name));
        bytes += content.size();
    }
    QVERIFY2(bytes < 3 * 1024 * 1024, qPrintable(QString::number(bytes)));
}

void TestImportService::hubBadInputLeavesStoreUnchanged_data()
{
    QTest::addColumn<QStringList>("shards");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing shard") << QStringList({QStringLiteral("main/test-00000-of-00003.parquet"),
                                                   QStringLiteral("main/test-00002-of-00003.parquet")})
                                   << QStringLiteral("/main/test-00001-of-00003.parquet");
    QTest::newRow("schema of no kind") << QStringList({QStringLiteral("main/test-00000-of-00001.parquet"),
                                                       QStringLiteral("tables/train-00000-of-00001.parquet")})
                                       << QStringLiteral("tables/train-00000-of-00001.parquet: the parquet columns (id, bool_col");
}

void TestImportService::hubBadInputLeavesStoreUnchanged()
{
    QFETCH(QStringList, shards);
    QFETCH(QString, message);
    // Something is already there: a failed import must not touch it.
    ImportRequest first;
    first.paths = {data + QStringLiteral("gsm8k/grade_school_math/data/test.jsonl")};
    QVERIFY(ImportService::run(*m_store, first).ok());
    const Snapshot before = snapshot(*m_store);

    QTemporaryDir hub;
    for (const QString &rel : std::as_const(shards)) {
        const QString target = rel.startsWith(QLatin1String("tables/")) ? test::unknownSchemaParquet()
                                                                        : test::hubAudioParquet();
        QVERIFY(test::linkInto(hub.path(), rel, target));
    }
    ImportRequest request;
    request.paths = {hub.path()};
    auto outcome = ImportService::run(*m_store, request);
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code, Error::Code::BadInput);
    QVERIFY2(outcome.error().message.contains(message), qPrintable(outcome.error().message));
    const Snapshot after = snapshot(*m_store);
    QCOMPARE(after.scenarios, before.scenarios);
    QCOMPARE(after.datasets.size(), before.datasets.size());
}

QTEST_GUILESS_MAIN(TestImportService)
#include "tst_importservice.moc"
