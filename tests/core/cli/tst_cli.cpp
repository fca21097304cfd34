// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end tests of the `kairix` executable: real processes, a real workspace file, the real data.
#include "formats/parquet/parquetfile.h"
#include "formats/parquet/scenarioparquetwriter.h"
#include "model/testscenario.h"
#include "util/jsonqt.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString data(const char *relative) { return QStringLiteral(KX_SHARED_DATA "/") + QString::fromUtf8(relative); }

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void importsTheRealDatasets();
    void scenariosSearchAndLimit();
    void exportRoundTripsByteForByte();
    void exportsParquetThatReadsBack();
    void inspectReportsSchemaAndRows();
    void badInputChangesNothing_data();
    void badInputChangesNothing();
    void usageErrors_data();
    void usageErrors();
    void refusesNewerWorkspace();

private:
    Run kairix(const QStringList &args, const QByteArray &stdinData = {});
    Json json(const Run &run);
    QString file(const QString &name, const QByteArray &bytes);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("ws.kairix"));
}

Run TestCli::kairix(const QStringList &args, const QByteArray &stdinData)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir->path()); // never touch the real default workspace
    env.remove(QStringLiteral("KAIRIX_DB"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KX_CLI_PATH), QStringList{QStringLiteral("--db"), m_db} + args);
    if (!p.waitForStarted())
        return {};
    p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

Json TestCli::json(const Run &run)
{
    return Json::parse(run.out.toStdString(), nullptr, false);
}

QString TestCli::file(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write fixture");
    return path;
}

