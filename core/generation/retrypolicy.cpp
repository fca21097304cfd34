// SPDX-License-Identifier: GPL-3.0-or-later
#include "retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>

namespace kx {

namespace {
constexpr qint64 kMaxRetryAfterMs = 3600 * 1000;
}

bool RetryPolicy::isRetryableStatus(int status)
{
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

qint64 RetryPolicy::backoffMs(int failures, int baseMs, int maxMs, QRandomGenerator &rng)
{
    const qint64 cap = std::max(0, maxMs);
    qint64 ceiling = std::max(0, baseMs);
    // Doubling stops at the cap; the shift is bounded so it never overflows.
    for (int i = 1; i < failures && ceiling < cap; ++i)
        ceiling *= 2;
    ceiling = std::min(ceiling, cap);
    return ceiling > 0 ? qint64(rng.bounded(quint64(ceiling) + 1)) : 0;
}

std::optional<qint64> RetryPolicy::retryAfterMs(const QByteArray &header, const QDateTime &nowUtc)
{
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (ok) {
        if (seconds < 0 || seconds != seconds)
            return std::nullopt;
        return std::min(kMaxRetryAfterMs, qint64(seconds * 1000.0 + 0.5));
    }
    // IMF-fixdate, the form RFC 9110 requires senders to use; always in GMT and English.
    const QString text = QString::fromLatin1(value);
    QDateTime when = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeZone(QTimeZone::utc());
    const qint64 ms = nowUtc.msecsTo(when);
    return std::clamp<qint64>(ms, 0, kMaxRetryAfterMs);
}

} // namespace kx
