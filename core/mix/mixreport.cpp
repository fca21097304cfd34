// SPDX-License-Identifier: GPL-3.0-or-later
#include "mixreport.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kx {

namespace {

/** Allowance for ratios such as 40 / 0.4 = 99.99999999999999. */
constexpr double ratioSlack = 1e-9;

bool sameSource(const MixReport::Source &a, const MixReport::Source &b)
{
    return a.category == b.category && a.datasetId == b.datasetId && a.name == b.name && a.kind == b.kind;
}

Json perCategory(const CategoryCounts &counts)
{
    Json j = Json::object();
    for (Category c : allCategories)
        j[ss(categoryKey(c))] = counts[std::size_t(c)];
    return j;
}

} // namespace

Result<MixReport> MixReport::build(const MixTarget &target, const QList<Source> &sources)
{
    if (auto ok = target.validate(); !ok)
        return ok.error();

    MixReport report;
    report.m_target = target;
    for (const Source &s : sources) {
        const QString where = tr("source \"%1\" (%2, %3)").arg(s.name, s.kind, categoryKey(s.category));
        if (s.accepted < 0 || s.reviewed < 0 || s.total < 0)
            return Error::badInput(tr("Negative scenario count for %1.").arg(where));
        if ((s.reviewed > 0 && s.accepted > s.reviewed) || (s.total > 0 && s.accepted > s.total)
            || (s.total > 0 && s.reviewed > s.total))
            return Error::badInput(tr("Inconsistent counts for %1: %2 accepted, %3 reviewed, %4 in all.")
                                       .arg(where).arg(s.accepted).arg(s.reviewed).arg(s.total));

        const std::size_t i = std::size_t(s.category);
        report.m_accepted[i] += s.accepted;
        report.m_reviewed[i] += s.reviewed;
        report.m_total[i] += s.total;

        auto same = std::find_if(report.m_sources.begin(), report.m_sources.end(),
                                 [&](const Source &o) { return sameSource(o, s); });
        if (same == report.m_sources.end()) {
            report.m_sources.append(s);
        } else {
            same->accepted += s.accepted;
            same->reviewed += s.reviewed;
            same->total += s.total;
        }
    }

    std::sort(report.m_sources.begin(), report.m_sources.end(), [](const Source &a, const Source &b) {
        if (a.category != b.category)
            return a.category < b.category;
        if (a.accepted != b.accepted)
            return a.accepted > b.accepted;
        if (a.name != b.name)
            return a.name < b.name;
        if (a.kind != b.kind)
            return a.kind < b.kind;
        return a.datasetId < b.datasetId;
    });
    return report;
}

qint64 MixReport::acceptedTotal() const
{
    qint64 n = 0;
    for (qint64 v : m_accepted)
        n += v;
    return n;
}

qint64 MixReport::scenarioTotal() const
{
    qint64 n = 0;
    for (qint64 v : m_total)
        n += v;
    return n;
}

double MixReport::share(Category c) const
{
    const qint64 all = acceptedTotal();
    return all > 0 ? double(count(c)) / double(all) : 0.0;
}

QList<MixReport::Source> MixReport::sources(Category c) const
{
    QList<Source> out;
    for (const Source &s : m_sources)
        if (s.category == c)
            out.append(s);
    return out;
}

double MixReport::sourceShare(const Source &source) const
{
    const qint64 inCategory = count(source.category);
    return inCategory > 0 ? double(source.accepted) / double(inCategory) : 0.0;
}

double MixReport::rawGap(Category c, qint64 suiteSize) const
{
    return m_target.share(c) * double(suiteSize) - double(count(c));
}

qint64 MixReport::gap(Category c, qint64 suiteSize) const
{
    return m_target.apportion(suiteSize)[std::size_t(c)] - count(c);
}

qint64 MixReport::honouredSize() const
{
    double best = std::numeric_limits<double>::infinity();
    for (Category c : allCategories) {
        const double t = m_target.share(c);
        if (t > 0)
            best = std::min(best, double(count(c)) / t);
    }
    return std::isfinite(best) ? qint64(std::floor(best + ratioSlack)) : 0;
}

qint64 MixReport::closingSize() const
{
    double best = 0;
    for (Category c : allCategories) {
        const double t = m_target.share(c);
        if (t > 0)
            best = std::max(best, double(count(c)) / t);
    }
    return qint64(std::ceil(best - ratioSlack));
}

Json MixReport::toJson(qint64 suiteSize) const
{
    const qint64 size = suiteSize < 0 ? closingSize() : suiteSize;

    Json actual = Json::object();
    Json gaps = Json::object();
    Json bySource = Json::object();
    for (Category c : allCategories) {
        const std::string key = ss(categoryKey(c));
        actual[key] = Json{{"count", count(c)}, {"share", share(c)}};
        gaps[key] = gap(c, size);
        Json list = Json::array();
        for (const Source &s : sources(c)) {
            list.push_back(Json{{"dataset_id", s.datasetId},
                                {"name", ss(s.name)},
                                {"kind", ss(s.kind)},
                                {"count", s.accepted},
                                {"share", sourceShare(s)},
                                {"reviewed", s.reviewed},
                                {"scenarios", s.total}});
        }
        bySource[key] = std::move(list);
    }

    Json j = Json::object();
    j["target"] = m_target.toJson();
    j["actual"] = std::move(actual);
    j["accepted"] = acceptedTotal();
    j["scenarios"] = scenarioTotal();
    j["reviewed"] = perCategory(m_reviewed);
    j["totals"] = perCategory(m_total);
    j["honoured_size"] = honouredSize();
    j["closing_size"] = closingSize();
    j["suite_size"] = size;
    j["gap"] = std::move(gaps);
    j["sources"] = std::move(bySource);
    return j;
}

} // namespace kx
