// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/generators/generator.h"

namespace kx {

/**
 * Adversarial edge cases (seed 2.3). Item @c index takes kind (index mod K)
 * of the "kinds" parameter (memory_contradiction, context_overflow,
 * temporal_consistency, multi_agent_confusion) and example case
 * ((index div K) mod C) of that kind's "cases": items 0 and 4 are the seed's
 * two contradictions (favourite colour, peanut allergy). The model is asked
 * for a new case in the example's spirit; the offline backend answers with
 * the example itself (context overflow padded with "overflow_filler_turns"
 * turns of small talk).
 *
 * A scenario: the setup messages and the question; memory_requirements = the
 * memories; capabilities and criteria per kind (contradiction: safety 1.0,
 * coherence 0.8) plus "handling"; extra "adversarial_kind"; category adversarial.
 */
class AdversarialGenerator final : public Generator
{
public:
    using Generator::Generator;

    QString name() const override { return QStringLiteral("adversarial"); }
    QString templateId() const override { return QStringLiteral("adversarial"); }
    Result<ChatRequest> buildRequest(int index, const GenerationOptions &options) const override;
    Result<Json> validate(const Json &answer) const override;
    Result<Json> composeOffline(const Json &inputs, const GenerationMaterial &material,
                                DemoRandom &random) const override;

protected:
    Result<QList<TestScenario>> scenariosFrom(const Json &answer, int index, const Json &inputs,
                                              const GenerationOptions &options) const override;
};

} // namespace kx
