// SPDX-License-Identifier: GPL-3.0-or-later
#include "librispeechimporter.h"

#include "formats/linereader.h"
#include "formats/utf8.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace kx {

namespace {

const QLatin1String transSuffix(".trans.txt");

/** The subset folder ("dev-clean") two levels above the chapter folder, or "". */
QString subsetOf(const QFileInfo &info)
{
    QDir dir = info.absoluteDir(); // <chapter>
    if (!dir.cdUp() || !dir.cdUp()) // <speaker>, then <subset>
        return {};
    return dir.dirName();
}

} // namespace

bool LibriSpeechImporter::accepts(const QString &file) const
{
    return file.endsWith(transSuffix, Qt::CaseInsensitive);
}

QString LibriSpeechImporter::defaultName(const QString &, const QStringList &files) const
{
    const QString subset = files.isEmpty() ? QString() : subsetOf(QFileInfo(files.first()));
    for (const QString &f : files) {
        if (subsetOf(QFileInfo(f)) != subset)
            return QStringLiteral("LibriSpeech");
    }
    return subset.isEmpty() ? QStringLiteral("LibriSpeech") : QStringLiteral("LibriSpeech ") + subset;
}

Result<qint64> LibriSpeechImporter::convertFile(const QString &file, ScenarioSink &sink,
                                                ImportProgress &progress) const
{
    LineReader lines(file, 64 * 1024);
    if (auto r = lines.open(); !r)
        return r.error();
    progress.beginFile();

    const QFileInfo info(file);
    const QDir chapterDir = info.absoluteDir();
    const QString name = info.fileName();
    const QString chapterPrefix = name.left(name.size() - transSuffix.size()) + QLatin1Char('-'); // "1272-128104-"
    const QString subset = subsetOf(info);
    const QString split = subset.section(QLatin1Char('-'), 0, 0);
    const QString idPrefix = QStringLiteral("librispeech_") + chapterPrefix.chopped(1) + QLatin1Char('_');

    TestScenario scenario;
    scenario.category = Category::Benchmark;
    scenario.expectedCapabilities = {QStringLiteral("speech_recognition"), QStringLiteral("voice_input")};
    scenario.provenance.sourceFile = file;
    scenario.provenance.config = subset;
    scenario.provenance.split = split;
    scenario.messages = {ChatMessage{QStringLiteral("user"), QString(), Json::object()}};

    const auto errorAt = [&](const QString &reason) {
        return Error::badInput(tr("%1:%2: %3").arg(file).arg(lines.lineNumber()).arg(reason));
    };

    QSet<QString> seen;
    QList<TestScenario> chapter; // one chapter holds about a hundred lines
    qint64 row = -1;
    QByteArrayView line;
    for (;;) {
        auto more = lines.next(line);
        if (!more)
            return more.error();
        if (!*more)
            break;
        if (line.trimmed().isEmpty())
            continue;
        if (const qsizetype bad = utf8::firstInvalid(line.data(), line.size()); bad >= 0)
            return errorAt(tr("invalid UTF-8 at byte offset %1").arg(lines.lineOffset() + bad));
        const QString text = QString::fromUtf8(line).trimmed();
        const qsizetype space = text.indexOf(QLatin1Char(' '));
        const QString id = space < 0 ? text : text.left(space);
        const QString transcript = space < 0 ? QString() : text.mid(space + 1).trimmed();
        if (transcript.isEmpty())
            return errorAt(tr("utterance \"%1\" has no transcript").arg(id));
        if (!id.startsWith(chapterPrefix) || id.size() == chapterPrefix.size())
            return errorAt(tr("utterance id \"%1\" does not belong to chapter file %2").arg(id, name));
        const QString audioPath = chapterDir.absoluteFilePath(id + QStringLiteral(".flac"));
        if (!QFileInfo::exists(audioPath))
            return errorAt(tr("the audio file %1 does not exist").arg(audioPath));
        seen.insert(id);

        ++row;
        scenario.id = idPrefix + QString::number(row);
        scenario.name = QStringLiteral("LibriSpeech ") + id;
        scenario.messages[0].content = transcript;
        scenario.provenance.row = row;
        Json audio = Json::object();
        audio["path"] = ss(audioPath);
        audio["format"] = "flac";
        audio["speaker_id"] = ss(id.section(QLatin1Char('-'), 0, 0));
        audio["chapter_id"] = ss(id.section(QLatin1Char('-'), 1, 1));
        audio["utterance_id"] = ss(id);
        scenario.audio = std::move(audio);
        scenario.evaluationCriteria = Json::object({{"expected_transcript", ss(transcript)}});
        // Held back until the chapter is checked whole: a bad chapter adds nothing.
        chapter.append(scenario);
        if (!progress.update(lines.bytesConsumed()))
            return cancelledError(file);
    }
    if (row < 0)
        return Error::badInput(tr("%1: the file holds no transcript lines").arg(file));

    // A recording without its line means a cut or mismatched transcript file: refuse it rather than drop audio.
    const QStringList flacs = chapterDir.entryList({chapterPrefix + QStringLiteral("*.flac")}, QDir::Files, QDir::Name);
    for (const QString &flac : flacs) {
        const QString id = flac.chopped(5);
        if (!seen.contains(id))
            return Error::badInput(tr("%1: %2 has no transcript line in %3")
                                       .arg(chapterDir.absoluteFilePath(flac), flac, name));
    }
    for (const TestScenario &s : std::as_const(chapter)) {
        if (auto r = sink.add(s); !r)
            return r.error();
    }
    progress.endFile(lines.size());
    return row + 1;
}

} // namespace kx
