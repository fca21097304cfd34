// SPDX-License-Identifier: GPL-3.0-or-later
#include "gsm8kimporter.h"

#include "formats/jsonlreader.h"

#include <QFileInfo>

#include <algorithm>
#include <cctype>

namespace kx {

namespace {

/** The file name up to its first dot: "test_socratic.first50.jsonl" -> "test_socratic". */
QString stemOf(const QString &file)
{
    const QString name = QFileInfo(file).fileName();
    const qsizetype dot = name.indexOf(QLatin1Char('.'));
    return dot < 0 ? name : name.left(dot);
}

const std::string *stringField(const Json &record, const char *key)
{
    const auto it = record.find(key);
    return it != record.end() && it->is_string() ? &it->get_ref<const std::string &>() : nullptr;
}

} // namespace

QString Gsm8kImporter::splitOf(const QString &file)
{
    const QString stem = stemOf(file);
    if (stem.startsWith(QLatin1String("test")))
        return QStringLiteral("test");
    if (stem.startsWith(QLatin1String("train")))
        return QStringLiteral("train");
    return {};
}

QString Gsm8kImporter::configOf(const QString &file)
{
    return stemOf(file).contains(QLatin1String("socratic")) ? QStringLiteral("socratic") : QStringLiteral("main");
}

QString Gsm8kImporter::defaultName(const QString &, const QStringList &files) const
{
    QString split;
    for (const QString &f : files) {
        const QString s = splitOf(f);
        if (s.isEmpty() || (!split.isEmpty() && s != split))
            return QStringLiteral("GSM8K");
        split = s;
    }
    return split.isEmpty() ? QStringLiteral("GSM8K") : QStringLiteral("GSM8K ") + split;
}

Result<qint64> Gsm8kImporter::convertFile(const QString &file, ScenarioSink &sink,
                                          ImportProgress &progress) const
{
    JsonlReader reader(file);
    if (auto r = reader.open(); !r)
        return r.error();
    progress.beginFile();

    const QString split = splitOf(file);
    const QString config = configOf(file);
    // "gsm8k_test_" + row: the whole base name keeps ids unique across the files of a folder
    // (the store refuses a repeated id within a dataset).
    const QString idPrefix = QStringLiteral("gsm8k_") + QFileInfo(file).completeBaseName() + QLatin1Char('_');
    const QString namePrefix = split.isEmpty() ? QStringLiteral("GSM8K ") : QStringLiteral("GSM8K %1 ").arg(split);

    TestScenario scenario;
    scenario.category = Category::Benchmark;
    scenario.expectedCapabilities = {QStringLiteral("mathematical_reasoning"),
                                     QStringLiteral("multi_step_reasoning")};
    scenario.provenance.sourceFile = file;
    scenario.provenance.config = config;
    scenario.provenance.split = split;
    scenario.messages = {ChatMessage{QStringLiteral("user"), QString(), Json::object()}};

    Json record;
    qint64 added = 0;
    for (;;) {
        auto more = reader.next(record);
        if (!more)
            return more.error();
        if (!*more)
            break;
        if (!record.is_object())
            return Error::badInput(reader.errorAt(tr("a GSM8K record must be a JSON object")));
        const std::string *question = stringField(record, "question");
        const std::string *answer = stringField(record, "answer");
        if (!question)
            return Error::badInput(reader.errorAt(tr("\"question\" is missing or not a string")));
        if (!answer)
            return Error::badInput(reader.errorAt(tr("\"answer\" is missing or not a string")));
        const size_t mark = answer->rfind("####");
        if (mark == std::string::npos)
            return Error::badInput(reader.errorAt(tr("\"answer\" has no final \"####\" line")));

        const qint64 row = reader.recordIndex();
        const QString number = QString::number(row);
        scenario.id = idPrefix + number;
        scenario.name = namePrefix + number;
        scenario.messages[0].content = qs(*question);
        scenario.provenance.row = row;
        Json criteria = Json::object();
        std::string expected = answer->substr(mark + 4);
        const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
        expected.erase(expected.begin(), std::find_if(expected.begin(), expected.end(), notSpace));
        expected.erase(std::find_if(expected.rbegin(), expected.rend(), notSpace).base(), expected.end());
        criteria["expected_answer"] = std::move(expected);
        criteria["exact_match"] = 1.0;
        criteria["reference_solution"] = *answer;
        scenario.evaluationCriteria = std::move(criteria);

        if (auto r = deliver(sink, scenario, added, progress, reader.bytesRead(), file); !r)
            return r.error();
    }
    return finishFile(file, added, progress, reader.size());
}

} // namespace kx
