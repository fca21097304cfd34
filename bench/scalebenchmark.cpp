// SPDX-License-Identifier: GPL-3.0-or-later
// The scale benchmark (issue: foundation, DESIGN.md "Performance goals"). One run prints our figures
// beside a baseline measured on the same rows in the same run:
//   import   rows/s of ImportService on TestScenario JSONL  vs  sqlite3 CLI `.import` of the same rows as CSV,
//            each building an FTS5 index over the same text                      (goal ≥ 0.5×)
//   search   first page (50) of full-text hits  vs  sqlite3 CLI `MATCH … LIMIT 50`   (goal ≤ 2×)
//   GUI      time for kairix-workbench to open the workspace and show the first page
#include "benchcorpus.h"

#include "formats/parquet/parquetfile.h"
#include "importers/importservice.h"
#include "store/ftsquery.h"
#include "store/workspacestore.h"
#include "benchreport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace kx;
using kx::bench::median;
using kx::bench::say;

namespace {

QString ratio(double ours, double base) { return base > 0 ? QString::number(ours / base, 'f', 2) + QStringLiteral("×") : QStringLiteral("n/a"); }

/** Runs the sqlite3 CLI on @p db with @p script on stdin; returns wall seconds, or -1. */
double runSqlite(const QString &db, const QByteArray &script, QByteArray *output = nullptr)
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral("sqlite3"), {QStringLiteral("-batch"), db});
    if (!p.waitForStarted())
        return -1;
    p.write(script);
    p.closeWriteChannel();
    p.waitForFinished(-1);
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    if (output)
        *output = p.readAllStandardOutput();
    const QByteArray err = p.readAllStandardError();
    if (p.exitCode() != 0 || !err.isEmpty()) {
        say(QStringLiteral("sqlite3 failed: %1").arg(QString::fromUtf8(err)));
        return -1;
    }
    return seconds;
}

