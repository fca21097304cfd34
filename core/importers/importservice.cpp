// SPDX-License-Identifier: GPL-3.0-or-later
#include "importservice.h"

#include "formats/parquet/parquetfile.h"
#include "importers/columnmappingimporter.h"
#include "importers/hub/hublayout.h"
#include "importers/hub/parquetimporter.h"
#include "importers/hub/parquetkinddetector.h"
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

namespace {

/** One dataset to create: the files of one kind, or one config / split of a Hub layout. */
struct ImportJob
{
    KindDetector::Input input;
    std::unique_ptr<ScenarioConverter> converter; // set for Hub splits; else made from input.kind
    Json hub;                                     // hub_id, config, split, revision, shards; null otherwise
};

/** The datasets a folder or file of Hub parquet shards stands for, one per config and split. */
Result<void> resolveHub(const QString &path, const QString &requestKind, std::vector<ImportJob> &jobs)
{
    auto splits = HubLayout::scan(path);
    if (!splits)
        return splits.error();
    const bool automatic = requestKind.isEmpty() || requestKind == QLatin1String("auto");
    if (!automatic && !ParquetKindDetector::kinds().contains(requestKind))
        return Error::badInput(ImportService::tr("%1: kind \"%2\" has no parquet reader (parquet kinds: %3)")
                                   .arg(path, requestKind, ParquetKindDetector::kinds().join(QStringLiteral(", "))));
    for (const HubSplit &split : std::as_const(*splits)) {
        QString kind = automatic ? QString() : requestKind;
        // Every shard is checked (footers only): a stray file of another schema fails before anything is written.
        for (const QString &file : split.files) {
            auto parquet = ParquetFile::open(file);
            if (!parquet)
                return parquet.error();
            if (!automatic)
                continue;
            auto detected = ParquetKindDetector::detect(**parquet);
            if (!detected)
                return detected.error();
            if (!kind.isEmpty() && *detected != kind)
                return Error::badInput(ImportService::tr("%1: the shard holds %2 rows but the shards before it %3")
                                           .arg(file, *detected, kind));
            kind = *detected;
        }
        ImportJob job;
        job.input = KindDetector::Input{path, kind, split.files};
        job.converter = std::make_unique<ParquetImporter>(kind, split.config, split.split);
        Json hub = Json::object();
        hub["hub_id"] = split.hubId.isEmpty() ? Json() : Json(ss(split.hubId));
        hub["config"] = ss(split.config);
        hub["split"] = ss(split.split);
        hub["revision"] = split.revision.isEmpty() ? Json() : Json(ss(split.revision));
        Json shards = Json::array();
        for (const QString &shard : split.shards)
            shards.push_back(ss(shard));
        hub["shards"] = std::move(shards);
        job.hub = std::move(hub);
        jobs.push_back(std::move(job));
    }
    return {};
}

} // namespace

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
    std::vector<ImportJob> jobs;
    qint64 totalBytes = 0;
    QStringList kinds;
    for (const QString &given : request.paths) {
        // Provenance must still point at the file later, from any working directory.
        const QString path = QDir::isRelativePath(given) ? QDir::current().absoluteFilePath(given) : given;
        const size_t first = jobs.size();
        if (mapping.isEmpty() && HubLayout::holdsParquet(path)) {
            if (auto r = resolveHub(path, requestKind, jobs); !r)
                return r.error();
        } else {
            auto input = KindDetector::resolve(path, requestKind);
            if (!input)
                return input.error();
            jobs.push_back(ImportJob{std::move(*input), nullptr, Json()});
        }
        for (size_t j = first; j < jobs.size(); ++j) {
            for (const QString &file : std::as_const(jobs[j].input.files))
                totalBytes += QFileInfo(file).size();
            if (!kinds.contains(jobs[j].input.kind))
                kinds.append(jobs[j].input.kind);
        }
    }

    auto session = store.beginImport();
    if (!session)
        return session.error();
    ImportProgress progress(control, totalBytes);
    control.report(0, totalBytes);

    ImportOutcome outcome;
    outcome.kind = kinds.join(QStringLiteral(", "));
    for (ImportJob &job : jobs) {
        const KindDetector::Input &input = job.input;
        const std::unique_ptr<ScenarioConverter> converter =
            job.converter ? std::move(job.converter)
            : mapping.isEmpty() ? ScenarioConverter::create(input.kind)
                                : std::make_unique<ColumnMappingImporter>(mapping);
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
        if (job.hub.is_object()) {
            for (auto it = job.hub.begin(); it != job.hub.end(); ++it)
                dataset.metadata[it.key()] = it.value();
        }

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
