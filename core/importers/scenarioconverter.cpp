// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenarioconverter.h"

#include "importers/bbhimporter.h"
#include "importers/columnmappingimporter.h"
#include "importers/empatheticimporter.h"
#include "importers/gsm8kimporter.h"
#include "importers/librispeechimporter.h"
#include "importers/mmluimporter.h"
#include "importers/personachatimporter.h"
#include "importers/scenariojsonlimporter.h"
#include "importers/toolbenchimporter.h"
#include "importers/vctkimporter.h"
#include "importers/webshopimporter.h"
#include "importers/wowimporter.h"

#include <QFileInfo>

namespace kx {

bool ScenarioConverter::accepts(const QString &file) const
{
    return suffixes().contains(QFileInfo(file).suffix().toLower());
}

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
    if (kind == QLatin1String("empathetic"))
        return std::make_unique<EmpatheticImporter>();
    if (kind == QLatin1String("librispeech"))
        return std::make_unique<LibriSpeechImporter>();
    if (kind == QLatin1String("vctk"))
        return std::make_unique<VctkImporter>();
    if (kind == QLatin1String("toolbench"))
        return std::make_unique<ToolBenchImporter>();
    if (kind == QLatin1String("webshop"))
        return std::make_unique<WebShopImporter>();
    if (kind == QLatin1String("personachat"))
        return std::make_unique<PersonaChatImporter>();
    if (kind == QLatin1String("wow"))
        return std::make_unique<WowImporter>();
    if (kind == QLatin1String("generic"))
        return std::make_unique<ColumnMappingImporter>(); // ImportService passes the mapping itself
    if (kind == QLatin1String("scenarios"))
        return std::make_unique<ScenarioJsonlImporter>();
    return nullptr;
}

QStringList ScenarioConverter::kinds()
{
    return {QStringLiteral("gsm8k"), QStringLiteral("bbh"), QStringLiteral("mmlu"),
            QStringLiteral("personachat"), QStringLiteral("wow"), QStringLiteral("empathetic"), QStringLiteral("librispeech"), QStringLiteral("vctk"),
            QStringLiteral("toolbench"), QStringLiteral("webshop"), QStringLiteral("scenarios")};
}

Error ScenarioConverter::cancelledError(const QString &file)
{
    return Error::cancelled(tr("%1: the import was cancelled").arg(file));
}

Result<void> ScenarioConverter::deliver(ScenarioSink &sink, const TestScenario &scenario, qint64 &added,
                                        ImportProgress &progress, qint64 bytesRead, const QString &file)
{
    if (auto r = sink.add(scenario); !r)
        return r.error();
    ++added;
    if (!progress.update(bytesRead))
        return cancelledError(file);
    return {};
}

Result<qint64> ScenarioConverter::finishFile(const QString &file, qint64 added, ImportProgress &progress,
                                             qint64 fileSize)
{
    if (added == 0)
        return Error::badInput(tr("%1: the file holds no records").arg(file));
    progress.endFile(fileSize);
    return added;
}

} // namespace kx
