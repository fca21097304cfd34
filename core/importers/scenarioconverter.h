// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/importprogress.h"
#include "importers/scenariosink.h"
#include "model/category.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>

namespace kx {

/**
 * Turns the files of one dataset kind into TestScenarios. One subclass per
 * kind; converters are stateless, so one instance may convert any number of
 * files, on any single thread at a time.
 *
 * A converter only adds scenarios: the caller (ImportService, or a test)
 * begins the dataset on the sink first. Every scenario carries exact
 * provenance: the source file as given, the config (subset, task, subject),
 * the split and the 0-based record index in that file. Scenario ids are
 * `<kind>_<file base name>_<row>`, unique within a folder import.
 */
class ScenarioConverter
{
    Q_DECLARE_TR_FUNCTIONS(kx::ScenarioConverter)

public:
    virtual ~ScenarioConverter() = default;

    /** The kind key stored with the dataset: "gsm8k", "bbh", "mmlu", "scenarios". */
    virtual QString kind() const = 0;
    /** File name suffixes (without dot) this kind reads, to pick files in a folder. */
    virtual QStringList suffixes() const = 0;
    /**
     * Whether a file found while scanning a folder belongs to this kind. The
     * default takes every file with one of suffixes(); the audio corpora
     * narrow it to their transcript / speaker files.
     */
    virtual bool accepts(const QString &file) const;
    /** The category of the dataset built from @p files (the benchmarks are Category::Benchmark). */
    virtual Category datasetCategory(const QStringList &files) const;
    /** A readable default dataset name for @p files imported from @p path. */
    virtual QString defaultName(const QString &path, const QStringList &files) const = 0;
    /**
     * Adds one scenario per record of @p file to the sink's current dataset and
     * returns how many. Stops with Error::Code::Cancelled when @p progress
     * says so; other errors name the file, line or record, and the reason.
     */
    virtual Result<qint64> convertFile(const QString &file, ScenarioSink &sink,
                                       ImportProgress &progress) const = 0;

    /** The converter for @p kind, or nullptr when no converter reads it. */
    static std::unique_ptr<ScenarioConverter> create(const QString &kind);
    /** The kinds create() knows. */
    static QStringList kinds();

protected:
    /** The error returned when @p progress asks to stop. */
    static Error cancelledError(const QString &file);
    /**
     * Adds @p scenario to @p sink, counts it in @p added and reports progress
     * at @p bytesRead of @p file; an error of the sink or a cancel stops the file.
     */
    static Result<void> deliver(ScenarioSink &sink, const TestScenario &scenario, qint64 &added,
                                ImportProgress &progress, qint64 bytesRead, const QString &file);
    /** The end of @p file: an error when it held no record, else it counts as read and @p added is returned. */
    static Result<qint64> finishFile(const QString &file, qint64 added, ImportProgress &progress, qint64 fileSize);
};

} // namespace kx
