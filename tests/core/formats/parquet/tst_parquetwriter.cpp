// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/parquet/parquetfile.h"
#include "formats/parquet/parquetwriter.h"
#include "formats/parquet/rlebitpackeddecoder.h"
#include "formats/parquet/rlebitpackedwriter.h"
#include "formats/parquet/scenarioparquetwriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace kx;
using parquet::Encoding;

namespace {

// A deterministic scenario exercising unicode, empty lists, nulls and long strings.
TestScenario makeScenario(int i)
{
    TestScenario s;
    s.id = QStringLiteral("sc-%1").arg(i, 6, 10, QLatin1Char('0'));
    s.name = i % 7 == 0 ? QString::fromUtf8("Überprüfung 検証 🚀 #%1").arg(i) : QStringLiteral("scenario %1").arg(i);
    s.category = allCategories[i % 4];
    s.status = allReviewStatuses[(i / 3) % 4];
    const int turns = i % 5; // 0..4 messages; 0 is an empty list
    for (int t = 0; t < turns; ++t) {
        QString content = QStringLiteral("turn %1 of %2: ").arg(t).arg(i);
        if (i % 997 == 0 && t == 0)
            content += QString(70000, QChar(u'x')) + QString::fromUtf8("é"); // long, spans pages
        if (i % 11 == 0)
            content += QString::fromUtf8(" — emoji 😀, RTL שלום, combining e\u0301");
        s.messages.append(ChatMessage{t % 2 == 0 ? QStringLiteral("user") : QStringLiteral("assistant"), content,
                                      Json::object()});
    }
    if (i % 3 != 0)
        s.memoryRequirements = {QStringLiteral("remember %1").arg(i % 50), QStringLiteral("shared fact")};
    if (i % 4 == 1)
        s.expectedCapabilities = {QStringLiteral("recall"), QStringLiteral("tool_use"), QString()};
    s.evaluationCriteria = Json::object();
    s.evaluationCriteria["accuracy"] = (i % 10) / 10.0 + 0.05;
    if (i % 2 == 0)
        s.evaluationCriteria["note"] = ss(QString::fromUtf8("prüfe 「%1」").arg(i));
    s.provenance.sourceFile = QStringLiteral("gsm8k/train.jsonl");
    s.provenance.row = i;
    if (i % 6 == 0)
        s.audio = Json{{"path", ss(QStringLiteral("audio/%1.flac").arg(i))}, {"sampling_rate", 16000}};
    return s;
}

Result<void> writeScenarios(const QString &path, int count, const ParquetWriterOptions &options = ParquetWriterOptions())
{
    auto w = ScenarioParquetWriter::create(path, options);
    if (!w)
        return w.error();
    for (int i = 0; i < count; ++i)
        if (auto r = (*w)->writeScenario(makeScenario(i)); !r)
            return r;
    return (*w)->close();
}

const parquet::ColumnMetaData *chunkMeta(const ParquetFile &f, int rowGroup, const std::string &firstPathElement,
                                         const std::string &lastPathElement)
{
    for (const parquet::ColumnChunk &c : f.metadata().rowGroups[size_t(rowGroup)].columns)
        if (c.metaData.pathInSchema.front() == firstPathElement && c.metaData.pathInSchema.back() == lastPathElement)
            return &c.metaData;
    return nullptr;
}

bool hasEncoding(const parquet::ColumnMetaData &m, Encoding e)
{
    return std::find(m.encodings.begin(), m.encodings.end(), e) != m.encodings.end();
}

QString toolsDir() { return QStringLiteral(KX_TEST_TOOLS); }

} // namespace

class TestParquetWriter : public QObject
{
    Q_OBJECT

private slots:
    void rleBitPacked_data();
    void rleBitPacked();
    void roundTrip();
    void dictionaryFallback();
    void huggingfaceMetadata();
    void abortedWriteLeavesNothing();
    void badRowIsRejected();
    void independentReader();
    void writeSpeed();

private:
    QTemporaryDir m_dir;
};

