// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/generators/generator.h"

namespace kx {

/**
 * Synthetic conversations (seed 2.2). Item @c index picks a domain (the
 * "domains" parameter, or the material's when that is empty) and a length in
 * ["min_turns", "max_turns"] (default 5–20 turns of user + assistant); the
 * user shares a memory point in turn 1 and every "memory_every" (3) turns.
 *
 * A scenario: the messages (system context excluded, as in the seed),
 * memory_requirements = the memory points, "domain", "context" and
 * "objectives" kept in the scenario's extra keys; category synthetic.
 */
class ConversationGenerator final : public Generator
{
public:
    using Generator::Generator;

    QString name() const override { return QStringLiteral("conversation"); }
    QString templateId() const override { return QStringLiteral("conversation"); }
    Result<ChatRequest> buildRequest(int index, const GenerationOptions &options) const override;
    Result<Json> validate(const Json &answer) const override;
    Result<Json> composeOffline(const Json &inputs, const GenerationMaterial &material,
                                DemoRandom &random) const override;

protected:
    Result<QList<TestScenario>> scenariosFrom(const Json &answer, int index, const Json &inputs,
                                              const GenerationOptions &options) const override;
};

} // namespace kx
