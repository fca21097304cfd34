// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAudioDevice>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QMediaDevices;
class QSlider;
class QToolButton;

namespace kx {

class AudioPlayer;

/**
 * The controls under the audio views: play/pause, stop, position and
 * duration (mm:ss.t), loop, speed (0.5× to 2× in the steps of speedSteps()),
 * volume, the output device (kept up to date with QMediaDevices), and the
 * switch between the waveform and the spectrogram.
 *
 * Drives and follows an AudioPlayer (setPlayer); every control reflects the
 * player's state, whoever changed it. Keyboard shortcuts (Space, [ and ]) are
 * the owner's to define, so they never clash with a window's own: it calls
 * the player, or stepSpeed() for [ and ].
 */
class AudioTransportBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudioTransportBar)

public:
    enum class ViewMode { Waveform, Spectrogram };
    Q_ENUM(ViewMode)

    explicit AudioTransportBar(QWidget *parent = nullptr);
    ~AudioTransportBar() override;

    /** The speeds offered, slowest first: 0.5, 0.75, 1, 1.25, 1.5, 2. */
    static QList<double> speedSteps();

    /** Drives and follows @p player (not owned; null detaches). */
    void setPlayer(AudioPlayer *player);
    AudioPlayer *player() const { return m_player; }

    ViewMode viewMode() const { return m_viewMode; }
    void setViewMode(ViewMode mode);
    bool isLoopEnabled() const;
    /** Checks the loop button without emitting loopToggled. */
    void setLoopEnabled(bool on);

    /** Moves the speed @p steps entries along speedSteps() (clamped), for the owner's [ and ] keys. */
    void stepSpeed(int steps);
    /** The "position / duration" text, as shown. */
    QString positionText() const;

    // The controls, for tests and for the owner's layout tweaks.
    QToolButton *playPauseButton() const { return m_playPause; }
    QToolButton *stopButton() const { return m_stop; }
    QToolButton *loopButton() const { return m_loop; }
    QComboBox *speedBox() const { return m_speed; }
    QSlider *volumeSlider() const { return m_volume; }
    QComboBox *deviceBox() const { return m_device; }

Q_SIGNALS:
    void viewModeChanged(kx::AudioTransportBar::ViewMode mode);
    /** The user switched looping on or off (the owner decides what to loop). */
    void loopToggled(bool on);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateIcons();
    void updateState();
    void updatePosition(qint64 frame);
    void updateSpeed(double speed);
    void fillDevices();
    void chooseDevice(int index);

    AudioPlayer *m_player = nullptr;  ///< not owned; reset when it is destroyed
    ViewMode m_viewMode = ViewMode::Waveform;
    QMediaDevices *m_mediaDevices = nullptr;
    QByteArray m_chosenDeviceId;
    QToolButton *m_playPause = nullptr;
    QToolButton *m_stop = nullptr;
    QLabel *m_position = nullptr;
    QToolButton *m_loop = nullptr;
    QComboBox *m_speed = nullptr;
    QLabel *m_volumeIcon = nullptr;
    QSlider *m_volume = nullptr;
    QComboBox *m_device = nullptr;
    QToolButton *m_waveformButton = nullptr;
    QToolButton *m_spectrogramButton = nullptr;
    QButtonGroup *m_viewGroup = nullptr;
};

} // namespace kx