/** Removes a SQLite file and its WAL companions, so every run starts from nothing. */
void removeDatabase(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

/** Our side of an import figure: ImportService into a new workspace; seconds, or -1 when it failed or fell short. */
double timeImport(const QString &workspace, const ImportRequest &request, qint64 rows, QString *kind)
{
    auto store = WorkspaceStore::open(workspace);
    if (!store) {
        say(store.error().message);
        return -1;
    }
    QElapsedTimer t;
    t.start();
    const auto outcome = ImportService::run(**store, request, WorkControl{});
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    if (!outcome || outcome->scenarios != rows) {
        say(outcome ? QStringLiteral("%1: imported %2 rows, expected %3")
                          .arg(request.paths.join(QLatin1Char(' '))).arg(outcome->scenarios).arg(rows)
                    : outcome.error().message);
        return -1;
    }
    *kind = outcome->kind;
    return seconds;
}

/**
 * The baseline's side: the sqlite3 CLI `.import`s @p csv into @p table (@p columns) and builds an FTS5
 * index over @p ftsColumns with our tokenizer, in one process run; seconds, or -1.
 */
double timeBaselineImport(const QString &db, const QString &csv, const QByteArray &table, const QByteArray &columns,
                          const QByteArray &ftsColumns)
{
    const QByteArray script = "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n"
                              "CREATE TABLE " + table + "(" + columns + ");\n"
                              "CREATE VIRTUAL TABLE fts USING fts5(" + ftsColumns
                              + ", tokenize='unicode61 remove_diacritics 2');\n"
                                ".mode csv\n.import '" + csv.toUtf8() + "' " + table + "\n"
                                "INSERT INTO fts(rowid, " + ftsColumns + ") SELECT rowid, " + ftsColumns + " FROM "
                              + table + ";\n";
    return runSqlite(db, script);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kairix Workbench scale benchmark"));
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Scenarios to generate."),
                                        QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption dirOption(QStringLiteral("workdir"), QStringLiteral("Where to write (default: a temp dir)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption guiOption(QStringLiteral("workbench"), QStringLiteral("The kairix-workbench to time."),
                                       QStringLiteral("PATH"), QStringLiteral(KX_WORKBENCH_PATH));
    parser.addOptions({rowsOption, dirOption, guiOption});
    parser.process(app);
    const qint64 rows = parser.value(rowsOption).toLongLong();

    QTemporaryDir temp;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temp.path();
    QDir().mkpath(dir);
    const QString jsonl = dir + QStringLiteral("/scenarios.jsonl"), csv = dir + QStringLiteral("/scenarios.csv");
    const QString ours = dir + QStringLiteral("/bench.kairix"), base = dir + QStringLiteral("/baseline.sqlite");
    removeDatabase(ours);
    removeDatabase(base);

    say(QStringLiteral("Kairix Workbench scale benchmark — %1 scenarios in %2").arg(rows).arg(dir));
    QElapsedTimer t;
    t.start();
    QString error;
    if (!BenchCorpus::write(jsonl, csv, rows, &error)) {
        say(error);
        return 1;
    }
    say(QStringLiteral("corpus written in %1 s (JSONL %2 MB, CSV %3 MB)")
            .arg(double(t.nsecsElapsed()) / 1e9, 0, 'f', 1)
            .arg(QFileInfo(jsonl).size() / 1e6, 0, 'f', 0)
            .arg(QFileInfo(csv).size() / 1e6, 0, 'f', 0));

    // --- import -------------------------------------------------------------------------------
    ImportRequest request;
    request.paths = {jsonl};
    request.kind = QStringLiteral("scenarios");
    QString kind;
    const double ourImport = timeImport(ours, request, rows, &kind);
    const double baseImport = timeBaselineImport(base, csv, "scenarios", "uid TEXT, name TEXT, category TEXT, body TEXT, memory TEXT",
                                                 "name, body, memory");
    if (ourImport < 0 || baseImport < 0)
        return 1;
    say(QString());
    say(QStringLiteral("%1 %2 %3 %4").arg(QStringLiteral("measure"), -34).arg(QStringLiteral("kairix"), 14)
            .arg(QStringLiteral("sqlite3 CLI"), 14).arg(QStringLiteral("ratio (goal)")));
    say(QStringLiteral("%1 %2 %3 %4 (≥ 0.5×)").arg(QStringLiteral("import rows/s (with FTS5 index)"), -34)
            .arg(rows / ourImport, 14, 'f', 0).arg(rows / baseImport, 14, 'f', 0)
            .arg(ratio(baseImport, ourImport)));

    // --- search: first page of hits, median of 7 runs after one warm-up -------------------------
    auto store = WorkspaceStore::open(ours);
    if (!store)
        return 1;
    const QList<QStringList> queries = {{BenchCorpus::word(3)},
                                        {BenchCorpus::word(40), BenchCorpus::word(120)},
                                        {BenchCorpus::word(900)},
                                        {BenchCorpus::word(2500), BenchCorpus::word(7)}};
    constexpr int repeats = 200;
    for (const QStringList &words : queries) {
        ScenarioFilter filter;
        filter.search = words.join(QLatin1Char(' '));
        qint64 hits = 0;
        double ourTotal = 0;
        for (int i = 0; i <= repeats; ++i) { // run 0 warms the page cache and is not counted
            t.restart();
            const auto page = (*store)->page(filter, ScenarioSort{}, PageCursor{}, 50);
            const double s = double(t.nsecsElapsed()) / 1e9;
            if (!page) {
                say(page.error().message);
                return 1;
            }
            hits = page->size();
            if (i > 0)
                ourTotal += s;
        }
        // The CLI's `.timer` has millisecond resolution, too coarse for one query: time one process that runs
        // the query once and one that runs it 1 + repeats times; the difference is repeats queries.
        // The same FTS5 expression our search box sends: each word quoted, the last one a prefix (search as you type).
        const QByteArray match = FtsQuery::fromUserText(filter.search).toUtf8().replace('\'', "''");
        const QByteArray query = "SELECT rowid, name FROM fts WHERE fts MATCH '" + match + "' LIMIT 50;\n";
        QList<double> once, many;
        for (int k = 0; k < 3; ++k) {
            once.append(runSqlite(base, query));
            many.append(runSqlite(base, query.repeated(repeats + 1)));
        }
        const double baseQuery = (median(many) - median(once)) / repeats;
        const double ourQuery = ourTotal / repeats;
        say(QStringLiteral("%1 %2 %3 %4 (≤ 2×)")
                .arg(QStringLiteral("search \"%1\" (%2 hits) ms").arg(filter.search).arg(hits), -34)
                .arg(ourQuery * 1e3, 14, 'f', 3).arg(baseQuery * 1e3, 14, 'f', 3)
                .arg(ratio(ourQuery, baseQuery)));
    }
    store->reset();

    // --- parquet: Hub-style question/answer shards, imported; and the reader alone -------------------
    {
        const QString parquet = dir + QStringLiteral("/qa.parquet"), qaCsv = dir + QStringLiteral("/qa.csv");
        const QString qaOurs = dir + QStringLiteral("/qa.kairix"), qaBase = dir + QStringLiteral("/qa-baseline.sqlite");
        removeDatabase(qaOurs);
        removeDatabase(qaBase);
        t.restart();
        if (!BenchCorpus::writeQuestionAnswer(parquet, qaCsv, rows, &error)) {
            say(error);
            return 1;
        }
        const double writeSeconds = double(t.nsecsElapsed()) / 1e9;
        const double megabytes = QFileInfo(parquet).size() / 1e6;

        ImportRequest qaRequest;
        qaRequest.paths = {parquet};
        QString qaKind;
        const double ourParquet = timeImport(qaOurs, qaRequest, rows, &qaKind);
        const double baseParquet = timeBaselineImport(qaBase, qaCsv, "qa", "question TEXT, answer TEXT", "question, answer");
        if (ourParquet < 0 || baseParquet < 0)
            return 1;
        say(QStringLiteral("%1 %2 %3 %4 (≥ 0.5×)").arg(QStringLiteral("parquet import rows/s (kind %1)").arg(qaKind), -34)
                .arg(rows / ourParquet, 14, 'f', 0).arg(rows / baseParquet, 14, 'f', 0)
                .arg(ratio(baseParquet, ourParquet)));

        // The reader alone: every row group, every column, to JSON rows.
        t.restart();
        auto file = ParquetFile::open(parquet);
        qint64 decoded = 0;
        for (int g = 0; file && g < (*file)->rowGroupCount(); ++g) {
            const auto group = (*file)->readRowGroup(g);
            if (!group) {
                say(group.error().message);
                return 1;
            }
            decoded += qint64(group->rows.size());
        }
        const double readSeconds = double(t.nsecsElapsed()) / 1e9;
        say(QStringLiteral("%1 %2 %3 %4").arg(QStringLiteral("parquet reader MB/s (%1 MB file)").arg(megabytes, 0, 'f', 0), -34)
                .arg(megabytes / readSeconds, 14, 'f', 1).arg(QStringLiteral("—"), 14)
                .arg(QStringLiteral("%1 rows/s decoded; writer %2 rows/s").arg(decoded / readSeconds, 0, 'f', 0)
                         .arg(rows / writeSeconds, 0, 'f', 0)));
    }

    // --- GUI: open the workspace and show the first page ------------------------------------------
    const QString workbench = parser.value(guiOption);
    if (QFileInfo::exists(workbench)) {
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("KAIRIX_EXIT_AFTER_FIRST_PAGE"), QStringLiteral("1"));
        gui.setProcessEnvironment(env);
        t.restart();
        gui.start(workbench, {QStringLiteral("--db"), ours});
        if (!gui.waitForFinished(60000)) gui.kill();
        const double wall = double(t.nsecsElapsed()) / 1e9;
        const QString out = QString::fromUtf8(gui.readAllStandardOutput() + gui.readAllStandardError());
        static const QRegularExpression firstPage(QStringLiteral("first page shown after ([0-9.]+) ms"));
        const auto m = firstPage.match(out);
        say(QStringLiteral("%1 %2 %3 %4").arg(QStringLiteral("GUI: open + first page ms"), -34)
                .arg(m.hasMatch() ? m.captured(1) : QStringLiteral("?"), 14)
                .arg(QStringLiteral("—"), 14)
                .arg(QStringLiteral("process wall %1 ms").arg(wall * 1e3, 0, 'f', 0)));
    } else {
        say(QStringLiteral("GUI: %1 not built; skipped").arg(workbench));
    }
    return 0;
}
