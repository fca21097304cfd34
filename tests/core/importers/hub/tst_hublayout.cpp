// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/hub/hublayout.h"

#include "hubtree.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kx;
using namespace kx::test;

namespace {

/** "config/split: shard, shard" for one split, to compare whole scans at once. */
QString describe(const HubSplit &s)
{
    return s.config + QLatin1Char('/') + s.split + QStringLiteral(": ") + s.shards.join(QStringLiteral(", "));
}

QStringList describe(const QList<HubSplit> &splits)
{
    QStringList out;
    for (const HubSplit &s : splits)
        out.append(describe(s));
    return out;
}

} // namespace

class TestHubLayout final : public QObject
{
    Q_OBJECT

private slots:
    void configAndSplitOf_data();
    void configAndSplitOf();
    void downloadedLayout();
    void convertedLayout();
    void cacheLayout();
    void cacheSnapshotFolder();
    void frontMatterConfigs();
    void missingShardIsNamed();
    void singleFile();
    void noParquet();
};

void TestHubLayout::configAndSplitOf_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("split");
    QTest::newRow("downloaded") << QStringLiteral("all/test-00000-of-00001.parquet") << QStringLiteral("all")
                                << QStringLiteral("test");
    QTest::newRow("data folder") << QStringLiteral("data/train-00003-of-00010.parquet") << QStringLiteral("default")
                                 << QStringLiteral("train");
    QTest::newRow("top level") << QStringLiteral("validation-00000-of-00001.parquet") << QStringLiteral("default")
                               << QStringLiteral("validation");
    QTest::newRow("hashed shard") << QStringLiteral("main/test-00000-of-00001-5a2f3c.parquet")
                                  << QStringLiteral("main") << QStringLiteral("test");
    QTest::newRow("converted") << QStringLiteral("clean/validation/0000.parquet") << QStringLiteral("clean")
                               << QStringLiteral("validation");
    QTest::newRow("converted partial") << QStringLiteral("default/partial-train/0003.parquet")
                                       << QStringLiteral("default") << QStringLiteral("train");
    QTest::newRow("plain name") << QStringLiteral("socratic/test.parquet") << QStringLiteral("socratic")
                                << QStringLiteral("test");
    QTest::newRow("config above data") << QStringLiteral("clean/data/test-00000-of-00001.parquet")
                                       << QStringLiteral("clean") << QStringLiteral("test");
}

void TestHubLayout::configAndSplitOf()
{
    QFETCH(QString, relative);
    QFETCH(QString, config);
    QFETCH(QString, split);
    QString gotConfig;
    QString gotSplit;
    HubLayout::configAndSplitOf(relative, gotConfig, gotSplit);
    QCOMPARE(gotConfig, config);
    QCOMPARE(gotSplit, split);
}

void TestHubLayout::downloadedLayout()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    const QString audio = hubAudioParquet();
    // Written out of order on purpose: shards must come back sorted by index.
    QVERIFY(linkInto(root, QStringLiteral("main/test-00001-of-00002.parquet"), audio));
    QVERIFY(linkInto(root, QStringLiteral("main/test-00000-of-00002.parquet"), audio));
    QVERIFY(linkInto(root, QStringLiteral("main/train-00000-of-00001.parquet"), audio));
    QVERIFY(linkInto(root, QStringLiteral("socratic/test-00000-of-00001.parquet"), audio));
    // huggingface-cli's bookkeeping folder is hidden and never data.
    QVERIFY(linkInto(root, QStringLiteral(".cache/huggingface/download/main/x.parquet"), audio));

    auto splits = HubLayout::scan(root);
    QVERIFY2(splits.ok(), splits.ok() ? "" : qPrintable(splits.error().message));
    QCOMPARE(describe(*splits),
             QStringList({QStringLiteral("main/test: main/test-00000-of-00002.parquet, main/test-00001-of-00002.parquet"),
                          QStringLiteral("main/train: main/train-00000-of-00001.parquet"),
                          QStringLiteral("socratic/test: socratic/test-00000-of-00001.parquet")}));
    QCOMPARE(splits->at(0).files.size(), 2);
    QCOMPARE(splits->at(0).files.at(1), root + QStringLiteral("/main/test-00001-of-00002.parquet"));
    QVERIFY(splits->at(0).hubId.isEmpty());
    QVERIFY(splits->at(0).revision.isEmpty());
}