void TestParquetWriter::rleBitPacked_data()
{
    QTest::addColumn<QList<int>>("values");
    QTest::addColumn<int>("bitWidth");
    QTest::newRow("empty") << QList<int>{} << 1;
    QTest::newRow("one") << QList<int>{1} << 1;
    QTest::newRow("long run") << QList<int>(1000, 3) << 2;
    QTest::newRow("mixed") << QList<int>{0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 0, 2} << 2;
    QList<int> wide;
    for (int i = 0; i < 1003; ++i)
        wide.append((i * 7919) % 70000);
    QTest::newRow("17 bits, no runs") << wide << 17;
    QList<int> alternating;
    for (int i = 0; i < 50; ++i)
        alternating << QList<int>(i % 9 + 1, i % 4);
    QTest::newRow("short and long runs") << alternating << 3;
}

void TestParquetWriter::rleBitPacked()
{
    QFETCH(QList<int>, values);
    QFETCH(int, bitWidth);
    std::vector<uint32_t> in(values.begin(), values.end());
    std::string encoded;
    parquet::RleBitPackedWriter::encode(in.data(), in.size(), bitWidth, encoded);
    std::vector<int32_t> out(in.size() + 1, -1);
    parquet::RleBitPackedDecoder d(reinterpret_cast<const uint8_t *>(encoded.data()), encoded.size(), bitWidth);
    QVERIFY2(d.decode(out.data(), in.size()), qPrintable(d.errorMessage()));
    for (size_t i = 0; i < in.size(); ++i)
        QCOMPARE(uint32_t(out[i]), in[i]);
}

void TestParquetWriter::roundTrip()
{
    const QString path = m_dir.filePath(QStringLiteral("roundtrip.parquet"));
    constexpr int count = 25000;
    auto written = writeScenarios(path, count);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    QVERIFY(!QFile::exists(path + QStringLiteral(".partial")));

    auto file = ParquetFile::open(path);
    QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message));
    ParquetFile &f = **file;
    QCOMPARE(f.rowCount(), qint64(count));
    QCOMPARE(f.rowGroupCount(), 3); // 10,000 + 10,000 + 5,000
    QCOMPARE(f.rowGroupRowCount(2), qint64(5000));

    // Dictionary encoding is really used: a PLAIN dictionary page plus RLE_DICTIONARY data pages.
    for (const auto &[first, last] : {std::pair<std::string, std::string>{"category", "category"},
                                      {"messages", "role"}, {"memory_requirements", "element"}, {"status", "status"}}) {
        const parquet::ColumnMetaData *m = chunkMeta(f, 0, first, last);
        QVERIFY(m);
        QVERIFY2(hasEncoding(*m, Encoding::RleDictionary), first.c_str());
        QVERIFY(m->dictionaryPageOffset.has_value());
        QCOMPARE(m->codec, parquet::Codec::Snappy);
    }
    QCOMPARE(f.metadata().rowGroups[0].columns.size(), size_t(11));

    int row = 0;
    for (int g = 0; g < f.rowGroupCount(); ++g) {
        auto batch = f.readRowGroup(g);
        QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().message));
        for (const Json &j : batch->rows) {
            auto s = ScenarioParquetWriter::scenarioFromRow(j);
            QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
            const TestScenario expected = makeScenario(row);
            if (!(*s == expected))
                QFAIL(qPrintable(QStringLiteral("row %1 differs:\n%2\n%3").arg(row)
                                     .arg(qs(s->toJson().dump()).left(600), qs(expected.toJson().dump()).left(600))));
            ++row;
        }
    }
    QCOMPARE(row, count);

    // Spot-check the raw JSON form too: nulls and empty lists stay distinct.
    auto first = f.readRowGroup(0);
    QVERIFY(first.ok());
    QVERIFY(first->rows[0]["messages"].is_array() && first->rows[0]["messages"].empty());
    QVERIFY(first->rows[0]["memory_requirements"].empty());
    QVERIFY(first->rows[1]["audio"].is_null());
    QCOMPARE(first->rows[6]["audio"].get<std::string>(), std::string(R"({"path":"audio/6.flac","sampling_rate":16000})"));
    QCOMPARE(first->rows[3]["messages"][2]["role"].get<std::string>(), std::string("user"));
}

