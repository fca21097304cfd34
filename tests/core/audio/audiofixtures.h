// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/audiodecoder.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace kx::test {

/** What a fixture clip holds. */
enum class PlantedKind {
    Normal,      ///< speech that should raise no flag
    Clipped,     ///< speech amplified into hard clipping (sox gain)
    Silent,      ///< digital silence (sox -n) with a sentence as its transcript
    RateOutlier, ///< a short sentence with a transcript far too long for it
};

/** One clip of a fixture corpus. */
struct FixtureClip
{
    QString path;       ///< the audio file
    QString transcript; ///< as the corpus writes it (LibriSpeech: upper case, no punctuation)
    PlantedKind kind = PlantedKind::Normal;
};

/** A corpus written by AudioFixtures. */
struct FixtureCorpus
{
    QString root;  ///< the folder to import
    QString kind;  ///< the import kind: "librispeech" or "vctk"
    QList<FixtureClip> clips;

    /** The first clip of @p kind; an empty clip when there is none. */
    FixtureClip first(PlantedKind kind) const;
    /** The paths of all clips of @p kind. */
    QStringList paths(PlantedKind kind) const;
};

/**
 * Makes real audio corpora for tests with espeak-ng (speech) and sox
 * (resampling, FLAC, gain, silence), run through QProcess. A missing tool is
 * an error naming it (the tests fail, they do not skip): scripts/bootstrap
 * installs both.
 *
 * Each corpus holds normal speech (several voices and speaking speeds, so
 * the speaking rates spread like real ones) and three planted clips: one
 * Clipped, one Silent and one RateOutlier. Takes a few seconds.
 */
class AudioFixtures final
{
public:
    /** Whether espeak-ng and sox are on the PATH; the error names the missing one. */
    static Result<void> requireTools();

    /**
     * Speaks @p text with espeak-ng (@p voice, @p wordsPerMinute) into @p out
     * (format from the suffix: .flac, .wav…), mono at @p sampleRate, after
     * the sox @p effects (e.g. {"gain", "30"}).
     */
    static Result<void> speak(const QString &text, const QString &out, int sampleRate,
                              const QString &voice = QStringLiteral("en-us"), int wordsPerMinute = 160,
                              const QStringList &effects = {});
    /** Writes @p seconds of digital silence, mono at @p sampleRate, to @p out. */
    static Result<void> silence(const QString &out, int sampleRate, double seconds);

    /**
     * The LibriSpeech layout in @p dir: `LibriSpeech/dev-clean/<spk>/<chap>/<spk>-<chap>-<utt>.flac`
     * and `<spk>-<chap>.trans.txt`, 16 kHz mono FLAC, upper-case transcripts.
     * root is `dir/LibriSpeech/dev-clean`.
     */
    static Result<FixtureCorpus> makeLibriSpeech(const QString &dir);
    /**
     * The VCTK 0.92 layout in @p dir: `speaker-info.txt`, `txt/<spk>/<spk>_<NNN>.txt`,
     * `wav48_silence_trimmed/<spk>/<spk>_<NNN>_mic1.flac`, 48 kHz mono. root is @p dir.
     */
    static Result<FixtureCorpus> makeVctk(const QString &dir);

    /** Runs @p program with @p arguments; the error holds its standard error. */
    static Result<void> run(const QString &program, const QStringList &arguments);
    /** run() for QVERIFY: false (with the error as a warning) when it failed. */
    static bool runOrWarn(const QString &program, const QStringList &arguments);
    /** Opens @p path for decoding; null (with the error as a warning) when it cannot. */
    static std::unique_ptr<AudioDecoder> openOrWarn(const QString &path);
};

} // namespace kx::test
