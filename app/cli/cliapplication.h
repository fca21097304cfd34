// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/workspacestore.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>

class QCommandLineOption;
class QCommandLineParser;

/**
 * The `kairix` command line: parses `kairix [--db PATH] COMMAND …`, runs the
 * command against kx_core and prints the result. Exit status: 0 done, 1 bad
 * input (nothing changed), 2 usage error. Errors go to stderr.
 */
class CliApplication final
{
    Q_DECLARE_TR_FUNCTIONS(CliApplication)
    Q_DISABLE_COPY_MOVE(CliApplication)

public:
    explicit CliApplication(QStringList arguments);
    int run();

private:
    enum ExitCode { Done = 0, BadInput = 1, Usage = 2 };

    int runImport(const QStringList &args);
    int runInspect(const QStringList &args);
    int runDatasets(const QStringList &args);
    int runScenarios(const QStringList &args);
    int runExport(const QStringList &args);

    /** Parses a command's own options; on failure prints the reason and returns false. */
    bool parse(QCommandLineParser &parser, const QString &command, const QStringList &args, int &exitCode);
    kx::Result<std::unique_ptr<kx::WorkspaceStore>> openStore();
    /** openStore(), then checks that the dataset @p filter names exists. */
    kx::Result<std::unique_ptr<kx::WorkspaceStore>> openStoreFor(const kx::ScenarioFilter &filter);
    /** Fills @p filter from --dataset and --status; on a bad value prints it and sets @p exitCode. */
    bool readFilter(const QCommandLineParser &parser, const QCommandLineOption &dataset,
                    const QCommandLineOption &status, kx::ScenarioFilter &filter, int &exitCode);
    int fail(const kx::Error &error);
    int usageError(const QString &message);
    void printUsage();
    static void printJson(const kx::Json &json);
    static void printLine(const QString &line);

    QStringList m_arguments;
    QString m_dbOption;
};
