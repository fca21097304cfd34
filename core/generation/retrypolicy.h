// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

class QRandomGenerator;

namespace kx {

/**
 * The retry rules of the chat-completions client, pure functions so they can
 * be tested without a server: which HTTP statuses are worth another try, the
 * full-jitter exponential backoff, and the server's Retry-After.
 */
class RetryPolicy final
{
public:
    /** 408, 429 and every 5xx: the server may answer differently later. Other 4xx are final. */
    static bool isRetryableStatus(int status);

    /**
     * The wait before the next attempt after @p failures failed ones (1 for the
     * first retry): a uniformly random value in [0, min(@p maxMs, @p baseMs·2^(failures-1))]
     * ("full jitter"), drawn from @p rng.
     */
    static qint64 backoffMs(int failures, int baseMs, int maxMs, QRandomGenerator &rng);

    /**
     * The wait a Retry-After header asks for, in milliseconds: delta-seconds
     * ("120", fractions accepted) or an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT")
     * counted from @p nowUtc. A date in the past gives 0; an unreadable value nothing.
     * Capped at one hour so a broken server cannot park a job forever.
     */
    static std::optional<qint64> retryAfterMs(const QByteArray &header, const QDateTime &nowUtc);
};

} // namespace kx
