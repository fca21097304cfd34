// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/utf8.h"

#include <QTest>

class TestUtf8 final : public QObject
{
    Q_OBJECT

private slots:
    void firstInvalid_data();
    void firstInvalid();
};

void TestUtf8::firstInvalid_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("expected");
    QTest::newRow("empty") << QByteArray() << -1;
    QTest::newRow("ascii long") << QByteArray("The quick brown fox jumps over the lazy dog") << -1;
    QTest::newRow("two-byte") << QByteArray("caf\xc3\xa9") << -1;
    QTest::newRow("three-byte") << QByteArray("Janet\xe2\x80\x99s") << -1;
    QTest::newRow("four-byte") << QByteArray("smile \xf0\x9f\x98\x80!") << -1;
    QTest::newRow("max code point") << QByteArray("\xf4\x8f\xbf\xbf") << -1;
    QTest::newRow("lone continuation") << QByteArray("abc\x80") << 3;
    QTest::newRow("latin-1 byte") << QByteArray("caf\xe9 au lait") << 3;
    QTest::newRow("overlong 2-byte") << QByteArray("\xc0\xaf") << 0;
    QTest::newRow("overlong 3-byte") << QByteArray("ab\xe0\x80\xaf") << 2;
    QTest::newRow("overlong 4-byte") << QByteArray("\xf0\x80\x80\xaf") << 0;
    QTest::newRow("surrogate") << QByteArray("x\xed\xa0\x80") << 1;
    QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << 0;
    QTest::newRow("0xFF") << QByteArray("12345678\xff") << 8;
    QTest::newRow("truncated at end") << QByteArray("ok \xe2\x80") << 3;
    QTest::newRow("bad continuation") << QByteArray("\xe2\x28\xa1") << 0;
    QTest::newRow("invalid after ascii block") << QByteArray("0123456789abcdef\xc3") << 16;
}

void TestUtf8::firstInvalid()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, expected);
    QCOMPARE(kx::utf8::firstInvalid(bytes.constData(), bytes.size()), qsizetype(expected));
}

QTEST_GUILESS_MAIN(TestUtf8)
#include "tst_utf8.moc"
