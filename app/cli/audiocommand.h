// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/audiocheck.h"

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;

/**
 * `kairix audio peaks FILE [--buckets N] [--json]` and
 * `kairix audio check FILE [--transcript TEXT] [--json]`: the waveform peaks
 * and the automatic checks of one audio file, read straight from the file
 * (the workspace is not opened). Same exit status and error conventions as
 * CliApplication: 0 done, 1 bad input (a missing or undecodable file; the
 * message on stderr names it and the reason), 2 usage error.
 */
class AudioCommand final
{
    Q_DECLARE_TR_FUNCTIONS(AudioCommand)

public:
    /** Runs the command; @p args are the arguments after "audio". Returns the exit status. */
    static int run(const QStringList &args);

private:
    enum ExitCode { Done = 0, BadInput = 1, Usage = 2 };

    static int runPeaks(const QStringList &args);
    static int runCheck(const QStringList &args);
    /** Parses @p args of `audio @p subcommand`; on --help or an error sets @p exitCode and returns false. */
    static bool parse(QCommandLineParser &parser, const QString &subcommand, const QStringList &args, int &exitCode);
    static void printCheck(const QString &file, const kx::AudioCheck &check);
    static int fail(const QString &message);
    static int usageError(const QString &message);
};
