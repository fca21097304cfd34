// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/scenarioconverter.h"

#include <QHash>

namespace kx {

/**
 * A VCTK corpus folder, addressed by its `speaker-info.txt`, to speech
 * benchmark scenarios: one per transcript `txt/<spk>/<spk>_<NNN>.txt`.
 *
 * Both layouts are read: 0.92 (`wav48_silence_trimmed/<spk>/<spk>_<NNN>_mic1.flac`
 * and `_mic2.flac`, speaker ids "p225", a COMMENTS column) and 0.80
 * (`wav48/<spk>/<spk>_<NNN>.wav`, speaker ids "225" in speaker-info.txt).
 *
 * - the user message is the transcript;
 * - `audio` = `{"path", "format" ("flac"/"wav"), "speaker_id", "utterance_id",
 *   "mic" (0.92), "mic2_path" (0.92, when present), "age", "gender", "accent",
 *   "region", "comment" (when given)}`; the path is mic1 when it exists, else
 *   mic2. A reference only: audio bytes are never read or copied;
 * - `evaluation_criteria` = `{"expected_transcript"}`; capabilities
 *   speech_recognition, voice_input, accent_robustness;
 * - provenance: the .txt file, row 0, config "main", split "train",
 *   `extra.corpus_version` "0.92" / "0.80".
 *
 * Transcripts without any audio file are skipped and counted (skippedCount()
 * of the last run, also logged); speakers with audio but no txt folder (p315)
 * give nothing. A speaker-info line with fewer than four fields is an error
 * naming the file and line, and nothing is added.
 */
class VctkImporter final : public ScenarioConverter
{
    Q_DECLARE_TR_FUNCTIONS(kx::VctkImporter)

public:
    /** One speaker-info.txt row. */
    struct Speaker
    {
        QString id; ///< always with the "p" prefix
        QString age;
        QString gender;
        QString accent;
        QString region;
        QString comment;
    };

    QString kind() const override { return QStringLiteral("vctk"); }
    QStringList suffixes() const override { return {QStringLiteral("txt")}; }
    /** Only `speaker-info.txt`: each one stands for its whole corpus folder. */
    bool accepts(const QString &file) const override;
    QString defaultName(const QString &path, const QStringList &files) const override;
    Result<qint64> convertFile(const QString &file, ScenarioSink &sink,
                               ImportProgress &progress) const override;

    /** Parses a speaker-info.txt of either version; keys are "p225"-style ids. */
    static Result<QHash<QString, Speaker>> readSpeakerInfo(const QString &file);
    /** Transcripts skipped for want of audio by the last convertFile() on this instance. */
    qint64 skippedCount() const { return m_skipped; }

private:
    mutable qint64 m_skipped = 0;
};

} // namespace kx
