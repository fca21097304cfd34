// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/chatrequest.h"
#include "generation/generators/generator.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace kx {

/**
 * The generators by name ("memory", "conversation", "adversarial", "augment",
 * "fusion"), each with its prompt template (the built-in one, or one the
 * caller supplies, such as the workspace's current version). Immutable once
 * created; safe to share between threads (hold it in a shared_ptr).
 */
class GeneratorRegistry final
{
    Q_DECLARE_TR_FUNCTIONS(kx::GeneratorRegistry)
    Q_DISABLE_COPY_MOVE(GeneratorRegistry)

public:
    /** Where create() takes each generator's template from, by template id. */
    using TemplateSource = std::function<Result<PromptTemplate>(const QString &templateId)>;

    GeneratorRegistry() = default;

    /** Every generator with its template from ":/prompts"; an error names a template that fails to load. */
    static Result<std::shared_ptr<const GeneratorRegistry>> createDefault();
    /**
     * Every generator with the template @p templateFor gives for its template
     * id (called once per generator, on the calling thread). An error from
     * @p templateFor is returned as it is; a template whose id differs from
     * the one asked for is refused.
     */
    static Result<std::shared_ptr<const GeneratorRegistry>> create(const TemplateSource &templateFor);

    /** The template ids of the generators, in registration order ("memory_recall", "conversation", …). */
    static QStringList templateIds();

    /**
     * Whether @p candidate can replace its generator's template: its id must
     * be a generator's template id; the placeholders it declares must be
     * exactly the slots the generator fills, each used in the system or user
     * text; and item 0 must render with the built-in material (see
     * previewRequest()). Errors (BadInput) name the template and the slot.
     * Pure CPU work, a few milliseconds; any thread.
     */
    static Result<void> checkTemplate(const PromptTemplate &candidate);
    /**
     * The request the generator of @p candidate's id builds for item 0 of a
     * job with seed 0 over the built-in material (GenerationMaterial::builtIn();
     * the augment generator gets one sample parent scenario), rendered from
     * @p candidate. Does not run the placeholder checks of checkTemplate().
     */
    static Result<ChatRequest> previewRequest(const PromptTemplate &candidate);

    /** Adds @p generator; a later one with the same name replaces the earlier one. */
    void add(std::unique_ptr<Generator> generator);

    /** The generator called @p name, or nullptr. */
    const Generator *find(const QString &name) const;
    /** The generator whose template id is @p templateId, or nullptr. */
    const Generator *forTemplate(const QString &templateId) const;
    /** Names in registration order. */
    QStringList names() const;

private:
    std::vector<std::unique_ptr<Generator>> m_generators;
};

} // namespace kx
