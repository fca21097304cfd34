// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/workspacestore.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <memory>

/**
 * `kairix review ID --verdict accept|reject|skip [--score CRITERION=VALUE]…
 * [--reviewer NAME] [--comment TEXT] [--dataset ID] [--json]`: one reviewer's
 * verdict and per-criterion scores for one scenario, saved as one transaction
 * with its audit-trail entry (durable when the command returns). ID is the
 * scenario's id (with --dataset when several datasets use it) or its row id.
 * Exit status as CliApplication: 0 done, 1 bad input (nothing changed), 2 usage.
 */
class ReviewCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ReviewCommand)

public:
    using StoreOpener = std::function<kx::Result<std::unique_ptr<kx::WorkspaceStore>>()>;
    static int run(const QStringList &args, const StoreOpener &openStore);

    /**
     * The row id of the scenario called @p id (in dataset @p datasetId when
     * not 0), else of row @p id when it is a number. BadInput when several
     * datasets hold that id, NotFound when none does.
     */
    static kx::Result<qint64> resolve(kx::WorkspaceStore &store, const QString &id, qint64 datasetId);
};
