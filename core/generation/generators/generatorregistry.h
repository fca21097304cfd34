// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/generators/generator.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <vector>

namespace kx {

/**
 * The generators by name ("memory", "conversation", "adversarial", "augment",
 * "fusion"), each with its built-in prompt template. Immutable once created;
 * safe to share between threads (hold it in a shared_ptr).
 */
class GeneratorRegistry final
{
    Q_DECLARE_TR_FUNCTIONS(kx::GeneratorRegistry)
    Q_DISABLE_COPY_MOVE(GeneratorRegistry)

public:
    GeneratorRegistry() = default;

    /** Every generator with its template from ":/prompts"; an error names a template that fails to load. */
    static Result<std::shared_ptr<const GeneratorRegistry>> createDefault();

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
