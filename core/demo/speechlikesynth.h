// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

namespace kx {

/**
 * A tiny formant synthesiser that turns a line of text into audio that looks
 * and sounds like speech, though no one would understand it: the demo voice
 * clips of DemoAudio are made with it, so the workbench ships voice data it
 * wrote itself, with no text-to-speech engine on the user's machine.
 *
 * How (after Klatt's cascade formant synthesiser, much simplified): each
 * letter becomes a short segment — vowels and sonorants are voiced (a
 * glottal pulse train at the voice's pitch, shaped like a Rosenberg pulse and
 * differentiated for lip radiation) through three formant resonators plus a
 * fixed fourth; fricatives are band-passed noise; stops a closure and a
 * burst. Words are separated by short pauses. Formants, pitch and amplitudes
 * glide between segments, the pitch declines over the sentence with a small
 * accent on each longer word, and every pitch period has a little jitter and
 * shimmer. Syllables therefore show as separate bursts with their own
 * envelopes in a waveform, and as formant bands and a harmonic comb in a
 * spectrogram.
 *
 * Deterministic: the same text, voice and seed give the same samples (a
 * built-in SplitMix64, never std distributions). Pure functions; any thread.
 */
class SpeechLikeSynth final
{
public:
    /** The rate of every sample this class produces, Hz. */
    static constexpr int sampleRate = 16000;

    /** Who speaks. */
    struct Voice
    {
        double pitchHz = 120.0;         ///< average fundamental frequency (male ~100–130, female ~180–220)
        double formantScale = 1.0;      ///< vocal-tract size: ~1.0 male, ~1.15 female
        double lettersPerSecond = 17.0; ///< articulation rate inside words (pauses come on top)
    };

    /**
     * Renders @p text (letters are spoken, spaces separate words, a comma or
     * period adds a longer pause, anything else is ignored) in @p voice.
     * When @p midPauseSeconds is positive, a pause of that length is inserted
     * at the word boundary nearest the middle. The result has no lead-in or
     * trail and no noise floor (see addRoomTone()); its peak magnitude is 1.
     * Empty for a text without letters.
     */
    static QList<float> render(const QString &text, const Voice &voice, quint64 seed,
                               double midPauseSeconds = 0.0);

    /** @p seconds of digital silence, to pad a clip before addRoomTone(). */
    static QList<float> silence(double seconds);

    /**
     * Adds the steady noise of a quiet room to @p samples: white noise at an
     * RMS level of @p dbfs (e.g. -66), gently low-passed so it hisses less.
     */
    static void addRoomTone(QList<float> &samples, double dbfs, quint64 seed);
};

} // namespace kx