void TestHubLayout::convertedLayout()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    const QString audio = hubAudioParquet();
    QVERIFY(linkInto(root, QStringLiteral("default/test/0001.parquet"), audio));
    QVERIFY(linkInto(root, QStringLiteral("default/test/0000.parquet"), audio));
    QVERIFY(linkInto(root, QStringLiteral("default/partial-train/0000.parquet"), audio));
    QVERIFY(linkInto(root, QStringLiteral("other/validation/0000.parquet"), audio));

    auto splits = HubLayout::scan(root);
    QVERIFY2(splits.ok(), splits.ok() ? "" : qPrintable(splits.error().message));
    QCOMPARE(describe(*splits),
             QStringList({QStringLiteral("default/test: default/test/0000.parquet, default/test/0001.parquet"),
                          QStringLiteral("default/train: default/partial-train/0000.parquet"),
                          QStringLiteral("other/validation: other/validation/0000.parquet")}));
}

void TestHubLayout::cacheLayout()
{
    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("datasets--mteb--free-spoken-digit-dataset"));
    QVERIFY(linkInto(cache, QStringLiteral("blobs/3f2a"), hubAudioParquet()));
    QVERIFY(linkInto(cache, QStringLiteral("blobs/77c1"), unknownSchemaParquet()));
    // Snapshots link into blobs/ with relative links, as huggingface_hub makes them.
    QVERIFY(linkInto(cache, QStringLiteral("snapshots/0123abcd/data/test-00000-of-00001.parquet"),
                     QStringLiteral("../../../blobs/3f2a")));
    QVERIFY(linkInto(cache, QStringLiteral("snapshots/ffff0000/data/train-00000-of-00001.parquet"),
                     QStringLiteral("../../../blobs/77c1")));
    // refs/main picks the snapshot, although "ffff0000" sorts last.
    QVERIFY(writeInto(cache, QStringLiteral("refs/main"), "0123abcd"));

    auto splits = HubLayout::scan(cache);
    QVERIFY2(splits.ok(), splits.ok() ? "" : qPrintable(splits.error().message));
    QCOMPARE(describe(*splits), QStringList({QStringLiteral("default/test: data/test-00000-of-00001.parquet")}));
    const HubSplit &s = splits->first();
    QCOMPARE(s.hubId, QStringLiteral("mteb/free-spoken-digit-dataset"));
    QCOMPARE(s.revision, QStringLiteral("0123abcd"));
    QCOMPARE(s.files.first(), cache + QStringLiteral("/snapshots/0123abcd/data/test-00000-of-00001.parquet"));
    QCOMPARE(QFileInfo(s.files.first()).canonicalFilePath(), QFileInfo(hubAudioParquet()).canonicalFilePath());
}

void TestHubLayout::cacheSnapshotFolder()
{
    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("datasets--org--name"));
    QVERIFY(linkInto(cache, QStringLiteral("blobs/aa"), hubAudioParquet()));
    QVERIFY(linkInto(cache, QStringLiteral("snapshots/rev1/clean/test/0000.parquet"),
                     QStringLiteral("../../../../blobs/aa")));
    QVERIFY(linkInto(cache, QStringLiteral("snapshots/rev1/other/test/0000.parquet"),
                     QStringLiteral("../../../../blobs/aa")));
    // Given a folder inside the snapshot: config names stay relative to the snapshot root.
    auto splits = HubLayout::scan(cache + QStringLiteral("/snapshots/rev1/clean"));
    QVERIFY2(splits.ok(), splits.ok() ? "" : qPrintable(splits.error().message));
    QCOMPARE(describe(*splits), QStringList({QStringLiteral("clean/test: clean/test/0000.parquet")}));
    QCOMPARE(splits->first().hubId, QStringLiteral("org/name"));
    QCOMPARE(splits->first().revision, QStringLiteral("rev1"));
    // No refs/main: the only snapshot is read.
    auto all = HubLayout::scan(cache);
    QVERIFY2(all.ok(), all.ok() ? "" : qPrintable(all.error().message));
    QCOMPARE(all->size(), 2);
}

