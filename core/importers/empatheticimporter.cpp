// SPDX-License-Identifier: GPL-3.0-or-later
#include "empatheticimporter.h"

#include "formats/csvreader.h"

#include <QFileInfo>
#include <QSet>

namespace kx {

QString EmpatheticImporter::splitOf(const QString &file)
{
    const QString base = QFileInfo(file).baseName().toLower();
    if (base.startsWith(QLatin1String("train")))
        return QStringLiteral("train");
    if (base.startsWith(QLatin1String("valid")))
        return QStringLiteral("validation");
    if (base.startsWith(QLatin1String("test")))
        return QStringLiteral("test");
    return {};
}

QStringList EmpatheticImporter::requiredColumns()
{
    return {QStringLiteral("conv_id"), QStringLiteral("utterance_idx"), QStringLiteral("context"),
            QStringLiteral("prompt"), QStringLiteral("speaker_idx"), QStringLiteral("utterance")};
}

QString EmpatheticImporter::restoreCommas(QString text)
{
    return text.replace(QLatin1String("_comma_"), QLatin1String(","));
}

QString EmpatheticImporter::defaultName(const QString &, const QStringList &files) const
{
    const QString split = files.size() == 1 ? splitOf(files.first()) : QString();
    return split.isEmpty() ? QStringLiteral("EmpatheticDialogues") : QStringLiteral("EmpatheticDialogues ") + split;
}

namespace {

/** The conversation being collected while the rows of one conv_id stream by. */
struct Conversation
{
    QString convId;
    QString firstSpeaker;
    qint64 firstRow = -1;
    qint64 lastRow = -1;
    TestScenario scenario;
};

} // namespace

Result<qint64> EmpatheticImporter::convertFile(const QString &file, ScenarioSink &sink,
                                               ImportProgress &progress) const
{
    // Header mode makes every row match the header's field count: a ragged row fails with its line.
    CsvReader reader(file, CsvReader::Options{true, 0, ','});
    if (auto r = reader.open(); !r)
        return r.error();
    progress.beginFile();

    const QStringList header = reader.header();
    for (const QString &column : requiredColumns()) {
        if (!header.contains(column))
            return Error::badInput(tr("%1:1: the header has no \"%2\" column (found: %3)")
                                       .arg(file, column, header.join(QStringLiteral(", "))));
    }
    const int convCol = int(header.indexOf(QStringLiteral("conv_id")));
    const int contextCol = int(header.indexOf(QStringLiteral("context")));
    const int promptCol = int(header.indexOf(QStringLiteral("prompt")));
    const int speakerCol = int(header.indexOf(QStringLiteral("speaker_idx")));
    const int utteranceCol = int(header.indexOf(QStringLiteral("utterance")));
    const int selfevalCol = int(header.indexOf(QStringLiteral("selfeval")));
    const int tagsCol = int(header.indexOf(QStringLiteral("tags")));

    const QString split = splitOf(file);
    const QString idPrefix = QStringLiteral("empathetic_") + QFileInfo(file).completeBaseName() + QLatin1Char('_');
    const QString namePrefix = split.isEmpty() ? QStringLiteral("EmpatheticDialogues ")
                                               : QStringLiteral("EmpatheticDialogues %1 ").arg(split);

    qint64 added = 0;
    QSet<QString> finished; // conv_ids already emitted, to catch non-consecutive rows
    Conversation current;
    const auto flush = [&]() -> Result<void> {
        if (current.convId.isEmpty())
            return {};
        TestScenario &s = current.scenario;
        s.provenance.extra["conv_id"] = ss(current.convId);
        s.provenance.extra["last_row"] = current.lastRow;
        if (auto r = sink.add(s); !r)
            return r.error();
        ++added;
        finished.insert(current.convId);
        current = Conversation();
        return {};
    };

    for (;;) {
        auto more = reader.next();
        if (!more)
            return more.error();
        if (!*more)
            break;
        const QString convId = reader.fieldString(convCol);
        if (convId.isEmpty())
            return Error::badInput(reader.errorAt(tr("the conv_id is empty")));
        if (convId != current.convId) {
            if (finished.contains(convId))
                return Error::badInput(reader.errorAt(
                    tr("the rows of conversation \"%1\" are not consecutive").arg(convId)));
            if (auto r = flush(); !r)
                return r.error();
            const qint64 row = reader.recordIndex();
            current.convId = convId;
            current.firstRow = row;
            current.firstSpeaker = reader.fieldString(speakerCol);
            TestScenario &s = current.scenario;
            s.id = idPrefix + QString::number(row);
            s.name = namePrefix + convId;
            s.category = Category::Synthetic;
            s.expectedCapabilities = {QStringLiteral("empathy"), QStringLiteral("emotional_awareness"),
                                      QStringLiteral("multi_turn_conversation")};
            s.provenance.sourceFile = file;
            s.provenance.config = QStringLiteral("default");
            s.provenance.split = split;
            s.provenance.row = row;
            Json criteria = Json::object();
            criteria["emotion"] = ss(reader.fieldString(contextCol));
            criteria["situation"] = ss(restoreCommas(reader.fieldString(promptCol)));
            criteria["empathy"] = 1.0;
            s.evaluationCriteria = std::move(criteria);
            Json meta = Json::object();
            if (selfevalCol >= 0)
                meta["selfeval"] = ss(reader.fieldString(selfevalCol));
            if (tagsCol >= 0)
                meta["tags"] = ss(reader.fieldString(tagsCol));
            s.extra["empathetic_dialogues"] = std::move(meta);
        }
        current.lastRow = reader.recordIndex();
        const bool user = reader.fieldString(speakerCol) == current.firstSpeaker;
        current.scenario.messages.append(ChatMessage{user ? QStringLiteral("user") : QStringLiteral("assistant"),
                                                     restoreCommas(reader.fieldString(utteranceCol)),
                                                     Json::object()});
        if (!progress.update(reader.bytesRead()))
            return cancelledError(file);
    }
    if (auto r = flush(); !r)
        return r.error();
    return finishFile(file, added, progress, reader.size());
}

} // namespace kx
