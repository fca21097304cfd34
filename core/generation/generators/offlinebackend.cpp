// SPDX-License-Identifier: GPL-3.0-or-later
#include "offlinebackend.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace kx {

OfflineBackend::OfflineBackend(std::shared_ptr<const GeneratorRegistry> registry, const GenerationMaterial &material,
                               const GenerationMaterial &fallback, qint64 seed)
    : m_registry(std::move(registry))
    , m_material(material.withFallback(fallback))
    , m_seed(seed)
{
}

quint64 OfflineBackend::requestSeed(const ChatRequest &request) const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const qint64 seed = qToLittleEndian(m_seed);
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(&seed), sizeof seed));
    hash.addData(request.model.toUtf8());
    for (const ChatMessage &m : request.messages) {
        // A separator no text contains keeps "ab"+"c" apart from "a"+"bc".
        hash.addData(QByteArrayView("\x1f", 1));
        hash.addData(m.role.toUtf8());
        hash.addData(QByteArrayView("\x1e", 1));
        hash.addData(m.content.toUtf8());
        hash.addData(QByteArrayView("\x1e", 1));
        const std::string extra = dumpCompact(m.extra);
        hash.addData(QByteArrayView(extra.data(), qsizetype(extra.size())));
    }
    return qFromLittleEndian<quint64>(hash.result().constData());
}

Result<ChatJsonAnswer> OfflineBackend::completeJson(const ChatRequest &request, const Validator &validate)
{
    const QString templateId = Generator::requestTemplate(request);
    if (templateId.isEmpty())
        return Error::badInput(tr("offline backend: the request carries no generator marker "
                                  "(first message's \"kx_request\"), so there is nothing to compose"));
    const Generator *generator = m_registry ? m_registry->forTemplate(templateId) : nullptr;
    if (!generator)
        return Error::badInput(tr("offline backend: no generator uses the prompt template \"%1\"").arg(templateId));

    DemoRandom random(requestSeed(request));
    auto composed = generator->composeOffline(Generator::requestInputs(request), m_material, random);
    if (!composed)
        return composed.error();
    auto checked = validate ? validate(*composed) : Result<Json>(*composed);
    if (!checked)
        return Error::badInput(tr("offline backend: the composed answer for \"%1\" does not validate: %2")
                                   .arg(templateId, checked.error().message));

    ChatJsonAnswer answer;
    answer.value = std::move(*checked);
    qint64 promptChars = 0;
    for (const ChatMessage &m : request.messages)
        promptChars += m.content.size();
    answer.promptTokens = (promptChars + 3) / 4;
    answer.completionTokens = qint64(dumpCompact(answer.value).size() + 3) / 4;
    return answer;
}

} // namespace kx
