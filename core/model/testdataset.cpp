// SPDX-License-Identifier: GPL-3.0-or-later
#include "testdataset.h"

namespace kx {

Json TestDataset::toJson() const
{
    Json j = Json::object();
    j["id"] = id;
    j["name"] = ss(name);
    j["version"] = ss(version);
    j["kind"] = ss(kind);
    j["category"] = ss(categoryKey(category));
    j["source"] = ss(source);
    j["created_at"] = ss(createdAt.toUTC().toString(Qt::ISODate));
    j["scenarios"] = scenarioCount;
    j["baseline_scores"] = baselineScores;
    j["metadata"] = metadata;
    return j;
}

} // namespace kx
