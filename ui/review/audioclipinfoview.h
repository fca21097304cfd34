// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/audiocheck.h"
#include "model/testscenario.h"

#include <QWidget>

#include <optional>

class QFormLayout;
class QLabel;

namespace kx {

/**
 * Beside the clip: who speaks (VCTK age, gender, accent, region; LibriSpeech
 * speaker and chapter) and what the automatic checks measured, with the
 * values that raised a flag in the warning colour.
 */
class AudioClipInfoView final : public QWidget
{
    Q_OBJECT

public:
    explicit AudioClipInfoView(QWidget *parent = nullptr);

    void setClip(const TestScenario &scenario, const std::optional<AudioCheck> &check);
    void clear();

    /** The text of every row, "Label: value", for tests. */
    QStringList rowsText() const;

private:
    void fillSpeaker(const TestScenario &scenario);
    void fillChecks(const std::optional<AudioCheck> &check);
    void addRow(QFormLayout *form, const QString &label, const QString &value, bool warn = false);

    QFormLayout *m_speaker = nullptr;
    QFormLayout *m_checks = nullptr;
};

} // namespace kx
