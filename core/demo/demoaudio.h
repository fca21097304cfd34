// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenariosink.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>

namespace kx {

/**
 * The workbench's own demo voice data: a dozen short speech-like clips
 * (mono, 16 kHz, 16-bit WAV, 1.5–4 s) that SpeechLikeSynth renders from
 * built-in sentences in six made-up speakers' voices, each a speech benchmark
 * scenario in the dataset "Demo · Voice clips", so that the Audio Review page
 * of a first launch has a queue to work through. Nothing is read from outside
 * the program and no audio tool is run.
 *
 * Four clips carry planted problems for the automatic checks, named in the
 * scenario's `extra.demo_problem`:
 * - "clipping": driven 10 dB past full scale, so its peaks are flattened;
 * - "near_silence": the speech 52 dB below full scale, under the silence level;
 * - "long_pause": a pause of 1 s in the middle of a briskly spoken sentence
 *   (its speaking rate stays ordinary; the pause shows in the silence ratio);
 * - "transcript_too_long": the recording stops after a few words, the
 *   transcript goes on: about four times as many letters as the audio says.
 *
 * Each scenario has the shape the VCTK importer gives: the transcript (upper
 * case, as LibriSpeech writes it) as the one user message and as
 * `evaluation_criteria.expected_transcript`; `audio` = `{"path" (absolute),
 * "format": "wav", "speaker_id", "utterance_id", "age", "gender", "accent",
 * "region"}`; capabilities speech_recognition and voice_input; category
 * benchmark; provenance generator "demo-audio", backend "demo", the seed and
 * the clip's row. All are pending review.
 *
 * Deterministic: the same @p seed writes byte-identical files and equal
 * scenarios (the dataset's created_at aside). Runs on the calling thread in
 * well under a second.
 */
class DemoAudio final
{
    Q_DECLARE_TR_FUNCTIONS(kx::DemoAudio)

public:
    /** The number of clips write() makes. */
    static constexpr int clipCount = 12;

    /** What write() did. */
    struct Written
    {
        qint64 datasetId = 0;  ///< the id the sink gave the dataset
        qint64 scenarios = 0;  ///< clips written, each one scenario
    };

    /** Where the clips of the workspace at @p workspacePath go: `<its folder>/<its base name>-demo-audio`. */
    static QString folderFor(const QString &workspacePath);

    /**
     * Writes the clips into @p folder (created as needed; files of the same
     * names are replaced) and adds the dataset with one scenario per clip to
     * @p sink. Errors name the file that could not be written, or are the
     * sink's.
     */
    static Result<Written> write(ScenarioSink &sink, const QString &folder, quint32 seed = 1);
};

} // namespace kx
