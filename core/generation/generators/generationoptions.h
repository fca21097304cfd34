// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/generators/generationmaterial.h"
#include "model/testscenario.h"
#include "util/jsonqt.h"

#include <QList>
#include <QString>

namespace kx {

/**
 * What one generation job asks of a generator. A value type shared by every
 * item of a job: the same options and item index always give the same request
 * and, from the same answer, the same scenarios.
 */
struct GenerationOptions
{
    qint64 seed = 0;                    ///< picks the material and goes into provenance
    QString backend = QStringLiteral("offline"); ///< backend key written to provenance
    QString model;                      ///< model written to the request and provenance
    double temperature = -1;            ///< < 0: the template's default
    Json parameters = Json::object();   ///< generator-specific; overrides the template's "defaults"
    GenerationMaterial material;        ///< profiles, personas, facts, domains, questions
    QList<TestScenario> parents;        ///< the scenarios to augment (augment generator only)
};

} // namespace kx
