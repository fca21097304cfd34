// SPDX-License-Identifier: GPL-3.0-or-later
// AudioPlayer on a real PulseAudio server with null sinks (scripts/bootstrap test
// starts one: tests/core/audio/start-pulseaudio.sh), with clips made by sox and
// espeak-ng. Rates are compared with generous bounds: these check behaviour
// (2× advances about twice as fast), they are not benchmarks.
#include "audio/audioplayer.h"
#include "audiofixtures.h"
#include "formats/audiodecoder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMediaDevices>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;
using namespace kx::test;

namespace {

constexpr int kRate = 44100;
constexpr qint64 kToneFrames = 8 * qint64(kRate);

QString runOutput(const QString &program, const QStringList &args, bool *ok = nullptr)
{
    QProcess p;
    p.start(program, args);
    const bool done = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (ok)
        *ok = done;
    if (!done)
        qWarning().noquote() << program << args.join(QLatin1Char(' ')) << QString::fromLocal8Bit(p.readAllStandardError());
    return QString::fromUtf8(p.readAllStandardOutput());
}

bool run(const QString &program, const QStringList &args)
{
    bool ok = false;
    runOutput(program, args, &ok);
    return ok;
}

std::unique_ptr<AudioDecoder> open(const QString &path)
{
    return AudioFixtures::openOrWarn(path);
}

qint64 frames(double seconds)
{
    return qint64(seconds * kRate);
}

/** Waits until the position passes @p from: a server can take a moment to start reading a new stream. */
bool waitForMotion(const AudioPlayer &player, qint64 from, int timeoutMs = 5000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (player.position() > from)
            return true;
        QTest::qWait(5);
    }
    return false;
}

/** Seconds of the clip played per second of wall clock, over @p ms. */
double measureRate(const AudioPlayer &player, int ms)
{
    QElapsedTimer timer;
    const qint64 from = player.position();
    timer.start();
    QTest::qWait(ms);
    const qint64 to = player.position();
    const double wall = double(timer.nsecsElapsed()) / 1e9;
    return double(to - from) / player.info().sampleRate / wall;
}

/** The PulseAudio sink our process plays to, by `pactl` (empty when it cannot tell). */
QString sinkOfThisProcess()
{
    bool ok = false;
    const QString inputs = runOutput(QStringLiteral("pactl"), {QStringLiteral("-f"), QStringLiteral("json"),
                                                               QStringLiteral("list"), QStringLiteral("sink-inputs")}, &ok);
    const QString sinks = runOutput(QStringLiteral("pactl"), {QStringLiteral("-f"), QStringLiteral("json"),
                                                              QStringLiteral("list"), QStringLiteral("sinks"),
                                                              QStringLiteral("short")}, &ok);
    const QString pid = QString::number(QCoreApplication::applicationPid());
    for (const QJsonValue &input : QJsonDocument::fromJson(inputs.toUtf8()).array()) {
        if (input[QLatin1String("properties")][QLatin1String("application.process.id")].toString() != pid)
            continue;
        const int index = input[QLatin1String("sink")].toInt(-1);
        for (const QJsonValue &sink : QJsonDocument::fromJson(sinks.toUtf8()).array()) {
            if (sink[QLatin1String("index")].toInt(-2) == index)
                return sink[QLatin1String("name")].toString();
        }
    }
    return {};
}

} // namespace

