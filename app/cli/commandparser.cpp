// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandparser.h"

#include <QCommandLineParser>

#include <cstdio>

bool CommandParser::parse(QCommandLineParser &parser, const QString &command, const QStringList &args, int &exitCode)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(QStringList{QStringLiteral("kairix ") + command} + args)) {
        exitCode = usageError(parser.errorText());
        return false;
    }
    if (parser.isSet(help)) {
        printLine(parser.helpText().replace(QStringLiteral("kairix ") + command + QStringLiteral(" [options]"),
                                            QStringLiteral("kairix [--db PATH] ") + command + QStringLiteral(" [options]")));
        exitCode = Done;
        return false;
    }
    return true;
}

int CommandParser::fail(const QString &message)
{
    std::fprintf(stderr, "kairix: error: %s\n", message.toUtf8().constData());
    return BadInput;
}

int CommandParser::usageError(const QString &message)
{
    std::fprintf(stderr, "kairix: %s\n%s", message.toUtf8().constData(), tr("Try 'kairix --help'.\n").toUtf8().constData());
    return Usage;
}

void CommandParser::printLine(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}
