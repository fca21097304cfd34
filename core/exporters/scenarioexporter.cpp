// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenarioexporter.h"

#include "formats/parquet/scenarioparquetwriter.h"
#include "store/workspacestore.h"

#include <QElapsedTimer>
#include <QSaveFile>

namespace kx {

ScenarioExporter::Format ScenarioExporter::formatForPath(const QString &path)
{
    return path.endsWith(QLatin1String(".parquet"), Qt::CaseInsensitive) ? Format::Parquet : Format::Jsonl;
}

std::optional<ScenarioExporter::Format> ScenarioExporter::formatFromKey(QStringView key)
{
    if (key == QLatin1String("jsonl"))
        return Format::Jsonl;
    if (key == QLatin1String("parquet"))
        return Format::Parquet;
    return std::nullopt;
}

Result<ExportOutcome> ScenarioExporter::run(const WorkspaceStore &store, const ScenarioFilter &filter,
                                            const QString &path, Format format)
{
    return write(path, format, [&](const ScenarioVisitor &visit) { return store.forEachScenario(filter, visit); });
}

Result<ExportOutcome> ScenarioExporter::write(const QString &path, Format format, const ScenarioSource &source)
{
    QElapsedTimer timer;
    timer.start();
    ExportOutcome outcome;

    if (format == Format::Parquet) {
        auto writer = ScenarioParquetWriter::create(path);
        if (!writer)
            return writer.error();
        const auto done = source([&](const TestScenario &s) -> Result<void> {
            ++outcome.scenarios;
            return (*writer)->writeScenario(s);
        });
        if (!done) {
            (*writer)->abort();
            return done.error();
        }
        if (auto closed = (*writer)->close(); !closed)
            return closed.error();
    } else {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return Error::io(tr("%1: cannot write: %2").arg(path, file.errorString()));
        const auto done = source([&](const TestScenario &s) -> Result<void> {
            const QByteArray line = QByteArray::fromStdString(dumpCompact(s.toJson())) + '\n';
            if (file.write(line) != line.size())
                return Error::io(tr("%1: write failed: %2").arg(path, file.errorString()));
            ++outcome.scenarios;
            return {};
        });
        if (!done) {
            file.cancelWriting();
            return done.error();
        }
        if (!file.commit())
            return Error::io(tr("%1: cannot write: %2").arg(path, file.errorString()));
    }
    outcome.seconds = double(timer.nsecsElapsed()) / 1e9;
    return outcome;
}

} // namespace kx
