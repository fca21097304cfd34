// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenarioconverter.h"

namespace kx {

/**
 * LibriSpeech original folders (`<subset>/<speaker>/<chapter>/<spk>-<chap>.trans.txt`
 * beside `<spk>-<chap>-<utt>.flac`) to speech-recognition benchmark scenarios,
 * one per transcript line.
 *
 * - the user message is the transcript as written (upper case);
 * - `audio` = `{"path": <absolute .flac path>, "format": "flac", "speaker_id",
 *   "chapter_id", "utterance_id"}` (ids as strings): a reference only, the
 *   audio is never read or copied;
 * - `evaluation_criteria` = `{"expected_transcript": <text>}`;
 * - `expected_capabilities` = speech_recognition, voice_input;
 * - provenance: the trans.txt file, config = the subset folder ("dev-clean"),
 *   split = its first word ("dev", "test", "train"), row = 0-based line.
 *
 * A line without a transcript, an id not of this chapter, a line whose .flac
 * is missing, or a .flac of the chapter with no line are errors naming the
 * file and line (or the .flac). Converts one trans.txt per convertFile() call.
 */
class LibriSpeechImporter final : public ScenarioConverter
{
    Q_DECLARE_TR_FUNCTIONS(kx::LibriSpeechImporter)

public:
    QString kind() const override { return QStringLiteral("librispeech"); }
    QStringList suffixes() const override { return {QStringLiteral("txt")}; }
    /** Only the `*.trans.txt` transcript files. */
    bool accepts(const QString &file) const override;
    QString defaultName(const QString &path, const QStringList &files) const override;
    Result<qint64> convertFile(const QString &file, ScenarioSink &sink,
                               ImportProgress &progress) const override;
};

} // namespace kx
