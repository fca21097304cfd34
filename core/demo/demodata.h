// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenariosink.h"
#include "util/result.h"

#include <QCoreApplication>

namespace kx {

/**
 * The workbench's own demo material: a few hundred scenarios across the four
 * mix categories (benchmark questions, memory and conversation scenarios, tool
 * usage, adversarial cases), written from built-in text, so that a first launch
 * shows a working bench with no download. Deterministic: the same @p seed always
 * writes the same scenarios. Some carry review verdicts so every view has
 * something to show.
 */
class DemoData final
{
    Q_DECLARE_TR_FUNCTIONS(kx::DemoData)

public:
    /** Writes the demo datasets into @p sink; returns the number of scenarios written. */
    static Result<qint64> write(ScenarioSink &sink, quint32 seed = 1);
};

} // namespace kx
