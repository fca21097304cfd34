// SPDX-License-Identifier: GPL-3.0-or-later
#include "generatorregistry.h"

#include "generation/generators/adversarialgenerator.h"
#include "generation/generators/augmentgenerator.h"
#include "generation/generators/conversationgenerator.h"
#include "generation/generators/fusiongenerator.h"
#include "generation/generators/memoryrecallgenerator.h"

#include <QRegularExpression>

namespace kx {

namespace {

using Factory = std::unique_ptr<Generator> (*)(PromptTemplate);

template<typename G>
std::unique_ptr<Generator> make(PromptTemplate t)
{
    return std::make_unique<G>(std::move(t));
}

/** A generator kind: its template id, its registry name and how to build it. */
struct Kind
{
    const char *templateId;
    const char *name;
    Factory factory;
};

// Registration order; names() and templateIds() follow it.
constexpr Kind kKinds[] = {
    {"memory_recall", "memory", &make<MemoryRecallGenerator>},
    {"conversation", "conversation", &make<ConversationGenerator>},
    {"adversarial", "adversarial", &make<AdversarialGenerator>},
    {"augment", "augment", &make<AugmentGenerator>},
    {"fusion", "fusion", &make<FusionGenerator>},
};

const Kind *kindFor(const QString &templateId)
{
    for (const Kind &k : kKinds) {
        if (templateId == QLatin1String(k.templateId))
            return &k;
    }
    return nullptr;
}

/** The {{slot}} names used in @p text, as PromptTemplate reads them. */
QStringList slotsIn(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.append(it.next().captured(1));
    return out;
}

/** The built-in material, parsed once (a function-local static: thread-safe, read-only afterwards). */
const Result<GenerationMaterial> &builtInMaterial()
{
    static const Result<GenerationMaterial> material = GenerationMaterial::builtIn();
    return material;
}

/** What the augment generator varies in a preview: one scenario whose user message is a built-in question. */
TestScenario sampleParent(const GenerationMaterial &material)
{
    TestScenario s;
    s.id = QStringLiteral("sample-parent");
    s.name = GeneratorRegistry::tr("Sample scenario");
    s.category = Category::Benchmark;
    const QString question = material.questions.isEmpty()
                                 ? GeneratorRegistry::tr("What is the chemical symbol for gold?")
                                 : material.questions.first();
    s.messages = {ChatMessage{QStringLiteral("user"), question, Json::object()}};
    return s;
}

QString labelOf(const PromptTemplate &t)
{
    return t.origin().isEmpty() ? t.id() : t.origin();
}

} // namespace

Result<std::shared_ptr<const GeneratorRegistry>> GeneratorRegistry::createDefault()
{
    return create(&PromptTemplate::builtIn);
}

Result<std::shared_ptr<const GeneratorRegistry>> GeneratorRegistry::create(const TemplateSource &templateFor)
{
    auto registry = std::make_shared<GeneratorRegistry>();
    for (const Kind &kind : kKinds) {
        const QString id = QLatin1String(kind.templateId);
        auto t = templateFor(id);
        if (!t)
            return t.error();
        if (t->id() != id)
            return Error::badInput(tr("%1: the %2 generator needs the prompt template \"%3\", not \"%4\"")
                                       .arg(labelOf(*t), QLatin1String(kind.name), id, t->id()));
        registry->add(kind.factory(std::move(*t)));
    }
    return std::shared_ptr<const GeneratorRegistry>(std::move(registry));
}

QStringList GeneratorRegistry::templateIds()
{
    QStringList ids;
    for (const Kind &kind : kKinds)
        ids.append(QLatin1String(kind.templateId));
    return ids;
}

Result<ChatRequest> GeneratorRegistry::previewRequest(const PromptTemplate &candidate)
{
    const Kind *kind = kindFor(candidate.id());
    if (!kind)
        return Error::badInput(tr("%1: no generator uses a prompt template called \"%2\" (known: %3)")
                                   .arg(labelOf(candidate), candidate.id(),
                                        templateIds().join(QStringLiteral(", "))));
    const Result<GenerationMaterial> &material = builtInMaterial();
    if (!material)
        return material.error();
    GenerationOptions options;
    options.model = QStringLiteral("preview");
    options.material = *material;
    if (candidate.id() == QLatin1String("augment"))
        options.parents = {sampleParent(*material)};
    const std::unique_ptr<Generator> generator = kind->factory(candidate);
    auto request = generator->buildRequest(0, options);
    if (!request && !request.error().message.startsWith(labelOf(candidate)))
        return Error{request.error().code, tr("%1: item 0 does not build with the built-in material: %2")
                                               .arg(labelOf(candidate), request.error().message)};
    return request;
}

Result<void> GeneratorRegistry::checkTemplate(const PromptTemplate &candidate)
{
    const QString label = labelOf(candidate);
    const QString id = candidate.id();
    const Kind *kind = kindFor(id);
    if (!kind)
        return previewRequest(candidate).error(); // names the unknown id
    auto builtIn = PromptTemplate::builtIn(id);
    if (!builtIn)
        return builtIn.error();
    const QString generator = QLatin1String(kind->name);

    // The built-in template declares exactly the slots its generator fills (it renders, and render()
    // insists on a value for every declared slot and on nothing else): that is the contract to keep.
    const QStringList filled = builtIn->placeholders();
    const QStringList declared = candidate.placeholders();
    const QStringList used = slotsIn(candidate.systemText()) + slotsIn(candidate.userText());
    for (const QString &slot : filled) {
        if (!declared.contains(slot))
            return Error::badInput(tr("%1: prompt template \"%2\" no longer declares the placeholder {{%3}}, "
                                      "which the %4 generator fills")
                                       .arg(label, id, slot, generator));
        if (!used.contains(slot))
            return Error::badInput(tr("%1: prompt template \"%2\" no longer uses {{%3}} in its system or user "
                                      "text, so the %4 generator's %3 would not reach the model")
                                       .arg(label, id, slot, generator));
    }
    for (const QString &slot : declared) {
        if (!filled.contains(slot))
            return Error::badInput(tr("%1: prompt template \"%2\" declares the placeholder {{%3}}, which the %4 "
                                      "generator does not fill (it fills %5)")
                                       .arg(label, id, slot, generator, filled.join(QStringLiteral(", "))));
    }
    for (const QString &slot : used) {
        if (slot != QLatin1String("response_shape") && !filled.contains(slot))
            return Error::badInput(tr("%1: prompt template \"%2\" uses {{%3}}, which the %4 generator does not "
                                      "fill (it fills %5)")
                                       .arg(label, id, slot, generator, filled.join(QStringLiteral(", "))));
    }
    if (auto request = previewRequest(candidate); !request)
        return request.error();
    return {};
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
