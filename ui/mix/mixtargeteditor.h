// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mix/mixtarget.h"

#include <QWidget>

#include <array>

class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace kx {

/**
 * Edits a MixTarget as four percentages, one per category, and says live
 * whether they add up to 100 %; Save is enabled only when they do and
 * something changed. Saving itself is the owner's business: saveRequested()
 * hands over the validated target.
 */
class MixTargetEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MixTargetEditor)

public:
    explicit MixTargetEditor(QWidget *parent = nullptr);

    /** Shows @p target as the saved one (no saveRequested()). */
    void setTarget(const MixTarget &target);
    /** The shares as edited now (may not add up). */
    MixTarget editedTarget() const;
    /** Whether the edited shares form a mix (they add up to 100 %). */
    bool isValid() const;
    /** Saves if valid (what the Save button does): emits saveRequested(); false when invalid. */
    bool save();

    QDoubleSpinBox *shareBox(Category c) const { return m_boxes[std::size_t(c)]; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *totalLabel() const { return m_total; }

Q_SIGNALS:
    /** The user saved @p target, which validate() accepts. */
    void saveRequested(const kx::MixTarget &target);

private:
    void updateState();

    MixTarget m_saved;
    std::array<QDoubleSpinBox *, categoryCount> m_boxes{};
    QLabel *m_total = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_reset = nullptr;
};

} // namespace kx
