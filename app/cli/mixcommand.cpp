// SPDX-License-Identifier: GPL-3.0-or-later
#include "mixcommand.h"

#include "commandparser.h"
#include "exporters/scenarioexporter.h"
#include "mix/generationplanner.h"
#include "mix/snapshotdiff.h"
#include "mix/snapshotsampler.h"
#include "store/mixstore.h"
#include "store/snapshotstore.h"
#include "util/jsonqt.h"

#include <QCommandLineParser>
#include <QFileInfo>

using namespace kx;

namespace {

const QString jsonOption = QStringLiteral("json");

void printJson(const Json &j)
{
    CommandParser::printLine(qs(dumpCompact(j)));
}

/** "benchmark=0.3,synthetic=0.4,…" → {"benchmark": 0.3, …}; nullopt (and @p problem) on a malformed pair. */
std::optional<Json> parseShares(const QString &text, QString &problem)
{
    Json j = Json::object();
    for (const QString &pair : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        bool ok = false;
        const double share = pair.mid(eq + 1).toDouble(&ok);
        if (eq <= 0 || !ok) {
            problem = MixCommand::tr("--target needs CATEGORY=SHARE pairs, got \"%1\"").arg(pair);
            return std::nullopt;
        }
        j[ss(pair.left(eq).trimmed())] = share;
    }
    return j;
}

} // namespace

int MixCommand::runMix(const QStringList &args, const StoreOpener &openStore)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("The target mix beside what passed review, and what to generate to close the gap."));
    const QCommandLineOption target(QStringLiteral("target"),
                                    tr("Set the workspace's target, e.g. benchmark=0.3,synthetic=0.4,tool_usage=0.2,"
                                       "adversarial=0.1 (shares add up to 1)."),
                                    QStringLiteral("SHARES"));
    const QCommandLineOption size(QStringLiteral("size"), tr("Suite size the gaps are measured against "
                                                             "(default: the smallest that keeps every accepted scenario)."),
                                  QStringLiteral("N"));
    const QCommandLineOption plan(QStringLiteral("plan"), tr("Add how many scenarios each generator must produce."));
    const QCommandLineOption json(jsonOption, tr("Print the result as JSON."));
    parser.addOptions({target, size, plan, json});
    int exitCode = CommandParser::Done;
    if (!CommandParser::parse(parser, QStringLiteral("mix"), args, exitCode))
        return exitCode;
    qint64 suiteSize = -1;
    if (parser.isSet(size)) {
        bool ok = false;
        suiteSize = parser.value(size).toLongLong(&ok);
        if (!ok || suiteSize < 1)
            return CommandParser::usageError(tr("--size needs a number ≥ 1"));
    }
    std::optional<MixTarget> newTarget;
    if (parser.isSet(target)) {
        QString problem;
        const auto shares = parseShares(parser.value(target), problem);
        if (!shares)
            return CommandParser::usageError(problem);
        auto parsed = MixTarget::fromJson(*shares);
        if (!parsed)
            return CommandParser::fail(parsed.error().message);
        if (auto r = parsed->validate(); !r)
            return CommandParser::fail(r.error().message);
        newTarget = *parsed;
    }

    auto store = openStore();
    if (!store)
        return CommandParser::fail(store.error().message);
    MixStore mix(**store);
    if (newTarget) {
        if (auto r = mix.setTarget(*newTarget); !r)
            return CommandParser::fail(r.error().message);
    }
    auto report = mix.report();
    if (!report)
        return CommandParser::fail(report.error().message);
    Json out = report->toJson(suiteSize);
    if (parser.isSet(plan)) {
        GenerationPlanner planner;
        auto acceptance = mix.generatorAcceptance();
        if (!acceptance)
            return CommandParser::fail(acceptance.error().message);
        for (auto it = acceptance->cbegin(); it != acceptance->cend(); ++it) {
            if (planner.generators().contains(it.key()))
                (void)planner.setAcceptance(it.key(), it->accepted, it->reviewed);
        }
        auto planned = planner.plan(*report, suiteSize > 0 ? suiteSize : GenerationPlanner::closeToLargest);
        if (!planned)
            return CommandParser::fail(planned.error().message);
        out["plan"] = planned->toJson();
    }
    if (parser.isSet(json)) {
        printJson(out);
        return CommandParser::Done;
    }
    CommandParser::printLine(tr("category       target   accepted   share      gap"));
    for (Category c : allCategories) {
        const QString key = categoryKey(c);
        const Json &actual = out["actual"][ss(key)];
        CommandParser::printLine(QStringLiteral("%1 %2 %3 %4 %5")
                                     .arg(key, -12)
                                     .arg(report->target().share(c) * 100, 7, 'f', 1)
                                     .arg(actual.value("count", qint64(0)), 10)
                                     .arg(actual.value("share", 0.0) * 100, 7, 'f', 1)
                                     .arg(out.contains("gap") ? out["gap"].value(ss(key), qint64(0)) : qint64(0), 8));
    }
    if (out.contains("plan"))
        CommandParser::printLine(qs(out["plan"].dump(2)));
    return CommandParser::Done;
}

