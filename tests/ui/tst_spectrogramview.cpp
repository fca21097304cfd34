// SPDX-License-Identifier: GPL-3.0-or-later
// The spectrogram view: a 1 kHz sine made by sox lights the row drawn at 1 kHz;
// it shares the time axis with the waveform, recomputes on zoom, seeks on a
// click and reports a decoder error instead of crashing.
#include "audio/audioviewport.h"
#include "audio/spectrogramview.h"
#include "audio/waveformview.h"
#include "audiofixtures.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace kx;
using kx::test::AudioFixtures;

class TestSpectrogramView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sineIsBrightestAtItsFrequency();
    void sharesTheViewportAndRecomputesOnZoom();
    void clickSeeks();
    void decoderErrorIsShown();

private:
    AudioDecoderFactory factory() const
    {
        return [path = m_sine] { return AudioDecoder::openFile(path); };
    }
    AudioInfo info() const
    {
        auto decoder = AudioDecoder::openFile(m_sine);
        return decoder ? (*decoder)->info() : AudioInfo{};
    }
    /** The y with the brightest pixel in @p column of @p image within @p rect. */
    static int brightestRow(const QImage &image, int column, const QRect &rect);

    QTemporaryDir m_dir;
    QString m_sine;  // 3 s of 1 kHz at half scale, 16 kHz mono
};

void TestSpectrogramView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_sine = m_dir.filePath(QStringLiteral("sine1k.wav"));
    const auto made = AudioFixtures::run(QStringLiteral("sox"),
                                         {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("16000"),
                                          QStringLiteral("-c"), QStringLiteral("1"), QStringLiteral("-b"),
                                          QStringLiteral("16"), m_sine, QStringLiteral("synth"), QStringLiteral("3"),
                                          QStringLiteral("sine"), QStringLiteral("1000"), QStringLiteral("vol"),
                                          QStringLiteral("0.5")});
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
    QCOMPARE(info().frames, 48000);
}

int TestSpectrogramView::brightestRow(const QImage &image, int column, const QRect &rect)
{
    int best = -1;
    int bestLevel = -1;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        const QRgb pixel = image.pixel(column, y);
        const int level = qRed(pixel) + qGreen(pixel) + qBlue(pixel);
        if (level > bestLevel) {
            bestLevel = level;
            best = y;
        }
    }
    return best;
}

void TestSpectrogramView::sineIsBrightestAtItsFrequency()
{
    SpectrogramView view;
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy updated(&view, &SpectrogramView::spectrogramUpdated);
    // A 3 s clip is less than one pyramid bucket per pixel: let the shared axis go finer.
    view.audioViewport()->setMinimumFramesPerPixel(1.0);
    view.setSource(factory(), info());
    QVERIFY(view.isComputing());
    QVERIFY(updated.wait(15000));
    QVERIFY(!view.currentImage().image.isNull());
    QCOMPARE(view.effectiveFftSize(), 512);  // about 25 ms at 16 kHz

    const QImage image = view.viewport()->grab().toImage();
    const QRect content = view.contentRect();
    const double expected = view.yForFrequency(1000.0);
    const double rowHeight = double(content.height()) / (view.effectiveFftSize() / 2 + 1);
    for (const int column : {200, 400, 700}) {
        const int row = brightestRow(image, column, content);
        QVERIFY2(std::abs(row - expected) <= std::max(2.0, 1.5 * rowHeight),
                 qPrintable(QStringLiteral("column %1: brightest at y %2, 1 kHz at %3").arg(column).arg(row).arg(expected)));
        // An octave up there is next to nothing.
        const QRgb bright = image.pixel(column, row);
        const QRgb octave = image.pixel(column, int(view.yForFrequency(2000.0)));
        QVERIFY(qRed(bright) + qGreen(bright) + qBlue(bright) > 3 * (qRed(octave) + qGreen(octave) + qBlue(octave)));
    }
    const QString dir = qEnvironmentVariable("KX_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        view.grab().save(dir + QStringLiteral("/spectrogram-sine.png"));
}

void TestSpectrogramView::sharesTheViewportAndRecomputesOnZoom()
{
    AudioViewport shared;
    WaveformView waveform;
    SpectrogramView spectrogram;
    waveform.setAudioViewport(&shared);
    spectrogram.setAudioViewport(&shared);
    spectrogram.resize(600, 300);
    spectrogram.show();
    QVERIFY(QTest::qWaitForWindowExposed(&spectrogram));
    QSignalSpy updated(&spectrogram, &SpectrogramView::spectrogramUpdated);
    shared.setMinimumFramesPerPixel(1.0);
    spectrogram.setSource(factory(), info());
    QCOMPARE(shared.frames(), 48000);
    QVERIFY(updated.wait(15000));
    QCOMPARE(spectrogram.currentImage().firstFrame, 0);
    QCOMPARE(spectrogram.currentImage().endFrame, 48000);

    // Zoom in through the spectrogram: the waveform's axis moved with it, and the spectrogram
    // recomputes just the visible span.
    shared.zoomBy(4.0, 300);
    QCOMPARE(waveform.audioViewport()->framesPerPixel(), shared.framesPerPixel());
    QVERIFY(updated.wait(15000));
    const SpectrogramImage &image = spectrogram.currentImage();
    QCOMPARE(image.firstFrame, qint64(std::floor(shared.firstFrame())));
    QCOMPARE(image.endFrame, qint64(std::ceil(shared.endFrame())));
    QVERIFY(image.endFrame - image.firstFrame < 48000 / 3);
}

void TestSpectrogramView::clickSeeks()
{
    SpectrogramView view;
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.audioViewport()->setMinimumFramesPerPixel(1.0);
    view.setSource(factory(), info());
    QSignalSpy seeks(&view, &SpectrogramView::seekRequested);
    const QPoint at(300, 150);
    const qint64 expected = view.audioViewport()->frameAtX(at.x());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(seeks.size(), 1);
    QCOMPARE(seeks.at(0).at(0).toLongLong(), expected);
    QVERIFY(expected > 20000 && expected < 28000);
}

void TestSpectrogramView::decoderErrorIsShown()
{
    SpectrogramView view;
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy errors(&view, &SpectrogramView::errorOccurred);
    const QString missing = m_dir.filePath(QStringLiteral("gone.wav"));
    view.setSource([missing] { return AudioDecoder::openFile(missing); }, info());
    QVERIFY(errors.wait(15000));
    QVERIFY(errors.at(0).at(0).toString().contains(QStringLiteral("gone.wav")));
    QVERIFY(!view.viewport()->grab().isNull());
}

QTEST_MAIN(TestSpectrogramView)
#include "tst_spectrogramview.moc"
