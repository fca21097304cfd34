// SPDX-License-Identifier: GPL-3.0-or-later
// The waveform view: its envelope against sines of known amplitude made by
// sox, zoom around the cursor, click-to-seek, drag-to-select, the playhead
// following playback, and painting a one-hour clip at several zoom levels.
#include "audio/peakpyramid.h"
#include "audio/audioviewport.h"
#include "audio/waveformview.h"
#include "audiofixtures.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cmath>

using namespace kx;
using kx::test::AudioFixtures;

class TestWaveformView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void formatsTimes_data();
    void formatsTimes();
    void envelopeMatchesAmplitude();
    void lanesPerChannelOrMerged();
    void wheelZoomKeepsFrameUnderCursor();
    void keysZoomWithinLimits();
    void clickSeeks();
    void dragSelectsAndEscapeClears();
    void playheadFollowsPlayback();
    void samplesDrawnBelowOneBucketPerPixel();
    void oneHourClipPaintsAtEveryZoom();

private:
    static std::shared_ptr<const PeakPyramid> pyramid(const QString &path);
    /** Sizes @p view, gives it @p peaks and shows it; false when the window never appeared. */
    static bool showWith(WaveformView &view, const std::shared_ptr<const PeakPyramid> &peaks, int width, int height);
    /** Rows [top, bottom] in @p column of @p image holding @p color (within a tolerance); {-1, -1} when none. */
    static QPair<int, int> extent(const QImage &image, int column, const QRect &lane, const QColor &color);
    static void saveScreenshot(QWidget *widget, const QString &name);

    QTemporaryDir m_dir;
    // Long enough that the whole clip in 800 pixels is more than one pyramid bucket per pixel.
    QString m_mono;    // 20 s, 440 Hz at half scale, 16 kHz
    QString m_stereo;  // 20 s, left at 0.8, right at 0.3
};

void TestWaveformView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_mono = m_dir.filePath(QStringLiteral("mono.wav"));
    m_stereo = m_dir.filePath(QStringLiteral("stereo.wav"));
    const auto mono = AudioFixtures::run(QStringLiteral("sox"),
                                         {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("16000"),
                                          QStringLiteral("-c"), QStringLiteral("1"), QStringLiteral("-b"),
                                          QStringLiteral("16"), m_mono, QStringLiteral("synth"), QStringLiteral("20"),
                                          QStringLiteral("sine"), QStringLiteral("440"), QStringLiteral("vol"),
                                          QStringLiteral("0.5")});
    QVERIFY2(mono.ok(), qPrintable(mono.ok() ? QString() : mono.error().message));
    const auto stereo = AudioFixtures::run(
        QStringLiteral("sox"),
        {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("16000"), QStringLiteral("-c"),
         QStringLiteral("2"), QStringLiteral("-b"), QStringLiteral("16"), m_stereo, QStringLiteral("synth"),
         QStringLiteral("20"), QStringLiteral("sine"), QStringLiteral("440"), QStringLiteral("sine"),
         QStringLiteral("440"), QStringLiteral("remix"), QStringLiteral("1v0.8"), QStringLiteral("2v0.3")});
    QVERIFY2(stereo.ok(), qPrintable(stereo.ok() ? QString() : stereo.error().message));
}

void TestWaveformView::formatsTimes_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0.0 << 1 << QStringLiteral("00:00.0");
    QTest::newRow("negative") << -3.0 << 1 << QStringLiteral("00:00.0");
    QTest::newRow("tenths") << 83.44 << 1 << QStringLiteral("01:23.4");
    QTest::newRow("rounds up a minute") << 59.96 << 1 << QStringLiteral("01:00.0");
    QTest::newRow("milliseconds") << 4.5005 << 3 << QStringLiteral("00:04.501");
    QTest::newRow("whole seconds") << 605.2 << 0 << QStringLiteral("10:05");
    QTest::newRow("an hour") << 3600.0 << 1 << QStringLiteral("1:00:00.0");
    QTest::newRow("hours") << 2 * 3600.0 + 61.25 << 2 << QStringLiteral("2:01:01.25");
}

