// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/chatmessage.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace kx {

/**
 * Checks on the JSON answers of generators. Each names the key and what is
 * wrong ("answer: \"required_memories\" must hold at least 3 strings, it has 2"),
 * since the message is also quoted back to the model in a repair request.
 */
class AnswerShape final
{
    Q_DECLARE_TR_FUNCTIONS(kx::AnswerShape)

public:
    /** A non-empty string at @p key of object @p j. */
    static Result<QString> string(const Json &j, const char *key);
    /** An array of at least @p min non-empty strings at @p key. */
    static Result<QStringList> strings(const Json &j, const char *key, int min);
    /** An array of at least @p min {"role": user|assistant|system, "content": non-empty string} objects. */
    static Result<QList<ChatMessage>> messages(const Json &j, const char *key, int min);
    /** @p j must be an object; @p what names it in the error. */
    static Result<void> object(const Json &j, const QString &what);
};

} // namespace kx
