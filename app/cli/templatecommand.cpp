// SPDX-License-Identifier: GPL-3.0-or-later
#include "templatecommand.h"

#include "generation/generators/generatorregistry.h"
#include "settings/settings.h"
#include "store/prompttemplatestore.h"
#include "util/jsonqt.h"

#include <QCommandLineParser>
#include <QFile>

#include <cstdio>

using namespace kx;

namespace {

void printLine(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void printJson(const Json &json)
{
    printLine(qs(dumpCompact(json)));
}

/** The file's template: valid JSON (errors give nlohmann's line and column), "id" and "version" filled in. */
Result<PromptTemplate> readTemplateFile(const QString &path, const QString &id)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::badInput(TemplateCommand::tr("%1: cannot read the file: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    Json j;
    try {
        j = Json::parse(bytes.constBegin(), bytes.constEnd());
    } catch (const Json::exception &e) {
        // nlohmann says "[json.exception.parse_error.101] parse error at line 3, column 5: …"; keep from "line".
        QString reason = QString::fromUtf8(e.what());
        if (const qsizetype at = reason.indexOf(QLatin1String("line")); at >= 0)
            reason = reason.mid(at);
        return Error::badInput(TemplateCommand::tr("%1: not valid JSON: %2").arg(path, reason));
    }
    if (!j.is_object())
        return Error::badInput(TemplateCommand::tr("%1: a prompt template must be a JSON object").arg(path));
    if (!j.contains("id"))
        j["id"] = ss(id);
    else if (!j["id"].is_string() || qs(j["id"].get<std::string>()) != id)
        return Error::badInput(TemplateCommand::tr("%1: the file is for template %2, not \"%3\"")
                                   .arg(path, qs(j["id"].dump()), id));
    // The stored version is always the next one: a new file need not guess it.
    if (!j.contains("version"))
        j["version"] = 1;
    return PromptTemplate::fromJson(j, path);
}

Json summary(const PromptTemplate &t)
{
    Json o = Json::object();
    o["id"] = ss(t.id());
    o["version"] = t.version();
    o["origin"] = ss(t.origin());
    o["sha256"] = ss(t.contentHash());
    return o;
}

} // namespace

int TemplateCommand::run(const QStringList &args, const StoreOpener &openStore)
{
    const QString subcommand = args.value(0);
    if (subcommand == QLatin1String("list"))
        return runList(args.mid(1), openStore);
    if (subcommand == QLatin1String("show"))
        return runShow(args.mid(1), openStore);
    if (subcommand == QLatin1String("edit"))
        return runEdit(args.mid(1), openStore);
    if (subcommand == QLatin1String("--help") || subcommand == QLatin1String("-h")) {
        printLine(tr("Usage: kairix [--db PATH] templates list [--json]\n"
                     "       kairix [--db PATH] templates show ID [--version N] [--json]\n"
                     "       kairix [--db PATH] templates edit ID --file F.json [--author NAME] [--json]\n"
                     "Template ids: %1")
                      .arg(GeneratorRegistry::templateIds().join(QStringLiteral(", "))));
        return Done;
    }
    if (subcommand.isEmpty())
        return usageError(tr("templates needs a subcommand: list, show or edit"));
    return usageError(tr("unknown templates subcommand \"%1\" (expected list, show or edit)").arg(subcommand));
}

bool TemplateCommand::parse(QCommandLineParser &parser, const QString &subcommand, const QStringList &args,
                            int positional, int &exitCode)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    parser.addOption(help);
    if (positional > 0)
        parser.addPositionalArgument(QStringLiteral("ID"), tr("The template id: %1.")
                                                              .arg(GeneratorRegistry::templateIds().join(QStringLiteral(", "))));
    if (!parser.parse(QStringList{QStringLiteral("kairix templates ") + subcommand} + args)) {
        exitCode = usageError(parser.errorText());
        return false;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(0, text.indexOf(QLatin1Char('\n')),
                     tr("Usage: kairix [--db PATH] templates %1 [options]%2")
                         .arg(subcommand, positional > 0 ? QStringLiteral(" ID") : QString()));
        printLine(text);
        exitCode = Done;
        return false;
    }
    if (parser.positionalArguments().size() != positional) {
        exitCode = usageError(positional > 0 ? tr("templates %1 needs exactly one template ID").arg(subcommand)
                                             : tr("templates %1 takes no arguments").arg(subcommand));
        return false;
    }
    return true;
}

Result<void> TemplateCommand::checkId(const QString &id)
{
    if (GeneratorRegistry::templateIds().contains(id))
        return {};
    return Error::badInput(tr("there is no prompt template \"%1\" (the templates are: %2)")
                               .arg(id, GeneratorRegistry::templateIds().join(QStringLiteral(", "))));
}

int TemplateCommand::runList(const QStringList &args, const StoreOpener &openStore)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List the prompt templates with the version new jobs use."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result as JSON."));
    parser.addOption(json);
    int exitCode = Done;
    if (!parse(parser, QStringLiteral("list"), args, 0, exitCode))
        return exitCode;
    auto store = openStore();
    if (!store)
        return fail(store.error().message);
    const PromptTemplateStore templates(**store);
    Json out = Json::array();
    for (const QString &id : GeneratorRegistry::templateIds()) {
        auto current = templates.current(id);
        if (!current)
            return fail(current.error().message);
        if (parser.isSet(json)) {
            out.push_back(summary(*current));
        } else {
            printLine(QStringLiteral("%1  v%2  %3  %4")
                          .arg(id.leftJustified(14), QString::number(current->version()).leftJustified(3),
                               current->contentHash().left(12), current->origin()));
        }
    }
    if (parser.isSet(json))
        printJson(out);
    return Done;
}

