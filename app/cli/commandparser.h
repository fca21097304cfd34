// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;

/**
 * What every `kairix` command does with its own options: parse them, answer
 * --help with the command's help text, and turn a parse error into the usage
 * error (message and hint on stderr, exit status 2).
 */
class CommandParser final
{
    Q_DECLARE_TR_FUNCTIONS(CommandParser)

public:
    enum ExitCode { Done = 0, BadInput = 1, Usage = 2 };

    /**
     * Adds --help to @p parser and parses @p args of `kairix @p command`. Returns
     * false when the command must not run: after printing its help (@p exitCode
     * Done) or a usage error (@p exitCode Usage).
     */
    static bool parse(QCommandLineParser &parser, const QString &command, const QStringList &args, int &exitCode);
    /** Prints "kairix: error: …" on stderr; returns BadInput. */
    static int fail(const QString &message);
    /** Prints the message and a hint on stderr; returns Usage. */
    static int usageError(const QString &message);
    /** One line on stdout. */
    static void printLine(const QString &line);
};
