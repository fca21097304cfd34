// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/generators/generator.h"

namespace kx {

/**
 * Augmentation of given scenarios (seed 3.1), GenerationOptions::parents.
 * Item @c index takes parent (index div T) and variation type (index mod T)
 * of "variation_types": paraphrase ("paraphrase_count" = 3 variants), persona
 * (one per "personas"), complexity (one per "complexity_levels"),
 * language_style (one per "language_styles"). Items past the last parent
 * are an error, so a job asks for parents × T items.
 *
 * Each variant is a copy of the parent with its last user message rewritten;
 * id "<augment>-<seed>-<index>-<k>", category, capabilities, criteria and
 * memory requirements kept from the parent, review state reset, provenance
 * parents = the parent's id, extra "variation" {type, label}.
 */
class AugmentGenerator final : public Generator
{
public:
    using Generator::Generator;

    QString name() const override { return QStringLiteral("augment"); }
    QString templateId() const override { return QStringLiteral("augment"); }
    Result<ChatRequest> buildRequest(int index, const GenerationOptions &options) const override;
    int scenariosPerItem(int index, const GenerationOptions &options) const override;
    int maxItems(const GenerationOptions &options) const override;
    Result<Json> validate(const Json &answer) const override;
    Result<Json> composeOffline(const Json &inputs, const GenerationMaterial &material,
                                DemoRandom &random) const override;

protected:
    Result<QList<TestScenario>> scenariosFrom(const Json &answer, int index, const Json &inputs,
                                              const GenerationOptions &options) const override;
};

} // namespace kx
