// SPDX-License-Identifier: GPL-3.0-or-later
#include "importservice.h"

#include "importers/columnmappingimporter.h"
#include "importers/importprogress.h"
#include "importers/kinddetector.h"
#include "importers/scenarioconverter.h"
#include "importers/scenariopipeline.h"
#include "store/workspacestore.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

namespace kx {

Result<ImportOutcome> ImportService::run(WorkspaceStore &store, const ImportRequest &request,
                                         const WorkControl &control)
{
    QElapsedTimer timer;
    timer.start();
    if (request.paths.isEmpty())
        return Error::badInput(tr("nothing to import: no path given"));

    // A column mapping makes this a generic import; a bad mapping fails before anything is read.
    QHash<QString, QString> mapping;
    if (!request.mapping.isEmpty()) {
        auto parsed = ColumnMappingImporter::parseMapping(request.mapping);
        if (!parsed)
            return parsed.error();
        mapping = std::move(*parsed);
    }
    const QString requestKind = mapping.isEmpty() ? request.kind : QStringLiteral("generic");

    // Resolve every path first: a bad path or an unknown format fails before the store is touched.
    QList<KindDetector::Input> inputs;
    qint64 totalBytes = 0;
    QStringList kinds;
    for (const QString &given : request.paths) {
        // Provenance must still point at the file later, from any working directory.
        const QString path = QDir::isRelativePath(given) ? QDir::current().absoluteFilePath(given) : given;
        auto input = KindDetector::resolve(path, requestKind);
        if (!input)
            return input.error();
        for (const QString &file : std::as_const(input->files))
            totalBytes += QFileInfo(file).size();
        if (!kinds.contains(input->kind))
            kinds.append(input->kind);
        inputs.append(std::move(*input));
    }

    auto session = store.beginImport();
    if (!session)
        return session.error();
    ImportProgress progress(control, totalBytes);
    control.report(0, totalBytes);

    ImportOutcome outcome;
    outcome.kind = kinds.join(QStringLiteral(", "));
    for (const KindDetector::Input &input : std::as_const(inputs)) {
        const std::unique_ptr<ScenarioConverter> converter =
            mapping.isEmpty() ? ScenarioConverter::create(input.kind) : std::make_unique<ColumnMappingImporter>(mapping);
        if (!converter)
            return Error::badInput(tr("%1: no converter for kind \"%2\"").arg(input.path, input.kind));

        TestDataset dataset;
        dataset.name = request.name.isEmpty() ? converter->defaultName(input.path, input.files) : request.name;
        dataset.kind = input.kind;
        dataset.category = converter->datasetCategory(input.files);
        dataset.source = input.path;
        dataset.createdAt = QDateTime::currentDateTimeUtc();
        Json files = Json::array();
        for (const QString &file : input.files)
            files.push_back(ss(file));
        dataset.metadata["files"] = std::move(files);
        dataset.metadata["kind"] = ss(input.kind);

        auto id = (*session)->beginDataset(dataset);
        if (!id)
            return id.error();
        outcome.datasetIds.append(*id);
        for (const QString &file : input.files) {
            if (progress.isCancelled())
                return Error::cancelled(tr("%1: the import was cancelled").arg(file));
            // Parsing runs on a second thread while this one writes to the store.
            auto added = ScenarioPipeline::run(
                [&](ScenarioSink &sink) { return converter->convertFile(file, sink, progress); }, **session);
            if (!added)
                return added.error(); // the session's destructor rolls everything back
            outcome.scenarios += *added;
        }
    }
    // A cancel that arrives after the last row still wins: nothing is committed.
    if (progress.isCancelled())
        return Error::cancelled(tr("the import was cancelled"));
    if (auto r = (*session)->commit(); !r)
        return r.error();
    outcome.seconds = double(timer.nsecsElapsed()) / 1e9;
    return outcome;
}

} // namespace kx
