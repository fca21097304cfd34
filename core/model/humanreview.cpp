// SPDX-License-Identifier: GPL-3.0-or-later
#include "humanreview.h"

#include <QCoreApplication>

namespace kx {

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(kx::HumanReview) };
} // namespace

std::optional<double> HumanReview::meanScore() const
{
    double sum = 0;
    int n = 0;
    for (const auto &s : scores) {
        if (s) {
            sum += *s;
            ++n;
        }
    }
    return n > 0 ? std::optional<double>(sum / n) : std::nullopt;
}

Json HumanReview::toJson() const
{
    Json j = Json::object();
    if (verdict)
        j["verdict"] = ss(reviewStatusKey(*verdict));
    Json s = Json::object();
    for (Criterion c : allCriteria) {
        if (const auto v = score(c))
            s[ss(criterionKey(c))] = *v;
    }
    if (!s.empty())
        j["scores"] = std::move(s);
    if (!comment.isEmpty())
        j["comment"] = ss(comment);
    if (at.isValid())
        j["at"] = ss(at.toUTC().toString(Qt::ISODateWithMs));
    return j;
}

Result<HumanReview> HumanReview::fromJson(const QString &reviewer, const Json &j)
{
    if (!j.is_object())
        return Error::badInput(Tr::tr("review by \"%1\": not a JSON object").arg(reviewer));
    HumanReview r;
    r.reviewer = reviewer;
    if (const auto v = j.find("verdict"); v != j.end() && v->is_string()) {
        const auto status = reviewStatusFromKey(qs(v->get<std::string>()));
        if (!status)
            return Error::badInput(Tr::tr("review by \"%1\": unknown verdict \"%2\"").arg(reviewer, qs(v->get<std::string>())));
        r.verdict = status;
    }
    if (const auto s = j.find("scores"); s != j.end() && s->is_object()) {
        for (const auto &[key, value] : s->items()) {
            const auto c = criterionFromKey(qs(key));
            if (!c)
                return Error::badInput(Tr::tr("review by \"%1\": unknown criterion \"%2\"").arg(reviewer, qs(key)));
            if (!value.is_number() || value.get<double>() < 0 || value.get<double>() > 1)
                return Error::badInput(Tr::tr("review by \"%1\": the %2 score must be a number from 0 to 1")
                                           .arg(reviewer, qs(key)));
            r.setScore(*c, value.get<double>());
        }
    }
    if (const auto c = j.find("comment"); c != j.end() && c->is_string())
        r.comment = qs(c->get<std::string>());
    if (const auto a = j.find("at"); a != j.end() && a->is_string())
        r.at = QDateTime::fromString(qs(a->get<std::string>()), Qt::ISODateWithMs);
    return r;
}

} // namespace kx
