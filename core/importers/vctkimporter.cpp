// SPDX-License-Identifier: GPL-3.0-or-later
#include "vctkimporter.h"

#include "formats/linereader.h"
#include "formats/utf8.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>

namespace kx {

namespace {

Q_LOGGING_CATEGORY(lcVctk, "kx.importers.vctk")

const QLatin1String speakerInfoName("speaker-info.txt");

QString withPrefix(const QString &id)
{
    return id.startsWith(QLatin1Char('p')) || id.startsWith(QLatin1Char('s')) ? id : QLatin1Char('p') + id;
}

} // namespace

bool VctkImporter::accepts(const QString &file) const
{
    return QFileInfo(file).fileName().compare(speakerInfoName, Qt::CaseInsensitive) == 0;
}

QString VctkImporter::defaultName(const QString &, const QStringList &) const
{
    return QStringLiteral("VCTK");
}

Result<QHash<QString, VctkImporter::Speaker>> VctkImporter::readSpeakerInfo(const QString &file)
{
    LineReader lines(file, 64 * 1024);
    if (auto r = lines.open(); !r)
        return r.error();
    static const QRegularExpression blanks(QStringLiteral("\\s+"));
    QHash<QString, Speaker> speakers;
    QByteArrayView line;
    for (;;) {
        auto more = lines.next(line);
        if (!more)
            return more.error();
        if (!*more)
            break;
        if (const qsizetype bad = utf8::firstInvalid(line.data(), line.size()); bad >= 0)
            return Error::badInput(tr("%1:%2: invalid UTF-8 at byte offset %3")
                                       .arg(file).arg(lines.lineNumber()).arg(lines.lineOffset() + bad));
        const QString text = QString::fromUtf8(line).trimmed();
        if (text.isEmpty() || (lines.lineNumber() == 1 && text.startsWith(QLatin1String("ID"))))
            continue;
        // Columns are runs of spaces, and REGION itself may hold spaces ("Southern  England"):
        // the first four fields are fixed, the rest is region, then a "(comment)" in 0.92.
        const QStringList fields = text.split(blanks, Qt::SkipEmptyParts);
        if (fields.size() < 4)
            return Error::badInput(tr("%1:%2: a speaker line needs at least ID, AGE, GENDER and ACCENTS, found %3 field(s)")
                                       .arg(file).arg(lines.lineNumber()).arg(fields.size()));
        Speaker s{withPrefix(fields[0]), fields[1], fields[2], fields[3], QString(), QString()};
        QString rest = fields.mid(4).join(QLatin1Char(' '));
        if (const qsizetype paren = rest.indexOf(QLatin1Char('(')); paren >= 0) {
            s.comment = rest.mid(paren).trimmed();
            rest = rest.left(paren).trimmed();
        }
        s.region = rest;
        speakers.insert(s.id, s);
    }
    if (speakers.isEmpty())
        return Error::badInput(tr("%1: no speaker lines").arg(file));
    return speakers;
}

Result<qint64> VctkImporter::convertFile(const QString &file, ScenarioSink &sink,
                                         ImportProgress &progress) const
{
    m_skipped = 0;
    auto speakers = readSpeakerInfo(file);
    if (!speakers)
        return speakers.error();
    progress.beginFile();

    const QDir root = QFileInfo(file).absoluteDir();
    const QDir txtRoot(root.absoluteFilePath(QStringLiteral("txt")));
    if (!txtRoot.exists())
        return Error::badInput(tr("%1: the corpus folder %2 has no txt/ folder").arg(file, root.absolutePath()));
    const bool v092 = root.exists(QStringLiteral("wav48_silence_trimmed"));
    const QDir audioRoot(root.absoluteFilePath(v092 ? QStringLiteral("wav48_silence_trimmed") : QStringLiteral("wav48")));
    const QString version = v092 ? QStringLiteral("0.92") : QStringLiteral("0.80");

    TestScenario scenario;
    scenario.category = Category::Benchmark;
    scenario.expectedCapabilities = {QStringLiteral("speech_recognition"), QStringLiteral("voice_input"),
                                     QStringLiteral("accent_robustness")};
    scenario.provenance.config = QStringLiteral("main");
    scenario.provenance.split = QStringLiteral("train");
    scenario.provenance.row = 0;
    scenario.provenance.extra["corpus_version"] = ss(version);
    scenario.messages = {ChatMessage{QStringLiteral("user"), QString(), Json::object()}};

    qint64 added = 0;
    const QStringList speakerDirs = txtRoot.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &speakerId : speakerDirs) {
        const QDir speakerDir(txtRoot.absoluteFilePath(speakerId));
        const Speaker info = speakers->value(speakerId, Speaker{speakerId, {}, {}, {}, {}, {}});
        const QDir speakerAudio(audioRoot.absoluteFilePath(speakerId));
        const QStringList texts = speakerDir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
        for (const QString &textName : texts) {
            const QString textPath = speakerDir.absoluteFilePath(textName);
            QFile textFile(textPath);
            if (!textFile.open(QIODevice::ReadOnly))
                return Error::io(tr("%1: cannot read: %2").arg(textPath, textFile.errorString()));
            const QByteArray bytes = textFile.readAll();
            if (const qsizetype bad = utf8::firstInvalid(bytes.constData(), bytes.size()); bad >= 0)
                return Error::badInput(tr("%1: invalid UTF-8 at byte offset %2").arg(textPath).arg(bad));
            const QString transcript = QString::fromUtf8(bytes).trimmed();
            if (transcript.isEmpty())
                return Error::badInput(tr("%1:1: the transcript is empty").arg(textPath));

            const QString utterance = textName.chopped(4); // "p225_001"
            Json audio = Json::object();
            if (v092) {
                const QString mic1 = speakerAudio.absoluteFilePath(utterance + QStringLiteral("_mic1.flac"));
                const QString mic2 = speakerAudio.absoluteFilePath(utterance + QStringLiteral("_mic2.flac"));
                const bool has1 = QFileInfo::exists(mic1);
                const bool has2 = QFileInfo::exists(mic2);
                if (!has1 && !has2) {
                    ++m_skipped;
                    continue;
                }
                audio["path"] = ss(has1 ? mic1 : mic2);
                audio["format"] = "flac";
                audio["mic"] = has1 ? "mic1" : "mic2";
                if (has1 && has2)
                    audio["mic2_path"] = ss(mic2);
            } else {
                const QString wav = speakerAudio.absoluteFilePath(utterance + QStringLiteral(".wav"));
                if (!QFileInfo::exists(wav)) {
                    ++m_skipped;
                    continue;
                }
                audio["path"] = ss(wav);
                audio["format"] = "wav";
            }
            audio["speaker_id"] = ss(speakerId);
            audio["utterance_id"] = ss(utterance);
            audio["age"] = ss(info.age);
            audio["gender"] = ss(info.gender);
            audio["accent"] = ss(info.accent);
            audio["region"] = ss(info.region);
            if (!info.comment.isEmpty())
                audio["comment"] = ss(info.comment);

            scenario.id = QStringLiteral("vctk_") + utterance + QStringLiteral("_0");
            scenario.name = QStringLiteral("VCTK ") + utterance;
            scenario.messages[0].content = transcript;
            scenario.provenance.sourceFile = textPath;
            scenario.audio = std::move(audio);
            scenario.evaluationCriteria = Json::object({{"expected_transcript", ss(transcript)}});
            if (auto r = sink.add(scenario); !r)
                return r.error();
            ++added;
            // Progress is counted against speaker-info.txt only, so it only ticks for cancellation.
            if (!progress.update(0))
                return cancelledError(file);
        }
    }
    if (m_skipped > 0)
        qCInfo(lcVctk) << "skipped" << m_skipped << "transcript(s) without audio under" << root.absolutePath();
    if (added == 0)
        return Error::badInput(tr("%1: no transcript with audio under %2").arg(file, txtRoot.absolutePath()));
    progress.endFile(QFileInfo(file).size());
    return added;
}

} // namespace kx