void TestWaveformView::formatsTimes()
{
    QFETCH(double, seconds);
    QFETCH(int, decimals);
    QFETCH(QString, text);
    QCOMPARE(formatAudioTime(seconds, decimals), text);
}

bool TestWaveformView::showWith(WaveformView &view, const std::shared_ptr<const PeakPyramid> &peaks, int width,
                                int height)
{
    view.resize(width, height);
    view.setPeaks(peaks);
    view.show();
    return QTest::qWaitForWindowExposed(&view);
}

std::shared_ptr<const PeakPyramid> TestWaveformView::pyramid(const QString &path)
{
    auto decoder = AudioDecoder::openFile(path);
    if (!decoder) {
        qWarning() << decoder.error().message;
        return {};
    }
    auto peaks = PeakPyramid::compute(**decoder);
    if (!peaks) {
        qWarning() << peaks.error().message;
        return {};
    }
    return std::make_shared<const PeakPyramid>(std::move(*peaks));
}

QPair<int, int> TestWaveformView::extent(const QImage &image, int column, const QRect &lane, const QColor &color)
{
    auto near = [&color](QRgb pixel) {
        return std::abs(qRed(pixel) - color.red()) + std::abs(qGreen(pixel) - color.green())
                   + std::abs(qBlue(pixel) - color.blue())
               < 60;
    };
    int top = -1;
    int bottom = -1;
    for (int y = lane.top(); y <= lane.bottom(); ++y) {
        if (near(image.pixel(column, y))) {
            if (top < 0)
                top = y;
            bottom = y;
        }
    }
    return {top, bottom};
}

