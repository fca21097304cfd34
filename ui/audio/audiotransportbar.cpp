// SPDX-License-Identifier: GPL-3.0-or-later
#include "audiotransportbar.h"

#include "audio/audioplayer.h"
#include "audioviewport.h"
#include "transporticons.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMediaDevices>
#include <QSlider>
#include <QToolButton>

#include <cmath>

namespace kx {

namespace {

QToolButton *toolButton(QWidget *parent, const QString &name, const QString &toolTip)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setToolTip(toolTip);
    button->setAccessibleName(toolTip);
    button->setAutoRaise(true);
    button->setIconSize(QSize(16, 16));
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

} // namespace

AudioTransportBar::AudioTransportBar(QWidget *parent)
    : QWidget(parent)
    , m_mediaDevices(new QMediaDevices(this))
{
    setAccessibleName(tr("Audio transport"));

    m_playPause = toolButton(this, QStringLiteral("playPause"), tr("Play"));
    m_stop = toolButton(this, QStringLiteral("stop"), tr("Stop"));

    m_position = new QLabel(this);
    m_position->setObjectName(QStringLiteral("position"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF());
    m_position->setFont(mono);
    m_position->setAccessibleName(tr("Position and duration"));
    m_position->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_loop = toolButton(this, QStringLiteral("loop"), tr("Loop the selection (or the whole clip)"));
    m_loop->setCheckable(true);

    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("speed"));
    m_speed->setToolTip(tr("Playback speed, pitch kept"));
    m_speed->setAccessibleName(tr("Speed"));
    const QLocale locale;
    for (const double step : speedSteps())
        m_speed->addItem(tr("%1×").arg(locale.toString(step)), step);
    m_speed->setCurrentIndex(int(speedSteps().indexOf(1.0)));

    m_volumeIcon = new QLabel(this);
    m_volume = new QSlider(Qt::Horizontal, this);
    m_volume->setObjectName(QStringLiteral("volume"));
    m_volume->setRange(0, 100);
    m_volume->setValue(100);
    m_volume->setMaximumWidth(110);
    m_volume->setMinimumWidth(60);
    m_volume->setToolTip(tr("Volume"));
    m_volume->setAccessibleName(tr("Volume"));

    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("device"));
    m_device->setToolTip(tr("Output device"));
    m_device->setAccessibleName(tr("Output device"));
    m_device->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_device->setMinimumContentsLength(14);

    m_waveformButton = toolButton(this, QStringLiteral("showWaveform"), tr("Waveform"));
    m_spectrogramButton = toolButton(this, QStringLiteral("showSpectrogram"), tr("Spectrogram"));
    m_viewGroup = new QButtonGroup(this);
    for (QToolButton *button : {m_waveformButton, m_spectrogramButton}) {
        button->setCheckable(true);
        m_viewGroup->addButton(button);
    }
    m_waveformButton->setChecked(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(4);
    layout->addWidget(m_playPause);
    layout->addWidget(m_stop);
    layout->addSpacing(6);
    layout->addWidget(m_position);
    layout->addStretch(1);
    layout->addWidget(m_loop);
    layout->addWidget(m_speed);
    layout->addWidget(separator(this));
    layout->addWidget(m_volumeIcon);
    layout->addWidget(m_volume);
    layout->addWidget(m_device);
    layout->addWidget(separator(this));
    layout->addWidget(m_waveformButton);
    layout->addWidget(m_spectrogramButton);

    connect(m_playPause, &QToolButton::clicked, this, [this] {
        if (m_player)
            m_player->togglePlayPause();
    });
    connect(m_stop, &QToolButton::clicked, this, [this] {
        if (m_player)
            m_player->stop();
    });
    connect(m_loop, &QToolButton::toggled, this, &AudioTransportBar::loopToggled);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_player && index >= 0)
            m_player->setSpeed(m_speed->itemData(index).toDouble());
    });
    connect(m_volume, &QSlider::valueChanged, this, [this](int value) {
        if (m_player)
            m_player->setVolume(float(value) / 100.0f);
    });
    connect(m_device, &QComboBox::activated, this, &AudioTransportBar::chooseDevice);
    connect(m_mediaDevices, &QMediaDevices::audioOutputsChanged, this, &AudioTransportBar::fillDevices);
    connect(m_viewGroup, &QButtonGroup::buttonClicked, this, [this](QAbstractButton *button) {
        setViewMode(button == m_spectrogramButton ? ViewMode::Spectrogram : ViewMode::Waveform);
    });

    updateIcons();
    fillDevices();
    updateState();
}

AudioTransportBar::~AudioTransportBar() = default;

QList<double> AudioTransportBar::speedSteps()
{
    return {0.5, 0.75, 1.0, 1.25, 1.5, 2.0};
}

