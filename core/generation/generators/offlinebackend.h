// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/generators/generationbackend.h"
#include "generation/generators/generationmaterial.h"
#include "generation/generators/generatorregistry.h"

#include <QCoreApplication>

#include <memory>

namespace kx {

/**
 * The default backend: no network, no model. It answers a generator's request
 * with JSON of that generator's expected shape, composed from material.
 *
 * It recognises the generator by the marker every generator puts in the
 * request's first message (ChatMessage::extra["kx_request"]["template"], see
 * Generator) and composes the answer with that generator's composeOffline()
 * from the marker's inputs. Deterministic: the answer depends only on the
 * backend's seed and the request content (model, messages, marker), through
 * a SHA-256 of them, so a re-run or a resumed job gets identical answers.
 *
 * Token counts are estimates (characters / 4). Thread-safe: completeJson()
 * only reads immutable state.
 */
class OfflineBackend final : public GenerationBackend
{
    Q_DECLARE_TR_FUNCTIONS(kx::OfflineBackend)
    Q_DISABLE_COPY_MOVE(OfflineBackend)

public:
    /**
     * @p material fills the composed answers; its empty lists are taken from
     * @p fallback (normally GenerationMaterial::builtIn()).
     */
    OfflineBackend(std::shared_ptr<const GeneratorRegistry> registry, const GenerationMaterial &material,
                   const GenerationMaterial &fallback, qint64 seed = 0);

    QString name() const override { return QStringLiteral("offline"); }
    QString model() const override { return QStringLiteral("kairix-offline-1"); }
    Result<ChatJsonAnswer> completeJson(const ChatRequest &request, const Validator &validate) override;

private:
    quint64 requestSeed(const ChatRequest &request) const;

    std::shared_ptr<const GeneratorRegistry> m_registry;
    GenerationMaterial m_material;
    qint64 m_seed = 0;
};

} // namespace kx
