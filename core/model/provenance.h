// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jsonqt.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

namespace kx {

/**
 * Where a scenario came from: a source file, its config / split and row (for
 * imports), or the generator, backend, model, prompt template and seed (for
 * generated scenarios), plus the scenarios it was derived from.
 * Empty strings and a row / seed of -1 mean "not known" and are not written.
 */
struct Provenance
{
    QString sourceFile;
    QString config;     ///< Hub config, BBH task or MMLU subject
    QString split;
    qint64 row = -1;    ///< 0-based record index in the source file
    QString generator;
    QString backend;
    QString model;
    QString promptTemplate;
    qint64 seed = -1;
    QStringList parents;
    Json extra = Json::object();

    Json toJson() const;
    static Result<Provenance> fromJson(const Json &j);
    bool operator==(const Provenance &) const = default;
};

} // namespace kx
