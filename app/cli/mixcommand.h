// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/workspacestore.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <memory>

/**
 * `kairix mix [--target CATEGORY=SHARE,…] [--size N] [--plan] [--json]`: the
 * target mix beside what passed review (per category and source), the gaps,
 * and with --plan how many scenarios each generator must produce to close
 * them, given its observed acceptance rate.
 *
 * `kairix snapshot create NAME [--size N] [--seed N] [--redistribute] [--json]`,
 * `snapshot list [--json]`, `snapshot export ID --out FILE [--format jsonl|parquet]`,
 * `snapshot diff ID ID [--json]`: frozen, versioned suites sampled from the
 * accepted scenarios to honour the mix.
 *
 * Exit status as CliApplication: 0 done, 1 bad input (nothing changed), 2 usage.
 */
class MixCommand final
{
    Q_DECLARE_TR_FUNCTIONS(MixCommand)

public:
    using StoreOpener = std::function<kx::Result<std::unique_ptr<kx::WorkspaceStore>>()>;
    static int runMix(const QStringList &args, const StoreOpener &openStore);
    static int runSnapshot(const QStringList &args, const StoreOpener &openStore);

private:
    static int snapshotCreate(const QStringList &args, const StoreOpener &openStore);
    static int snapshotList(const QStringList &args, const StoreOpener &openStore);
    static int snapshotExport(const QStringList &args, const StoreOpener &openStore);
    static int snapshotDiff(const QStringList &args, const StoreOpener &openStore);
};
