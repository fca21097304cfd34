// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/thriftcompactreader.h"

#include <QtTest>

using namespace kx;

namespace {

// Renders a struct as "id:value" items so each row states the whole decoding.
QString dumpStruct(ThriftCompactReader &r)
{
    QStringList items;
    if (!r.beginStruct())
        return {};
    int16_t id = 0;
    uint8_t t = 0;
    while (r.readFieldHeader(id, t)) {
        QString v;
        switch (t) {
        case ThriftCompactReader::BoolTrue:
        case ThriftCompactReader::BoolFalse: v = r.boolFromFieldType(t) ? QStringLiteral("true") : QStringLiteral("false"); break;
        case ThriftCompactReader::I32: v = QString::number(r.readI32()); break;
        case ThriftCompactReader::I64: v = QString::number(r.readI64()); break;
        case ThriftCompactReader::Binary: v = QString::fromStdString(r.readString()); break;
        case ThriftCompactReader::Struct: v = QLatin1Char('{') + dumpStruct(r) + QLatin1Char('}'); break;
        case ThriftCompactReader::List: {
            uint8_t et = 0;
            int32_t n = 0;
            QStringList els;
            if (r.readListHeader(et, n))
                for (int32_t i = 0; i < n && !r.failed(); ++i)
                    els << QString::number(r.readI32());
            v = QLatin1Char('[') + els.join(QLatin1Char(',')) + QLatin1Char(']');
            break;
        }
        default: r.skip(t); v = QStringLiteral("?");
        }
        items << QStringLiteral("%1:%2").arg(id).arg(v);
    }
    r.endStruct();
    return items.join(QLatin1Char(' '));
}

} // namespace

class TestThriftCompact : public QObject
{
    Q_OBJECT

private slots:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("hex");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("error"); // fragment of the error, empty: success
        QTest::newRow("i32 short form") << QByteArray("150400") << QStringLiteral("1:2") << QString();
        QTest::newRow("delta ids") << QByteArray("1504250300") << QStringLiteral("1:2 3:-2") << QString();
        QTest::newRow("long form id") << QByteArray("050a0200") << QStringLiteral("5:1") << QString();
        QTest::newRow("i64 negative") << QByteArray("160100") << QStringLiteral("1:-1") << QString();
        QTest::newRow("bools") << QByteArray("111200") << QStringLiteral("1:true 2:false") << QString();
        QTest::newRow("string") << QByteArray("180361626300") << QStringLiteral("1:abc") << QString();
        QTest::newRow("nested struct") << QByteArray("1c15020000") << QStringLiteral("1:{1:1}") << QString();
        QTest::newRow("list") << QByteArray("1935020406" "00") << QStringLiteral("1:[1,2,3]") << QString();
        QTest::newRow("big varint list size") << QByteArray("19f5808008") << QString() << QStringLiteral("exceeds");
        QTest::newRow("truncated varint") << QByteArray("15ff") << QString() << QStringLiteral("byte offset 2");
        QTest::newRow("string past end") << QByteArray("180a6162") << QString() << QStringLiteral("unexpected end");
        QTest::newRow("missing stop") << QByteArray("1504") << QString() << QStringLiteral("unexpected end");
        QTest::newRow("bad type") << QByteArray("1d00") << QString() << QStringLiteral("invalid field type 13");
        QTest::newRow("deep nesting") << QByteArray(200, 'x').replace("x", "1c") << QString() << QStringLiteral("nested deeper");
    }

    void decode()
    {
        QFETCH(QByteArray, hex);
        QFETCH(QString, expected);
        QFETCH(QString, error);
        const QByteArray bytes = QByteArray::fromHex(hex);
        ThriftCompactReader r(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
        const QString got = dumpStruct(r);
        if (error.isEmpty()) {
            QVERIFY2(!r.failed(), qPrintable(r.errorMessage()));
            QCOMPARE(got, expected);
            QCOMPARE(r.position(), size_t(bytes.size()));
        } else {
            QVERIFY(r.failed());
            QVERIFY2(r.errorMessage().contains(error), qPrintable(r.errorMessage()));
        }
    }

    void skipsUnknownContainers()
    {
        // field 1: map<i32,string>{1:"a"}, field 2: set<i32>{5}, then field 3 i32 = 7.
        const QByteArray bytes = QByteArray::fromHex("1b01580201611a150a15" "0e00");
        ThriftCompactReader r(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
        QVERIFY(r.beginStruct());
        int16_t id = 0;
        uint8_t t = 0;
        QVERIFY(r.readFieldHeader(id, t));
        QCOMPARE(int(t), int(ThriftCompactReader::Map));
        r.skip(t);
        QVERIFY(r.readFieldHeader(id, t));
        QCOMPARE(int(t), int(ThriftCompactReader::Set));
        r.skip(t);
        QVERIFY2(r.readFieldHeader(id, t), qPrintable(r.errorMessage()));
        QCOMPARE(id, int16_t(3));
        QCOMPARE(r.readI32(), 7);
        QVERIFY(!r.readFieldHeader(id, t));
        QVERIFY(!r.failed());
    }
};

QTEST_GUILESS_MAIN(TestThriftCompact)
#include "tst_thriftcompact.moc"
