// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/hub/parquetaudiosource.h"

#include "hubtree.h"

#include <QTest>

using namespace kx;
using namespace kx::test;

class TestParquetAudioSource final : public QObject
{
    Q_OBJECT

private slots:
    void readsWavFromRealHubFile_data();
    void readsWavFromRealHubFile();
    void badReferences_data();
    void badReferences();
};

void TestParquetAudioSource::readsWavFromRealHubFile_data()
{
    QTest::addColumn<int>("rowGroup");
    QTest::addColumn<int>("row");
    QTest::newRow("first") << 0 << 0;
    QTest::newRow("middle group") << 1 << 57;
    QTest::newRow("last") << 2 << 99;
}

void TestParquetAudioSource::readsWavFromRealHubFile()
{
    QFETCH(int, rowGroup);
    QFETCH(int, row);
    ParquetAudioSource source;
    const Json ref = {{"parquet", ss(hubAudioParquet())}, {"row_group", rowGroup}, {"row", row},
                      {"column", "audio.bytes"}};
    QVERIFY(ParquetAudioSource::isParquetReference(ref));
    auto bytes = source.read(ref);
    QVERIFY2(bytes.ok(), bytes.ok() ? "" : qPrintable(bytes.error().message));
    QVERIFY(bytes->startsWith("RIFF"));
    QCOMPARE(bytes->mid(8, 4), QByteArray("WAVE"));
    // The RIFF size field counts the bytes after it.
    const quint32 riffSize = quint8((*bytes)[4]) | quint8((*bytes)[5]) << 8 | quint8((*bytes)[6]) << 16
                             | quint32(quint8((*bytes)[7])) << 24;
    QCOMPARE(qint64(riffSize) + 8, qint64(bytes->size()));
}

void TestParquetAudioSource::badReferences_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("message");
    const QString file = hubAudioParquet();
    QTest::newRow("row past group") << QStringLiteral(R"({"parquet":"%1","row_group":0,"row":100,"column":"audio.bytes"})").arg(file)
                                    << QStringLiteral("row group 0, row 100: no such row");
    QTest::newRow("no group") << QStringLiteral(R"({"parquet":"%1","row_group":3,"row":0,"column":"audio.bytes"})").arg(file)
                              << QStringLiteral("row group 3, row 0: no such row");
    QTest::newRow("row not a number") << QStringLiteral(R"({"parquet":"%1","row_group":0,"row":"x"})").arg(file)
                                      << QStringLiteral("needs integer");
    QTest::newRow("missing file") << QStringLiteral(R"({"parquet":"/nonexistent/a.parquet","row_group":0,"row":0})")
                                  << QStringLiteral("/nonexistent/a.parquet");
    QTest::newRow("no target") << QStringLiteral(R"({"format":"wav"})") << QStringLiteral("neither");
}

void TestParquetAudioSource::badReferences()
{
    QFETCH(QString, reference);
    QFETCH(QString, message);
    ParquetAudioSource source;
    auto bytes = source.read(Json::parse(ss(reference)));
    QVERIFY(!bytes.ok());
    QVERIFY2(bytes.error().message.contains(message), qPrintable(bytes.error().message));
}

QTEST_GUILESS_MAIN(TestParquetAudioSource)
#include "tst_parquetaudiosource.moc"
