// SPDX-License-Identifier: GPL-3.0-or-later
#include "qualityscores.h"

#include <algorithm>
#include <cmath>

namespace kx {

double QualityScores::value(QualityCriterion c) const
{
    switch (c) {
    case QualityCriterion::Clarity: return clarity;
    case QualityCriterion::Complexity: return complexity;
    case QualityCriterion::Coverage: return coverage;
    case QualityCriterion::Realism: return realism;
    }
    return 0.0;
}

void QualityScores::setValue(QualityCriterion c, double v)
{
    const double clamped = std::isnan(v) ? 0.0 : std::clamp(v, 0.0, 1.0);
    switch (c) {
    case QualityCriterion::Clarity: clarity = clamped; break;
    case QualityCriterion::Complexity: complexity = clamped; break;
    case QualityCriterion::Coverage: coverage = clamped; break;
    case QualityCriterion::Realism: realism = clamped; break;
    }
}

bool QualityScores::passes(const QualityScores &scores, double threshold)
{
    return scores.overall() > threshold;
}

Json QualityScores::toJson() const
{
    Json j = Json::object();
    for (QualityCriterion c : allQualityCriteria)
        j[ss(criterionKey(c))] = value(c);
    j["overall"] = overall();
    return j;
}

Result<QualityScores> QualityScores::fromJson(const Json &j)
{
    if (!j.is_object())
        return Error::badInput(tr("quality scores must be a JSON object"));
    QualityScores s;
    for (QualityCriterion c : allQualityCriteria) {
        const QString key = criterionKey(c);
        const auto it = j.find(ss(key));
        if (it == j.end())
            return Error::badInput(tr("quality scores lack \"%1\"").arg(key));
        if (!it->is_number())
            return Error::badInput(tr("quality score \"%1\" must be a number").arg(key));
        const double v = it->get<double>();
        if (!(v >= 0.0 && v <= 1.0))
            return Error::badInput(tr("quality score \"%1\" is %2, outside 0 to 1").arg(key).arg(v));
        s.setValue(c, v);
    }
    return s;
}

QString QualityScores::criterionKey(QualityCriterion c)
{
    return kx::criterionKey(c);
}

std::optional<QualityCriterion> QualityScores::criterionFromKey(QStringView key)
{
    return kx::criterionFromKey(key);
}

QString QualityScores::criterionLabel(QualityCriterion c)
{
    return kx::criterionLabel(c);
}

} // namespace kx