void TestCli::importsTheRealDatasets()
{
    struct Case { const char *path; const char *kind; qint64 count; };
    const Case cases[] = {{"gsm8k/grade_school_math/data/test.jsonl", "gsm8k", 1319},
                          {"bbh/bbh", "bbh", 6511},
                          {"mmlu/data/dev", "mmlu", 285}};
    qint64 id = 0;
    for (const Case &c : cases) {
        const Run r = kairix({QStringLiteral("import"), data(c.path), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const Json j = json(r);
        QVERIFY2(j.is_object(), r.out.constData());
        QCOMPARE(j["kind"].get<std::string>(), std::string(c.kind));
        QCOMPARE(j["scenarios"].get<qint64>(), c.count);
        QVERIFY(j["seconds"].is_number());
        QVERIFY(j["dataset_id"].get<qint64>() > id);
        id = j["dataset_id"].get<qint64>();
    }
    const Run list = kairix({QStringLiteral("datasets"), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    const Json datasets = json(list);
    QVERIFY(datasets.is_array());
    QCOMPARE(datasets.size(), size_t(3));
    QCOMPARE(datasets[0]["kind"].get<std::string>(), std::string("gsm8k"));
    QCOMPARE(datasets[0]["scenarios"].get<qint64>(), qint64(1319));
    QCOMPARE(datasets[1]["scenarios"].get<qint64>(), qint64(6511));
    QCOMPARE(datasets[2]["scenarios"].get<qint64>(), qint64(285));
    for (const auto &d : datasets) {
        QCOMPARE(d["category"].get<std::string>(), std::string("benchmark"));
        for (const char *key : {"id", "name", "version", "kind", "category", "scenarios"})
            QVERIFY2(d.contains(key), key);
    }
    // --kind overrides detection: GSM8K read as our own format fails (no "id"), and changes nothing.
    const Run forced = kairix({QStringLiteral("import"), data(cases[0].path), QStringLiteral("--kind"),
                               QStringLiteral("scenarios")});
    QCOMPARE(forced.exitCode, 1);
    QVERIFY2(forced.err.contains("test.jsonl:1"), forced.err.constData());
    QVERIFY(json(kairix({QStringLiteral("datasets"), QStringLiteral("--json")})) == datasets);
}

void TestCli::scenariosSearchAndLimit()
{
    QCOMPARE(kairix({QStringLiteral("import"), data("gsm8k/grade_school_math/data/test.jsonl")}).exitCode, 0);
    const Run r = kairix({QStringLiteral("scenarios"), QStringLiteral("--search"), QStringLiteral("ducks eggs muffins"),
                          QStringLiteral("--limit"), QStringLiteral("5")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QVERIFY(!lines.isEmpty() && lines.size() <= 5);
    bool janet = false;
    for (const QByteArray &line : lines) {
        const Json j = Json::parse(line.toStdString(), nullptr, false);
        QVERIFY2(j.is_object() && j.contains("messages"), line.constData());
        janet = janet || line.contains("Janet");
    }
    QVERIFY(janet);

    const Run limited = kairix({QStringLiteral("scenarios"), QStringLiteral("--dataset"), QStringLiteral("1"),
                                QStringLiteral("--limit"), QStringLiteral("3")});
    QCOMPARE(limited.exitCode, 0);
    QCOMPARE(limited.out.count('\n'), 3);
    const Run all = kairix({QStringLiteral("scenarios"), QStringLiteral("--status"), QStringLiteral("pending")});
    QCOMPARE(all.out.count('\n'), 1319);
    QCOMPARE(kairix({QStringLiteral("scenarios"), QStringLiteral("--status"), QStringLiteral("accepted")}).out.size(), 0);
    const Run missing = kairix({QStringLiteral("scenarios"), QStringLiteral("--dataset"), QStringLiteral("99")});
    QCOMPARE(missing.exitCode, 1);
}

void TestCli::exportRoundTripsByteForByte()
{
    QCOMPARE(kairix({QStringLiteral("import"), data("mmlu/data/dev")}).exitCode, 0);
    const QString first = m_dir->filePath(QStringLiteral("first.jsonl"));
    const Run exported = kairix({QStringLiteral("export"), QStringLiteral("--out"), first, QStringLiteral("--dataset"),
                                 QStringLiteral("1"), QStringLiteral("--json")});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QCOMPARE(json(exported)["scenarios"].get<qint64>(), qint64(285));

    const Run again = kairix({QStringLiteral("import"), first, QStringLiteral("--json")});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(json(again)["kind"].get<std::string>(), std::string("scenarios"));
    const QString second = m_dir->filePath(QStringLiteral("second.jsonl"));
    QCOMPARE(kairix({QStringLiteral("export"), QStringLiteral("--out"), second, QStringLiteral("--dataset"),
                     QString::number(json(again)["dataset_id"].get<qint64>())}).exitCode, 0);
    QFile a(first), b(second);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QByteArray bytes = a.readAll();
    QCOMPARE(bytes.count('\n'), 285);
    QVERIFY(bytes == b.readAll());
    QVERIFY(bytes.contains("\"expected_answer\":\"B\""));
}

void TestCli::exportsParquetThatReadsBack()
{
    QCOMPARE(kairix({QStringLiteral("import"), data("mmlu/data/dev")}).exitCode, 0);
    const QString jsonl = m_dir->filePath(QStringLiteral("all.jsonl"));
    const QString parquet = m_dir->filePath(QStringLiteral("all.parquet"));
    QCOMPARE(kairix({QStringLiteral("export"), QStringLiteral("--out"), jsonl}).exitCode, 0);
    const Run r = kairix({QStringLiteral("export"), QStringLiteral("--out"), parquet, QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(json(r)["format"].get<std::string>(), std::string("parquet"));
    QCOMPARE(json(r)["scenarios"].get<qint64>(), qint64(285));

    // Every row of the parquet file is the scenario of the same line of the JSONL export.
    auto file = ParquetFile::open(parquet);
    QVERIFY2(file.ok(), file.ok() ? "" : qPrintable(file.error().message));
    QFile lines(jsonl);
    QVERIFY(lines.open(QIODevice::ReadOnly));
    qint64 rows = 0;
    for (int g = 0; g < (*file)->rowGroupCount(); ++g) {
        auto group = (*file)->readRowGroup(g, {});
        QVERIFY(group.ok());
        for (const Json &row : group->rows) {
            const auto fromParquet = ScenarioParquetWriter::scenarioFromRow(row);
            QVERIFY(fromParquet.ok());
            const auto fromJsonl = TestScenario::fromJson(Json::parse(lines.readLine().toStdString()));
            QVERIFY(fromJsonl.ok());
            QCOMPARE(fromParquet->id, fromJsonl->id);
            QCOMPARE(fromParquet->messages, fromJsonl->messages);
            QVERIFY(fromParquet->evaluationCriteria == fromJsonl->evaluationCriteria);
            ++rows;
        }
    }
    QCOMPARE(rows, qint64(285));

    // A format the exporter does not know is a usage error; nothing is written.
    const QString bogus = m_dir->filePath(QStringLiteral("x.out"));
    QCOMPARE(kairix({QStringLiteral("export"), QStringLiteral("--out"), bogus, QStringLiteral("--format"),
                     QStringLiteral("xml")}).exitCode, 2);
    QVERIFY(!QFile::exists(bogus));
}

void TestCli::inspectReportsSchemaAndRows()
{
    const Run r = kairix({QStringLiteral("inspect"), data("gsm8k/grade_school_math/data/test.jsonl"),
                          QStringLiteral("--rows"), QStringLiteral("2"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const Json j = json(r);
    QCOMPARE(j["format"].get<std::string>(), std::string("jsonl"));
    QCOMPARE(j["kind"].get<std::string>(), std::string("gsm8k"));
    QCOMPARE(j["row_count"].get<qint64>(), qint64(1319));
    QCOMPARE(j["rows"].size(), size_t(2));
    QVERIFY(j.contains("schema"));
    QVERIFY(QByteArray::fromStdString(j["rows"][0].dump()).contains("Janet"));
}

void TestCli::badInputChangesNothing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QStringList>("expected"); // all must appear in stderr

    const QByteArray good = R"({"question": "1+1?", "answer": "2\n#### 2"})" "\n";
    QTest::newRow("broken JSON line") << QStringLiteral("broken.jsonl") << (good + good + "{\"question\": \"x\", \n" + good)
                                      << QStringList() << QStringList{QStringLiteral("broken.jsonl:3")};
    QTest::newRow("invalid UTF-8") << QStringLiteral("latin1.jsonl")
                                   << (good + "{\"question\": \"caf\xE9\", \"answer\": \"#### 1\"}\n")
                                   << QStringList() << QStringList{QStringLiteral("latin1.jsonl:2"), QStringLiteral("UTF-8")};
    const QByteArray row = "What is 2+2?,1,2,3,4,D\n";
    QTest::newRow("unterminated quote") << QStringLiteral("quote_dev.csv") << (row + row + "\"Never closed,1,2,3,4,A\n" + row)
                                        << QStringList{QStringLiteral("--kind"), QStringLiteral("mmlu")}
                                        << QStringList{QStringLiteral("quote_dev.csv:3"), QStringLiteral("unterminated")};
    QTest::newRow("ragged rows") << QStringLiteral("ragged_dev.csv") << (row + "Only three,1,2\n" + row)
                                 << QStringList{QStringLiteral("--kind"), QStringLiteral("mmlu")}
                                 << QStringList{QStringLiteral("ragged_dev.csv:2"), QStringLiteral("6")};
    QTest::newRow("empty file") << QStringLiteral("empty.jsonl") << QByteArray() << QStringList()
                                << QStringList{QStringLiteral("empty.jsonl"), QStringLiteral("empty")};
    QTest::newRow("unknown format") << QStringLiteral("notes.txt") << QByteArray("just some notes\nnothing else\n")
                                    << QStringList() << QStringList{QStringLiteral("notes.txt"), QStringLiteral("unknown")};
    QTest::newRow("missing file") << QString() << QByteArray() << QStringList()
                                  << QStringList{QStringLiteral("does-not-exist.jsonl")};

    // Parquet: a real file cut short, a bit-flipped one, a zero-length one, wrong magic, and columns of no known kind.
    QFile real(data("parquet-testing/data/alltypes_plain.parquet"));
    const QByteArray parquet = real.open(QIODevice::ReadOnly) ? real.readAll() : QByteArray();
    QByteArray flipped = parquet;
    for (qsizetype i = parquet.size() - 40; i > 4 && i < parquet.size() - 8; i += 3)
        flipped[i] = char(flipped[i] ^ 0x5a);
    QTest::newRow("truncated parquet") << QStringLiteral("cut.parquet") << parquet.left(parquet.size() / 2)
                                       << QStringList() << QStringList{QStringLiteral("cut.parquet")};
    QTest::newRow("bit-flipped parquet footer") << QStringLiteral("flipped.parquet") << flipped << QStringList()
                                                << QStringList{QStringLiteral("flipped.parquet")};
    QTest::newRow("zero-length parquet") << QStringLiteral("zero.parquet") << QByteArray() << QStringList()
                                         << QStringList{QStringLiteral("zero.parquet")};
    QTest::newRow("wrong magic parquet") << QStringLiteral("magic.parquet") << (QByteArray("NOPE") + parquet.mid(4))
                                         << QStringList() << QStringList{QStringLiteral("magic.parquet")};
    QTest::newRow("parquet of no known kind") << QStringLiteral("alltypes.parquet") << parquet << QStringList()
                                              << QStringList{QStringLiteral("alltypes.parquet"), QStringLiteral("bool_col")};
}

void TestCli::badInputChangesNothing()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, extra);
    QFETCH(QStringList, expected);
    QCOMPARE(kairix({QStringLiteral("import"), data("mmlu/data/dev")}).exitCode, 0);
    const QByteArray before = kairix({QStringLiteral("datasets"), QStringLiteral("--json")}).out;
    const QByteArray scenariosBefore = kairix({QStringLiteral("scenarios")}).out;

    const QString path = name.isEmpty() ? m_dir->filePath(QStringLiteral("does-not-exist.jsonl")) : file(name, bytes);
    const Run r = kairix(QStringList{QStringLiteral("import"), path} + extra);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    for (const QString &e : expected)
        QVERIFY2(QString::fromUtf8(r.err).contains(e, Qt::CaseInsensitive), r.err.constData());
    QCOMPARE(kairix({QStringLiteral("datasets"), QStringLiteral("--json")}).out, before);
    QCOMPARE(kairix({QStringLiteral("scenarios")}).out, scenariosBefore);
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no command") << QStringList();
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("import without path") << QStringList{QStringLiteral("import")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("datasets"), QStringLiteral("--bogus")};
    QTest::newRow("export without out") << QStringList{QStringLiteral("export")};
    QTest::newRow("bad status") << QStringList{QStringLiteral("scenarios"), QStringLiteral("--status"), QStringLiteral("maybe")};
    QTest::newRow("bad limit") << QStringList{QStringLiteral("scenarios"), QStringLiteral("--limit"), QStringLiteral("x")};
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    const Run r = kairix(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.isEmpty());
}

void TestCli::refusesNewerWorkspace()
{
    QCOMPARE(kairix({QStringLiteral("datasets")}).exitCode, 0); // creates it
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"), {m_db, QStringLiteral("PRAGMA user_version = 999;")});
    QVERIFY(sqlite.waitForFinished() && sqlite.exitCode() == 0);
    const Run r = kairix({QStringLiteral("datasets"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("999") && r.err.contains("ws.kairix"), r.err.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
