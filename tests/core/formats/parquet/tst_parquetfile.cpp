// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/parquetfile.h"
#include "formats/parquet/parquetrowiterator.h"

#include <QFile>
#include <QtTest>

using namespace kx;

namespace {

QString hubFile()
{
    return QStringLiteral(KX_SHARED_DATA "/hf-hub-parquet-samples/mteb--free-spoken-digit-dataset/data/"
                                         "test-00000-of-00001.parquet");
}

QString corpusFile(const char *name) { return QStringLiteral(KX_SHARED_DATA "/parquet-testing/data/") + QLatin1String(name); }

QByteArray slurp(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Opens @p bytes and reads every row group; returns the first error, empty on success.
QString readEverything(const QByteArray &bytes, qint64 *rows = nullptr)
{
    auto file = ParquetFile::fromBytes(bytes, QStringLiteral("mutant.parquet"));
    if (!file)
        return file.error().message;
    qint64 n = 0;
    for (int g = 0; g < (*file)->rowGroupCount(); ++g) {
        auto batch = (*file)->readRowGroup(g);
        if (!batch)
            return batch.error().message;
        n += qint64(batch->rows.size());
    }
    if (rows)
        *rows = n;
    return {};
}

} // namespace

class TestParquetFile : public QObject
{
    Q_OBJECT

private slots:
    void hubAudioFile()
    {
        auto file = ParquetFile::open(hubFile());
        QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message));
        ParquetFile &f = **file;
        QCOMPARE(f.schema().find(QStringLiteral("audio.bytes")) > 0, true);
        QCOMPARE(f.schema().node(f.schema().find(QStringLiteral("audio.path"))).typeDescription(),
                 QStringLiteral("BYTE_ARRAY STRING"));
        Result<Json> hf = f.huggingfaceMetadata();
        QVERIFY(hf.ok());
        QCOMPARE(qs((*hf)["info"]["features"]["audio"]["_type"].get<std::string>()), QStringLiteral("Audio"));
        QCOMPARE((*hf)["info"]["features"]["label"]["names"].size(), size_t(10));
        QVERIFY(!f.keyValue(QStringLiteral("ARROW:schema")).isEmpty());

