// SPDX-License-Identifier: GPL-3.0-or-later
#include "placeholderchips.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace kx {

namespace {
// The chips' look by state; the "used" dynamic property picks the rule.
const QString chipStyle = QStringLiteral(
    "QToolButton { border-radius: 9px; padding: 1px 8px; font-family: monospace; }"
    "QToolButton[used=\"true\"] { background: #d7e6f8; color: #0b4f9c; border: 1px solid #9cbde6; }"
    "QToolButton[used=\"false\"] { background: #fff4e0; color: #8a4b00; border: 1px dashed #e0a040; }"
    "QToolButton:hover[used=\"true\"] { background: #c4d9f3; }");
} // namespace

PlaceholderChips::PlaceholderChips(QWidget *parent) : QWidget(parent)
{
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    auto *label = new QLabel(tr("Placeholders:"), this);
    label->setToolTip(tr("The slots the generator fills. Click one to insert it where the cursor is."));
    m_layout->addWidget(label);
    m_layout->addStretch(1);
    setStyleSheet(chipStyle);
}

void PlaceholderChips::setSlots(const QStringList &names)
{
    if (names == m_slots)
        return;
    qDeleteAll(m_chips);
    m_chips.clear();
    m_slots = names;
    for (const QString &slot : names) {
        auto *chip = new QToolButton(this);
        chip->setText(QStringLiteral("{{%1}}").arg(slot));
        chip->setAutoRaise(false);
        chip->setFocusPolicy(Qt::NoFocus);
        chip->setProperty("slot", slot);
        connect(chip, &QToolButton::clicked, this, [this, slot] {
            if (m_clickable)
                Q_EMIT slotClicked(slot);
        });
        // Before the stretch, after the label.
        m_layout->insertWidget(m_layout->count() - 1, chip);
        m_chips.append(chip);
    }
    const QStringList used = m_used;
    m_used.clear();
    setUsed(used);
}

void PlaceholderChips::setUsed(const QStringList &used)
{
    m_used = used;
    for (QToolButton *chip : std::as_const(m_chips)) {
        const QString slot = chip->property("slot").toString();
        const bool isUsed = used.contains(slot);
        if (chip->property("used").isValid() && chip->property("used").toBool() == isUsed)
            continue;
        chip->setProperty("used", isUsed);
        chip->setToolTip(isUsed ? tr("The generator fills {{%1}}; click to insert it.").arg(slot)
                                : tr("{{%1}} is not used in the system or user text any more: the generator "
                                     "fills it, so saving is refused until it is back.")
                                      .arg(slot));
        // A dynamic property only restyles after a re-polish.
        chip->style()->unpolish(chip);
        chip->style()->polish(chip);
    }
}

QStringList PlaceholderChips::unusedSlots() const
{
    QStringList out;
    for (const QString &slot : m_slots) {
        if (!m_used.contains(slot))
            out.append(slot);
    }
    return out;
}

void PlaceholderChips::setClickable(bool clickable)
{
    // The chips keep their colours (they still tell which slots are used); clicks are ignored.
    m_clickable = clickable;
}

} // namespace kx
