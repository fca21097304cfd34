// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/workspacestore.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <memory>

/**
 * `kairix generate …` (run a generation job, resuming an unfinished identical
 * one) and `kairix jobs [log ID] [--json]` (the jobs of the workspace).
 * Same exit status and error conventions as CliApplication: 0 done, 1 bad
 * input or a job that did not finish every item (stderr says why and how to
 * go on), 2 usage error. Ctrl+C pauses the job; the same command resumes it.
 */
class GenerateCommand final
{
    Q_DECLARE_TR_FUNCTIONS(GenerateCommand)

public:
    using StoreOpener = std::function<kx::Result<std::unique_ptr<kx::WorkspaceStore>>()>;

    /** `generate`; @p args are the arguments after the command. */
    static int runGenerate(const QStringList &args, const StoreOpener &openStore);
    /** `jobs`; @p args are the arguments after the command. */
    static int runJobs(const QStringList &args, const StoreOpener &openStore);
};
