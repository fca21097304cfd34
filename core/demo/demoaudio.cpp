// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoaudio.h"

#include "demo/demorandom.h"
#include "demo/pcmwavwriter.h"
#include "demo/speechlikesynth.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <array>
#include <cmath>

namespace kx {

namespace {

/** A made-up speaker, with VCTK's speaker-info columns and a voice. */
struct Speaker
{
    const char *id;
    const char *age;
    const char *gender;
    const char *accent;
    const char *region;
    SpeechLikeSynth::Voice voice;
    double levelDbfs; ///< the peak level this speaker was recorded at
};

constexpr std::array<Speaker, 6> speakers{{
    {"demo01", "24", "F", "English", "Southern England", {205.0, 1.16, 17.5}, -4.0},
    {"demo02", "31", "M", "Scottish", "Edinburgh", {115.0, 1.00, 16.5}, -6.0},
    {"demo03", "27", "F", "American", "New York", {190.0, 1.13, 18.0}, -5.0},
    {"demo04", "45", "M", "Irish", "Dublin", {105.0, 0.97, 16.0}, -7.0},
    {"demo05", "36", "F", "Indian", "Mumbai", {215.0, 1.18, 17.0}, -5.0},
    {"demo06", "58", "M", "Australian", "Sydney", {125.0, 1.02, 16.8}, -6.0},
}};

enum class Problem { None, Clipping, NearSilence, LongPause, TranscriptTooLong };

/** One clip: its transcript, what the audio says when that differs, and its planted problem. */
struct Clip
{
    const char *transcript;
    const char *spoken; ///< nullptr: the transcript
    Problem problem;
};

constexpr std::array<Clip, DemoAudio::clipCount> clips{{
    {"THE TRAIN TO LEEDS LEAVES AT NINE", nullptr, Problem::None},
    {"REMIND ME TO WATER THE PLANTS TONIGHT", nullptr, Problem::None},
    {"WHAT IS THE WEATHER LIKE IN LISBON TOMORROW", nullptr, Problem::Clipping},
    {"SET A TIMER FOR TWENTY MINUTES", nullptr, Problem::None},
    {"MY SISTER LIVES NEAR THE OLD HARBOUR", nullptr, Problem::None},
    {"PLAY SOME QUIET MUSIC IN THE KITCHEN", nullptr, Problem::NearSilence},
    {"THE MEETING MOVED TO THURSDAY AFTERNOON", nullptr, Problem::None},
    {"PLEASE ADD MILK AND EGGS TO THE SHOPPING LIST", nullptr, Problem::LongPause},
    {"HOW FAR IS IT FROM HERE TO THE STATION", nullptr, Problem::None},
    {"THE QUARTERLY REPORT NEEDS THE REVISED FIGURES FROM THE LONDON OFFICE BEFORE FRIDAY "
     "AND A SHORT SUMMARY FOR THE BOARD",
     "THE QUARTERLY REPORT NEEDS THE REVI", Problem::TranscriptTooLong},
    {"I PARKED THE CAR ON THE SECOND FLOOR", nullptr, Problem::None},
    {"TURN OFF THE LIGHTS IN THE LIVING ROOM", nullptr, Problem::None},
}};

const char *problemKey(Problem p)
{
    switch (p) {
    case Problem::Clipping: return "clipping";
    case Problem::NearSilence: return "near_silence";
    case Problem::LongPause: return "long_pause";
    case Problem::TranscriptTooLong: return "transcript_too_long";
    case Problem::None: break;
    }
    return nullptr;
}

double gainOf(double dbfs) { return std::pow(10.0, dbfs / 20.0); }

/** The samples of one clip: lead-in, the speech at its level, trail, and the room's noise under it all. */
QList<float> renderClip(const Clip &clip, const Speaker &speaker, DemoRandom &rng)
{
    const quint64 speechSeed = rng.next(), roomSeed = rng.next();
    double lead = rng.between(0.15, 0.35), trail = rng.between(0.2, 0.4);
    const QString spoken = QString::fromLatin1(clip.spoken ? clip.spoken : clip.transcript);
    SpeechLikeSynth::Voice voice = speaker.voice;
    double level = speaker.levelDbfs, roomDbfs = -68.0, midPause = 0.0;
    switch (clip.problem) {
    case Problem::Clipping:
        level = 10.0; // PcmWavWriter clamps at full scale
        lead += 0.15;
        trail += 0.05;
        break;
    case Problem::NearSilence:
        level = -52.0; // a microphone left far away, with the gain down
        roomDbfs = -80.0;
        break;
    case Problem::LongPause:
        // Brisk speech around the pause, so the speaking rate over the whole span stays ordinary:
        // this clip is about the silence, not the rate.
        voice.lettersPerSecond *= 1.3;
        midPause = 1.0;
        lead -= 0.1;
        trail -= 0.1;
        break;
    case Problem::TranscriptTooLong:
        // The recording stopped early: cut off mid-word, right after a short lead-in.
        lead = 0.1;
        trail = 0.0;
        break;
    case Problem::None:
        break;
    }
    const QList<float> speech = SpeechLikeSynth::render(spoken, voice, speechSeed, midPause);
    QList<float> out = SpeechLikeSynth::silence(lead);
    const float gain = float(gainOf(level));
    for (const float v : speech)
        out.append(v * gain);
    out += SpeechLikeSynth::silence(trail);
    SpeechLikeSynth::addRoomTone(out, roomDbfs, roomSeed);
    return out;
}

} // namespace

QString DemoAudio::folderFor(const QString &workspacePath)
{
    const QFileInfo info(workspacePath);
    return info.absoluteDir().filePath(info.completeBaseName() + QStringLiteral("-demo-audio"));
}

Result<DemoAudio::Written> DemoAudio::write(ScenarioSink &sink, const QString &folder, quint32 seed)
{
    const QDir dir(folder);
    if (!dir.mkpath(QStringLiteral(".")))
        return Error::io(tr("%1: cannot create the folder").arg(folder));

    TestDataset dataset;
    dataset.name = tr("Demo · Voice clips");
    dataset.kind = QStringLiteral("demo");
    dataset.category = Category::Benchmark;
    dataset.source = QStringLiteral("kairix-workbench demo data");
    dataset.createdAt = QDateTime::currentDateTimeUtc();
    dataset.metadata["source"] = "demo";
    dataset.metadata["description"] = ss(tr("Synthetic speech-like voice clips for the audio review queue, "
                                            "four of them with planted problems"));
    dataset.metadata["audio_folder"] = ss(dir.absolutePath());
    Written written;
    if (auto id = sink.beginDataset(dataset); !id)
        return id.error();
    else
        written.datasetId = *id;

    DemoRandom rng(seed);
    std::array<int, speakers.size()> utterances{};
    for (int i = 0; i < int(clips.size()); ++i) {
        const Clip &clip = clips[size_t(i)];
        const size_t who = size_t(i) % speakers.size();
        const Speaker &speaker = speakers[who];
        const QString speakerId = QString::fromLatin1(speaker.id);
        const QString utterance = QStringLiteral("%1_%2").arg(speakerId).arg(++utterances[who], 3, 10, QLatin1Char('0'));
        const QString path = dir.absoluteFilePath(utterance + QStringLiteral(".wav"));
        if (auto r = PcmWavWriter::write(path, renderClip(clip, speaker, rng), SpeechLikeSynth::sampleRate); !r)
            return r.error();

        const QString transcript = QString::fromLatin1(clip.transcript);
        TestScenario s;
        s.id = QStringLiteral("demo_voice_%1").arg(i + 1, 2, 10, QLatin1Char('0'));
        s.name = tr("Voice clip %1 (%2)").arg(i + 1).arg(utterance);
        s.category = Category::Benchmark;
        s.messages = {ChatMessage{QStringLiteral("user"), transcript, Json::object()}};
        s.expectedCapabilities = {QStringLiteral("speech_recognition"), QStringLiteral("voice_input")};
        s.evaluationCriteria = Json::object({{"expected_transcript", ss(transcript)}});
        s.audio = Json::object({{"path", ss(path)},
                                {"format", "wav"},
                                {"speaker_id", speaker.id},
                                {"utterance_id", ss(utterance)},
                                {"age", speaker.age},
                                {"gender", speaker.gender},
                                {"accent", speaker.accent},
                                {"region", speaker.region}});
        s.provenance.generator = QStringLiteral("demo-audio");
        s.provenance.backend = QStringLiteral("demo");
        s.provenance.row = i;
        s.provenance.seed = seed;
        if (const char *problem = problemKey(clip.problem))
            s.extra["demo_problem"] = problem;
        if (auto r = sink.add(s); !r)
            return r.error();
        ++written.scenarios;
    }
    return written;
}

} // namespace kx