void TestParquetWriter::dictionaryFallback()
{
    const QString path = m_dir.filePath(QStringLiteral("fallback.parquet"));
    ParquetWriterOptions options;
    // Pages of ~250 dictionary-encoded rows; the unique ids (~17 bytes each in
    // the dictionary) overflow 6,000 bytes after ~350 rows: mid-chunk, after a page.
    options.dictionaryLimitBytes = 6000;
    options.rowGroupRows = 700;
    options.pageSizeBytes = 512;
    constexpr int count = 2000;
    auto written = writeScenarios(path, count, options);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    auto file = ParquetFile::open(path);
    QVERIFY(file.ok());
    QCOMPARE((*file)->rowGroupCount(), 3);
    const parquet::ColumnMetaData *id = chunkMeta(**file, 0, "id", "id");
    QVERIFY(id);
    QVERIFY(hasEncoding(*id, Encoding::Plain));
    QVERIFY(hasEncoding(*id, Encoding::RleDictionary)); // pages before the fallback keep their indices
    const parquet::ColumnMetaData *category = chunkMeta(**file, 0, "category", "category");
    QVERIFY(category && hasEncoding(*category, Encoding::RleDictionary));
    int row = 0;
    for (int g = 0; g < (*file)->rowGroupCount(); ++g) {
        auto batch = (*file)->readRowGroup(g);
        QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().message));
        for (const Json &j : batch->rows) {
            auto s = ScenarioParquetWriter::scenarioFromRow(j);
            QVERIFY(s.ok());
            QVERIFY2(*s == makeScenario(row), qPrintable(QString::number(row)));
            ++row;
        }
    }
    QCOMPARE(row, count);

    // Dictionary off entirely.
    options.dictionary = false;
    options.codec = parquet::Codec::Uncompressed;
    QVERIFY(writeScenarios(path, 50, options).ok());
    auto plain = ParquetFile::open(path);
    QVERIFY(plain.ok());
    const parquet::ColumnMetaData *cat = chunkMeta(**plain, 0, "category", "category");
    QVERIFY(cat && !hasEncoding(*cat, Encoding::RleDictionary) && !cat->dictionaryPageOffset);
    auto batch = (*plain)->readRowGroup(0);
    QVERIFY(batch.ok());
    QCOMPARE(batch->rows.size(), size_t(50));
    QVERIFY(*ScenarioParquetWriter::scenarioFromRow(batch->rows[49]) == makeScenario(49));
}

void TestParquetWriter::huggingfaceMetadata()
{
    const QString path = m_dir.filePath(QStringLiteral("hf.parquet"));
    QVERIFY(writeScenarios(path, 3).ok());
    auto file = ParquetFile::open(path);
    QVERIFY(file.ok());
    auto hf = (*file)->huggingfaceMetadata();
    QVERIFY(hf.ok());
    const Json &features = (*hf)["info"]["features"];
    QCOMPARE(features.size(), size_t(10));
    QCOMPARE(features["id"], (Json{{"dtype", "string"}, {"_type", "Value"}}));
    QCOMPARE(features["messages"]["_type"].get<std::string>(), std::string("List"));
    QCOMPARE(features["messages"]["feature"]["role"], (Json{{"dtype", "string"}, {"_type", "Value"}}));
    QCOMPARE(features["messages"]["feature"]["content"]["_type"].get<std::string>(), std::string("Value"));
    QCOMPARE(features["memory_requirements"],
             (Json{{"feature", {{"dtype", "string"}, {"_type", "Value"}}}, {"_type", "List"}}));
    // Column order of the features matches the file's schema.
    QStringList names;
    for (const auto &[k, v] : features.items())
        names << qs(k);
    QCOMPARE(names.join(QLatin1Char(',')),
             QStringLiteral("id,name,category,messages,memory_requirements,expected_capabilities,"
                            "evaluation_criteria,provenance,status,audio"));
    // Standard 3-level LIST: messages (LIST) { repeated group list { optional group element { role; content } } }.
    const auto &schema = (*file)->metadata().schema;
    auto at = std::find_if(schema.begin(), schema.end(), [](const parquet::SchemaElement &e) { return e.name == "messages"; });
    QVERIFY(at != schema.end() && at + 4 < schema.end());
    QCOMPARE(at->logicalType.kind, int16_t(parquet::LogicalType::List));
    QCOMPARE((at + 1)->name, std::string("list"));
    QCOMPARE(*(at + 1)->repetition, parquet::Repetition::Repeated);
    QCOMPARE((at + 2)->name, std::string("element"));
    QCOMPARE((at + 3)->name, std::string("role"));
    QCOMPARE((at + 3)->logicalType.kind, int16_t(parquet::LogicalType::String));
}