int TemplateCommand::runShow(const QStringList &args, const StoreOpener &openStore)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Print a prompt template as JSON: the current version or version N."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show version N instead of the current one."),
                                     QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the template on one line."));
    parser.addOptions({version, json});
    int exitCode = Done;
    if (!parse(parser, QStringLiteral("show"), args, 1, exitCode))
        return exitCode;
    const QString id = parser.positionalArguments().first();
    int wanted = 0;
    if (parser.isSet(version)) {
        bool ok = false;
        wanted = parser.value(version).toInt(&ok);
        if (!ok || wanted < 1)
            return usageError(tr("--version needs a number ≥ 1"));
    }
    if (auto known = checkId(id); !known)
        return fail(known.error().message);
    auto store = openStore();
    if (!store)
        return fail(store.error().message);
    const PromptTemplateStore templates(**store);
    auto t = wanted > 0 ? templates.version(id, wanted) : templates.current(id);
    if (!t)
        return fail(t.error().message);
    if (parser.isSet(json))
        printJson(t->toJson());
    else
        printLine(qs(t->toJson().dump(2, ' ', false, Json::error_handler_t::replace)));
    return Done;
}

int TemplateCommand::runEdit(const QStringList &args, const StoreOpener &openStore)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Save a prompt template from a JSON file as the template's next version, after checking that its "
           "generator can still render it."));
    const QCommandLineOption file(QStringLiteral("file"), tr("The template JSON (as `templates show` prints it)."),
                                  QStringLiteral("F.json"));
    const QCommandLineOption author(QStringLiteral("author"),
                                    tr("Who made the change (default: the reviewer name, else the login name)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result as JSON."));
    parser.addOptions({file, author, json});
    int exitCode = Done;
    if (!parse(parser, QStringLiteral("edit"), args, 1, exitCode))
        return exitCode;
    if (!parser.isSet(file))
        return usageError(tr("templates edit needs --file F.json"));
    const QString id = parser.positionalArguments().first();
    const QString path = parser.value(file);
    if (auto known = checkId(id); !known)
        return fail(known.error().message);

    auto edited = readTemplateFile(path, id);
    if (!edited)
        return fail(edited.error().message);
    if (auto check = GeneratorRegistry::checkTemplate(*edited); !check)
        return fail(check.error().message); // the origin is the file: the message starts with it
    auto store = openStore();
    if (!store)
        return fail(store.error().message);
    PromptTemplateStore templates(**store);
    const QString name = parser.isSet(author) ? parser.value(author) : Settings::reviewerName().value();
    auto saved = templates.save(*edited, name);
    if (!saved)
        return fail(QStringLiteral("%1: %2").arg(path, saved.error().message));
    if (parser.isSet(json))
        printJson(summary(*saved));
    else
        printLine(tr("Saved %1 as prompt template \"%2\" version %3 (SHA-256 %4).")
                      .arg(path, id)
                      .arg(saved->version())
                      .arg(saved->contentHash()));
    return Done;
}

int TemplateCommand::fail(const QString &message)
{
    std::fprintf(stderr, "kairix: error: %s\n", message.toUtf8().constData());
    return BadInput;
}

int TemplateCommand::usageError(const QString &message)
{
    std::fprintf(stderr, "kairix: %s\n%s", message.toUtf8().constData(),
                 tr("Try 'kairix templates --help'.\n").toUtf8().constData());
    return Usage;
}
