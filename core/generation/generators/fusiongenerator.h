// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/generators/generator.h"

namespace kx {

/**
 * Cross-dataset fusion (seed 3.2): PersonaChat personas × knowledge questions
 * (MMLU, GSM8K, BBH from the workspace, or the built-in ones). Item @c index
 * pairs persona (index mod P) with a question drawn for (seed, index).
 *
 * A scenario named "hybrid_persona_knowledge_<index>" (the seed's id; the id
 * itself follows the generator scheme): a system message "You have this
 * persona: …" and the question; memory_requirements = the persona sentences;
 * criteria persona_adherence 0.8, factual_accuracy 0.9 and the
 * expected_answer; parents = the persona and question scenario ids; category
 * synthetic.
 */
class FusionGenerator final : public Generator
{
public:
    using Generator::Generator;

    QString name() const override { return QStringLiteral("fusion"); }
    QString templateId() const override { return QStringLiteral("fusion"); }
    Result<ChatRequest> buildRequest(int index, const GenerationOptions &options) const override;
    Result<Json> validate(const Json &answer) const override;
    Result<Json> composeOffline(const Json &inputs, const GenerationMaterial &material,
                                DemoRandom &random) const override;

protected:
    Result<QList<TestScenario>> scenariosFrom(const Json &answer, int index, const Json &inputs,
                                              const GenerationOptions &options) const override;
};

} // namespace kx