void TestParquetWriter::abortedWriteLeavesNothing()
{
    const QString path = m_dir.filePath(QStringLiteral("aborted.parquet"));
    const QString partial = path + QStringLiteral(".partial");
    {
        auto w = ScenarioParquetWriter::create(path);
        QVERIFY(w.ok());
        for (int i = 0; i < 12000; ++i) // past one row group, so bytes are on disk
            QVERIFY((*w)->writeScenario(makeScenario(i)).ok());
        QVERIFY(QFile::exists(partial));
        QVERIFY(!QFile::exists(path));
        (*w)->abort();
        QVERIFY(!(*w)->writeScenario(makeScenario(0)).ok());
        QVERIFY(!(*w)->close().ok());
    }
    QVERIFY(!QFile::exists(partial));
    QVERIFY(!QFile::exists(path));
    {
        auto w = ScenarioParquetWriter::create(path);
        QVERIFY(w.ok());
        QVERIFY((*w)->writeScenario(makeScenario(1)).ok());
        // Destroyed without close(): an interrupted export.
    }
    QVERIFY(!QFile::exists(partial));
    QVERIFY(!QFile::exists(path));

    // A folder that does not exist: the error names the file.
    auto bad = ScenarioParquetWriter::create(m_dir.filePath(QStringLiteral("no/such/dir/x.parquet")));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, Error::Code::Io);
    QVERIFY(bad.error().message.contains(QStringLiteral("x.parquet.partial")));

    // close() replaces an existing file only at the very end.
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old");
    old.close();
    QVERIFY(writeScenarios(path, 5).ok());
    auto file = ParquetFile::open(path);
    QVERIFY(file.ok());
    QCOMPARE((*file)->rowCount(), qint64(5));
}

void TestParquetWriter::badRowIsRejected()
{
    const QString path = m_dir.filePath(QStringLiteral("badrow.parquet"));
    auto w = ParquetWriter::create(path, ScenarioParquetWriter::schema());
    QVERIFY(w.ok());
    auto r = (*w)->writeRow(ParquetRow(3));
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("3 values")));
    QVERIFY(!ParquetWriter::create(path, ParquetWriterSchema()).ok());
    ParquetWriterSchema dup;
    dup.fields = {{QStringLiteral("a"), ParquetWriterField::Kind::String, {}},
                  {QStringLiteral("a"), ParquetWriterField::Kind::String, {}}};
    QVERIFY(!ParquetWriter::create(path + QStringLiteral("2"), dup).ok());
    // An empty file (no rows) is still a valid parquet file.
    QVERIFY((*w)->close().ok());
    auto file = ParquetFile::open(path);
    QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message));
    QCOMPARE((*file)->rowCount(), qint64(0));
}

