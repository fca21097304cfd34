// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariojsonlimporter.h"

#include "formats/jsonlreader.h"

#include <QFileInfo>

namespace kx {

Category ScenarioJsonlImporter::datasetCategory(const QStringList &files) const
{
    if (files.isEmpty())
        return Category::Synthetic;
    JsonlReader reader(files.first());
    Json record;
    if (!reader.open() || !reader.next(record).ok() || !record.is_object())
        return Category::Synthetic; // the import itself will report the problem
    const auto it = record.find("category");
    const auto c = it != record.end() && it->is_string() ? categoryFromKey(qs(it->get_ref<const std::string &>()))
                                                         : std::nullopt;
    return c.value_or(Category::Benchmark);
}

QString ScenarioJsonlImporter::defaultName(const QString &path, const QStringList &) const
{
    const QFileInfo info(path);
    return info.isDir() ? info.fileName() : info.completeBaseName();
}

Result<qint64> ScenarioJsonlImporter::convertFile(const QString &file, ScenarioSink &sink,
                                                  ImportProgress &progress) const
{
    JsonlReader reader(file);
    if (auto r = reader.open(); !r)
        return r.error();
    progress.beginFile();
    Json record;
    qint64 added = 0;
    for (;;) {
        auto more = reader.next(record);
        if (!more)
            return more.error();
        if (!*more)
            break;
        auto scenario = TestScenario::fromJson(record);
        if (!scenario)
            return Error::badInput(reader.errorAt(scenario.error().message));
        if (auto r = deliver(sink, *scenario, added, progress, reader.bytesRead(), file); !r)
            return r.error();
    }
    return finishFile(file, added, progress, reader.size());
}

} // namespace kx
