// SPDX-License-Identifier: GPL-3.0-or-later
#include "kinddetector.h"

#include "formats/csvreader.h"
#include "formats/jsondocumentreader.h"
#include "formats/jsonlreader.h"
#include "formats/linereader.h"
#include "importers/scenarioconverter.h"

#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace kx {

namespace {

const QString autoKind = QStringLiteral("auto");
const QString unknownKind = QStringLiteral("unknown");

bool isMmluRecord(const CsvReader &csv)
{
    if (csv.fieldCount() != 6)
        return false;
    const QByteArrayView last = csv.field(5).trimmed();
    return last.size() == 1 && last[0] >= 'A' && last[0] <= 'D';
}

/** The first byte that is not blank on the first non-blank line, or 0 for a blank file. */
Result<char> firstSignificantByte(const QString &file)
{
    LineReader lines(file, 64 * 1024);
    if (auto r = lines.open(); !r)
        return r.error();
    QByteArrayView line;
    for (;;) {
        auto more = lines.next(line);
        if (!more)
            return more.error();
        if (!*more)
            return '\0';
        for (const char c : line) {
            if (c != ' ' && c != '\t' && c != '\r')
                return c;
        }
    }
}

/** @p kind, or the kind the file name stands for when the content said nothing (WebShop's plain lists). */
QString orPath(const QString &kind, const QString &file)
{
    return kind == unknownKind ? KindDetector::kindOfPath(file) : kind;
}

bool isEmpatheticHeader(const CsvReader &csv)
{
    QList<QByteArrayView> names;
    for (int i = 0; i < csv.fieldCount(); ++i)
        names.append(csv.field(i).trimmed());
    return names.contains(QByteArrayView("conv_id")) && names.contains(QByteArrayView("utterance_idx"))
           && names.contains(QByteArrayView("speaker_idx")) && names.contains(QByteArrayView("utterance"));
}

/** The kind of one element of a top-level JSON array (the dialog / query lists). */
QString kindOfElement(const Json &first)
{
    if (!first.is_object())
        return unknownKind;
    if (first.contains("personality") && first.contains("utterances"))
        return QStringLiteral("personachat");
    if (first.contains("dialog") && (first.contains("chosen_topic") || first.contains("persona")))
        return QStringLiteral("wow");
    if (first.contains("query") && (first.contains("api_list") || first.contains("query_id")))
        return QStringLiteral("toolbench");
    if (first.contains("conversations") && first.contains("id"))
        return QStringLiteral("toolbench");
    return unknownKind;
}

} // namespace

QString KindDetector::kindOfPath(const QString &file)
{
    const QString name = QFileInfo(file).fileName().toLower();
    if (name.endsWith(QLatin1String(".trans.txt")))
        return QStringLiteral("librispeech");
    if (name == QLatin1String("speaker-info.txt"))
        return QStringLiteral("vctk");
    if (name.endsWith(QLatin1String(".json"))
        && (name.startsWith(QLatin1String("human_goals")) || name.startsWith(QLatin1String("goal_query_map"))
            || (name.startsWith(QLatin1String("items_")) && name.contains(QLatin1String("ins")))))
        return QStringLiteral("webshop");
    return unknownKind;
}

QString KindDetector::kindOfRecord(const Json &record)
{
    if (record.is_array())
        return record.empty() ? unknownKind : kindOfElement(record.front());
    if (!record.is_object())
        return unknownKind;
    if (record.contains("answer_generation"))
        return QStringLiteral("toolbench");
    if (const QString element = kindOfElement(record); element != unknownKind)
        return element; // one dialog / query per JSON Lines record
    if (record.contains("messages") && record.contains("id"))
        return QStringLiteral("scenarios");
    if (record.contains("question") && record.contains("answer"))
        return QStringLiteral("gsm8k");
    const auto examples = record.find("examples");
    if (examples != record.end() && examples->is_array()) {
        if (examples->empty())
            return QStringLiteral("bbh");
        const Json &first = examples->front();
        if (first.is_object() && first.contains("input") && first.contains("target"))
            return QStringLiteral("bbh");
    }
    return unknownKind;
}

