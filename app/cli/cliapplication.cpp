// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapplication.h"

#include "audiocommand.h"
#include "commandparser.h"
#include "generatecommand.h"
#include "mixcommand.h"
#include "qccommand.h"
#include "reviewcommand.h"
#include "templatecommand.h"
#include "demo/demoworkspace.h"
#include "exporters/scenarioexporter.h"
#include "importers/importservice.h"
#include "importers/inspector.h"
#include "util/workspacepaths.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

using namespace kx;

namespace {

const QString jsonOption = QStringLiteral("json");

void writeStdout(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

QString commandSummary()
{
    return CliApplication::tr(
        "Usage: kairix [--db PATH] COMMAND [OPTIONS]\n"
        "\n"
        "Commands:\n"
        "  import PATH… [--kind KIND] [--name NAME] [--map TARGET=COLUMN,…] [--json]\n"
        "                                                      import files or folders, one dataset per path\n"
        "  inspect PATH [--rows N] [--json]                    show a file's format, kind, schema and first rows\n"
        "  datasets [--json]                                   list the datasets of the workspace\n"
        "  scenarios [--dataset ID] [--search TEXT] [--status STATUS] [--limit N]\n"
        "                                                      print scenarios as TestScenario JSONL\n"
        "  export --out FILE [--dataset ID] [--status STATUS] [--format jsonl|parquet] [--json]\n"
        "                                                      write scenarios as TestScenario JSONL or parquet\n"
        "  generate --generator memory|conversation|adversarial|augment|fusion --count N\n"
        "           [--backend offline|openai] [--base-url URL] [--model NAME] [--concurrency N] [--seed N]\n"
        "           [--param KEY=JSON]… [--parents IDS | --parents-from DATASET] [--resume JOB] [--json]\n"
        "                                                      run a generation job (an interrupted one resumes)\n"
        "  jobs [log ID] [--json]                              list generation jobs, or one job's log\n"
        "  review ID --verdict accept|reject|skip [--score CRITERION=VALUE]… [--reviewer NAME] [--comment TEXT]\n"
        "                                                      record a review, durably, with an audit-trail entry\n"
        "  qc [--threshold T] [--adopt [--reviewer NAME]] [--curve] [--json]\n"
        "                                                      the automatic gate against the human verdicts\n"
        "  mix [--target CATEGORY=SHARE,…] [--size N] [--plan] [--json]\n"
        "                                                      target mix beside what passed review; what to generate\n"
        "  snapshot create NAME [--size N] [--seed N] [--redistribute] | list | export ID --out FILE | diff ID ID\n"
        "                                                      frozen, versioned suites sampled to honour the mix\n"
        "  templates list | show ID [--version N] | edit ID --file F.json [--json]\n"
        "                                                      list, show or edit the generators' prompt templates\n"
        "  audio peaks FILE [--buckets N] [--json]             min/max peaks of an audio file\n"
        "  audio check FILE [--transcript TEXT] [--json]       level, clipping, silence, speaking rate of a clip\n"
        "\n"
        "The workspace is --db PATH, else $KAIRIX_DB, else %1.\n"
        "Exit status: 0 done, 1 bad input (nothing was changed), 2 usage error.\n")
        .arg(WorkspacePaths::defaultWorkspace());
}

} // namespace

CliApplication::CliApplication(QStringList arguments)
    : m_arguments(std::move(arguments))
{
}

int CliApplication::run()
{
    // Global options come before the command; everything after it belongs to the command.
    QStringList rest = m_arguments.mid(1);
    while (!rest.isEmpty() && rest.first().startsWith(QLatin1Char('-'))) {
        const QString option = rest.takeFirst();
        if (option == QLatin1String("--db")) {
            if (rest.isEmpty())
                return usageError(tr("--db needs a PATH"));
            m_dbOption = rest.takeFirst();
        } else if (option.startsWith(QLatin1String("--db="))) {
            m_dbOption = option.mid(5);
        } else if (option == QLatin1String("--help") || option == QLatin1String("-h")) {
            printUsage();
            return Done;
        } else if (option == QLatin1String("--version")) {
            printLine(QStringLiteral("kairix %1").arg(QCoreApplication::applicationVersion()));
            return Done;
        } else {
            return usageError(tr("unknown option %1").arg(option));
        }
    }
    if (rest.isEmpty())
        return usageError(tr("no command given"));

    const QString command = rest.takeFirst();
    if (command == QLatin1String("import"))
        return runImport(rest);
    if (command == QLatin1String("inspect"))
        return runInspect(rest);
    if (command == QLatin1String("datasets"))
        return runDatasets(rest);
    if (command == QLatin1String("scenarios"))
        return runScenarios(rest);
    if (command == QLatin1String("export"))
        return runExport(rest);
    if (command == QLatin1String("audio"))
        return AudioCommand::run(rest);
    if (command == QLatin1String("generate"))
        return GenerateCommand::runGenerate(rest, [this] { return openStore(); });
    if (command == QLatin1String("review"))
        return ReviewCommand::run(rest, [this] { return openStore(); });
    if (command == QLatin1String("qc"))
        return QcCommand::run(rest, [this] { return openStore(); });
    if (command == QLatin1String("mix"))
        return MixCommand::runMix(rest, [this] { return openStore(); });
    if (command == QLatin1String("snapshot"))
        return MixCommand::runSnapshot(rest, [this] { return openStore(); });
    if (command == QLatin1String("jobs"))
        return GenerateCommand::runJobs(rest, [this] { return openStore(); });
    if (command == QLatin1String("templates"))
        return TemplateCommand::run(rest, [this] { return openStore(); });
    if (command == QLatin1String("help")) {
        printUsage();
        return Done;
    }
    return usageError(tr("unknown command \"%1\"").arg(command));
}

bool CliApplication::parse(QCommandLineParser &parser, const QString &command, const QStringList &args, int &exitCode)
{
    return CommandParser::parse(parser, command, args, exitCode);
}

Result<std::unique_ptr<WorkspaceStore>> CliApplication::openStore()
{
    const QString path = WorkspacePaths::resolve(m_dbOption);
    // The default workspace starts with the demo data, as the GUI's first launch does.
    if (m_dbOption.isEmpty() && qEnvironmentVariableIsEmpty("KAIRIX_DB")) {
        if (auto created = DemoWorkspace::createIfMissing(path); !created)
            return created.error();
    }
    return WorkspaceStore::open(path);
}

bool CliApplication::readFilter(const QCommandLineParser &parser, const QCommandLineOption &dataset,
                                const QCommandLineOption &status, ScenarioFilter &filter, int &exitCode)
{
    if (parser.isSet(dataset)) {
        bool ok = false;
        filter.datasetIds = {parser.value(dataset).toLongLong(&ok)};
        if (!ok) {
            exitCode = usageError(tr("--dataset needs a numeric ID"));
            return false;
        }
    }
    if (parser.isSet(status)) {
        const auto s = reviewStatusFromKey(parser.value(status));
        if (!s) {
            exitCode = usageError(tr("unknown status \"%1\"").arg(parser.value(status)));
            return false;
        }
        filter.statuses = {*s};
    }
    return true;
}

Result<std::unique_ptr<WorkspaceStore>> CliApplication::openStoreFor(const ScenarioFilter &filter)
{
    auto store = openStore();
    if (!store)
        return store;
    // A dataset that does not exist is bad input, not an empty result.
    if (!filter.datasetIds.isEmpty()) {
        if (auto d = (*store)->dataset(filter.datasetIds.first()); !d)
            return d.error();
    }
    return store;
}

int CliApplication::runImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Import files or folders into the workspace, as one transaction."));
    parser.addPositionalArgument(QStringLiteral("PATH"), tr("Files or folders to import."), QStringLiteral("PATH…"));
    const QCommandLineOption kind(QStringLiteral("kind"),
                                  tr("mmlu, bbh, gsm8k, personachat, wow, empathetic, toolbench, webshop, librispeech, vctk, "
                                     "audio (parquet with an Audio column), scenarios or auto (the default)."), QStringLiteral("KIND"),
                                  QStringLiteral("auto"));
    const QCommandLineOption name(QStringLiteral("name"), tr("Name of the new dataset."), QStringLiteral("NAME"));
    const QCommandLineOption json(jsonOption, tr("Print the result as JSON."));
    const QCommandLineOption map(QStringLiteral("map"),
                                 tr("Generic import: TARGET=COLUMN pairs (user required; system, expected, "
                                    "assistant, id, name, category), repeatable or comma-separated."),
                                 QStringLiteral("MAP"));
    parser.addOptions({kind, name, json, map});
    int exitCode = Done;
    if (!parse(parser, QStringLiteral("import"), args, exitCode))
        return exitCode;
    if (parser.positionalArguments().isEmpty())
        return usageError(tr("import needs at least one PATH"));

