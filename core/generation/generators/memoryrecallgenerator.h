// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/generators/generator.h"

namespace kx {

/**
 * Memory recall (seed 2.1): an agent profile and a conversation history in
 * which the user shares personal facts; three memory points from it and a
 * later question that needs them.
 *
 * Item @c index picks an agent profile and "facts_per_scenario" (default 3)
 * facts from the material. A scenario: the agent profile as a system message,
 * the history (messages with extra {"session": "earlier"}), then the question;
 * memory_requirements = required_memories; evaluation_criteria = "criteria"
 * (memory_accuracy 0.9, coherence 0.8) plus expected_elements; category synthetic.
 */
class MemoryRecallGenerator final : public Generator
{
public:
    using Generator::Generator;

    QString name() const override { return QStringLiteral("memory"); }
    QString templateId() const override { return QStringLiteral("memory_recall"); }
    Result<ChatRequest> buildRequest(int index, const GenerationOptions &options) const override;
    Result<Json> validate(const Json &answer) const override;
    Result<Json> composeOffline(const Json &inputs, const GenerationMaterial &material,
                                DemoRandom &random) const override;

protected:
    Result<QList<TestScenario>> scenariosFrom(const Json &answer, int index, const Json &inputs,
                                              const GenerationOptions &options) const override;
};

} // namespace kx
