// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/workspacestore.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <memory>

/**
 * `kairix qc [--threshold T] [--adopt [--reviewer NAME]] [--curve]
 * [--judge --base-url URL [--model M] [--limit N] [--concurrency N]] [--json]`:
 * optionally has an LLM judge (LlmJudge) score scenarios it has not scored,
 * scores what has no automatic scores yet, then prints the gate's counts and,
 * against the human verdicts, precision, recall and F1, the suggested
 * threshold and the agreement figures (QcReport). --adopt records the
 * threshold given with --threshold, else the suggested one, as adopted by
 * the reviewer. Exit status as CliApplication: 0 done, 1 bad input, 2 usage.
 */
class QcCommand final
{
    Q_DECLARE_TR_FUNCTIONS(QcCommand)

public:
    using StoreOpener = std::function<kx::Result<std::unique_ptr<kx::WorkspaceStore>>()>;
    static int run(const QStringList &args, const StoreOpener &openStore);
};