    auto store = openStore();
    if (!store)
        return fail(store.error());
    ImportRequest request;
    request.paths = parser.positionalArguments();
    request.kind = parser.value(kind);
    request.name = parser.value(name);
    request.mapping = parser.values(map);
    const auto outcome = ImportService::run(**store, request, WorkControl{});
    if (!outcome)
        return fail(outcome.error());

    if (parser.isSet(json)) {
        Json out = Json::object();
        out["dataset_id"] = outcome->datasetIds.isEmpty() ? Json(nullptr) : Json(outcome->datasetIds.first());
        Json ids = Json::array();
        for (qint64 id : outcome->datasetIds)
            ids.push_back(id);
        out["dataset_ids"] = ids;
        out["kind"] = ss(outcome->kind);
        out["scenarios"] = outcome->scenarios;
        out["seconds"] = outcome->seconds;
        printJson(out);
    } else {
        printLine(tr("Imported %n scenario(s) of kind %1 in %2 s.", nullptr, int(outcome->scenarios))
                      .arg(outcome->kind, QString::number(outcome->seconds, 'f', 2)));
    }
    return Done;
}

int CliApplication::runInspect(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show a file's format, guessed kind, schema, row count and first rows."));
    parser.addPositionalArgument(QStringLiteral("PATH"), tr("The file to inspect."));
    const QCommandLineOption rows(QStringLiteral("rows"), tr("How many rows to show (default 5)."), QStringLiteral("N"),
                                  QStringLiteral("5"));
    const QCommandLineOption json(jsonOption, tr("Print the result as JSON."));
    parser.addOptions({rows, json});
    int exitCode = Done;
    if (!parse(parser, QStringLiteral("inspect"), args, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return usageError(tr("inspect needs exactly one PATH"));
    bool ok = false;
    const int rowCount = parser.value(rows).toInt(&ok);
    if (!ok || rowCount < 0)
        return usageError(tr("--rows needs a number ≥ 0"));

    const auto report = Inspector::inspect(parser.positionalArguments().first(), rowCount);
    if (!report)
        return fail(report.error());
    const Json j = report->toJson();
    if (parser.isSet(json)) {
        printJson(j);
    } else {
        writeStdout(QByteArray::fromStdString(j.dump(2, ' ', false, Json::error_handler_t::replace)) + '\n');
    }
    return Done;
}

int CliApplication::runDatasets(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List the datasets of the workspace."));
    const QCommandLineOption json(jsonOption, tr("Print the result as JSON."));
    parser.addOption(json);
    int exitCode = Done;
    if (!parse(parser, QStringLiteral("datasets"), args, exitCode))
        return exitCode;
    auto store = openStore();
    if (!store)
        return fail(store.error());
    const auto datasets = (*store)->datasets();
    if (!datasets)
        return fail(datasets.error());
    if (parser.isSet(json)) {
        Json out = Json::array();
        for (const TestDataset &d : *datasets) {
            Json o = Json::object();
            o["id"] = d.id;
            o["name"] = ss(d.name);
            o["version"] = ss(d.version);
            o["kind"] = ss(d.kind);
            o["category"] = ss(categoryKey(d.category));
            o["scenarios"] = d.scenarioCount;
            out.push_back(std::move(o));
        }
        printJson(out);
        return Done;
    }
    printLine(QStringLiteral("%1  %2  %3  %4  %5").arg(tr("ID"), 4).arg(tr("Scenarios"), 9).arg(tr("Kind"), -10)
                  .arg(tr("Category"), -12).arg(tr("Name")));
    for (const TestDataset &d : *datasets)
        printLine(QStringLiteral("%1  %2  %3  %4  %5").arg(d.id, 4).arg(d.scenarioCount, 9).arg(d.kind, -10)
                      .arg(categoryKey(d.category), -12).arg(d.name));
    return Done;
}

int CliApplication::runScenarios(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Print scenarios as TestScenario JSONL, one a line."));
    const QCommandLineOption dataset(QStringLiteral("dataset"), tr("Only this dataset."), QStringLiteral("ID"));
    const QCommandLineOption search(QStringLiteral("search"), tr("Full-text search."), QStringLiteral("TEXT"));
    const QCommandLineOption status(QStringLiteral("status"), tr("pending, accepted, rejected or skipped."),
                                    QStringLiteral("STATUS"));
    const QCommandLineOption limit(QStringLiteral("limit"), tr("At most N scenarios."), QStringLiteral("N"));
    parser.addOptions({dataset, search, status, limit});
    int exitCode = Done;
    if (!parse(parser, QStringLiteral("scenarios"), args, exitCode))
        return exitCode;

    ScenarioFilter filter;
    if (!readFilter(parser, dataset, status, filter, exitCode))
        return exitCode;
    filter.search = parser.value(search);
    qint64 remaining = -1;
    if (parser.isSet(limit)) {
        bool ok = false;
        remaining = parser.value(limit).toLongLong(&ok);
        if (!ok || remaining < 0)
            return usageError(tr("--limit needs a number ≥ 0"));
    }
    auto store = openStoreFor(filter);
    if (!store)
        return fail(store.error());
    if (remaining == 0)
        return Done;
    const auto done = (*store)->forEachScenario(filter, [&](const TestScenario &s) -> Result<void> {
        writeStdout(QByteArray::fromStdString(dumpCompact(s.toJson())) + '\n');
        if (remaining > 0 && --remaining == 0)
            return Error::cancelled(QString()); // enough rows: stop the scan
        return {};
    });
    std::fflush(stdout);
    if (!done && done.error().code != Error::Code::Cancelled)
        return fail(done.error());
    return Done;
}

int CliApplication::runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Write scenarios to a TestScenario JSONL or parquet file."));
    const QCommandLineOption out(QStringLiteral("out"), tr("The file to write."), QStringLiteral("FILE"));
    const QCommandLineOption dataset(QStringLiteral("dataset"), tr("Only this dataset."), QStringLiteral("ID"));
    const QCommandLineOption status(QStringLiteral("status"), tr("Only scenarios with this review status."),
                                    QStringLiteral("STATUS"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    tr("jsonl or parquet (default: from the file name, .parquet or else jsonl)."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption json(jsonOption, tr("Print the result as JSON."));
    parser.addOptions({out, dataset, status, format, json});
    int exitCode = Done;
    if (!parse(parser, QStringLiteral("export"), args, exitCode))
        return exitCode;
    if (!parser.isSet(out))
        return usageError(tr("export needs --out FILE"));

    ScenarioFilter filter;
    if (!readFilter(parser, dataset, status, filter, exitCode))
        return exitCode;
    auto store = openStoreFor(filter);
    if (!store)
        return fail(store.error());

    const QString outPath = parser.value(out);
    auto exportFormat = ScenarioExporter::formatForPath(outPath);
    if (parser.isSet(format)) {
        const auto chosen = ScenarioExporter::formatFromKey(parser.value(format));
        if (!chosen)
            return usageError(tr("unknown format \"%1\" (expected jsonl or parquet)").arg(parser.value(format)));
        exportFormat = *chosen;
    }
    const auto outcome = ScenarioExporter::run(**store, filter, outPath, exportFormat);
    if (!outcome)
        return fail(outcome.error());
    const qint64 written = outcome->scenarios;
    if (parser.isSet(json)) {
        Json o = Json::object();
        o["out"] = ss(QFileInfo(outPath).absoluteFilePath());
        o["scenarios"] = written;
        o["format"] = exportFormat == ScenarioExporter::Format::Parquet ? "parquet" : "jsonl";
        o["seconds"] = outcome->seconds;
        printJson(o);
    } else {
        printLine(tr("Exported %n scenario(s) to %1.", nullptr, int(written)).arg(outPath));
    }
    return Done;
}

int CliApplication::fail(const Error &error)
{
    return CommandParser::fail(error.message);
}

int CliApplication::usageError(const QString &message)
{
    return CommandParser::usageError(message);
}

void CliApplication::printUsage()
{
    writeStdout(commandSummary().toUtf8());
}

void CliApplication::printJson(const Json &json)
{
    writeStdout(QByteArray::fromStdString(dumpCompact(json)) + '\n');
}

void CliApplication::printLine(const QString &line)
{
    writeStdout(line.toUtf8() + '\n');
}