void TestWaveformView::saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("KX_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

void TestWaveformView::envelopeMatchesAmplitude()
{
    const auto peaks = pyramid(m_mono);
    QVERIFY(peaks);
    WaveformView view;
    QVERIFY(showWith(view, peaks, 800, 300));
    QCOMPARE(view.laneCount(), 1);

    const QImage image = view.viewport()->grab().toImage();
    const QRect lane = view.laneRect(0);
    const double half = lane.height() / 2.0 - 3.0;  // the lane's margin, as WaveformView draws it
    for (const int column : {100, 400, 700}) {
        const auto [top, bottom] = extent(image, column, lane, view.waveformColor());
        QVERIFY2(top >= 0, "no envelope drawn");
        // A 0.5 sine fills half of each half-lane around the centre.
        const double expected = 2 * 0.5 * half;
        QVERIFY2(std::abs((bottom - top + 1) - expected) <= 3.0,
                 qPrintable(QStringLiteral("column %1: %2 px, expected %3").arg(column).arg(bottom - top + 1).arg(expected)));
        const double centre = (top + bottom) / 2.0;
        QVERIFY(std::abs(centre - (lane.top() + lane.height() / 2.0)) <= 2.0);
    }
    saveScreenshot(&view, QStringLiteral("waveform-mono"));
}

void TestWaveformView::lanesPerChannelOrMerged()
{
    const auto peaks = pyramid(m_stereo);
    QVERIFY(peaks);
    WaveformView view;
    QVERIFY(showWith(view, peaks, 800, 400));
    QCOMPARE(view.laneCount(), 2);

    QImage image = view.viewport()->grab().toImage();
    const double amplitudes[2] = {0.8, 0.3};
    for (int lane = 0; lane < 2; ++lane) {
        const QRect rect = view.laneRect(lane);
        const auto [top, bottom] = extent(image, 400, rect, view.waveformColor());
        QVERIFY(top >= 0);
        const double expected = 2 * amplitudes[lane] * (rect.height() / 2.0 - 3.0);
        QVERIFY2(std::abs((bottom - top + 1) - expected) <= 3.0,
                 qPrintable(QStringLiteral("lane %1: %2 px, expected %3").arg(lane).arg(bottom - top + 1).arg(expected)));
    }
    saveScreenshot(&view, QStringLiteral("waveform-stereo"));

    QSignalSpy merged(&view, &WaveformView::channelsMergedChanged);
    view.setChannelsMerged(true);
    QCOMPARE(merged.size(), 1);
    QCOMPARE(view.laneCount(), 1);
    image = view.viewport()->grab().toImage();
    const QRect rect = view.laneRect(0);
    const auto [top, bottom] = extent(image, 400, rect, view.waveformColor());
    // Merged: the louder channel's envelope.
    QVERIFY(std::abs((bottom - top + 1) - 2 * 0.8 * (rect.height() / 2.0 - 3.0)) <= 3.0);
}

void TestWaveformView::wheelZoomKeepsFrameUnderCursor()
{
    const auto peaks = pyramid(m_mono);
    QVERIFY(peaks);
    WaveformView view;
    QVERIFY(showWith(view, peaks, 800, 300));
    AudioViewport *viewport = view.audioViewport();
    QVERIFY(viewport->isFitted());
    QCOMPARE(viewport->width(), view.viewport()->width());
    // The whole clip fits: 320000 frames over the width.
    QVERIFY(std::abs(viewport->framesPerPixel() - 320000.0 / viewport->width()) < 1e-6);

    // Zoom in on a pixel left of the centre, twice, and out again once.
    auto wheel = [&view](const QPointF &at, int delta) {
        QWheelEvent event(at, view.viewport()->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton,
                          Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &event);
    };
    // The pyramid alone stops at 256 frames per pixel, two wheel notches from the whole clip here;
    // with a sample source the zoom goes on down to single samples.
    view.setSampleSource([path = m_mono] { return AudioDecoder::openFile(path); });
    const QPointF at(300, 100);
    const double before = viewport->firstFrame() + at.x() * viewport->framesPerPixel();
    const double fpp = viewport->framesPerPixel();
    wheel(at, 120);
    QVERIFY(viewport->framesPerPixel() < fpp);
    QVERIFY(std::abs(viewport->framesPerPixel() - fpp / M_SQRT2) < 1e-6);
    wheel(at, 240);
    QVERIFY(std::abs(viewport->framesPerPixel() - fpp / 2.0 / M_SQRT2) < 1e-6);
    const double after = viewport->firstFrame() + at.x() * viewport->framesPerPixel();
    QVERIFY2(std::abs(after - before) < 1.0, qPrintable(QStringLiteral("%1 vs %2").arg(after).arg(before)));
    QVERIFY(!viewport->isFitted());
    QVERIFY(view.horizontalScrollBar()->maximum() > 0);

    wheel(at, -120);
    QVERIFY(std::abs(viewport->framesPerPixel() - fpp / 2.0) < 1e-6);
    QVERIFY(std::abs(viewport->firstFrame() + at.x() * viewport->framesPerPixel() - before) < 1.0);
}

void TestWaveformView::keysZoomWithinLimits()
{
    const auto peaks = pyramid(m_mono);
    QVERIFY(peaks);
    WaveformView view;
    QVERIFY(showWith(view, peaks, 200, 200));
    AudioViewport *viewport = view.audioViewport();
    const double fit = viewport->framesPerPixel();
    QVERIFY(fit > AudioViewport::defaultMinimumFramesPerPixel);
    for (int i = 0; i < 20; ++i)
        QTest::keyClick(&view, Qt::Key_Plus);
    // Without a sample source the zoom stops at one pyramid bucket per pixel.
    QCOMPARE(viewport->framesPerPixel(), double(PeakPyramid::baseFramesPerBucket));
    QTest::keyClick(&view, Qt::Key_Minus);
    QVERIFY(viewport->framesPerPixel() > PeakPyramid::baseFramesPerBucket);
    QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(viewport->framesPerPixel(), fit);
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(&view, Qt::Key_Minus);
    QCOMPARE(viewport->framesPerPixel(), fit);  // never beyond the whole clip
}

void TestWaveformView::clickSeeks()
{
    const auto peaks = pyramid(m_mono);
    QVERIFY(peaks);
    WaveformView view;
    QVERIFY(showWith(view, peaks, 800, 300));
    QSignalSpy seeks(&view, &WaveformView::seekRequested);
    const QPoint at(400, 150);
    const qint64 expected = view.audioViewport()->frameAtX(at.x());
    QVERIFY(expected > 150000 && expected < 170000);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(seeks.size(), 1);
    QCOMPARE(seeks.at(0).at(0).toLongLong(), expected);
    QCOMPARE(view.audioViewport()->playhead(), expected);
}

void TestWaveformView::dragSelectsAndEscapeClears()
{
    const auto peaks = pyramid(m_mono);
    QVERIFY(peaks);
    WaveformView view;
    QVERIFY(showWith(view, peaks, 800, 300));
    AudioViewport *viewport = view.audioViewport();
    const QImage plain = view.viewport()->grab().toImage();

    QSignalSpy selections(&view, &WaveformView::selectionChanged);
    QSignalSpy seeks(&view, &WaveformView::seekRequested);
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, QPoint(100, 120));
    QMouseEvent move(QEvent::MouseMove, QPointF(300, 120), view.viewport()->mapToGlobal(QPointF(300, 120)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &move);
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, QPoint(300, 120));
    QVERIFY(!selections.isEmpty());
    QCOMPARE(seeks.size(), 0);  // a drag does not seek
    const qint64 start = selections.last().at(0).toLongLong();
    const qint64 end = selections.last().at(1).toLongLong();
    QCOMPARE(start, viewport->frameAtX(100));
    QCOMPARE(end, viewport->frameAtX(300));
    QVERIFY(viewport->hasSelection());

    // Drawn shaded: a pixel inside the selection, away from the envelope, differs from before.
    const QImage shaded = view.viewport()->grab().toImage();
    const int y = view.laneRect(0).top() + 4;
    QVERIFY(shaded.pixel(200, y) != plain.pixel(200, y));
    QCOMPARE(shaded.pixel(600, y), plain.pixel(600, y));
    saveScreenshot(&view, QStringLiteral("waveform-selection"));

    QSignalSpy loops(&view, &WaveformView::loopRequested);
    QVERIFY(view.loopSelectionAction()->isEnabled());
    QTest::keyClick(&view, Qt::Key_L);
    QCOMPARE(loops.size(), 1);
    QCOMPARE(loops.at(0).at(0).toLongLong(), start);
    QCOMPARE(loops.at(0).at(1).toLongLong(), end);

    QTest::keyClick(&view, Qt::Key_Escape);
    QVERIFY(!viewport->hasSelection());
    QCOMPARE(selections.last().at(0).toLongLong(), 0);
    QCOMPARE(selections.last().at(1).toLongLong(), 0);
    QVERIFY(!view.loopSelectionAction()->isEnabled());
}

