// SPDX-License-Identifier: GPL-3.0-or-later
#include "parquetimporter.h"

#include "formats/parquet/parquetfile.h"
#include "importers/hub/parquetkinddetector.h"
#include "importers/hub/parquetrowmapper.h"
#include "importers/importprogress.h"

#include <QFileInfo>

namespace kx {

ParquetImporter::ParquetImporter(QString kind, QString config, QString split)
    : m_kind(std::move(kind))
    , m_config(std::move(config))
    , m_split(std::move(split))
{
}

Category ParquetImporter::datasetCategory(const QStringList &) const
{
    if (m_kind == QLatin1String("personachat") || m_kind == QLatin1String("empathetic")
        || m_kind == QLatin1String("wow"))
        return Category::Synthetic;
    if (m_kind == QLatin1String("toolbench") || m_kind == QLatin1String("webshop"))
        return Category::ToolUsage;
    return Category::Benchmark;
}

QString ParquetImporter::defaultName(const QString &, const QStringList &) const
{
    static const QHash<QString, QString> titles = {
        {QStringLiteral("gsm8k"), QStringLiteral("GSM8K")},
        {QStringLiteral("mmlu"), QStringLiteral("MMLU")},
        {QStringLiteral("bbh"), QStringLiteral("BIG-Bench Hard")},
        {QStringLiteral("personachat"), QStringLiteral("PersonaChat")},
        {QStringLiteral("empathetic"), QStringLiteral("EmpatheticDialogues")},
        {QStringLiteral("wow"), QStringLiteral("Wizard of Wikipedia")},
        {QStringLiteral("toolbench"), QStringLiteral("ToolBench")},
        {QStringLiteral("webshop"), QStringLiteral("WebShop")},
        {QStringLiteral("librispeech"), QStringLiteral("LibriSpeech")},
        {QStringLiteral("vctk"), QStringLiteral("VCTK")},
        {QStringLiteral("audio"), QStringLiteral("Audio")},
    };
    return titles.value(m_kind, m_kind) + QLatin1Char(' ') + m_config + QLatin1Char(' ') + m_split;
}

Result<qint64> ParquetImporter::convertFile(const QString &file, ScenarioSink &sink, ImportProgress &progress) const
{
    auto opened = ParquetFile::open(file);
    if (!opened)
        return opened.error();
    ParquetFile &parquet = **opened;
    progress.beginFile();
    const qint64 fileSize = QFileInfo(file).size();
    const qint64 totalRows = std::max<qint64>(1, parquet.rowCount());

    ParquetRowMapper mapper(m_kind, ParquetKindDetector::columnsOf(parquet), QFileInfo(file).absoluteFilePath(),
                            m_config, m_split);
    // Nothing binary is inlined: an audio column left in the projection by --kind still stays a reference.
    ParquetReadOptions options;
    options.inlineBinaryLimit = 0;
    const QStringList columns = mapper.projection();

    qint64 added = 0;
    qint64 fileRow = 0;
    QList<TestScenario> ready;
    const auto flush = [&]() -> Result<void> {
        for (const TestScenario &s : std::as_const(ready)) {
            if (auto r = sink.add(s); !r)
                return r.error();
            ++added;
        }
        ready.clear();
        return {};
    };
    for (int g = 0; g < parquet.rowGroupCount(); ++g) {
        auto batch = parquet.readRowGroup(g, columns, options);
        if (!batch)
            return batch.error();
        for (size_t r = 0; r < batch->rows.size(); ++r, ++fileRow) {
            if (auto m = mapper.map(batch->rows[r], g, qint64(r), fileRow, ready); !m)
                return m.error();
            if (auto f = flush(); !f)
                return f.error();
            if (!progress.update(fileSize * fileRow / totalRows))
                return cancelledError(file);
        }
    }
    mapper.finish(ready);
    if (auto f = flush(); !f)
        return f.error();
    if (added == 0)
        return Error::badInput(tr("%1: the file holds no rows").arg(file));
    progress.endFile(fileSize);
    return added;
}

} // namespace kx
