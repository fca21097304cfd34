// SPDX-License-Identifier: GPL-3.0-or-later
// The audio preview: a real LibriSpeech FLAC (lhotse fixtures) loads off the
// GUI thread into the waveform, its peaks go to the cache and come back from
// it on the next load without decoding; a corrupt file shows an error; a new
// clip cancels the old one; clicks and loops reach the player.
#include "audio/audioclipopener.h"
#include "audio/audioplayer.h"
#include "audio/audiopreviewwidget.h"
#include "audio/audiotransportbar.h"
#include "audio/audioviewport.h"
#include "audio/peakpyramid.h"
#include "audio/spectrogramview.h"
#include "audio/waveformview.h"
#include "audiofixtures.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace kx;
using kx::test::AudioFixtures;

namespace {

const QString realFlac =
    QStringLiteral(KX_SHARED_DATA "/lhotse/test/fixtures/mix_cut_test/audio/storage/2412-153948-0000.flac");

Json pathReference(const QString &path)
{
    return Json{{"path", path.toStdString()}};
}

/** An in-memory stand-in for the workspace's peaks table, counting its calls. */
struct PeaksCache
{
    QHash<QString, QByteArray> blobs;
    int loads = 0;
    QStringList stored;

    void attach(AudioPreviewWidget &widget)
    {
        widget.setPeaksCache(
            [this](const QString &key) -> std::optional<QByteArray> {
                ++loads;
                if (!blobs.contains(key))
                    return std::nullopt;
                return blobs.value(key);
            },
            [this](const QString &key, const QByteArray &blob) {
                stored.append(key);
                blobs.insert(key, blob);
            });
    }
};

} // namespace

class TestAudioPreviewWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loadsRealFlacAndStoresPeaks();
    void secondLoadDrawsFromCache();
    void damagedCacheBlobIsRecomputed();
    void corruptFileShowsError();
    void newClipCancelsTheOld();
    void cancelShowsRetry();
    void clicksAndLoopsReachThePlayer();
    void switchingViewsKeepsThePosition();

private:
    static void saveScreenshot(QWidget *widget, const QString &name);

    QTemporaryDir m_dir;
    QString m_sine;  // 2 s sine, 16 kHz
};

void TestAudioPreviewWidget::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(realFlac), qPrintable(realFlac));
    m_sine = m_dir.filePath(QStringLiteral("sine.wav"));
    const auto made = AudioFixtures::run(QStringLiteral("sox"),
                                         {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("16000"),
                                          QStringLiteral("-c"), QStringLiteral("1"), m_sine, QStringLiteral("synth"),
                                          QStringLiteral("2"), QStringLiteral("sine"), QStringLiteral("440")});
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
}

void TestAudioPreviewWidget::saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("KX_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

void TestAudioPreviewWidget::loadsRealFlacAndStoresPeaks()
{
    PeaksCache cache;
    AudioPreviewWidget widget;
    cache.attach(widget);
    widget.resize(1000, 420);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));

    QSignalSpy loaded(&widget, &AudioPreviewWidget::clipLoaded);
    widget.setClip(pathReference(realFlac));
    QVERIFY(widget.isLoading());
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.size(), 1);
    QVERIFY(widget.errorText().isEmpty());
    QCOMPARE(widget.peaksSource(), AudioPreviewWidget::PeaksSource::Computed);
    QVERIFY(widget.peaks());
    QCOMPARE(widget.peaks()->sampleRate(), 16000);
    QVERIFY(widget.peaks()->seconds() > 1.0);
    QCOMPARE(widget.waveformView()->peaks(), widget.peaks());
    QCOMPARE(widget.audioViewport()->frames(), widget.peaks()->frames());
    QVERIFY(widget.player()->hasSource());
    QCOMPARE(widget.player()->info().frames, widget.peaks()->frames());

    // The cache got one blob, under the opener's key, that reads back as the same peaks.
    const auto key = AudioClipOpener::cacheKey(pathReference(realFlac));
    QVERIFY(key.ok());
    QCOMPARE(cache.loads, 1);
    QCOMPARE(cache.stored, QStringList{*key});
    const auto back = PeakPyramid::fromBlob(cache.blobs.value(*key));
    QVERIFY(back.ok());
    QCOMPARE(back->frames(), widget.peaks()->frames());

    // Peaks appear: the waveform's colour is painted in its lane.
    WaveformView *view = widget.waveformView();
    const QImage image = view->viewport()->grab().toImage();
    const QRect lane = view->laneRect(0);
    const QRgb ink = view->waveformColor().rgb();
    int painted = 0;
    for (int x = lane.left(); x < lane.right(); x += 4)
        for (int y = lane.top(); y < lane.bottom(); y += 2)
            painted += image.pixel(x, y) == ink;
    QVERIFY2(painted > 200, qPrintable(QString::number(painted)));
    QVERIFY(widget.transportBar()->positionText().startsWith(QStringLiteral("00:00.0 / ")));
    saveScreenshot(&widget, QStringLiteral("preview-light"));
}

