// SPDX-License-Identifier: GPL-3.0-or-later
#include "audioclipinfoview.h"

#include "review/scenarioedits.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

#include <cmath>

namespace kx {

namespace {

void clearForm(QFormLayout *form)
{
    while (form->rowCount() > 0)
        form->removeRow(0);
}

QString decibels(double db)
{
    return db <= -119.9 ? QStringLiteral("−∞ dBFS") : QStringLiteral("%1 dBFS").arg(QLocale().toString(db, 'f', 1));
}

QString percent(double ratio)
{
    return QStringLiteral("%1 %").arg(QLocale().toString(ratio * 100.0, 'f', ratio < 0.01 ? 3 : 1));
}

} // namespace

AudioClipInfoView::AudioClipInfoView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *speakerBox = new QGroupBox(tr("Speaker"), this);
    m_speaker = new QFormLayout(speakerBox);
    auto *checksBox = new QGroupBox(tr("Automatic checks"), this);
    m_checks = new QFormLayout(checksBox);
    layout->addWidget(speakerBox, 1);
    layout->addWidget(checksBox, 1);
}

void AudioClipInfoView::addRow(QFormLayout *form, const QString &label, const QString &value, bool warn)
{
    auto *field = new QLabel(value);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (warn) {
        field->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
        field->setToolTip(tr("Flagged by the automatic checks"));
    }
    form->addRow(label + QLatin1Char(':'), field);
}

void AudioClipInfoView::setClip(const TestScenario &scenario, const std::optional<AudioCheck> &check)
{
    fillSpeaker(scenario);
    fillChecks(check);
}

void AudioClipInfoView::clear()
{
    clearForm(m_speaker);
    clearForm(m_checks);
}

void AudioClipInfoView::fillSpeaker(const TestScenario &scenario)
{
    clearForm(m_speaker);
    const auto details = ScenarioEdits::speakerDetails(scenario);
    for (const auto &[label, value] : details)
        addRow(m_speaker, label, value);
    if (details.isEmpty())
        m_speaker->addRow(new QLabel(tr("No speaker metadata")));
}

void AudioClipInfoView::fillChecks(const std::optional<AudioCheck> &check)
{
    clearForm(m_checks);
    if (!check) {
        m_checks->addRow(new QLabel(tr("Not checked yet — run the checks from the queue")));
        return;
    }
    using F = AudioCheck::Flag;
    const AudioCheck &c = *check;
    if (c.flags.testFlag(F::Undecodable)) {
        addRow(m_checks, tr("Error"), c.error, true);
        return;
    }
    addRow(m_checks, tr("Duration"), tr("%1 s").arg(QLocale().toString(c.seconds, 'f', 2)), c.flags.testFlag(F::TooShort));
    const QString channels = c.channels == 1 ? tr("mono") : c.channels == 2 ? tr("stereo") : tr("%1 channels").arg(c.channels);
    addRow(m_checks, tr("Format"), tr("%1 Hz, %2").arg(QLocale().toString(c.sampleRate), channels));
    addRow(m_checks, tr("Peak"), decibels(c.peakDbfs));
    addRow(m_checks, tr("Clipped samples"), percent(c.clippedRatio), c.flags.testFlag(F::Clipping));
    addRow(m_checks, tr("Loudness (RMS)"), decibels(c.rmsDbfs), c.flags.testFlag(F::TooQuiet));
    addRow(m_checks, tr("Silence"), percent(c.silenceRatio), c.flags.testFlag(F::Silent));
    addRow(m_checks, tr("Speaking rate"),
           std::isnan(c.charsPerSecond) ? tr("not measured (no transcript, or no speech)")
                                        : tr("%1 chars/s (z = %2)")
                                              .arg(QLocale().toString(c.charsPerSecond, 'f', 1),
                                                   QLocale().toString(c.rateZ, 'f', 1)),
           c.flags.testFlag(F::RateOutlier));
    addRow(m_checks, tr("Suspicion"), QLocale().toString(c.suspicion, 'f', 2));
}

QStringList AudioClipInfoView::rowsText() const
{
    QStringList out;
    for (QFormLayout *form : {m_speaker, m_checks}) {
        for (int r = 0; r < form->rowCount(); ++r) {
            auto *label = form->itemAt(r, QFormLayout::LabelRole);
            auto *field = form->itemAt(r, QFormLayout::FieldRole) ? form->itemAt(r, QFormLayout::FieldRole)
                                                                 : form->itemAt(r, QFormLayout::SpanningRole);
            const auto text = [](QLayoutItem *item) {
                auto *l = item ? qobject_cast<QLabel *>(item->widget()) : nullptr;
                return l ? l->text() : QString();
            };
            out << (label ? text(label) + QLatin1Char(' ') : QString()) + text(field);
        }
    }
    return out;
}

} // namespace kx
