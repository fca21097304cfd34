// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance.h"

#include <QCoreApplication>

namespace kx {

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(kx::Provenance) };
}

Json Provenance::toJson() const
{
    Json j = Json::object();
    auto put = [&j](const char *key, const QString &v) { if (!v.isEmpty()) j[key] = ss(v); };
    put("source_file", sourceFile);
    put("config", config);
    put("split", split);
    if (row >= 0)
        j["row"] = row;
    put("generator", generator);
    put("backend", backend);
    put("model", model);
    put("prompt_template", promptTemplate);
    if (seed >= 0)
        j["seed"] = seed;
    if (!parents.isEmpty())
        j["parents"] = fromStringList(parents);
    for (const auto &[k, v] : extra.items())
        j[k] = v;
    return j;
}

Result<Provenance> Provenance::fromJson(const Json &j)
{
    Provenance p;
    if (j.is_null())
        return p;
    if (!j.is_object())
        return Error::badInput(Tr::tr("\"provenance\" must be an object"));
    for (const auto &[key, value] : j.items()) {
        QString *target = nullptr;
        if (key == "source_file") target = &p.sourceFile;
        else if (key == "config") target = &p.config;
        else if (key == "split") target = &p.split;
        else if (key == "generator") target = &p.generator;
        else if (key == "backend") target = &p.backend;
        else if (key == "model") target = &p.model;
        else if (key == "prompt_template") target = &p.promptTemplate;
        if (target && value.is_string()) {
            *target = qs(value.get_ref<const std::string &>());
        } else if (key == "row" && value.is_number_integer() && value.get<qint64>() >= 0) {
            p.row = value.get<qint64>();
        } else if (key == "seed" && value.is_number_integer() && value.get<qint64>() >= 0) {
            p.seed = value.get<qint64>();
        } else if (key == "parents" && value.is_array()) {
            p.parents = toStringList(value);
        } else {
            p.extra[key] = value; // anything we do not model is kept as it was
        }
    }
    return p;
}

} // namespace kx