void TestAudioPreviewWidget::secondLoadDrawsFromCache()
{
    PeaksCache cache;
    {
        AudioPreviewWidget first;
        cache.attach(first);
        QSignalSpy loaded(&first, &AudioPreviewWidget::clipLoaded);
        first.setClip(pathReference(realFlac));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(cache.stored.size(), 1);
    }
    AudioPreviewWidget widget;
    cache.attach(widget);
    widget.resize(800, 300);
    widget.show();
    QSignalSpy loaded(&widget, &AudioPreviewWidget::clipLoaded);
    widget.setClip(pathReference(realFlac));
    // Drawn at once, before the worker has even opened the file for the player.
    QCOMPARE(widget.peaksSource(), AudioPreviewWidget::PeaksSource::Cache);
    QVERIFY(widget.waveformView()->peaks());
    QVERIFY(loaded.wait(30000));
    // The compute path never ran: nothing new was stored and the peaks are the cached ones.
    QCOMPARE(widget.peaksSource(), AudioPreviewWidget::PeaksSource::Cache);
    QCOMPARE(cache.stored.size(), 1);
    QCOMPARE(cache.loads, 2);
    QVERIFY(widget.player()->hasSource());
}

void TestAudioPreviewWidget::damagedCacheBlobIsRecomputed()
{
    PeaksCache cache;
    const auto key = AudioClipOpener::cacheKey(pathReference(m_sine));
    QVERIFY(key.ok());
    cache.blobs.insert(*key, QByteArray("KXPK this is not a peaks blob"));
    AudioPreviewWidget widget;
    cache.attach(widget);
    QSignalSpy loaded(&widget, &AudioPreviewWidget::clipLoaded);
    widget.setClip(pathReference(m_sine));
    QVERIFY(loaded.wait(30000));
    QCOMPARE(widget.peaksSource(), AudioPreviewWidget::PeaksSource::Computed);
    QCOMPARE(cache.stored, QStringList{*key});
    QVERIFY(PeakPyramid::fromBlob(cache.blobs.value(*key)).ok());
}

