// SPDX-License-Identifier: GPL-3.0-or-later
#include "personachatimporter.h"

#include "formats/jsondocumentreader.h"

#include <QFileInfo>

namespace kx {

namespace {

bool isStringList(const Json &j)
{
    if (!j.is_array())
        return false;
    for (const Json &e : j) {
        if (!e.is_string())
            return false;
    }
    return true;
}

} // namespace

QString PersonaChatImporter::defaultName(const QString &, const QStringList &files) const
{
    return files.size() == 1 ? QStringLiteral("PersonaChat ") + QFileInfo(files.first()).completeBaseName()
                             : QStringLiteral("PersonaChat");
}

Result<qint64> PersonaChatImporter::convertFile(const QString &file, ScenarioSink &sink,
                                                ImportProgress &progress) const
{
    auto doc = JsonDocumentReader::read(file);
    if (!doc)
        return doc.error();
    if (!doc->is_array())
        return Error::badInput(tr("%1: a PersonaChat file must be a JSON array of dialogues").arg(file));
    progress.beginFile();

    const QString base = QFileInfo(file).completeBaseName();
    const QString lower = base.toLower();
    const QString split = lower.contains(QLatin1String("train")) ? QStringLiteral("train")
                          : lower.contains(QLatin1String("valid")) ? QStringLiteral("validation")
                                                                   : QString();
    const QString config = lower.contains(QLatin1String("_full")) ? QStringLiteral("full")
                           : lower.contains(QLatin1String("_sample")) ? QStringLiteral("sample")
                                                                      : QString();
    const QString idPrefix = QStringLiteral("personachat_") + base + QLatin1Char('_');

    qint64 added = 0;
    for (size_t i = 0; i < doc->size(); ++i) {
        const Json &dialog = (*doc)[i];
        const qint64 row = qint64(i);
        const auto recordError = [&](const QString &reason) {
            return Error::badInput(tr("%1: dialogue %2: %3").arg(file).arg(row).arg(reason));
        };
        if (!dialog.is_object())
            return recordError(tr("a dialogue must be a JSON object"));
        const auto personality = dialog.find("personality");
        if (personality == dialog.end() || !isStringList(*personality))
            return recordError(tr("\"personality\" is missing or not a list of strings"));
        const auto utterances = dialog.find("utterances");
        if (utterances == dialog.end() || !utterances->is_array() || utterances->empty())
            return recordError(tr("\"utterances\" is missing, empty or not a list"));
        const Json &last = utterances->back();
        if (!last.is_object() || !last.contains("history") || !isStringList(last["history"]))
            return recordError(tr("the last utterance has no \"history\" list of strings"));
        if (!last.contains("candidates") || !isStringList(last["candidates"]) || last["candidates"].empty())
            return recordError(tr("the last utterance has no \"candidates\" list of strings"));

        TestScenario s;
        s.id = idPrefix + QString::number(row);
        s.name = QStringLiteral("PersonaChat %1 %2").arg(base).arg(row);
        s.category = Category::Synthetic;
        s.expectedCapabilities = {QStringLiteral("persona_consistency"), QStringLiteral("memory_recall")};
        for (const Json &sentence : *personality)
            s.memoryRequirements.append(qs(sentence.get_ref<const std::string &>()).trimmed());
        const Json &history = last["history"];
        // The partner opens and the persona holder answers: counted from the end, the last turn is the user's.
        const size_t n = history.size();
        for (size_t t = 0; t < n; ++t) {
            const bool user = (n - 1 - t) % 2 == 0;
            s.messages.append(ChatMessage{user ? QStringLiteral("user") : QStringLiteral("assistant"),
                                          qs(history[t].get_ref<const std::string &>()), Json::object()});
        }
        s.evaluationCriteria["expected_response"] = last["candidates"].back();
        s.evaluationCriteria["persona_consistency"] = 1.0;
        s.provenance.sourceFile = file;
        s.provenance.config = config;
        s.provenance.split = split;
        s.provenance.row = row;
        s.provenance.extra["utterances"] = utterances->size();
        if (auto r = sink.add(s); !r)
            return r.error();
        ++added;
        if (!progress.update(0))
            return cancelledError(file);
    }
    if (added == 0)
        return Error::badInput(tr("%1: the file holds no dialogues").arg(file));
    progress.endFile(QFileInfo(file).size());
    return added;
}

} // namespace kx
