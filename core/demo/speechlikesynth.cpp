// SPDX-License-Identifier: GPL-3.0-or-later
#include "speechlikesynth.h"

#include "demo/demorandom.h"

#include <algorithm>
#include <cmath>

namespace kx {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kRate = SpeechLikeSynth::sampleRate;
/** Filter coefficients follow the gliding parameters every this many samples (1 ms). */
constexpr int kCoefficientStep = 16;

/** What the synthesiser aims at during one segment; the running parameters glide towards it. */
struct Target
{
    double seconds = 0.0;
    double f1 = 500.0, f2 = 1500.0, f3 = 2500.0; ///< Hz, before the voice's formant scale
    double voice = 0.0;       ///< glottal source amplitude
    double aspiration = 0.0;  ///< noise through the formants, as in "h"
    double frication = 0.0;   ///< band-passed noise, as in "s"
    double fricationHz = 4500.0;
    double pitch = 1.0;       ///< factor on the sentence's pitch contour
};

/** The sound of one letter, in isolation; `weight` scales its share of the speaking time. */
struct LetterSound
{
    double f1, f2, f3, voice, aspiration, frication, fricationHz, weight;
    bool stop = false;
};

bool isVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y'; }

LetterSound soundOf(char c)
{
    // Vowel formants after Peterson and Barney's adult averages; consonants are rough classes.
    switch (c) {
    case 'A': return {730, 1090, 2440, 1.0, 0.0, 0.0, 0, 1.35};
    case 'E': return {530, 1840, 2480, 1.0, 0.0, 0.0, 0, 1.3};
    case 'I': return {390, 1990, 2550, 0.95, 0.0, 0.0, 0, 1.25};
    case 'O': return {570, 840, 2410, 1.0, 0.0, 0.0, 0, 1.35};
    case 'U': return {440, 1020, 2240, 0.95, 0.0, 0.0, 0, 1.3};
    case 'Y': return {300, 2100, 2700, 0.85, 0.0, 0.0, 0, 1.1};
    case 'L': return {360, 1300, 2700, 0.55, 0.0, 0.0, 0, 0.8};
    case 'R': return {420, 1300, 1600, 0.6, 0.0, 0.0, 0, 0.8};
    case 'M': return {280, 1000, 2200, 0.35, 0.0, 0.0, 0, 0.85};
    case 'N': return {280, 1600, 2500, 0.35, 0.0, 0.0, 0, 0.8};
    case 'W': return {300, 700, 2200, 0.55, 0.0, 0.0, 0, 0.7};
    case 'V': return {300, 1200, 2300, 0.35, 0.0, 0.12, 6500, 0.75};
    case 'Z': return {300, 1600, 2500, 0.3, 0.0, 0.25, 4800, 0.8};
    case 'J': return {300, 1900, 2500, 0.3, 0.0, 0.25, 2800, 0.8};
    case 'S': case 'C': case 'X': return {400, 1700, 2600, 0.0, 0.0, 0.35, 5000, 0.9};
    case 'F': return {400, 1300, 2500, 0.0, 0.0, 0.16, 7000, 0.8};
    case 'H': return {500, 1500, 2500, 0.0, 0.2, 0.0, 0, 0.6};
    case 'P': case 'B': return {400, 1000, 2300, c == 'B' ? 0.12 : 0.0, 0.0, 0.4, 1300, 0.75, true};
    case 'T': case 'D': return {400, 1700, 2600, c == 'D' ? 0.12 : 0.0, 0.0, 0.4, 4200, 0.75, true};
    default: return {400, 1800, 2500, c == 'G' ? 0.12 : 0.0, 0.0, 0.4, 2400, 0.75, true}; // K, G, Q
    }
}

/** Klatt's two-pole resonator: unity gain at 0 Hz, a peak at the formant. */
struct Resonator
{
    double a = 1.0, b = 0.0, c = 0.0, y1 = 0.0, y2 = 0.0;
    void tune(double hz, double bandwidth)
    {
        const double r = std::exp(-kPi * bandwidth / kRate);
        c = -r * r;
        b = 2.0 * r * std::cos(2.0 * kPi * hz / kRate);
        a = 1.0 - b - c;
    }
    double process(double x)
    {
        const double y = a * x + b * y1 + c * y2;
        y2 = y1;
        y1 = y;
        return y;
    }
};

/** A band-pass biquad with 0 dB peak gain (the audio EQ cookbook's), for frication noise. */
struct BandPass
{
    double b0 = 0.0, a1 = 0.0, a2 = 0.0, x1 = 0.0, x2 = 0.0, y1 = 0.0, y2 = 0.0;
    void tune(double hz, double q)
    {
        const double w = 2.0 * kPi * std::min(hz, 0.45 * kRate) / kRate;
        const double alpha = std::sin(w) / (2.0 * q);
        b0 = alpha / (1.0 + alpha);
        a1 = -2.0 * std::cos(w) / (1.0 + alpha);
        a2 = (1.0 - alpha) / (1.0 + alpha);
    }
    double process(double x)
    {
        const double y = b0 * x - b0 * x2 - a1 * y1 - a2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }
};

/** The glottal flow of one period at @p phase in [0, 1): a Rosenberg pulse, open for 60 % of it. */
double glottalFlow(double phase)
{
    if (phase < 0.4)
        return 0.5 * (1.0 - std::cos(kPi * phase / 0.4));
    if (phase < 0.6)
        return std::cos(kPi * (phase - 0.4) / 0.4);
    return 0.0;
}

/** One-pole smoothing factor for a time constant of @p seconds. */
double glide(double seconds) { return 1.0 - std::exp(-1.0 / (seconds * kRate)); }

/** The text as the segments to say, letters and pauses. */
QList<Target> segmentsOf(const QString &text, const SpeechLikeSynth::Voice &voice, double midPauseSeconds,
                         DemoRandom &rng)
{
    struct Word { QByteArray letters; bool punctuationAfter = false; };
    QList<Word> words(1);
    for (const QChar ch : text) {
        const char c = ch.toUpper().toLatin1();
        if (c >= 'A' && c <= 'Z') {
            words.last().letters += c;
        } else if (!words.last().letters.isEmpty()) {
            words.last().punctuationAfter = c == ',' || c == '.' || c == ';' || c == '?' || c == '!';
            words.append(Word());
        }
    }
    if (words.last().letters.isEmpty())
        words.removeLast();
    const int midWord = int(words.size() - 1) / 2;

    QList<Target> out;
    const double letterSeconds = 1.0 / voice.lettersPerSecond;
    Target last;
    for (int w = 0; w < words.size(); ++w) {
        const QByteArray &letters = words[w].letters;
        const double wordPitch = rng.between(0.97, 1.03);
        bool accented = letters.size() < 4; // short words get no accent
        for (int i = 0; i < letters.size(); ++i) {
            const LetterSound s = soundOf(letters[i]);
            Target t;
            t.f1 = s.f1;
            t.f2 = s.f2;
            t.f3 = s.f3;
            t.voice = s.voice * rng.between(0.8, 1.0);
            t.aspiration = s.aspiration;
            t.pitch = wordPitch;
            if (isVowel(letters[i]) && !accented) {
                t.pitch *= 1.1; // the accent of a content word: a small rise on its first vowel
                t.voice = s.voice;
                accented = true;
            }
            t.seconds = letterSeconds * s.weight * rng.between(0.85, 1.15);
            if (s.stop) {
                // A closure (silent or a faint voice bar) keeping the neighbours' formants, then a burst.
                Target closure = last;
                closure.seconds = t.seconds * 0.65;
                closure.voice = s.voice;
                closure.aspiration = closure.frication = 0.0;
                out.append(closure);
                t.seconds *= 0.35;
                t.voice = 0.0;
                t.frication = s.frication;
                t.fricationHz = s.fricationHz;
            } else {
                t.frication = s.frication;
                t.fricationHz = s.frication > 0.0 ? s.fricationHz : last.fricationHz;
            }
            out.append(t);
            last = t;
        }
        if (w + 1 == words.size())
            break;
        Target pause = last;
        pause.voice = pause.aspiration = pause.frication = 0.0;
        pause.seconds = words[w].punctuationAfter ? rng.between(0.22, 0.30) : rng.between(0.06, 0.12);
        if (w == midWord && midPauseSeconds > 0.0)
            pause.seconds += midPauseSeconds;
        out.append(pause);
    }
    return out;
}

} // namespace

