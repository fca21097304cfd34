// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/generators/generator.h"
#include "model/category.h"
#include "model/generationjob.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>

namespace kx {

class WorkspaceStore;

/**
 * Turns what a user asks for (a GenerationJob spec from the CLI or the launch
 * dialog) into a stored job: checks it, pins the prompt template the job will
 * use for its whole life (the workspace's current version of the generator's
 * template, else the built-in one), sizes it in items, and registers it with
 * the dataset its scenarios go to.
 *
 * Stateless; the calls run on the thread that uses @p store.
 */
class GenerationJobPlanner final
{
    Q_DECLARE_TR_FUNCTIONS(kx::GenerationJobPlanner)

public:
    /**
     * @p spec checked and completed: model defaulted, template pinned,
     * itemsTotal and requestKey set. Errors (BadInput) name the problem: an
     * unknown generator or backend, a count below 1, an openai job without a
     * base URL, augment without parents or asking for more than they give.
     * Nothing is stored.
     */
    static Result<GenerationJob> plan(const GenerationJob &spec, WorkspaceStore &store);
    /** Stores a job plan() returned, with a new dataset named after the job (JobStore::create). */
    static Result<GenerationJob> registerPlanned(const GenerationJob &planned, WorkspaceStore &store);
    /** plan() then registerPlanned(). */
    static Result<GenerationJob> create(const GenerationJob &spec, WorkspaceStore &store);

    /**
     * How many scenarios each item keeps: item i gives generator.scenariosPerItem(i)
     * and the last item keeps only what is left, so the quotas add up to
     * exactly @p requested. BadInput when the generator's maxItems() cannot give that many.
     */
    static Result<QList<int>> itemQuotas(const Generator &generator, const GenerationOptions &options, int requested);

    /** The mix category of a generator's scenarios: adversarial for "adversarial", synthetic otherwise. */
    static Category categoryOf(const QString &generator);
    /** The model a backend uses when the job names none. */
    static QString defaultModel(const QString &backend);
};

} // namespace kx
