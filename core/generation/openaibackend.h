// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/chatcompletionclient.h"
#include "generation/generators/generationbackend.h"

#include <QCoreApplication>

#include <memory>

namespace kx {

/**
 * The GenerationBackend of an OpenAI-compatible chat-completions endpoint
 * (OpenAI, vLLM, llama.cpp server, Ollama): an adapter that turns the
 * asynchronous ChatCompletionClient into the blocking call the job runner's
 * worker threads make. Concurrency, timeout, retries with backoff and the
 * one repair request are the client's (see ChatCompletionClient).
 *
 * Threads: completeJson() blocks the calling thread (a job runner's worker)
 * until the client's own thread has the answer; any number of threads may
 * call it at once, and cancelAll() may come from any thread.
 */
class OpenAiBackend final : public GenerationBackend
{
    Q_DECLARE_TR_FUNCTIONS(kx::OpenAiBackend)
    Q_DISABLE_COPY_MOVE(OpenAiBackend)

public:
    /** @p endpoint carries the key (never logged); @p model is sent with every request whose model is empty. */
    OpenAiBackend(const ChatEndpoint &endpoint, QString model);
    ~OpenAiBackend() override;

    QString name() const override { return QStringLiteral("openai"); }
    QString model() const override { return m_model; }
    Result<ChatJsonAnswer> completeJson(const ChatRequest &request, const Validator &validate) override;
    void cancelAll() override;

private:
    QString m_model;
    std::unique_ptr<ChatCompletionClient> m_client;
};

} // namespace kx
