// SPDX-License-Identifier: GPL-3.0-or-later
// TimeStretcher rendered offline: a 440 Hz sine at 2× and 0.5× keeps its pitch
// (zero crossings, and a DFT bin against the bins a plain resampling would move
// the tone to), has 1/speed of the length, and starts aligned with its input.
#include "audio/timestretcher.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
#include <numbers>
#include <vector>

using namespace kx;

namespace {

constexpr int kRate = 44100;

/** @p seconds of a @p hz sine at amplitude 0.5 on every channel, after @p silentSeconds of silence. */
std::vector<float> sine(double hz, double seconds, int channels, double silentSeconds = 0.0)
{
    const auto silent = qint64(silentSeconds * kRate);
    const auto frames = silent + qint64(seconds * kRate);
    std::vector<float> out(size_t(frames * channels), 0.0f);
    for (qint64 i = silent; i < frames; ++i) {
        const auto v = float(0.5 * std::sin(2.0 * std::numbers::pi * hz * double(i - silent) / kRate));
        for (int c = 0; c < channels; ++c)
            out[size_t(i * channels + c)] = v;
    }
    return out;
}

/** Feeds @p input in 1024-frame blocks as a player would and collects every output frame. */
std::vector<float> stretch(TimeStretcher &stretcher, const std::vector<float> &input)
{
    const int channels = stretcher.channels();
    const qint64 frames = qint64(input.size()) / channels;
    std::vector<float> out;
    std::vector<float> block(size_t(4096 * channels));
    auto drain = [&] {
        for (qint64 ready; (ready = stretcher.available()) > 0;) {
            const qint64 n = std::min<qint64>(ready, 4096);
            const qint64 got = stretcher.retrieve(block.data(), n);
            out.insert(out.end(), block.begin(), block.begin() + got * channels);
            if (got == 0)
                break;
        }
    };
    for (qint64 at = 0; at < frames; at += 1024) {
        const qint64 n = std::min<qint64>(1024, frames - at);
        stretcher.process(input.data() + at * channels, n, at + n == frames);
        drain();
    }
    for (int i = 0; i < 8 && !stretcher.isFinished(); ++i)
        drain();
    return out;
}

std::vector<float> stretch(const std::vector<float> &input, int channels, double speed)
{
    TimeStretcher stretcher(kRate, channels, speed);
    return stretch(stretcher, input);
}

/** One channel of frames [from, to). */
std::vector<float> channel(const std::vector<float> &interleaved, int channels, int c, qint64 from, qint64 to)
{
    std::vector<float> out;
    for (qint64 i = from; i < to; ++i)
        out.push_back(interleaved[size_t(i * channels + c)]);
    return out;
}

/** Frequency from rising zero crossings. */
double zeroCrossingHz(const std::vector<float> &x)
{
    int crossings = 0;
    qint64 first = -1;
    qint64 last = -1;
    for (size_t i = 1; i < x.size(); ++i) {
        if (x[i - 1] < 0.0f && x[i] >= 0.0f) {
            if (first < 0)
                first = qint64(i);
            last = qint64(i);
            ++crossings;
        }
    }
    return crossings > 1 ? double(crossings - 1) * kRate / double(last - first) : 0.0;
}

/** Magnitude of the DFT of @p x at @p hz (Goertzel), normalised by length. */
double magnitudeAt(const std::vector<float> &x, double hz)
{
    const double w = 2.0 * std::numbers::pi * hz / kRate;
    const double coeff = 2.0 * std::cos(w);
    double s1 = 0.0;
    double s2 = 0.0;
    for (float v : x) {
        const double s0 = double(v) + coeff * s1 - s2;
        s2 = s1;
        s1 = s0;
    }
    return std::sqrt(std::max(s1 * s1 + s2 * s2 - coeff * s1 * s2, 0.0)) / double(x.size());
}

/** First frame whose absolute value on channel 0 exceeds @p threshold. */
qint64 onset(const std::vector<float> &interleaved, int channels, float threshold)
{
    for (qint64 i = 0; i < qint64(interleaved.size()) / channels; ++i) {
        if (std::abs(interleaved[size_t(i * channels)]) > threshold)
            return i;
    }
    return -1;
}

} // namespace

class TestTimeStretcher : public QObject
{
    Q_OBJECT

private slots:
    void keepsPitchAndScalesLength_data()
    {
        QTest::addColumn<double>("speed");
        QTest::addColumn<int>("channels");
        QTest::newRow("2x mono") << 2.0 << 1;
        QTest::newRow("0.5x mono") << 0.5 << 1;
        QTest::newRow("2x stereo") << 2.0 << 2;
        QTest::newRow("0.5x stereo") << 0.5 << 2;
        QTest::newRow("1.5x mono") << 1.5 << 1;
    }

