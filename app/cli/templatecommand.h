// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/workspacestore.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <memory>

class QCommandLineParser;

/**
 * `kairix [--db PATH] templates …`: the generators' prompt templates as the
 * workspace holds them (PromptTemplateStore).
 * - `templates list [--json]`: each template's id, current version, origin and SHA-256.
 * - `templates show ID [--version N] [--json]`: the template JSON (indented; one line with --json).
 * - `templates edit ID --file F.json [--author NAME] [--json]`: saves the file as the next
 *   version after GeneratorRegistry::checkTemplate(); a missing "version" or "id" in the
 *   file is taken from the command.
 * Same exit status and error conventions as CliApplication: 0 done, 1 bad input (nothing
 * was changed; the message names the file and the reason), 2 usage error.
 */
class TemplateCommand final
{
    Q_DECLARE_TR_FUNCTIONS(TemplateCommand)

public:
    /** Opens the workspace the global options name (CliApplication::openStore()). */
    using StoreOpener = std::function<kx::Result<std::unique_ptr<kx::WorkspaceStore>>()>;

    /** Runs the command; @p args are the arguments after "templates". Returns the exit status. */
    static int run(const QStringList &args, const StoreOpener &openStore);

private:
    enum ExitCode { Done = 0, BadInput = 1, Usage = 2 };

    static int runList(const QStringList &args, const StoreOpener &openStore);
    static int runShow(const QStringList &args, const StoreOpener &openStore);
    static int runEdit(const QStringList &args, const StoreOpener &openStore);
    /** Parses @p args of `templates @p subcommand`; on --help or an error sets @p exitCode and returns false. */
    static bool parse(QCommandLineParser &parser, const QString &subcommand, const QStringList &args,
                      int positional, int &exitCode);
    /** BadInput with the known ids when @p id is not a generator's template id. */
    static kx::Result<void> checkId(const QString &id);
    static int fail(const QString &message);
    static int usageError(const QString &message);
};
