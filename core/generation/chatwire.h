// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/chatrequest.h"
#include "util/result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace kx {

/**
 * The OpenAI chat-completions wire format: the request body we send and what
 * we read back. Stateless and thread-safe.
 */
class ChatWire final
{
    Q_DECLARE_TR_FUNCTIONS(kx::ChatWire)
public:
    /** The JSON body of POST /chat/completions for @p request. */
    static QByteArray requestBody(const ChatRequest &request);

    /**
     * The answer in a 2xx body: choices[0].message.content and usage. A body
     * that is not JSON, is cut short, or lacks a string content gives an error
     * naming what is wrong (the caller retries it).
     */
    static Result<ChatResponse> parseResponse(const QByteArray &body);

    /**
     * What the server says went wrong in an error body: the OpenAI
     * error.message when there is one, else the start of the body as text
     * (at most 300 characters); empty for an empty body.
     */
    static QString serverMessage(const QByteArray &body);
};

} // namespace kx