void TestWaveformView::playheadFollowsPlayback()
{
    const auto peaks = pyramid(m_mono);
    QVERIFY(peaks);
    WaveformView view;
    QVERIFY(showWith(view, peaks, 200, 200));
    AudioViewport *viewport = view.audioViewport();
    viewport->setView(0, PeakPyramid::baseFramesPerBucket);
    const double span = viewport->endFrame() - viewport->firstFrame();
    QVERIFY(span < 320000);
    // Playback runs past the right edge: the view pages to keep the playhead in sight.
    view.setPlayhead(qint64(span / 2));
    QCOMPARE(viewport->firstFrame(), 0.0);
    view.setPlayhead(qint64(span + 100));
    QVERIFY(viewport->firstFrame() > 0);
    QVERIFY(viewport->playhead() >= viewport->firstFrame() && viewport->playhead() < viewport->endFrame());
    // A user who scrolled away is left alone.
    viewport->scrollTo(0);
    view.setPlayhead(qint64(span + 600));
    QCOMPARE(viewport->firstFrame(), 0.0);
    const QImage image = view.viewport()->grab().toImage();
    QVERIFY(!image.isNull());
}

void TestWaveformView::samplesDrawnBelowOneBucketPerPixel()
{
    const auto peaks = pyramid(m_mono);
    QVERIFY(peaks);
    WaveformView view;
    view.resize(800, 300);
    view.setPeaks(peaks);
    view.setSampleSource([path = m_mono] { return AudioDecoder::openFile(path); });
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    AudioViewport *viewport = view.audioViewport();
    // 0.25 frames per pixel: 4 pixels per sample; a 440 Hz sine has a period of ~36 samples = 145 px.
    viewport->setView(8000, 0.25);
    QCOMPARE(viewport->framesPerPixel(), 0.25);
    // The samples arrive from a worker; the envelope then follows the sine sample by sample.
    auto samplesDrawn = [&] {
        const QImage image = view.viewport()->grab().toImage();
        const QRect lane = view.laneRect(0);
        int drawn = 0;
        for (int x = 10; x < 790; x += 5) {
            const auto [top, bottom] = extent(image, x, lane, view.waveformColor());
            // A line through samples is a few pixels tall, not the full envelope.
            if (top >= 0 && bottom - top < lane.height() / 4)
                ++drawn;
        }
        return drawn > 100;
    };
    QTRY_VERIFY_WITH_TIMEOUT(samplesDrawn(), 10000);
    saveScreenshot(&view, QStringLiteral("waveform-samples"));
}

