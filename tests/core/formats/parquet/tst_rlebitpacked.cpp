// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/rlebitpackeddecoder.h"

#include <QtTest>

using namespace kx::parquet;

class TestRleBitPacked : public QObject
{
    Q_OBJECT

private slots:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("hex");
        QTest::addColumn<int>("bitWidth");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("expected"); // comma-separated, or "error"
        QTest::newRow("rle run") << QByteArray("1003") << 2 << 8 << QStringLiteral("3,3,3,3,3,3,3,3");
        QTest::newRow("rle run partly used") << QByteArray("1003") << 2 << 3 << QStringLiteral("3,3,3");
        QTest::newRow("spec bit-packed 0..7") << QByteArray("0388c6fa") << 3 << 8 << QStringLiteral("0,1,2,3,4,5,6,7");
        QTest::newRow("rle then packed") << QByteArray("0601" "0388c6fa") << 3 << 5 << QStringLiteral("1,1,1,0,1");
        QTest::newRow("bit width 0") << QByteArray("") << 0 << 4 << QStringLiteral("0,0,0,0");
        QTest::newRow("bit width 32") << QByteArray("02ffffff7f") << 32 << 1 << QStringLiteral("2147483647");
        QTest::newRow("two-byte value") << QByteArray("04e803") << 10 << 2 << QStringLiteral("1000,1000");
        QTest::newRow("short final group") << QByteArray("0388") << 3 << 2 << QStringLiteral("0,1");
        QTest::newRow("truncated packed run") << QByteArray("0388") << 3 << 8 << QStringLiteral("error");
        QTest::newRow("zero-length run") << QByteArray("0001") << 1 << 1 << QStringLiteral("error");
        QTest::newRow("no data") << QByteArray("") << 1 << 1 << QStringLiteral("error");
        QTest::newRow("run value cut") << QByteArray("02ff") << 16 << 1 << QStringLiteral("error");
        QTest::newRow("bit width 33") << QByteArray("0201") << 33 << 1 << QStringLiteral("error");
        QTest::newRow("endless header") << QByteArray("ffffffffffffffffffffff") << 1 << 1 << QStringLiteral("error");
    }

    void decode()
    {
        QFETCH(QByteArray, hex);
        QFETCH(int, bitWidth);
        QFETCH(int, count);
        QFETCH(QString, expected);
        const QByteArray bytes = QByteArray::fromHex(hex);
        RleBitPackedDecoder d(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()), bitWidth);
        std::vector<int32_t> out(size_t(count), -1);
        const bool ok = d.decode(out.data(), out.size());
        if (expected == QLatin1String("error")) {
            QVERIFY(!ok);
            QVERIFY(!d.errorMessage().isEmpty());
            return;
        }
        QVERIFY2(ok, qPrintable(d.errorMessage()));
        QStringList got;
        for (int32_t v : out)
            got << QString::number(v);
        QCOMPARE(got.join(QLatin1Char(',')), expected);
    }

    void legacyBitPacked()
    {
        // MSB-first: 0..7 at 3 bits = 000 001 010 011 100 101 110 111.
        const QByteArray bytes = QByteArray::fromHex("053977");
        std::vector<int32_t> out(8);
        size_t consumed = 0;
        QVERIFY(RleBitPackedDecoder::decodeLegacyBitPacked(reinterpret_cast<const uint8_t *>(bytes.constData()),
                                                           3, 3, out.data(), 8, consumed));
        QCOMPARE(consumed, size_t(3));
        QCOMPARE(out, (std::vector<int32_t>{0, 1, 2, 3, 4, 5, 6, 7}));
        QVERIFY(!RleBitPackedDecoder::decodeLegacyBitPacked(reinterpret_cast<const uint8_t *>(bytes.constData()), 2,
                                                            3, out.data(), 8, consumed));
    }
};

QTEST_GUILESS_MAIN(TestRleBitPacked)
#include "tst_rlebitpacked.moc"
