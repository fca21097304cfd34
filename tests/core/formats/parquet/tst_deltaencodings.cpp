// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/deltadecoders.h"

#include <QtTest>

using namespace kx::parquet;

class TestDeltaEncodings : public QObject
{
    Q_OBJECT

private slots:
    void decode_data()
    {
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QByteArray>("hex");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("expected"); // comma-separated, or "error"
        // Header: block 128, 4 miniblocks, value count, zigzag first value.
        QTest::newRow("dbp constant step, bit width 0") << QStringLiteral("dbp") << QByteArray("800104050202" "00000000")
                                                        << 5 << QStringLiteral("1,2,3,4,5");
        QTest::newRow("dbp spec example") << QStringLiteral("dbp")
                                          << QByteArray("800104080e" "03" "02000000" "c03f000000000000") << 8
                                          << QStringLiteral("7,5,3,1,2,3,4,5");
        QTest::newRow("dbp single value") << QStringLiteral("dbp") << QByteArray("8001040101") << 1
                                          << QStringLiteral("-1");
        QTest::newRow("dbp wraps int64") << QStringLiteral("dbp")
                                         << QByteArray("80010402feffffffffffffffff01" "02" "00000000") << 2
                                         << QStringLiteral("9223372036854775807,-9223372036854775808");
        QTest::newRow("dbp bad block size") << QStringLiteral("dbp") << QByteArray("640404050202") << 5
                                            << QStringLiteral("error");
        QTest::newRow("dbp too many values") << QStringLiteral("dbp") << QByteArray("8001047f0202" "00000000") << 5
                                             << QStringLiteral("error");
        QTest::newRow("dbp truncated miniblock") << QStringLiteral("dbp") << QByteArray("800104080e" "03" "02000000" "c0")
                                                 << 8 << QStringLiteral("error");
        QTest::newRow("dbp truncated header") << QStringLiteral("dbp") << QByteArray("8001") << 1
                                              << QStringLiteral("error");
        QTest::newRow("dlba") << QStringLiteral("dlba") << QByteArray("800104020600000000006162636465" "66") << 2
                              << QStringLiteral("abc,def");
        QTest::newRow("dlba length past end") << QStringLiteral("dlba") << QByteArray("8001040206000000000061626364")
                                              << 2 << QStringLiteral("error");
        QTest::newRow("dba") << QStringLiteral("dba")
                             << QByteArray("800104020004000000008001040206030000000061626364") << 2
                             << QStringLiteral("abc,abd");
        QTest::newRow("dba prefix too long") << QStringLiteral("dba")
                                             << QByteArray("80010402000a000000008001040206030000000061626364") << 2
                                             << QStringLiteral("error");
    }

    void decode()
    {
        QFETCH(QString, encoding);
        QFETCH(QByteArray, hex);
        QFETCH(int, count);
        QFETCH(QString, expected);
        const QByteArray bytes = QByteArray::fromHex(hex);
        const auto *data = reinterpret_cast<const uint8_t *>(bytes.constData());
        QString error;
        QStringList got;
        bool ok = false;
        if (encoding == QLatin1String("dbp")) {
            std::vector<int64_t> out;
            size_t consumed = 0;
            ok = DeltaDecoders::decodeBinaryPacked(data, size_t(bytes.size()), size_t(count), out, consumed, error);
            if (ok)
                QCOMPARE(consumed, size_t(bytes.size()));
            for (int64_t v : out)
                got << QString::number(v);
        } else {
            ColumnValues out;
            out.type = PhysicalType::ByteArray;
            ok = encoding == QLatin1String("dlba")
                ? DeltaDecoders::decodeLengthByteArray(data, size_t(bytes.size()), size_t(count), out, error)
                : DeltaDecoders::decodeByteArray(data, size_t(bytes.size()), size_t(count), out, error);
            for (size_t i = 0; ok && i < out.size(); ++i)
                got << QString::fromStdString(std::string(out.binary(i)));
        }
        if (expected == QLatin1String("error")) {
            QVERIFY(!ok);
            QVERIFY(!error.isEmpty());
            return;
        }
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(got.join(QLatin1Char(',')), expected);
    }
};

QTEST_GUILESS_MAIN(TestDeltaEncodings)
#include "tst_deltaencodings.moc"