void AudioTransportBar::setPlayer(AudioPlayer *player)
{
    if (m_player == player)
        return;
    if (m_player)
        disconnect(m_player, nullptr, this, nullptr);
    m_player = player;
    if (m_player) {
        connect(m_player, &QObject::destroyed, this, [this] {
            m_player = nullptr;
            updateState();
        });
        connect(m_player, &AudioPlayer::stateChanged, this, &AudioTransportBar::updateState);
        connect(m_player, &AudioPlayer::sourceChanged, this, &AudioTransportBar::updateState);
        connect(m_player, &AudioPlayer::positionChanged, this, &AudioTransportBar::updatePosition);
        connect(m_player, &AudioPlayer::speedChanged, this, &AudioTransportBar::updateSpeed);
        connect(m_player, &AudioPlayer::volumeChanged, this, [this](float volume) {
            const QSignalBlocker blocker(m_volume);
            m_volume->setValue(int(std::lround(volume * 100.0f)));
        });
        connect(m_player, &AudioPlayer::loopChanged, this,
                [this](qint64 start, qint64 end) { setLoopEnabled(end > start); });
        updateSpeed(m_player->speed());
        const QSignalBlocker blocker(m_volume);
        m_volume->setValue(int(std::lround(m_player->volume() * 100.0f)));
    }
    updateState();
}

void AudioTransportBar::setViewMode(ViewMode mode)
{
    (mode == ViewMode::Spectrogram ? m_spectrogramButton : m_waveformButton)->setChecked(true);
    if (mode == m_viewMode)
        return;
    m_viewMode = mode;
    Q_EMIT viewModeChanged(mode);
}

bool AudioTransportBar::isLoopEnabled() const
{
    return m_loop->isChecked();
}

void AudioTransportBar::setLoopEnabled(bool on)
{
    const QSignalBlocker blocker(m_loop);
    m_loop->setChecked(on);
}

void AudioTransportBar::stepSpeed(int steps)
{
    const int index = std::clamp(m_speed->currentIndex() + steps, 0, m_speed->count() - 1);
    m_speed->setCurrentIndex(index);
}

QString AudioTransportBar::positionText() const
{
    return m_position->text();
}

void AudioTransportBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateIcons();
}

void AudioTransportBar::updateIcons()
{
    const QColor color = palette().color(QPalette::ButtonText);
    const bool playing = m_player && m_player->state() == AudioPlayer::State::Playing;
    m_playPause->setIcon(transportIcon(playing ? TransportGlyph::Pause : TransportGlyph::Play, color));
    m_stop->setIcon(transportIcon(TransportGlyph::Stop, color));
    m_loop->setIcon(transportIcon(TransportGlyph::Loop, color));
    m_waveformButton->setIcon(transportIcon(TransportGlyph::Waveform, color));
    m_spectrogramButton->setIcon(transportIcon(TransportGlyph::Spectrogram, color));
    m_volumeIcon->setPixmap(transportIcon(TransportGlyph::Volume, color).pixmap(QSize(16, 16), devicePixelRatioF()));
}

void AudioTransportBar::updateState()
{
    const bool ready = m_player && m_player->hasSource();
    const bool playing = ready && m_player->state() == AudioPlayer::State::Playing;
    for (QWidget *control : {static_cast<QWidget *>(m_playPause), static_cast<QWidget *>(m_stop),
                             static_cast<QWidget *>(m_loop)})
        control->setEnabled(ready);
    m_playPause->setToolTip(playing ? tr("Pause") : tr("Play"));
    m_playPause->setAccessibleName(m_playPause->toolTip());
    updateIcons();
    updatePosition(ready ? m_player->position() : 0);
}

void AudioTransportBar::updatePosition(qint64 frame)
{
    const AudioInfo info = m_player ? m_player->info() : AudioInfo{};
    const double seconds = info.sampleRate > 0 ? double(frame) / info.sampleRate : 0.0;
    m_position->setText(tr("%1 / %2").arg(formatAudioTime(seconds), formatAudioTime(info.seconds())));
}

void AudioTransportBar::updateSpeed(double speed)
{
    // The nearest step: the player may have been given a speed between two.
    const QList<double> steps = speedSteps();
    int best = 0;
    for (int i = 1; i < steps.size(); ++i)
        if (std::abs(steps[i] - speed) < std::abs(steps[best] - speed))
            best = i;
    const QSignalBlocker blocker(m_speed);
    m_speed->setCurrentIndex(best);
}

void AudioTransportBar::fillDevices()
{
    const QSignalBlocker blocker(m_device);
    m_device->clear();
    m_device->addItem(tr("System default"), QByteArray());
    int chosen = 0;
    for (const QAudioDevice &device : QMediaDevices::audioOutputs()) {
        m_device->addItem(device.description(), device.id());
        if (!m_chosenDeviceId.isEmpty() && device.id() == m_chosenDeviceId)
            chosen = m_device->count() - 1;
    }
    m_device->setCurrentIndex(chosen);
    // The chosen device went away: back to the default, for the player too.
    if (chosen == 0 && !m_chosenDeviceId.isEmpty())
        chooseDevice(0);
}

void AudioTransportBar::chooseDevice(int index)
{
    const QByteArray id = m_device->itemData(index).toByteArray();
    m_chosenDeviceId = id;
    QAudioDevice device;
    for (const QAudioDevice &candidate : QMediaDevices::audioOutputs())
        if (candidate.id() == id)
            device = candidate;
    if (m_player)
        m_player->setDevice(device);
}

} // namespace kx
