// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/generators/generationbackend.h"
#include "generation/generators/prompttemplate.h"
#include "model/testscenario.h"
#include "qc/qualityscores.h"
#include "util/result.h"

#include <QCoreApplication>

namespace kx {

/**
 * The optional LLM judge of the quality gate: asks a model, through a
 * GenerationBackend (normally an OpenAI-compatible endpoint), to score a
 * scenario on the four criteria. The prompt is the "quality_judge" template
 * (resources/prompts/quality_judge.json; editable like the generators'), the
 * scenario is rendered as a plain transcript with its memory requirements,
 * capabilities and criteria, cut to the template's "max_scenario_chars". The
 * answer must be an object with the four criteria as numbers in [0, 1]; the
 * backend's one repair request applies.
 *
 * Thread-safe: judge() only reads members; the backend must allow concurrent calls.
 */
class LlmJudge final
{
    Q_DECLARE_TR_FUNCTIONS(kx::LlmJudge)
    Q_DISABLE_COPY_MOVE(LlmJudge)

public:
    /** @p backend must outlive the judge. */
    LlmJudge(PromptTemplate promptTemplate, GenerationBackend &backend);

    /** The built-in template (":/prompts/quality_judge.json"). */
    static Result<PromptTemplate> builtInTemplate();
    /** What quality_scores.scorer holds for this judge: "judge:<model>". */
    QString scorerName() const;

    /** The request for @p scenario (exposed for tests and the template editor's preview). */
    Result<ChatRequest> request(const TestScenario &scenario) const;
    /** Checks an answer's shape: the four criteria, numbers from 0 to 1. */
    static Result<Json> validate(const Json &answer);
    /** Scores @p scenario; blocks until the backend answers. */
    Result<QualityScores> judge(const TestScenario &scenario) const;

private:
    PromptTemplate m_template;
    GenerationBackend &m_backend;
};

} // namespace kx