Result<KindDetector::Detection> KindDetector::detect(const QString &file)
{
    const QFileInfo info(file);
    if (!info.exists())
        return Error::notFound(tr("%1: no such file or directory").arg(file));
    if (info.size() == 0)
        return Error::badInput(tr("%1: the file is empty").arg(file));
    const QString suffix = info.suffix().toLower();
    const bool knownSuffix = suffix == QLatin1String("jsonl") || suffix == QLatin1String("json")
                             || suffix == QLatin1String("csv");
    const auto unknownFormat = [&file] {
        return Error::badInput(tr("%1: unknown format (not JSONL, JSON or CSV of a known kind)").arg(file));
    };

    // The audio corpora are known by their file names alone; their text is not JSON or CSV.
    if (const QString byName = kindOfPath(file);
        byName == QLatin1String("librispeech") || byName == QLatin1String("vctk"))
        return Detection{QStringLiteral("text"), byName};

    auto first = firstSignificantByte(file);
    if (!first)
        return first.error();
    if (*first == '\0')
        return Error::badInput(tr("%1: the file holds only blank lines").arg(file));

    if (suffix != QLatin1String("csv") && (*first == '{' || *first == '[')) {
        JsonlReader jsonl(file);
        if (auto r = jsonl.open(); !r)
            return r.error();
        Json record;
        auto parsed = jsonl.next(record);
        if (parsed.ok()) {
            // One JSON value on a single line is a document; more lines make it JSON Lines.
            auto second = jsonl.skip();
            const bool oneLine = second.ok() && !*second;
            const bool document = oneLine && (suffix == QLatin1String("json") || !record.is_object()
                                              || record.contains("examples"));
            return Detection{document ? QStringLiteral("json") : QStringLiteral("jsonl"),
                             orPath(kindOfRecord(record), file)};
        }
        if (suffix == QLatin1String("jsonl"))
            return parsed.error();
        // Not one value per line: perhaps a pretty-printed document.
        auto doc = JsonDocumentReader::read(file);
        if (!doc)
            return suffix == QLatin1String("json") ? doc.error() : unknownFormat();
        return Detection{QStringLiteral("json"), orPath(kindOfRecord(*doc), file)};
    }
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("json")) {
        return Error::badInput(tr("%1:1: invalid JSON: the first record does not start with '{' or '['")
                                   .arg(file));
    }

    CsvReader csv(file);
    if (auto r = csv.open(); !r)
        return r.error();
    auto more = csv.next();
    if (!more)
        return suffix == QLatin1String("csv") ? more.error() : unknownFormat();
    if (*more && isMmluRecord(csv))
        return Detection{QStringLiteral("csv"), QStringLiteral("mmlu")};
    if (*more && isEmpatheticHeader(csv))
        return Detection{QStringLiteral("csv"), QStringLiteral("empathetic")};
    if (knownSuffix)
        return Detection{QStringLiteral("csv"), unknownKind};
    return unknownFormat();
}

Result<KindDetector::Input> KindDetector::resolve(const QString &path, const QString &kind)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error::notFound(tr("%1: no such file or directory").arg(path));
    const bool automatic = kind.isEmpty() || kind == autoKind;
    std::unique_ptr<ScenarioConverter> converter;
    if (!automatic) {
        converter = ScenarioConverter::create(kind);
        if (!converter)
            return Error::badInput(tr("unknown kind \"%1\" (expected auto, %2)")
                                       .arg(kind, ScenarioConverter::kinds().join(QStringLiteral(", "))));
    }

    if (!info.isDir()) {
        if (!automatic)
            return Input{path, kind, {path}};
        auto detection = detect(path);
        if (!detection)
            return detection.error();
        if (detection->kind == unknownKind)
            return Error::badInput(tr("%1: unknown format (not JSONL, JSON or CSV of a known kind)").arg(path));
        return Input{path, detection->kind, {path}};
    }

    QStringList candidates;
    QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    const QStringList suffixes = automatic
        ? QStringList{QStringLiteral("jsonl"), QStringLiteral("json"), QStringLiteral("csv")}
        : converter->suffixes();
    while (it.hasNext()) {
        const QString file = it.next();
        // An empty file holds no records (ToolBench ships some empty response examples): nothing to import.
        if (it.fileInfo().size() == 0)
            continue;
        // In auto mode the audio corpora's transcript / speaker files are candidates too.
        const bool take = automatic ? suffixes.contains(QFileInfo(file).suffix().toLower())
                                          || kindOfPath(file) == QLatin1String("librispeech")
                                          || kindOfPath(file) == QLatin1String("vctk")
                                    : converter->accepts(file);
        if (take)
            candidates.append(file);
    }
    std::sort(candidates.begin(), candidates.end());
    if (!automatic) {
        if (candidates.isEmpty())
            return Error::badInput(tr("%1: the folder holds no .%2 files for kind \"%3\"")
                                       .arg(path, suffixes.join(QStringLiteral(", .")), kind));
        return Input{path, kind, candidates};
    }

    Input input{path, QString(), {}};
    QStringList kinds;
    for (const QString &file : std::as_const(candidates)) {
        auto detection = detect(file);
        if (!detection)
            return detection.error(); // a broken file is reported, not silently left out
        if (detection->kind == unknownKind)
            continue;
        if (!kinds.contains(detection->kind))
            kinds.append(detection->kind);
        input.files.append(file);
    }
    if (kinds.isEmpty())
        return Error::badInput(tr("%1: the folder holds no file of a known kind").arg(path));
    if (kinds.size() > 1)
        return Error::badInput(tr("%1: the folder mixes kinds (%2); choose one with --kind")
                                   .arg(path, kinds.join(QStringLiteral(", "))));
    input.kind = kinds.first();
    return input;
}

} // namespace kx