void TestAudioPreviewWidget::corruptFileShowsError()
{
    // A FLAC signature followed by noise, and a real FLAC cut short.
    const QString broken = m_dir.filePath(QStringLiteral("broken.flac"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray junk("fLaC");
    for (int i = 0; i < 8000; ++i)
        junk.append(char((i * 7919 + 13) & 0xff));
    file.write(junk);
    file.close();

    AudioPreviewWidget widget;
    widget.resize(800, 300);
    widget.show();
    QSignalSpy failed(&widget, &AudioPreviewWidget::loadFailed);
    QSignalSpy loaded(&widget, &AudioPreviewWidget::clipLoaded);
    widget.setClip(pathReference(broken));
    QVERIFY(failed.wait(30000));
    QCOMPARE(loaded.size(), 0);
    QVERIFY(widget.errorText().contains(QStringLiteral("broken.flac")));
    auto *message = widget.findChild<QLabel *>(QStringLiteral("clipMessage"));
    QVERIFY(message);
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), widget.errorText());
    QVERIFY(!widget.player()->hasSource());
    saveScreenshot(&widget, QStringLiteral("preview-error"));

    // A file that went missing is an error too, at once.
    failed.clear();
    widget.setClip(pathReference(m_dir.filePath(QStringLiteral("missing.flac"))));
    QCOMPARE(failed.size(), 1);
    QVERIFY(widget.errorText().contains(QStringLiteral("missing.flac")));

    // Truncated: either the readable part loads or an error shows; never a crash.
    QFile real(realFlac);
    QVERIFY(real.open(QIODevice::ReadOnly));
    const QByteArray bytes = real.readAll();
    const QString cut = m_dir.filePath(QStringLiteral("cut.flac"));
    QFile out(cut);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes.left(bytes.size() * 2 / 5));
    out.close();
    failed.clear();
    widget.setClip(pathReference(cut));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() + failed.size() > 0, 30000);
    QTest::qWait(50);
    QCOMPARE(loaded.size() + failed.size(), 1);
}

void TestAudioPreviewWidget::newClipCancelsTheOld()
{
    PeaksCache cache;
    AudioPreviewWidget widget;
    cache.attach(widget);
    QSignalSpy loaded(&widget, &AudioPreviewWidget::clipLoaded);
    widget.setClip(pathReference(realFlac));
    widget.setClip(pathReference(m_sine));
    QVERIFY(loaded.wait(30000));
    // Give a stray result of the first clip every chance to arrive.
    QTest::qWait(200);
    QCOMPARE(loaded.size(), 1);
    QVERIFY(widget.clip() == pathReference(m_sine));
    QCOMPARE(widget.peaks()->frames(), 32000);
    QCOMPARE(widget.player()->info().frames, 32000);
    const auto key = AudioClipOpener::cacheKey(pathReference(m_sine));
    QVERIFY(key.ok());
    QCOMPARE(cache.stored, QStringList{*key});
}

void TestAudioPreviewWidget::cancelShowsRetry()
{
    AudioPreviewWidget widget;
    widget.resize(800, 300);
    widget.show();
    widget.setClip(pathReference(realFlac));
    auto *cancel = widget.findChild<QPushButton *>(QStringLiteral("cancelPeaks"));
    QVERIFY(cancel);
    // The progress page shows only once loading takes a moment; click at once, before the clip is done.
    cancel->click();
    QTRY_VERIFY_WITH_TIMEOUT(!widget.isLoading(), 30000);
    auto *message = widget.findChild<QLabel *>(QStringLiteral("clipMessage"));
    QTRY_VERIFY(message->isVisible());
    QVERIFY(widget.errorText().isEmpty());  // a note, not an error
    QVERIFY(!widget.player()->hasSource());

    QSignalSpy loaded(&widget, &AudioPreviewWidget::clipLoaded);
    const QList<QPushButton *> buttons = widget.findChildren<QPushButton *>();
    QPushButton *retry = nullptr;
    for (QPushButton *button : buttons)
        if (button->isVisible() && button != cancel)
            retry = button;
    QVERIFY(retry);
    retry->click();
    QVERIFY(loaded.wait(30000));
    QVERIFY(widget.peaks());
}

