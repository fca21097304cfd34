// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QHBoxLayout;
class QToolButton;

namespace kx {

/**
 * A template's declared placeholders as a row of chips. A chip whose slot
 * the system or user text uses is filled; one it no longer uses is outlined
 * in amber with a tooltip saying why the template would be refused.
 * Clicking a chip asks for `{{slot}}` to be inserted (slotClicked()).
 * GUI thread only.
 */
class PlaceholderChips final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderChips)

public:
    explicit PlaceholderChips(QWidget *parent = nullptr);

    /** One chip per slot, in order; all start unused. */
    void setSlots(const QStringList &names);
    QStringList slotNames() const { return m_slots; }
    /** Marks the chips of @p used as used, the others as unused. */
    void setUsed(const QStringList &used);
    /** The declared slots no text uses. */
    QStringList unusedSlots() const;
    /** Chips stay visible but cannot be clicked (read-only versions). */
    void setClickable(bool clickable);

Q_SIGNALS:
    /** The chip of @p slot was clicked. */
    void slotClicked(const QString &slot);

private:
    QHBoxLayout *m_layout = nullptr;
    QList<QToolButton *> m_chips;
    QStringList m_slots;
    QStringList m_used;
    bool m_clickable = true;
};

} // namespace kx
