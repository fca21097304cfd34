// SPDX-License-Identifier: GPL-3.0-or-later
#include "openaibackend.h"

namespace kx {

OpenAiBackend::OpenAiBackend(const ChatEndpoint &endpoint, QString model)
    : m_model(std::move(model)), m_client(std::make_unique<ChatCompletionClient>(endpoint))
{
}

OpenAiBackend::~OpenAiBackend() = default;

Result<ChatJsonAnswer> OpenAiBackend::completeJson(const ChatRequest &request, const Validator &validate)
{
    ChatRequest sent = request;
    if (sent.model.isEmpty())
        sent.model = m_model;
    QFuture<Result<ChatJsonResponse>> future = m_client->completeJson(sent, validate);
    future.waitForFinished();
    if (future.resultCount() == 0)
        return Error::cancelled(tr("the request was abandoned"));
    Result<ChatJsonResponse> response = future.result();
    if (!response)
        return response.error();
    ChatJsonAnswer answer;
    answer.value = std::move(response->value);
    answer.promptTokens = response->usage.promptTokens;
    answer.completionTokens = response->usage.completionTokens;
    answer.attempts = response->usage.attempts;
    answer.repaired = response->repaired;
    return answer;
}

void OpenAiBackend::cancelAll()
{
    m_client->cancelAll();
}

} // namespace kx