void TestWaveformView::oneHourClipPaintsAtEveryZoom()
{
    // One hour at 8 kHz: sox makes 10 s of a 300 Hz sine (a whole number of periods), and the
    // test repeats its data 360 times under one WAV header. A real file, without an hour of synthesis.
    const QString part = m_dir.filePath(QStringLiteral("part.wav"));
    const auto made = AudioFixtures::run(QStringLiteral("sox"),
                                         {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("8000"),
                                          QStringLiteral("-c"), QStringLiteral("1"), QStringLiteral("-b"),
                                          QStringLiteral("16"), part, QStringLiteral("synth"), QStringLiteral("10"),
                                          QStringLiteral("sine"), QStringLiteral("300"), QStringLiteral("vol"),
                                          QStringLiteral("0.5")});
    QVERIFY(made.ok());
    QFile in(part);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray wav = in.readAll();
    const qsizetype dataAt = wav.indexOf("data");
    QVERIFY(dataAt > 0);
    const QByteArray data = wav.mid(dataAt + 8);
    QCOMPARE(data.size(), 160000);
    QByteArray header = wav.left(dataAt + 8);
    const quint32 dataSize = quint32(data.size()) * 360;
    qToLittleEndian<quint32>(dataSize, header.data() + dataAt + 4);
    qToLittleEndian<quint32>(quint32(header.size() - 8) + dataSize, header.data() + 4);
    const QString hourPath = m_dir.filePath(QStringLiteral("hour.wav"));
    QFile out(hourPath);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(header);
    for (int i = 0; i < 360; ++i)
        out.write(data);
    out.close();

    QElapsedTimer timer;
    timer.start();
    const auto peaks = pyramid(hourPath);
    QVERIFY(peaks);
    qInfo("peaks of one hour at 8 kHz: %lld ms", qint64(timer.elapsed()));
    QCOMPARE(peaks->frames(), qint64(3600) * 8000);

    WaveformView view;
    QVERIFY(showWith(view, peaks, 1200, 300));
    AudioViewport *viewport = view.audioViewport();
    const QRect lane = view.laneRect(0);
    const double expected = 2 * 0.5 * (lane.height() / 2.0 - 3.0);
    // From the whole hour down to the finest pyramid zoom, centred on the middle of the clip.
    for (const double fpp : {viewport->framesPerPixel(), 100000.0, 10000.0, 1000.0, 256.0}) {
        viewport->setView(peaks->frames() / 2.0 - 600 * fpp, fpp);
        timer.restart();
        const QImage image = view.viewport()->grab().toImage();
        qInfo("paint at %.0f frames per pixel: %.2f ms", fpp, timer.nsecsElapsed() / 1e6);
        const auto [top, bottom] = extent(image, 600, lane, view.waveformColor());
        QVERIFY(top >= 0);
        QVERIFY2(std::abs((bottom - top + 1) - expected) <= 3.0, qPrintable(QString::number(bottom - top + 1)));
    }
    saveScreenshot(&view, QStringLiteral("waveform-hour"));
}

QTEST_MAIN(TestWaveformView)
#include "tst_waveformview.moc"
