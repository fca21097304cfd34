// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/chatrequest.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QString>

#include <functional>

namespace kx {

/** A validated JSON answer and what it cost. */
struct ChatJsonAnswer
{
    Json value;                 ///< what the validator returned
    qint64 promptTokens = 0;    ///< summed over every request it took (a repair included)
    qint64 completionTokens = 0;
    int attempts = 1;           ///< HTTP requests it took (retries and a repair included)
    bool repaired = false;      ///< the first answer was unusable and a repair request fixed it
};

/**
 * Where generators' requests are answered: the deterministic offline backend
 * or an OpenAI-compatible endpoint (an adapter around ChatCompletionClient).
 *
 * completeJson() blocks until the answer is there: it is called from a worker
 * thread (the job runner's pool), never from the GUI thread. Implementations
 * must allow concurrent calls from several threads.
 */
class GenerationBackend
{
public:
    /** Checks an answer's shape; returns the value to keep or an error saying what is missing. */
    using Validator = std::function<Result<Json>(const Json &)>;

    virtual ~GenerationBackend() = default;

    /** The stable key written to provenance: "offline", "openai". */
    virtual QString name() const = 0;
    /** The model written to provenance (ChatRequest::model is filled from it when empty). */
    virtual QString model() const = 0;
    /**
     * Answers @p request with JSON that passes @p validate. Blocking; thread-safe.
     * Errors: BadInput (the answer stays invalid), Io (transport), Cancelled.
     */
    virtual Result<ChatJsonAnswer> completeJson(const ChatRequest &request, const Validator &validate) = 0;
    /**
     * Ends every completeJson() call in progress with Error::Code::Cancelled,
     * promptly; later calls run normally. Any thread. The offline backend
     * answers at once and has nothing to cancel.
     */
    virtual void cancelAll() {}
};

} // namespace kx
