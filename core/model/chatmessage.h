// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jsonqt.h"

#include <QString>

namespace kx {

/** One turn of a scenario: `role` (system, user, assistant, tool) and `content`. */
struct ChatMessage
{
    QString role;
    QString content;
    Json extra = Json::object(); ///< keys other than role/content, kept for a lossless round-trip

    bool operator==(const ChatMessage &) const = default;
};

} // namespace kx