void TestAudioPreviewWidget::clicksAndLoopsReachThePlayer()
{
    AudioPreviewWidget widget;
    widget.resize(900, 360);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QSignalSpy loaded(&widget, &AudioPreviewWidget::clipLoaded);
    widget.setClip(pathReference(realFlac));
    QVERIFY(loaded.wait(30000));
    WaveformView *view = widget.waveformView();
    AudioViewport *viewport = widget.audioViewport();

    // A click seeks the player, and the player's position moves the playhead.
    const QPoint at(view->viewport()->width() / 2, view->laneRect(0).center().y());
    const qint64 frame = viewport->frameAtX(at.x());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(widget.player()->position(), frame);
    widget.player()->seek(frame / 2);
    QCOMPARE(viewport->playhead(), frame / 2);

    // L loops the selection; the loop button then shows it.
    viewport->setSelection(1000, 9000);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_L);
    QCOMPARE(widget.player()->loopStart(), 1000);
    QCOMPARE(widget.player()->loopEnd(), 9000);
    QVERIFY(widget.transportBar()->isLoopEnabled());
    // A new selection while looping moves the loop; the loop button clears it.
    viewport->setSelection(2000, 4000);
    QCOMPARE(widget.player()->loopStart(), 2000);
    widget.transportBar()->loopButton()->click();
    QCOMPARE(widget.player()->loopEnd(), widget.player()->loopStart());
    // Without a selection the button loops the whole clip.
    viewport->clearSelection();
    widget.transportBar()->loopButton()->click();
    QCOMPARE(widget.player()->loopStart(), 0);
    QCOMPARE(widget.player()->loopEnd(), viewport->frames());

    // Speed steps from the owner's [ and ].
    widget.transportBar()->stepSpeed(1);
    QCOMPARE(widget.player()->speed(), 1.25);
    widget.transportBar()->stepSpeed(-3);
    QCOMPARE(widget.player()->speed(), 0.5);
    widget.transportBar()->stepSpeed(-1);
    QCOMPARE(widget.player()->speed(), 0.5);
}

void TestAudioPreviewWidget::switchingViewsKeepsThePosition()
{
    AudioPreviewWidget widget;
    widget.resize(1000, 420);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QSignalSpy loaded(&widget, &AudioPreviewWidget::clipLoaded);
    widget.setClip(pathReference(realFlac));
    QVERIFY(loaded.wait(30000));
    AudioViewport *viewport = widget.audioViewport();
    viewport->zoomBy(3.0, 400);
    viewport->setSelection(viewport->frameAtX(300), viewport->frameAtX(420));
    viewport->setPlayhead(viewport->frameAtX(350));
    const double first = viewport->firstFrame();
    const double fpp = viewport->framesPerPixel();
    QTest::qWait(300);  // the samples for this zoom arrive from a worker
    saveScreenshot(&widget, QStringLiteral("preview-zoomed"));

    QSignalSpy updated(widget.spectrogramView(), &SpectrogramView::spectrogramUpdated);
    widget.transportBar()->setViewMode(AudioTransportBar::ViewMode::Spectrogram);
    QVERIFY(widget.spectrogramView()->isVisible());
    QVERIFY(!widget.waveformView()->isVisible());
    QCOMPARE(widget.spectrogramView()->audioViewport(), viewport);
    QCOMPARE(viewport->firstFrame(), first);
    QCOMPARE(viewport->framesPerPixel(), fpp);
    QVERIFY(updated.wait(30000));
    saveScreenshot(&widget, QStringLiteral("preview-spectrogram"));

    // The dark palette: the same widgets, recoloured.
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xdf, 0xe1, 0xe5));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::Text, QColor(0xdf, 0xe1, 0xe5));
    dark.setColor(QPalette::Button, QColor(0x3c, 0x3f, 0x41));
    dark.setColor(QPalette::ButtonText, QColor(0xdf, 0xe1, 0xe5));
    dark.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    dark.setColor(QPalette::Mid, QColor(0x45, 0x48, 0x4c));
    dark.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    widget.setPalette(dark);
    saveScreenshot(&widget, QStringLiteral("preview-spectrogram-dark"));
    widget.transportBar()->setViewMode(AudioTransportBar::ViewMode::Waveform);
    QVERIFY(widget.waveformView()->isVisible());
    QCOMPARE(viewport->firstFrame(), first);
    saveScreenshot(&widget, QStringLiteral("preview-dark"));
}

QTEST_MAIN(TestAudioPreviewWidget)
#include "tst_audiopreviewwidget.moc"
