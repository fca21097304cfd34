// SPDX-License-Identifier: GPL-3.0-or-later
#include "audioviewport.h"

#include <QtMath>

#include <algorithm>
#include <cmath>

namespace kx {

AudioViewport::AudioViewport(QObject *parent)
    : QObject(parent)
{
}

void AudioViewport::setClip(qint64 frames, int sampleRate)
{
    m_frames = std::max<qint64>(0, frames);
    m_sampleRate = std::max(0, sampleRate);
    m_selectionStart = m_selectionEnd = 0;
    m_playhead = 0;
    m_first = 0.0;
    m_framesPerPixel = maximumFramesPerPixel();
    m_fitted = true;
    Q_EMIT clipChanged();
    Q_EMIT viewChanged();
    Q_EMIT selectionChanged(0, 0);
    Q_EMIT playheadChanged(0);
}

void AudioViewport::setWidth(int pixels)
{
    pixels = std::max(1, pixels);
    if (pixels == m_width)
        return;
    m_width = pixels;
    if (m_fitted)
        apply(0.0, maximumFramesPerPixel(), true);
    else
        apply(m_first, m_framesPerPixel, false);
    // The visible span changed even when the first frame and the zoom did not.
    Q_EMIT viewChanged();
}

void AudioViewport::setMinimumFramesPerPixel(double framesPerPixel)
{
    if (!(framesPerPixel > 0.0) || framesPerPixel == m_minimumFramesPerPixel)
        return;
    m_minimumFramesPerPixel = framesPerPixel;
    if (apply(m_first, m_fitted ? maximumFramesPerPixel() : m_framesPerPixel, m_fitted))
        Q_EMIT viewChanged();
}

double AudioViewport::maximumFramesPerPixel() const
{
    return std::max(m_minimumFramesPerPixel, double(m_frames) / m_width);
}

qint64 AudioViewport::frameAtX(double x) const
{
    const double frame = std::floor(m_first + x * m_framesPerPixel);
    return std::clamp<qint64>(qint64(frame), 0, m_frames);
}

bool AudioViewport::apply(double first, double framesPerPixel, bool fitted)
{
    const double fpp = std::clamp(framesPerPixel, m_minimumFramesPerPixel, maximumFramesPerPixel());
    const double lastFirst = std::max(0.0, double(m_frames) - m_width * fpp);
    first = std::clamp(first, 0.0, lastFirst);
    // A zoom that reaches the whole clip counts as fitted, so a resize keeps it whole.
    fitted = fitted || fpp >= maximumFramesPerPixel();
    m_fitted = fitted;
    if (qFuzzyCompare(first + 1.0, m_first + 1.0) && qFuzzyCompare(fpp, m_framesPerPixel))
        return false;
    m_first = first;
    m_framesPerPixel = fpp;
    return true;
}

void AudioViewport::setView(double firstFrame, double framesPerPixel)
{
    if (apply(firstFrame, framesPerPixel, false))
        Q_EMIT viewChanged();
}

void AudioViewport::scrollTo(double firstFrame)
{
    if (apply(firstFrame, m_framesPerPixel, false))
        Q_EMIT viewChanged();
}

void AudioViewport::scrollByPixels(double pixels)
{
    scrollTo(m_first + pixels * m_framesPerPixel);
}

void AudioViewport::zoomBy(double factor, double anchorX)
{
    if (!(factor > 0.0))
        return;
    const double anchorFrame = m_first + anchorX * m_framesPerPixel;
    const double fpp = std::clamp(m_framesPerPixel / factor, m_minimumFramesPerPixel, maximumFramesPerPixel());
    if (apply(anchorFrame - anchorX * fpp, fpp, false))
        Q_EMIT viewChanged();
}

void AudioViewport::fitAll()
{
    if (apply(0.0, maximumFramesPerPixel(), true))
        Q_EMIT viewChanged();
}

void AudioViewport::ensureVisible(qint64 start, qint64 end)
{
    const double span = m_width * m_framesPerPixel;
    if (start >= m_first && end <= m_first + span)
        return;
    if (end - start <= span && end > m_first + span)
        scrollTo(end - span);
    else
        scrollTo(start);
}

void AudioViewport::setSelection(qint64 start, qint64 end)
{
    if (start > end)
        std::swap(start, end);
    start = std::clamp<qint64>(start, 0, m_frames);
    end = std::clamp<qint64>(end, 0, m_frames);
    if (start == end)
        start = end = 0;
    if (start == m_selectionStart && end == m_selectionEnd)
        return;
    m_selectionStart = start;
    m_selectionEnd = end;
    Q_EMIT selectionChanged(start, end);
}

void AudioViewport::setPlayhead(qint64 frame, bool follow)
{
    frame = std::clamp<qint64>(frame, 0, m_frames);
    if (frame == m_playhead)
        return;
    const double end = endFrame();
    const bool wasVisible = m_playhead >= m_first && m_playhead <= end;
    m_playhead = frame;
    if (follow && wasVisible && (frame < m_first || frame >= end)) {
        // Page, as Audacity and Sonic Visualiser do: the playhead lands a little
        // right of the left edge and then runs across the whole width again.
        scrollTo(frame - 0.05 * m_width * m_framesPerPixel);
    }
    Q_EMIT playheadChanged(frame);
}

QString formatAudioTime(double seconds, int decimals)
{
    decimals = std::clamp(decimals, 0, 3);
    if (!(seconds > 0.0))
        seconds = 0.0;
    int scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    // Round once, in units of the last digit shown, so 59.96 s reads 01:00.0 and not 00:60.0.
    const qint64 units = qint64(std::llround(seconds * scale));
    const qint64 whole = units / scale;
    const qint64 fraction = units % scale;
    const qint64 hours = whole / 3600;
    const qint64 minutes = (whole / 60) % 60;
    const qint64 secs = whole % 60;
    QString text = hours > 0 ? QStringLiteral("%1:%2:%3")
                                   .arg(hours)
                                   .arg(minutes, 2, 10, QLatin1Char('0'))
                                   .arg(secs, 2, 10, QLatin1Char('0'))
                             : QStringLiteral("%1:%2").arg(minutes, 2, 10, QLatin1Char('0')).arg(secs, 2, 10,
                                                                                                QLatin1Char('0'));
    if (decimals > 0)
        text += QLatin1Char('.') + QStringLiteral("%1").arg(fraction, decimals, 10, QLatin1Char('0'));
    return text;
}

} // namespace kx