QList<float> SpeechLikeSynth::render(const QString &text, const Voice &voice, quint64 seed, double midPauseSeconds)
{
    DemoRandom rng(seed);
    const QList<Target> segments = segmentsOf(text, voice, midPauseSeconds, rng);
    if (segments.isEmpty())
        return {};
    double total = 0.0;
    for (const Target &t : segments)
        total += t.seconds;

    QList<float> out;
    out.reserve(qsizetype(total * kRate) + segments.size());
    const double formantGlide = glide(0.018), levelGlide = glide(0.006), pitchGlide = glide(0.04);
    Target now = segments.first();
    now.voice = now.aspiration = now.frication = 0.0;
    Resonator formants[4];
    BandPass frication;
    double phase = 0.0, previousFlow = 0.0, jitter = 1.0, shimmer = 1.0, noiseState = 0.0;
    qint64 n = 0;
    double elapsed = 0.0;
    for (const Target &target : segments) {
        elapsed += target.seconds;
        for (; double(n) < elapsed * kRate; ++n) {
            now.f1 += formantGlide * (target.f1 - now.f1);
            now.f2 += formantGlide * (target.f2 - now.f2);
            now.f3 += formantGlide * (target.f3 - now.f3);
            now.fricationHz += formantGlide * (target.fricationHz - now.fricationHz);
            now.voice += levelGlide * (target.voice - now.voice);
            now.aspiration += levelGlide * (target.aspiration - now.aspiration);
            now.frication += levelGlide * (target.frication - now.frication);
            now.pitch += pitchGlide * (target.pitch - now.pitch);
            if (n % kCoefficientStep == 0) {
                const double k = voice.formantScale;
                formants[0].tune(now.f1 * k, 80.0);
                formants[1].tune(now.f2 * k, 110.0);
                formants[2].tune(now.f3 * k, 160.0);
                formants[3].tune(3400.0 * k, 250.0);
                frication.tune(now.fricationHz, 1.6);
            }
            // Pitch: a declining contour over the sentence, the segment's accent, jitter per period.
            const double position = double(n) / (total * kRate);
            const double f0 = voice.pitchHz * (1.07 - 0.16 * position) * now.pitch * jitter;
            phase += f0 / kRate;
            if (phase >= 1.0) {
                phase -= 1.0;
                jitter = 1.0 + rng.between(-0.012, 0.012);
                shimmer = 1.0 + rng.between(-0.06, 0.06);
            }
            const double flow = glottalFlow(phase);
            // The flow's derivative (lip radiation), scaled so its size does not depend on the pitch.
            const double pulse = (flow - previousFlow) * kRate / f0 * 0.25;
            previousFlow = flow;
            const double noise = rng.between(-1.0, 1.0);
            noiseState += 0.5 * (noise - noiseState);
            double x = pulse * now.voice * shimmer + noiseState * now.aspiration;
            for (Resonator &r : formants)
                x = r.process(x);
            x += 6.0 * frication.process(noise) * now.frication;
            out.append(float(x));
        }
    }
    float peak = 0.0f;
    for (const float v : std::as_const(out))
        peak = std::max(peak, std::abs(v));
    if (peak > 0.0f)
        for (float &v : out)
            v /= peak;
    return out;
}

QList<float> SpeechLikeSynth::silence(double seconds)
{
    return QList<float>(qsizetype(std::max(0.0, seconds) * kRate), 0.0f);
}

void SpeechLikeSynth::addRoomTone(QList<float> &samples, double dbfs, quint64 seed)
{
    DemoRandom rng(seed);
    // Uniform noise in [-1, 1] through y += (x - y) / 2 has an RMS of 1/3.
    const double amplitude = 3.0 * std::pow(10.0, dbfs / 20.0);
    double state = 0.0;
    for (float &v : samples) {
        state += 0.5 * (rng.between(-1.0, 1.0) - state);
        v += float(amplitude * state);
    }
}

} // namespace kx