void TestHubLayout::frontMatterConfigs()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    const QString audio = hubAudioParquet();
    QVERIFY(linkInto(root, QStringLiteral("data/test-00000-of-00001.parquet"), audio));
    QVERIFY(linkInto(root, QStringLiteral("data/train-00000-of-00001.parquet"), audio));
    QVERIFY(linkInto(root, QStringLiteral("extra/part-b.parquet"), audio));
    QVERIFY(linkInto(root, QStringLiteral("extra/part-a.parquet"), audio));
    QVERIFY(linkInto(root, QStringLiteral("unlisted/x.parquet"), audio));
    QVERIFY(writeInto(root, QStringLiteral("README.md"),
                      "---\n"
                      "license: cc-by-sa-4.0\n"
                      "dataset_info:\n"
                      "  features:\n"
                      "  - name: audio\n"
                      "    dtype: audio\n"
                      "configs:\n"
                      "- config_name: digits\n"
                      "  data_files:\n"
                      "  - split: test\n"
                      "    path: \"data/test-*\"\n"
                      "  - split: train\n"
                      "    path:\n"
                      "    - data/train-*\n"
                      "- config_name: extra\n"
                      "  data_files: extra/*.parquet\n"
                      "---\n"
                      "# Free Spoken Digit Dataset\n"));
    auto splits = HubLayout::scan(root);
    QVERIFY2(splits.ok(), splits.ok() ? "" : qPrintable(splits.error().message));
    QCOMPARE(describe(*splits),
             QStringList({QStringLiteral("digits/test: data/test-00000-of-00001.parquet"),
                          QStringLiteral("digits/train: data/train-00000-of-00001.parquet"),
                          QStringLiteral("extra/train: extra/part-a.parquet, extra/part-b.parquet")}));
}

void TestHubLayout::missingShardIsNamed()
{
    QTemporaryDir dir;
    const QString root = dir.path();
    QVERIFY(linkInto(root, QStringLiteral("main/test-00000-of-00003.parquet"), hubAudioParquet()));
    QVERIFY(linkInto(root, QStringLiteral("main/test-00002-of-00003.parquet"), hubAudioParquet()));
    auto splits = HubLayout::scan(root);
    QVERIFY(!splits.ok());
    QCOMPARE(splits.error().code, Error::Code::BadInput);
    QVERIFY2(splits.error().message.contains(root + QStringLiteral("/main/test-00001-of-00003.parquet")),
             qPrintable(splits.error().message));
    QVERIFY2(splits.error().message.contains(QStringLiteral("shard 2 of 3")), qPrintable(splits.error().message));
}

void TestHubLayout::singleFile()
{
    auto splits = HubLayout::scan(hubAudioParquet());
    QVERIFY2(splits.ok(), splits.ok() ? "" : qPrintable(splits.error().message));
    QCOMPARE(describe(*splits), QStringList({QStringLiteral("default/test: test-00000-of-00001.parquet")}));
    QCOMPARE(splits->first().files, QStringList({QFileInfo(hubAudioParquet()).absoluteFilePath()}));
}

void TestHubLayout::noParquet()
{
    QTemporaryDir dir;
    QVERIFY(writeInto(dir.path(), QStringLiteral("notes.txt"), "x"));
    QVERIFY(!HubLayout::holdsParquet(dir.path()));
    auto splits = HubLayout::scan(dir.path());
    QVERIFY(!splits.ok());
    QVERIFY(splits.error().message.contains(QStringLiteral("no parquet file")));
}

QTEST_GUILESS_MAIN(TestHubLayout)
#include "tst_hublayout.moc"
