// SPDX-License-Identifier: GPL-3.0-or-later
#include "wowimporter.h"

#include "formats/jsondocumentreader.h"

#include <QFileInfo>

namespace kx {

QString WowImporter::defaultName(const QString &, const QStringList &files) const
{
    return files.size() == 1 ? QStringLiteral("Wizard of Wikipedia ") + QFileInfo(files.first()).completeBaseName()
                             : QStringLiteral("Wizard of Wikipedia");
}

Result<qint64> WowImporter::convertFile(const QString &file, ScenarioSink &sink, ImportProgress &progress) const
{
    auto doc = JsonDocumentReader::read(file);
    if (!doc)
        return doc.error();
    if (!doc->is_array())
        return Error::badInput(tr("%1: a Wizard of Wikipedia file must be a JSON array of dialogs").arg(file));
    progress.beginFile();

    const QString base = QFileInfo(file).completeBaseName();
    const QString split = base.startsWith(QLatin1String("train")) ? QStringLiteral("train")
                          : base.startsWith(QLatin1String("valid")) ? QStringLiteral("validation")
                          : base.startsWith(QLatin1String("test"))  ? QStringLiteral("test")
                                                                    : QString();
    const QString config = base.contains(QLatin1String("random_split")) ? QStringLiteral("random_split")
                           : base.contains(QLatin1String("topic_split")) ? QStringLiteral("topic_split")
                                                                         : QString();
    const QString idPrefix = QStringLiteral("wow_") + base + QLatin1Char('_');

    qint64 added = 0;
    for (size_t i = 0; i < doc->size(); ++i) {
        const Json &dialog = (*doc)[i];
        const qint64 row = qint64(i);
        const auto recordError = [&](const QString &reason) {
            return Error::badInput(tr("%1: dialog %2: %3").arg(file).arg(row).arg(reason));
        };
        if (!dialog.is_object())
            return recordError(tr("a dialog must be a JSON object"));
        const auto turns = dialog.find("dialog");
        if (turns == dialog.end() || !turns->is_array() || turns->empty())
            return recordError(tr("\"dialog\" is missing, empty or not a list"));
        const QString topic = qs(dialog.value("chosen_topic", std::string()));

        TestScenario s;
        s.id = idPrefix + QString::number(row);
        s.name = topic.isEmpty() ? QStringLiteral("Wizard of Wikipedia %1").arg(row)
                                 : QStringLiteral("Wizard of Wikipedia: %1").arg(topic);
        s.category = Category::Synthetic;
        s.expectedCapabilities = {QStringLiteral("knowledge_grounding"), QStringLiteral("factual_recall")};
        if (!topic.isEmpty())
            s.memoryRequirements.append(QStringLiteral("Topic: ") + topic);
        for (size_t t = 0; t < turns->size(); ++t) {
            const Json &turn = (*turns)[t];
            if (!turn.is_object() || !turn.contains("text") || !turn["text"].is_string())
                return recordError(tr("turn %1 has no \"text\" string").arg(t));
            const QString speaker = qs(turn.value("speaker", std::string()));
            const bool wizard = speaker.contains(QLatin1String("Wizard"));
            s.messages.append(ChatMessage{wizard ? QStringLiteral("assistant") : QStringLiteral("user"),
                                          qs(turn["text"].get_ref<const std::string &>()), Json::object()});
            const auto checked = turn.find("checked_sentence");
            if (!wizard || checked == turn.end() || !checked->is_object())
                continue;
            for (const auto &[key, sentence] : checked->items()) {
                if (!sentence.is_string() || key.find("no_passages_used") != std::string::npos)
                    continue;
                const QString text = qs(sentence.get_ref<const std::string &>()).trimmed();
                if (!text.isEmpty() && text != QLatin1String("no_passages_used") && !s.memoryRequirements.contains(text))
                    s.memoryRequirements.append(text);
            }
        }
        s.evaluationCriteria["knowledge_grounding"] = 1.0;
        if (!topic.isEmpty())
            s.evaluationCriteria["topic"] = ss(topic);
        if (dialog.contains("persona"))
            s.extra["apprentice_persona"] = dialog["persona"];
        s.provenance.sourceFile = file;
        s.provenance.config = config;
        s.provenance.split = split;
        s.provenance.row = row;
        if (auto r = sink.add(s); !r)
            return r.error();
        ++added;
        if (!progress.update(0))
            return cancelledError(file);
    }
    if (added == 0)
        return Error::badInput(tr("%1: the file holds no dialogs").arg(file));
    progress.endFile(QFileInfo(file).size());
    return added;
}

} // namespace kx
