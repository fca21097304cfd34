// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/demorandom.h"
#include "generation/chatrequest.h"
#include "generation/generators/generationoptions.h"
#include "generation/generators/prompttemplate.h"
#include "model/testscenario.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

namespace kx {

/**
 * One of the seed's generators as a "prompt + parse" pair: buildRequest()
 * renders the prompt template for item @c index of a job, validate() checks
 * the JSON answer's shape, toScenarios() turns a valid answer into scenarios,
 * and composeOffline() is what the deterministic offline backend answers.
 *
 * Requests carry a marker for the offline backend in the first message's
 * ChatMessage::extra (which is never sent over the wire):
 * `{"kx_request": {"template": <template id>, "version": n, "inputs": {…}}}`,
 * the structured inputs the prompt was rendered from.
 *
 * Scenario ids are "<generator>-<seed>-<index>" (and "-<k>" when an item
 * gives several scenarios), so a resumed job rewrites the same ids.
 *
 * Immutable after construction; every method is const and thread-safe.
 */
class Generator
{
    Q_DECLARE_TR_FUNCTIONS(kx::Generator)
    Q_DISABLE_COPY_MOVE(Generator)

public:
    explicit Generator(PromptTemplate promptTemplate) : m_template(std::move(promptTemplate)) {}
    virtual ~Generator() = default;

    /** The registry key: "memory", "conversation", "adversarial", "augment", "fusion". */
    virtual QString name() const = 0;
    /** The id of the built-in template this generator is written for. */
    virtual QString templateId() const = 0;
    const PromptTemplate &promptTemplate() const { return m_template; }

    /** The request for item @p index; errors come from rendering or missing material/parents. */
    virtual Result<ChatRequest> buildRequest(int index, const GenerationOptions &options) const = 0;
    /** How many scenarios item @p index gives; the job planner sizes a job with it. 1 unless overridden. */
    virtual int scenariosPerItem(int index, const GenerationOptions &options) const
    {
        Q_UNUSED(index)
        Q_UNUSED(options)
        return 1;
    }
    /** How many items a job with @p options can have at most; -1 when there is no limit. */
    virtual int maxItems(const GenerationOptions &options) const
    {
        Q_UNUSED(options)
        return -1;
    }
    /** The answer's expected shape; errors say what is missing or wrong. */
    virtual Result<Json> validate(const Json &answer) const = 0;
    /**
     * The scenarios of an answer for item @p index: validates it, rebuilds the
     * item's marker inputs (a pure function of @p options and @p index) and
     * hands both to scenariosFrom().
     */
    Result<QList<TestScenario>> toScenarios(const Json &answer, int index, const GenerationOptions &options) const;
    /**
     * The offline backend's answer to a request built by this generator, from
     * the request's marker inputs, @p material and @p random (seeded from the
     * request). Must pass validate().
     */
    virtual Result<Json> composeOffline(const Json &inputs, const GenerationMaterial &material,
                                        DemoRandom &random) const = 0;

    /** The marker inputs of a request built by a generator; null when there is none. */
    static Json requestInputs(const ChatRequest &request);
    /** The template id in a request's marker; empty when there is none. */
    static QString requestTemplate(const ChatRequest &request);
    /** "<generator>-<seed>-<index>", plus "-<k>" when @p k >= 0. */
    static QString scenarioId(const QString &generator, qint64 seed, int index, int k = -1);

protected:
    /** The scenarios of a validated @p answer for item @p index, whose request was rendered from @p inputs. */
    virtual Result<QList<TestScenario>> scenariosFrom(const Json &answer, int index, const Json &inputs,
                                                      const GenerationOptions &options) const = 0;
    /** The template's "defaults" overlaid with options.parameters. */
    Json parameters(const GenerationOptions &options) const;
    /** A generator for item @p index of a job with @p options.seed, independent of other items. */
    DemoRandom randomFor(const GenerationOptions &options, int index) const;
    /** Renders the template with @p values and puts the marker with @p inputs on the request. */
    Result<ChatRequest> makeRequest(const QMap<QString, QString> &values, const Json &inputs,
                                    const GenerationOptions &options) const;
    /** A scenario with id, category and provenance filled in (generator, backend, model, template, seed, parents, index). */
    TestScenario baseScenario(int index, int k, Category category, const GenerationOptions &options,
                              const QStringList &parents) const;
    /** Evaluation criteria from the "criteria" parameter (an object; empty when missing). */
    Json criteria(const GenerationOptions &options) const;

private:
    PromptTemplate m_template;
    QString m_templateHash = m_template.contentHash();
};

} // namespace kx