        qint64 total = 0;
        ParquetReadOptions options;
        options.inlineBinaryLimit = 0; // audio bytes become references
        for (int g = 0; g < f.rowGroupCount(); ++g) {
            auto batch = f.readRowGroup(g, {QStringLiteral("audio"), QStringLiteral("label")}, options);
            QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().message));
            QCOMPARE(batch->firstRow, total);
            for (size_t r = 0; r < batch->rows.size(); ++r) {
                const Json &row = batch->rows[r];
                QVERIFY(row["label"].is_number_integer());
                QVERIFY(row["label"].get<int>() >= 0 && row["label"].get<int>() <= 9);
                QVERIFY(qs(row["audio"]["path"].get<std::string>()).endsWith(QLatin1String(".wav")));
                const qint64 size = row["audio"]["bytes"]["bytes_ref"]["size"].get<qint64>();
                Result<QByteArray> bytes = f.readBinaryCell(g, qint64(r), QStringLiteral("audio.bytes"));
                QVERIFY(bytes.ok());
                QCOMPARE(bytes->size(), size);
                QVERIFY(bytes->startsWith("RIFF"));
                QCOMPARE(bytes->mid(8, 4), QByteArray("WAVE"));
            }
            total += qint64(batch->rows.size());
        }
        QCOMPARE(total, f.rowCount());
        QVERIFY(total > 0);
    }

    void projection()
    {
        auto file = ParquetFile::open(hubFile());
        QVERIFY(file.ok());
        auto batch = (*file)->readRowGroup(0, {QStringLiteral("label")});
        QVERIFY(batch.ok());
        QCOMPARE(batch->rows.front().size(), size_t(1));
        QVERIFY(batch->rows.front().contains("label"));
        auto nested = (*file)->readRowGroup(0, {QStringLiteral("audio.path")});
        QVERIFY(nested.ok());
        QCOMPARE(qs(dumpCompact(nested->rows.front())).startsWith(QLatin1String("{\"audio\":{\"path\":")), true);
        auto missing = (*file)->readRowGroup(0, {QStringLiteral("nope")});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, Error::Code::NotFound);
        QVERIFY(!(*file)->readRowGroup(99).ok());
    }

    void rowIterator()
    {
        auto file = ParquetFile::open(QStringLiteral(KX_SHARED_DATA "/parquet-testing/data/alltypes_tiny_pages.parquet"));
        QVERIFY(file.ok());
        ParquetRowIterator it(**file, {QStringLiteral("id")});
        qint64 n = 0;
        Result<bool> more = it.next();
        for (; more.ok() && *more; more = it.next()) {
            QVERIFY(it.row()["id"].is_number_integer());
            ++n;
        }
        QVERIFY(more.ok());
        QCOMPARE(n, qint64(7300));
        QCOMPARE(n, (*file)->rowCount());
    }

    void refusesNonParquet_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("too small");
        QTest::newRow("text") << QByteArray("hello, this is not parquet") << QStringLiteral("no PAR1 magic at byte offset 0");
        QTest::newRow("encrypted") << QByteArray("PARE0000000000\x04\x00\x00\x00PARE", 22) << QStringLiteral("unsupported: encryption");
        QTest::newRow("footer too long") << QByteArray("PAR1\x00\x00\xff\xff\x00\x00PAR1", 14) << QStringLiteral("exceeds the file size");
        QTest::newRow("no tail magic") << QByteArray("PAR1\x00\x00\x00\x00\x00\x00\x00\x00PAR2", 16) << QStringLiteral("truncated file");
    }

    void refusesNonParquet()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        auto file = ParquetFile::fromBytes(bytes, QStringLiteral("x.parquet"));
        QVERIFY(!file.ok());
        QVERIFY2(file.error().message.contains(error), qPrintable(file.error().message));
        QVERIFY(file.error().message.contains(QLatin1String("x.parquet")));
    }

    void corruptedCopies_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *name : {"alltypes_plain.parquet", "datapage_v2.snappy.parquet", "nested_lists.snappy.parquet",
                                 "nullable.impala.parquet", "delta_byte_array.parquet", "nested_maps.snappy.parquet",
                                 "byte_stream_split_extended.gzip.parquet", "hadoop_lz4_compressed.parquet",
                                 "rle_boolean_encoding.parquet", "int96_from_spark.parquet"})
            QTest::newRow(name) << corpusFile(name);
        QTest::newRow("hub audio") << hubFile();
    }

    void corruptedCopies()
    {
        QFETCH(QString, path);
        const QByteArray good = slurp(path);
        QVERIFY(good.size() > 100);
        qint64 rows = 0;
        QCOMPARE(readEverything(good, &rows), QString());
        QVERIFY(rows > 0);
        // Truncated at 10 points: the footer is gone or misplaced, so each must fail.
        for (int k = 1; k <= 10; ++k) {
            const QByteArray cut = good.left(good.size() * k / 11);
            QVERIFY2(!readEverything(cut).isEmpty(), qPrintable(QStringLiteral("cut at %1 read").arg(cut.size())));
        }
        // Bit flips: every 97th byte, at several phases. A flip inside plain
        // values may still read; the point is that nothing crashes and a
        // successful read stays self-consistent.
        int failures = 0;
        for (int phase = 0; phase < 8; ++phase) {
            QByteArray flipped = good;
            for (qsizetype i = phase * 11; i < flipped.size(); i += 97)
                flipped[i] = char(flipped[i] ^ (1 << (phase % 8)));
            if (!readEverything(flipped).isEmpty())
                ++failures;
        }
        QVERIFY(failures > 0);
        // Footer-only damage: flip each byte of the last 64 in turn.
        for (qsizetype i = good.size() - 64; i < good.size(); ++i) {
            QByteArray flipped = good;
            flipped[i] = char(flipped[i] ^ 0x5a);
            (void)readEverything(flipped);
        }
    }
};

QTEST_GUILESS_MAIN(TestParquetFile)
#include "tst_parquetfile.moc"
