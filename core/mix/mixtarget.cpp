// SPDX-License-Identifier: GPL-3.0-or-later
#include "mixtarget.h"

#include "mix/apportion.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace kx {

namespace {

QString formatShare(double v)
{
    return QString::number(v, 'g', 10);
}

/** "benchmark 0.3, synthetic 0.4, …": every share, for error messages. */
QString describeShares(const MixTarget &t)
{
    QStringList parts;
    for (Category c : allCategories)
        parts << categoryKey(c) + QLatin1Char(' ') + formatShare(t.share(c));
    return parts.join(QStringLiteral(", "));
}

} // namespace

MixTarget::MixTarget()
    : m_shares{0.3, 0.4, 0.2, 0.1}
{
}

Result<void> MixTarget::validate() const
{
    double sum = 0;
    for (Category c : allCategories) {
        const double v = share(c);
        if (!std::isfinite(v) || v < 0)
            return Error::badInput(tr("The target share of %1 must be a number of at least 0, not %2 (%3).")
                                       .arg(categoryKey(c), formatShare(v), describeShares(*this)));
        sum += v;
    }
    if (std::abs(sum - 1.0) > tolerance)
        return Error::badInput(tr("The target shares must add up to 1, but %1 add up to %2.")
                                   .arg(describeShares(*this), formatShare(sum)));
    return {};
}

CategoryCounts MixTarget::apportion(qint64 size) const
{
    const QList<double> weights(m_shares.begin(), m_shares.end());
    const QList<qint64> split = largestRemainder(weights, size);
    CategoryCounts quota{};
    std::copy(split.begin(), split.end(), quota.begin());
    return quota;
}

Json MixTarget::toJson() const
{
    Json j = Json::object();
    for (Category c : allCategories)
        j[ss(categoryKey(c))] = share(c);
    return j;
}

Result<MixTarget> MixTarget::fromJson(const Json &j)
{
    if (!j.is_object())
        return Error::badInput(tr("A mix target must be a JSON object of category shares."));
    MixTarget t;
    for (Category c : allCategories)
        t.setShare(c, 0.0);
    for (auto it = j.begin(); it != j.end(); ++it) {
        const QString key = qs(it.key());
        const auto c = categoryFromKey(key);
        if (!c)
            return Error::badInput(tr("Unknown category \"%1\" in the mix target; expected benchmark, synthetic, tool_usage or adversarial.")
                                       .arg(key));
        if (!it.value().is_number())
            return Error::badInput(tr("The target share of %1 must be a number, not %2.")
                                       .arg(key, qs(dumpCompact(it.value()))));
        t.setShare(*c, it.value().get<double>());
    }
    if (auto ok = t.validate(); !ok)
        return ok.error();
    return t;
}

} // namespace kx