void TestParquetWriter::independentReader()
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty() || !QFileInfo::exists(toolsDir() + QStringLiteral("/node_modules/hyparquet")))
        QSKIP("independent reader not installed: needs `node` and `npm ci --prefix tests/tools` (hyparquet)");
    const QString path = m_dir.filePath(QStringLiteral("independent.parquet"));
    constexpr int count = 12345;
    QVERIFY(writeScenarios(path, count).ok());

    QProcess p;
    p.start(node, {toolsDir() + QStringLiteral("/read-parquet.mjs"), path, QStringLiteral("8")});
    QVERIFY(p.waitForFinished(300000));
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, err.constData());
    const Json out = Json::parse(p.readAllStandardOutput().toStdString(), nullptr, false);
    QVERIFY(out.is_object());
    QCOMPARE(out["numRows"].get<qint64>(), qint64(count));
    QCOMPARE(out["decodedRows"].get<qint64>(), qint64(count)); // every page of every column decoded
    QCOMPARE(out["rowGroups"].get<int>(), 2);
    const Json hf = Json::parse(out["keyValue"]["huggingface"].get<std::string>());
    QCOMPARE(hf, ScenarioParquetWriter::huggingfaceMetadata());
    bool sawDictionary = false;
    for (const Json &c : out["columns"])
        for (const Json &e : c["encodings"])
            sawDictionary = sawDictionary || e == "RLE_DICTIONARY";
    QVERIFY(sawDictionary);
    QCOMPARE(out["rows"].size(), size_t(8));
    for (int i = 0; i < 8; ++i) {
        const Json &row = out["rows"][size_t(i)];
        const TestScenario expected = makeScenario(i);
        QCOMPARE(qs(row["id"].get<std::string>()), expected.id);
        QCOMPARE(qs(row["name"].get<std::string>()), expected.name);
        QCOMPARE(qs(row["category"].get<std::string>()), categoryKey(expected.category));
        QCOMPARE(row["messages"].size(), size_t(expected.messages.size()));
        for (qsizetype m = 0; m < expected.messages.size(); ++m) {
            QCOMPARE(qs(row["messages"][size_t(m)]["role"].get<std::string>()), expected.messages[m].role);
            QCOMPARE(qs(row["messages"][size_t(m)]["content"].get<std::string>()), expected.messages[m].content);
        }
        QCOMPARE(toStringList(row["memory_requirements"]), expected.memoryRequirements);
        QCOMPARE(toStringList(row["expected_capabilities"]), expected.expectedCapabilities);
        QCOMPARE(row["audio"].is_null(), expected.audio.is_null());
        QCOMPARE(Json::parse(row["evaluation_criteria"].get<std::string>()), expected.evaluationCriteria);
    }

    // Dictionary fallback (RLE_DICTIONARY pages, then PLAIN pages in one chunk), many small pages, no codec.
    ParquetWriterOptions options;
    options.dictionaryLimitBytes = 6000;
    options.pageSizeBytes = 512;
    options.rowGroupRows = 700;
    options.codec = parquet::Codec::Uncompressed;
    QVERIFY(writeScenarios(path, 2000, options).ok());
    QProcess p2;
    p2.start(node, {toolsDir() + QStringLiteral("/read-parquet.mjs"), path, QStringLiteral("1000")});
    QVERIFY(p2.waitForFinished(300000));
    QVERIFY2(p2.exitCode() == 0, p2.readAllStandardError().constData());
    const Json out2 = Json::parse(p2.readAllStandardOutput().toStdString(), nullptr, false);
    QVERIFY(out2.is_object());
    QCOMPARE(out2["decodedRows"].get<qint64>(), qint64(2000));
    QCOMPARE(out2["rowGroups"].get<int>(), 3);
    QCOMPARE(out2["rows"].size(), size_t(1000));
    for (int i = 0; i < 1000; ++i) {
        const Json &row = out2["rows"][size_t(i)];
        const TestScenario expected = makeScenario(i);
        QCOMPARE(qs(row["id"].get<std::string>()), expected.id);
        QCOMPARE(row["messages"].size(), size_t(expected.messages.size()));
        if (!expected.messages.isEmpty())
            QCOMPARE(qs(row["messages"].back()["content"].get<std::string>()), expected.messages.back().content);
    }
}

void TestParquetWriter::writeSpeed()
{
    // A measurement, not an assertion: set KX_PARQUET_BENCH_ROWS (e.g. 1000000) to run it.
    const qint64 rows = qEnvironmentVariableIntValue("KX_PARQUET_BENCH_ROWS");
    if (rows <= 0)
        QSKIP("set KX_PARQUET_BENCH_ROWS to measure the write speed");
    const QString path = m_dir.filePath(QStringLiteral("speed.parquet"));
    auto w = ScenarioParquetWriter::create(path);
    QVERIFY(w.ok());
    TestScenario s = makeScenario(1);
    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 0; i < rows; ++i) {
        s.id = QStringLiteral("sc-%1").arg(i);
        s.messages[0].content = QStringLiteral("What is %1 plus %2?").arg(i % 1000).arg(i % 77);
        QVERIFY((*w)->writeScenario(s).ok());
    }
    QVERIFY((*w)->close().ok());
    const double seconds = std::max<qint64>(timer.elapsed(), 1) / 1000.0;
    const double mb = QFileInfo(path).size() / 1e6;
    const double jsonMb = double(s.toJson().dump().size()) * double(rows) / 1e6; // the same rows as JSONL, roughly
    qInfo("wrote %lld rows, %.1f MB file (%.0f MB as JSON) in %.2f s: %.0f rows/s, %.1f MB/s of file, %.0f MB/s of JSON",
          rows, mb, jsonMb, seconds, rows / seconds, mb / seconds, jsonMb / seconds);
    auto file = ParquetFile::open(path);
    QVERIFY(file.ok());
    QCOMPARE((*file)->rowCount(), rows);
}

QTEST_GUILESS_MAIN(TestParquetWriter)
#include "tst_parquetwriter.moc"
