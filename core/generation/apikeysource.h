// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QCoreApplication>
#include <QString>

namespace kx {

/**
 * Where the API key of an OpenAI-compatible endpoint comes from: the
 * environment, or the system keychain through QtKeychain (Secret Service,
 * KWallet, macOS Keychain, Windows Credential Store). The key is handed to the
 * caller only; this class never logs it or writes it anywhere else.
 */
class ApiKeySource final
{
    Q_DECLARE_TR_FUNCTIONS(kx::ApiKeySource)
public:
    /** The keychain service name entries are stored under. */
    static QString keychainService();

    /** KAIRIX_API_KEY, else OPENAI_API_KEY, trimmed; empty when neither is set. */
    static QString fromEnvironment();

    /**
     * Reads the key stored for @p account (e.g. the endpoint's base URL).
     * Blocks the calling thread (a local event loop) for at most @p timeoutMs.
     * An absent entry gives an empty string. A keychain that cannot be reached
     * (no service, no D-Bus session as on a headless CI machine, or no answer
     * within @p timeoutMs) gives Error::Code::NotFound, meaning "no key here",
     * with a message that says why: never a hang. A refused access gives
     * Error::Code::Io. Must not be called where blocking is wrong
     * (the GUI thread in a paint or a model call).
     */
    static Result<QString> readFromKeychain(const QString &account, int timeoutMs = 5000);

    /**
     * The key for the endpoint at @p baseUrl: the environment's, else the
     * keychain entry stored under the URL; empty when there is neither (a
     * local server often needs none). Blocks like readFromKeychain(); an
     * unreachable keychain counts as "no key", a refused one is an error.
     */
    static Result<QString> forEndpoint(const QString &baseUrl, int timeoutMs = 3000);

    /** Stores @p key for @p account; same blocking and timeout as readFromKeychain(). */
    static Result<void> writeToKeychain(const QString &account, const QString &key, int timeoutMs = 5000);
};

} // namespace kx