int MixCommand::runSnapshot(const QStringList &args, const StoreOpener &openStore)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("create"))
        return snapshotCreate(args.mid(1), openStore);
    if (sub == QLatin1String("list"))
        return snapshotList(args.mid(1), openStore);
    if (sub == QLatin1String("export"))
        return snapshotExport(args.mid(1), openStore);
    if (sub == QLatin1String("diff"))
        return snapshotDiff(args.mid(1), openStore);
    return CommandParser::usageError(sub.isEmpty() ? tr("snapshot needs a subcommand: create, list, export or diff")
                                                   : tr("unknown snapshot subcommand \"%1\"").arg(sub));
}

int MixCommand::snapshotCreate(const QStringList &args, const StoreOpener &openStore)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Freeze the accepted scenarios as a new version of a suite, sampled to honour the mix."));
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The suite's name."));
    const QCommandLineOption size(QStringLiteral("size"),
                                  tr("Scenarios in the suite (default: the largest that honours the mix exactly, or as "
                                     "many as were accepted when a category has none)."),
                                  QStringLiteral("N"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Sampling seed (default 0)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption redistribute(QStringLiteral("redistribute"),
                                          tr("Fill a category's shortfall from the others instead of leaving it short."));
    const QCommandLineOption json(jsonOption, tr("Print the result as JSON."));
    parser.addOptions({size, seed, redistribute, json});
    int exitCode = CommandParser::Done;
    if (!CommandParser::parse(parser, QStringLiteral("snapshot create"), args, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return CommandParser::usageError(tr("snapshot create needs exactly one NAME"));
    bool ok = false;
    const quint64 sampleSeed = parser.value(seed).toULongLong(&ok);
    if (!ok)
        return CommandParser::usageError(tr("--seed needs a number ≥ 0"));
    qint64 wanted = -1;
    if (parser.isSet(size)) {
        wanted = parser.value(size).toLongLong(&ok);
        if (!ok || wanted < 1)
            return CommandParser::usageError(tr("--size needs a number ≥ 1"));
    }

    auto store = openStore();
    if (!store)
        return CommandParser::fail(store.error().message);
    MixStore mix(**store);
    SnapshotStore snapshots(**store);
    auto target = mix.target();
    auto report = mix.report();
    auto candidates = mix.acceptedCandidates();
    if (!target || !report || !candidates)
        return CommandParser::fail(!target ? target.error().message : !report ? report.error().message
                                                                                : candidates.error().message);
    if (candidates->isEmpty())
        return CommandParser::fail(tr("no accepted scenario to put in a snapshot; review some first"));
    // By default the largest suite that honours the mix exactly; when a category has nothing accepted
    // that is 0, so take every accepted scenario's worth and report the categories that fall short.
    if (wanted < 0)
        wanted = report->honouredSize() > 0 ? report->honouredSize() : report->acceptedTotal();
    const auto policy = parser.isSet(redistribute) ? SnapshotSampler::ShortfallPolicy::Redistribute
                                                   : SnapshotSampler::ShortfallPolicy::Keep;
    auto selection = SnapshotSampler::sample(*candidates, *target, wanted, sampleSeed, policy);
    if (!selection)
        return CommandParser::fail(selection.error().message);
    const QString name = parser.positionalArguments().first();
    auto version = snapshots.nextVersion(name);
    if (!version)
        return CommandParser::fail(version.error().message);
    auto created = snapshots.create(Snapshot::fromSelection(name, *version, QDateTime::currentDateTimeUtc(), *selection, *target));
    if (!created)
        return CommandParser::fail(created.error().message);
    if (parser.isSet(json))
        printJson(created->toJson(/*withMembers=*/false));
    else
        CommandParser::printLine(tr("Snapshot %1: \"%2\" version %3, %n scenario(s).", nullptr, int(created->members.size()))
                                     .arg(created->id).arg(created->name, created->version));
    return CommandParser::Done;
}

int MixCommand::snapshotList(const QStringList &args, const StoreOpener &openStore)
{
    QCommandLineParser parser;
    const QCommandLineOption json(jsonOption, tr("Print the result as JSON."));
    parser.addOption(json);
    int exitCode = CommandParser::Done;
    if (!CommandParser::parse(parser, QStringLiteral("snapshot list"), args, exitCode))
        return exitCode;
    auto store = openStore();
    if (!store)
        return CommandParser::fail(store.error().message);
    auto all = SnapshotStore(**store).snapshots();
    if (!all)
        return CommandParser::fail(all.error().message);
    Json out = Json::array();
    for (const Snapshot &s : std::as_const(*all)) {
        if (parser.isSet(json))
            out.push_back(s.toJson(false));
        else
            CommandParser::printLine(QStringLiteral("%1  %2  v%3  %4  %5").arg(s.id, 4).arg(s.name, s.version,
                                                                                         s.createdAt.toString(Qt::ISODate))
                                         .arg(s.metadata.value("size", qint64(0))));
    }
    if (parser.isSet(json))
        printJson(out);
    return CommandParser::Done;
}

int MixCommand::snapshotExport(const QStringList &args, const StoreOpener &openStore)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("ID"), tr("The snapshot."));
    const QCommandLineOption out(QStringLiteral("out"), tr("The file to write."), QStringLiteral("FILE"));
    const QCommandLineOption format(QStringLiteral("format"), tr("jsonl or parquet (default: from the file name)."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption json(jsonOption, tr("Print the result as JSON."));
    parser.addOptions({out, format, json});
    int exitCode = CommandParser::Done;
    if (!CommandParser::parse(parser, QStringLiteral("snapshot export"), args, exitCode))
        return exitCode;
    bool ok = false;
    const qint64 id = parser.positionalArguments().value(0).toLongLong(&ok);
    if (parser.positionalArguments().size() != 1 || !ok)
        return CommandParser::usageError(tr("snapshot export needs one snapshot ID"));
    if (!parser.isSet(out))
        return CommandParser::usageError(tr("snapshot export needs --out FILE"));
    auto exportFormat = ScenarioExporter::formatForPath(parser.value(out));
    if (parser.isSet(format)) {
        const auto chosen = ScenarioExporter::formatFromKey(parser.value(format));
        if (!chosen)
            return CommandParser::usageError(tr("unknown format \"%1\" (expected jsonl or parquet)").arg(parser.value(format)));
        exportFormat = *chosen;
    }
    auto store = openStore();
    if (!store)
        return CommandParser::fail(store.error().message);
    SnapshotStore snapshots(**store);
    if (auto s = snapshots.snapshot(id); !s)
        return CommandParser::fail(s.error().message);
    auto outcome = ScenarioExporter::write(parser.value(out), exportFormat,
                                           [&](const ScenarioExporter::ScenarioVisitor &visit) {
                                               return snapshots.forEachScenario(id, visit);
                                           });
    if (!outcome)
        return CommandParser::fail(outcome.error().message);
    if (parser.isSet(json))
        printJson(Json{{"out", ss(QFileInfo(parser.value(out)).absoluteFilePath())}, {"scenarios", outcome->scenarios}});
    else
        CommandParser::printLine(tr("Exported %n scenario(s) to %1.", nullptr, int(outcome->scenarios)).arg(parser.value(out)));
    return CommandParser::Done;
}

int MixCommand::snapshotDiff(const QStringList &args, const StoreOpener &openStore)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FROM"), tr("The older snapshot."));
    parser.addPositionalArgument(QStringLiteral("TO"), tr("The newer snapshot."));
    const QCommandLineOption json(jsonOption, tr("Print the result as JSON."));
    parser.addOption(json);
    int exitCode = CommandParser::Done;
    if (!CommandParser::parse(parser, QStringLiteral("snapshot diff"), args, exitCode))
        return exitCode;
    bool okFrom = false;
    bool okTo = false;
    const qint64 from = parser.positionalArguments().value(0).toLongLong(&okFrom);
    const qint64 to = parser.positionalArguments().value(1).toLongLong(&okTo);
    if (parser.positionalArguments().size() != 2 || !okFrom || !okTo)
        return CommandParser::usageError(tr("snapshot diff needs two snapshot IDs"));
    auto store = openStore();
    if (!store)
        return CommandParser::fail(store.error().message);
    SnapshotStore snapshots(**store);
    auto a = snapshots.snapshot(from);
    auto b = snapshots.snapshot(to);
    if (!a || !b)
        return CommandParser::fail(!a ? a.error().message : b.error().message);
    auto diff = SnapshotDiff::compute(a->members, b->members);
    if (!diff)
        return CommandParser::fail(diff.error().message);
    if (parser.isSet(json)) {
        printJson(diff->toJson());
    } else {
        CommandParser::printLine(tr("%1 added, %2 removed, %3 changed, %4 unchanged")
                                     .arg(diff->added().size()).arg(diff->removed().size())
                                     .arg(diff->changed().size()).arg(diff->unchangedCount()));
        for (const QString &uid : diff->added())
            CommandParser::printLine(QStringLiteral("+ ") + uid);
        for (const QString &uid : diff->removed())
            CommandParser::printLine(QStringLiteral("- ") + uid);
        for (const QString &uid : diff->changed())
            CommandParser::printLine(QStringLiteral("~ ") + uid);
    }
    return CommandParser::Done;
}
