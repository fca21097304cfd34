// SPDX-License-Identifier: GPL-3.0-or-later
#include "generatorregistry.h"

#include "generation/generators/adversarialgenerator.h"
#include "generation/generators/augmentgenerator.h"
#include "generation/generators/conversationgenerator.h"
#include "generation/generators/fusiongenerator.h"
#include "generation/generators/memoryrecallgenerator.h"

namespace kx {

namespace {
template<typename G>
Result<void> addBuiltIn(GeneratorRegistry &registry, const QString &templateId)
{
    auto t = PromptTemplate::builtIn(templateId);
    if (!t)
        return t.error();
    registry.add(std::make_unique<G>(std::move(*t)));
    return {};
}
} // namespace

Result<std::shared_ptr<const GeneratorRegistry>> GeneratorRegistry::createDefault()
{
    auto registry = std::make_shared<GeneratorRegistry>();
    Result<void> added = addBuiltIn<MemoryRecallGenerator>(*registry, QStringLiteral("memory_recall"));
    if (added)
        added = addBuiltIn<ConversationGenerator>(*registry, QStringLiteral("conversation"));
    if (added)
        added = addBuiltIn<AdversarialGenerator>(*registry, QStringLiteral("adversarial"));
    if (added)
        added = addBuiltIn<AugmentGenerator>(*registry, QStringLiteral("augment"));
    if (added)
        added = addBuiltIn<FusionGenerator>(*registry, QStringLiteral("fusion"));
    if (!added)
        return added.error();
    return std::shared_ptr<const GeneratorRegistry>(std::move(registry));
}

void GeneratorRegistry::add(std::unique_ptr<Generator> generator)
{
    for (auto &existing : m_generators) {
        if (existing->name() == generator->name()) {
            existing = std::move(generator);
            return;
        }
    }
    m_generators.push_back(std::move(generator));
}

const Generator *GeneratorRegistry::find(const QString &name) const
{
    for (const auto &g : m_generators) {
        if (g->name() == name)
            return g.get();
    }
    return nullptr;
}

const Generator *GeneratorRegistry::forTemplate(const QString &templateId) const
{
    for (const auto &g : m_generators) {
        if (g->promptTemplate().id() == templateId)
            return g.get();
    }
    return nullptr;
}

QStringList GeneratorRegistry::names() const
{
    QStringList out;
    for (const auto &g : m_generators)
        out.append(g->name());
    return out;
}

} // namespace kx