class TestAudioPlayer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!QMediaDevices::audioOutputs().isEmpty(),
                 "No audio output: no PulseAudio server answers. Start one with tests/core/audio/start-pulseaudio.sh "
                 "(scripts/bootstrap test does).");
        qInfo().noquote() << "QT_MEDIA_BACKEND:" << qEnvironmentVariable("QT_MEDIA_BACKEND", QStringLiteral("(unset)"))
                          << "default output:" << QMediaDevices::defaultAudioOutput().description()
                          << QMediaDevices::defaultAudioOutput().id();
        QVERIFY(m_dir.isValid());
        for (const char *tool : {"sox", "espeak-ng", "flac"})
            QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(), tool);

        m_tone = m_dir.filePath(QStringLiteral("tone.flac"));
        QVERIFY(run(QStringLiteral("sox"), {QStringLiteral("-n"), QStringLiteral("-r"), QString::number(kRate),
                                            QStringLiteral("-c"), QStringLiteral("2"), QStringLiteral("-b"),
                                            QStringLiteral("16"), m_tone, QStringLiteral("synth"), QStringLiteral("8"),
                                            QStringLiteral("sine"), QStringLiteral("220-880"), QStringLiteral("sine"),
                                            QStringLiteral("440"), QStringLiteral("gain"), QStringLiteral("-12")}));
        m_speech = m_dir.filePath(QStringLiteral("speech.wav"));
        QVERIFY(run(QStringLiteral("espeak-ng"), {QStringLiteral("-w"), m_speech,
                                                  QStringLiteral("Please check this clip at double speed.")}));

        // Half of a FLAC: the header promises more frames than there are.
        QFile whole(m_tone);
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();
        m_truncated = m_dir.filePath(QStringLiteral("truncated.flac"));
        QFile truncated(m_truncated);
        QVERIFY(truncated.open(QIODevice::WriteOnly));
        truncated.write(bytes.left(bytes.size() / 3));
        truncated.close();
        // The FLAC magic followed by noise.
        m_garbage = m_dir.filePath(QStringLiteral("garbage.flac"));
        QFile garbage(m_garbage);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        QByteArray noise("fLaC");
        for (int i = 0; i < 20000; ++i)
            noise.append(char((i * 7919 + 13) % 251));
        garbage.write(noise);
        garbage.close();
    }

    void withoutSourceNothingHappens()
    {
        AudioPlayer player;
        QSignalSpy states(&player, &AudioPlayer::stateChanged);
        player.play();
        player.seek(1000);
        QVERIFY(!player.hasSource());
        QCOMPARE(player.state(), AudioPlayer::State::Stopped);
        QCOMPARE(player.position(), 0);
        QCOMPARE(states.size(), 0);
    }

    void playAdvancesWithTheClock()
    {
        AudioPlayer player;
        QSignalSpy states(&player, &AudioPlayer::stateChanged);
        player.setSource(open(m_tone));
        QVERIFY(player.hasSource());
        QCOMPARE(player.info().frames, kToneFrames);
        player.play();
        QCOMPARE(player.state(), AudioPlayer::State::Playing);
        QCOMPARE(states.size(), 1);
        QVERIFY2(waitForMotion(player, 0), "the position did not move within 5 s of play()");

        QSignalSpy positions(&player, &AudioPlayer::positionChanged);
        const double rate = measureRate(player, 1000);
        qInfo("1x: %.3f s of clip per second", rate);
        QVERIFY2(rate > 0.7 && rate < 1.3, qPrintable(QString::number(rate)));
        qInfo("%lld positionChanged in about 1 s", qint64(positions.size()));
        QVERIFY(positions.size() >= 10);
        QCOMPARE(player.state(), AudioPlayer::State::Playing);
    }

    void speedScalesTheRate()
    {
        AudioPlayer player;
        player.setSource(open(m_tone));
        auto rateAt = [&](double speed, bool whilePlaying) {
            if (whilePlaying) {
                player.setSpeed(speed);   // takes effect once the queued audio has played
            } else {
                player.setSpeed(speed);
                player.seek(frames(0.5));
                player.play();
            }
            const bool moved = waitForMotion(player, player.position());
            QTest::qWait(400);
            const double rate = moved ? measureRate(player, 1000) : 0.0;
            qInfo("%.2fx: %.3f s of clip per second%s", speed, rate, whilePlaying ? " (changed while playing)" : "");
            return rate;
        };
        const double normal = rateAt(1.0, false);
        QVERIFY(normal > 0.5);
        const double twice = rateAt(2.0, true);
        player.stop();
        const double half = rateAt(0.5, false);
        player.stop();
        const double twiceAgain = rateAt(2.0, false);
        QCOMPARE(player.speed(), 2.0);
        QVERIFY2(twice / normal > 1.6 && twice / normal < 2.4, qPrintable(QString::number(twice / normal)));
        QVERIFY2(twiceAgain / normal > 1.6 && twiceAgain / normal < 2.4, qPrintable(QString::number(twiceAgain / normal)));
        QVERIFY2(half / normal > 0.4 && half / normal < 0.6, qPrintable(QString::number(half / normal)));

        player.setSpeed(9.0);
        QCOMPARE(player.speed(), AudioPlayer::maximumSpeed);
        player.setSpeed(0.1);
        QCOMPARE(player.speed(), AudioPlayer::minimumSpeed);
    }

    void pauseHoldsThePosition()
    {
        AudioPlayer player;
        player.setSource(open(m_tone));
        player.play();
        QVERIFY(waitForMotion(player, 0));
        QTest::qWait(200);
        player.pause();
        QCOMPARE(player.state(), AudioPlayer::State::Paused);
        const qint64 held = player.position();
        QVERIFY(held > 0);
        QTest::qWait(400);
        QCOMPARE(player.position(), held);
        player.togglePlayPause();
        QCOMPARE(player.state(), AudioPlayer::State::Playing);
        QCOMPARE(player.position(), held);   // resumes where it was paused
        QVERIFY(waitForMotion(player, held));
        QVERIFY(player.position() < held + frames(1.0));
        player.togglePlayPause();
        QCOMPARE(player.state(), AudioPlayer::State::Paused);
    }

    void seekJumps()
    {
        AudioPlayer player;
        player.setSource(open(m_tone));
        QSignalSpy positions(&player, &AudioPlayer::positionChanged);
        player.seek(frames(2.0));   // while stopped
        QCOMPARE(player.position(), frames(2.0));
        QCOMPARE(positions.last().first().toLongLong(), frames(2.0));
        player.play();
        QCOMPARE(player.position(), frames(2.0));
        QVERIFY(waitForMotion(player, frames(2.0)));

        const qint64 target = 4 * kRate + 123;   // sample-accurate, not a block boundary
        player.seek(target);
        QCOMPARE(player.state(), AudioPlayer::State::Playing);
        QCOMPARE(player.position(), target);
        QCOMPARE(positions.last().first().toLongLong(), target);
        QVERIFY(waitForMotion(player, target));
        QTest::qWait(300);
        QVERIFY(player.position() > target && player.position() < target + frames(1.5));

        player.seekSeconds(1.5);
        QCOMPARE(player.position(), frames(1.5));
        player.seek(-100);
        QCOMPARE(player.position(), 0);
        player.pause();
        player.seek(frames(100.0));
        QCOMPARE(player.position(), kToneFrames);
    }

    void loopKeepsThePositionInside_data()
    {
        QTest::addColumn<double>("speed");
        QTest::newRow("1x") << 1.0;
        QTest::newRow("2x") << 2.0;
    }

    void loopKeepsThePositionInside()
    {
        QFETCH(double, speed);
        AudioPlayer player;
        player.setSource(open(m_tone));
        player.setSpeed(speed);
        const qint64 start = frames(1.0);
        const qint64 end = frames(1.4);
        QSignalSpy loops(&player, &AudioPlayer::loopChanged);
        player.setLoop(start, end);
        QCOMPARE(loops.size(), 1);
        QCOMPARE(player.loopStart(), start);
        QCOMPARE(player.loopEnd(), end);
        QCOMPARE(player.position(), start);   // it was outside the loop

        QSignalSpy positions(&player, &AudioPlayer::positionChanged);
        player.play();
        QVERIFY(waitForMotion(player, start));
        // Five loop lengths of wall clock (ten at 2×).
        QElapsedTimer timer;
        timer.start();
        int wraps = 0;
        qint64 last = player.position();
        while (timer.elapsed() < 2000) {
            QTest::qWait(10);
            const qint64 now = player.position();
            QVERIFY2(now >= start && now < end, qPrintable(QString::number(now)));
            wraps += now < last ? 1 : 0;
            last = now;
        }
        for (const QList<QVariant> &signal : positions) {
            const qint64 frame = signal.first().toLongLong();
            QVERIFY2(frame >= start && frame < end, qPrintable(QString::number(frame)));
        }
        qInfo("%d wraps in 2 s at %.1fx", wraps, speed);
        QVERIFY(wraps >= 3);

        // Without the loop, playback runs past its end.
        player.clearLoop();
        QCOMPARE(player.loopStart(), player.loopEnd());
        QCOMPARE(player.state(), AudioPlayer::State::Playing);
        QTest::qWait(1000);
        QVERIFY(player.position() >= end);
    }

    void loopSetWhilePlayingCatchesThePosition()
    {
        AudioPlayer player;
        player.setSource(open(m_tone));
        player.play();
        QVERIFY(waitForMotion(player, 0));
        player.setLoop(frames(3.0), frames(3.5));   // the position is before it: jump in
        QCOMPARE(player.position(), frames(3.0));
        QVERIFY(waitForMotion(player, frames(3.0)));
        QTest::qWait(1200);
        QVERIFY(player.position() >= frames(3.0) && player.position() < frames(3.5));
        player.stop();
        QCOMPARE(player.position(), frames(3.0));   // stop returns to the loop's start
    }

    void stopReturnsToTheStart()
    {
        AudioPlayer player;
        player.setSource(open(m_tone));
        player.seek(frames(1.0));
        player.play();
        QVERIFY(waitForMotion(player, frames(1.0)));
        QSignalSpy states(&player, &AudioPlayer::stateChanged);
        player.stop();
        QCOMPARE(player.state(), AudioPlayer::State::Stopped);
        QCOMPARE(states.size(), 1);
        QCOMPARE(player.position(), 0);
        QTest::qWait(200);
        QCOMPARE(player.position(), 0);
    }

    void theEndStopsPlayback()
    {
        AudioPlayer player;
        player.setSource(open(m_speech));
        const qint64 length = player.info().frames;
        QVERIFY(length > player.info().sampleRate);   // espeak-ng made a clip of a second or more
        qint64 furthest = 0;
        connect(&player, &AudioPlayer::positionChanged, this, [&](qint64 frame) { furthest = std::max(furthest, frame); });
        QSignalSpy states(&player, &AudioPlayer::stateChanged);
        player.setSpeed(2.0);
        player.play();
        QCOMPARE(states.size(), 1);   // Playing
        QVERIFY(states.wait(15000));
        QCOMPARE(player.state(), AudioPlayer::State::Stopped);
        QCOMPARE(player.position(), 0);
        qInfo("furthest position heard: %lld of %lld frames", furthest, length);
        QVERIFY(furthest > length * 8 / 10);
        QVERIFY(furthest <= length);
    }

    void volumeAndDeviceSwitchKeepPlaying()
    {
        AudioPlayer player;
        player.setSource(open(m_tone));
        player.play();
        QVERIFY(waitForMotion(player, 0));

        QSignalSpy volumes(&player, &AudioPlayer::volumeChanged);
        player.setVolume(0.25f);
        QCOMPARE(player.volume(), 0.25f);
        QCOMPARE(volumes.size(), 1);
        player.setVolume(7.0f);
        QCOMPARE(player.volume(), 1.0f);
        player.setVolume(0.25f);
        QVERIFY(waitForMotion(player, player.position()));
        QCOMPARE(player.state(), AudioPlayer::State::Playing);

        // Prefer an output other than the default (start-pulseaudio.sh makes kx_null_b).
        const QList<QAudioDevice> outputs = QMediaDevices::audioOutputs();
        const QAudioDevice fallback = QMediaDevices::defaultAudioOutput();
        QAudioDevice other = fallback;
        for (const QAudioDevice &device : outputs) {
            if (device.id() != fallback.id())
                other = device;
        }
        qInfo().noquote() << "switching from" << fallback.id() << "to" << other.id();
        const qint64 before = player.position();
        player.setDevice(other);
        QCOMPARE(player.device(), other);
        QCOMPARE(player.state(), AudioPlayer::State::Playing);
        const qint64 after = player.position();
        QVERIFY2(after >= before && after < before + frames(0.5), qPrintable(QStringLiteral("%1 → %2").arg(before).arg(after)));
        QVERIFY(waitForMotion(player, after));
        if (other.id() != fallback.id() && !QStandardPaths::findExecutable(QStringLiteral("pactl")).isEmpty())
            QCOMPARE(sinkOfThisProcess(), QString::fromUtf8(other.id()));

        // Paused: the switch keeps state and position.
        player.pause();
        const qint64 held = player.position();
        player.setDevice(QAudioDevice());
        QCOMPARE(player.state(), AudioPlayer::State::Paused);
        QCOMPARE(player.position(), held);
        player.play();
        QVERIFY(waitForMotion(player, held));
        QCOMPARE(player.volume(), 0.25f);
    }

    void corruptFlacReportsAnError()
    {
        // Noise after the magic: the decoder refuses it up front.
        auto garbage = AudioDecoder::openFile(m_garbage);
        QVERIFY(!garbage);
        QVERIFY(garbage.error().message.contains(QStringLiteral("garbage.flac")));

        // A truncated FLAC opens (its header is intact) and fails where the data stops.
        auto truncated = AudioDecoder::openFile(m_truncated);
        QVERIFY2(truncated, truncated ? "" : qPrintable(truncated.error().message));
        AudioPlayer player;
        QSignalSpy errors(&player, &AudioPlayer::errorOccurred);
        player.setSource(std::move(truncated.value()));
        player.seek(frames(2.0));
        player.setSpeed(1.5);
        player.play();
        QVERIFY(errors.wait(15000));
        const QString message = errors.first().first().toString();
        qInfo().noquote() << message;
        QVERIFY(message.contains(QStringLiteral("truncated.flac")));
        QCOMPARE(player.state(), AudioPlayer::State::Stopped);
        // Still usable: play again from the start, then replace the clip.
        player.seek(0);
        player.play();
        QCOMPARE(player.state(), AudioPlayer::State::Playing);
        player.setSource(open(m_tone));
        QCOMPARE(player.state(), AudioPlayer::State::Stopped);
        player.clearSource();
        QVERIFY(!player.hasSource());
        QCOMPARE(player.info().frames, 0);
    }

private:
    QTemporaryDir m_dir;
    QString m_tone;
    QString m_speech;
    QString m_truncated;
    QString m_garbage;
};

QTEST_GUILESS_MAIN(TestAudioPlayer)
#include "tst_audioplayer.moc"
