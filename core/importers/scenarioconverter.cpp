// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenarioconverter.h"

#include "importers/bbhimporter.h"
#include "importers/gsm8kimporter.h"
#include "importers/mmluimporter.h"
#include "importers/scenariojsonlimporter.h"

namespace kx {

Category ScenarioConverter::datasetCategory(const QStringList &) const
{
    return Category::Benchmark;
}

std::unique_ptr<ScenarioConverter> ScenarioConverter::create(const QString &kind)
{
    if (kind == QLatin1String("gsm8k"))
        return std::make_unique<Gsm8kImporter>();
    if (kind == QLatin1String("bbh"))
        return std::make_unique<BbhImporter>();
    if (kind == QLatin1String("mmlu"))
        return std::make_unique<MmluImporter>();
    if (kind == QLatin1String("scenarios"))
        return std::make_unique<ScenarioJsonlImporter>();
    return nullptr;
}

QStringList ScenarioConverter::kinds()
{
    return {QStringLiteral("gsm8k"), QStringLiteral("bbh"), QStringLiteral("mmlu"), QStringLiteral("scenarios")};
}

Error ScenarioConverter::cancelledError(const QString &file)
{
    return Error::cancelled(tr("%1: the import was cancelled").arg(file));
}

} // namespace kx