    void keepsPitchAndScalesLength()
    {
        QFETCH(double, speed);
        QFETCH(int, channels);
        const double seconds = 3.0;
        const std::vector<float> input = sine(440.0, seconds, channels);
        const std::vector<float> output = stretch(input, channels, speed);

        const qint64 inFrames = qint64(input.size()) / channels;
        const qint64 outFrames = qint64(output.size()) / channels;
        const double lengthRatio = double(outFrames) / double(inFrames);
        qInfo("speed %.2f: %lld frames in, %lld out (ratio %.3f, expected %.3f)", speed, inFrames, outFrames,
              lengthRatio, 1.0 / speed);
        QVERIFY2(std::abs(lengthRatio * speed - 1.0) < 0.05, qPrintable(QString::number(lengthRatio)));

        // The steady middle of the output, away from the start-up and the tail.
        for (int c = 0; c < channels; ++c) {
            const std::vector<float> middle = channel(output, channels, c, outFrames / 5, outFrames * 4 / 5);
            const double hz = zeroCrossingHz(middle);
            qInfo("channel %d: %.1f Hz by zero crossings", c, hz);
            QVERIFY2(std::abs(hz - 440.0) < 440.0 * 0.02, qPrintable(QString::number(hz)));

            // Speeding up by resampling would have moved the tone to 440 × speed.
            const double kept = magnitudeAt(middle, 440.0);
            const double moved = magnitudeAt(middle, 440.0 * speed);
            qInfo("|X(440)| = %.4f, |X(%.0f)| = %.4f", kept, 440.0 * speed, moved);
            QVERIFY(kept > 0.1);
            QVERIFY(kept > 20.0 * moved);
        }
    }

    // The player maps output frame n to input frame n × speed: the stretcher's
    // start delay must be gone, so a tone starting at 1 s comes out at 1/speed s.
    void outputIsAlignedWithInput_data()
    {
        QTest::addColumn<double>("speed");
        QTest::newRow("2x") << 2.0;
        QTest::newRow("0.5x") << 0.5;
        QTest::newRow("1.25x") << 1.25;
    }

    void outputIsAlignedWithInput()
    {
        QFETCH(double, speed);
        const std::vector<float> input = sine(440.0, 1.0, 1, 1.0);
        const std::vector<float> output = stretch(input, 1, speed);
        const qint64 at = onset(output, 1, 0.1f);
        const double expected = kRate / speed;
        qInfo("tone at output frame %lld, expected %.0f (%.1f ms off)", at, expected,
              (double(at) - expected) * 1000.0 / kRate);
        QVERIFY(at >= 0);
        QVERIFY2(std::abs(double(at) - expected) < kRate * 0.03, qPrintable(QString::number(at)));
    }

    // After reset() the stretcher starts over, aligned again, at the same speed.
    void resetStartsOver()
    {
        TimeStretcher stretcher(kRate, 1, 2.0);
        const std::vector<float> tone = sine(440.0, 0.5, 1);
        stretcher.process(tone.data(), qint64(tone.size()), false);
        QVERIFY(stretcher.available() > 0);
        stretcher.reset();
        QCOMPARE(stretcher.available(), 0);
        QCOMPARE(stretcher.speed(), 2.0);
        const std::vector<float> output = stretch(stretcher, sine(440.0, 1.0, 1, 0.5));
        QVERIFY(stretcher.isFinished());
        const qint64 at = onset(output, 1, 0.1f);
        QVERIFY2(std::abs(double(at) - 0.25 * kRate) < kRate * 0.03, qPrintable(QString::number(at)));
    }

    // Not a timing assertion: prints how much faster than real time 48 kHz stereo stretches.
    void throughput()
    {
        constexpr int rate = 48000;
        TimeStretcher stretcher(rate, 2, 2.0);
        std::vector<float> block(size_t(1024 * 2));
        for (size_t i = 0; i < block.size(); ++i)
            block[i] = float(0.3 * std::sin(double(i) * 0.05));
        std::vector<float> out(size_t(8192 * 2));
        const qint64 inputFrames = qint64(rate) * 10;
        QElapsedTimer timer;
        timer.start();
        for (qint64 fed = 0; fed < inputFrames; fed += 1024) {
            stretcher.process(block.data(), 1024, false);
            while (stretcher.available() > 0)
                stretcher.retrieve(out.data(), 8192);
        }
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        qInfo("10 s of 48 kHz stereo at 2x in %.3f s: %.0fx real time", seconds, 10.0 / seconds);
    }
};

QTEST_GUILESS_MAIN(TestTimeStretcher)
#include "tst_timestretcher.moc"
