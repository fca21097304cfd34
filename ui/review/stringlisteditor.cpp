// SPDX-License-Identifier: GPL-3.0-or-later
#include "stringlisteditor.h"

#include <QAbstractItemDelegate>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace kx {

StringListEditor::StringListEditor(const QString &title, QWidget *parent) : QWidget(parent), m_title(title)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *header = new QHBoxLayout;
    m_titleLabel = new QLabel(this);
    m_titleLabel->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_add = new QToolButton(this);
    m_add->setText(QStringLiteral("+"));
    m_add->setToolTip(tr("Add (Insert)"));
    m_add->setAccessibleName(tr("Add to %1").arg(title));
    m_add->setAutoRaise(true);
    m_remove = new QToolButton(this);
    m_remove->setText(QStringLiteral("−"));
    m_remove->setToolTip(tr("Remove the selected item (Delete)"));
    m_remove->setAccessibleName(tr("Remove from %1").arg(title));
    m_remove->setAutoRaise(true);
    for (QToolButton *b : {m_add, m_remove})
        b->setFocusPolicy(Qt::NoFocus);
    header->addWidget(m_titleLabel);
    header->addStretch(1);
    header->addWidget(m_add);
    header->addWidget(m_remove);
    m_list = new QListWidget(this);
    m_list->setAccessibleName(title);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_list->installEventFilter(this);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);

    connect(m_add, &QToolButton::clicked, this, &StringListEditor::addItem);
    connect(m_remove, &QToolButton::clicked, this, &StringListEditor::removeCurrent);
    connect(m_list, &QListWidget::itemChanged, this, &StringListEditor::onItemChanged);
    connect(m_list->itemDelegate(), &QAbstractItemDelegate::closeEditor, this, &StringListEditor::onEditorClosed);
    updateTitle();
}

template<typename Fn>
void StringListEditor::later(Fn fn)
{
    // Queued: the owner's save calls setItems(), which must not delete items inside the view's own signal.
    QMetaObject::invokeMethod(this, fn, Qt::QueuedConnection);
}

void StringListEditor::setItems(const QStringList &items, const QString &key)
{
    if (key == m_key && !key.isEmpty() && items == m_items)
        return;
    m_key = key;
    const int row = m_list->currentRow();
    m_items = items;
    m_pending = nullptr;
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const QString &text : items) {
        auto *item = new QListWidgetItem(text, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
        item->setToolTip(text);
    }
    if (!items.isEmpty())
        m_list->setCurrentRow(std::clamp(row, 0, int(items.size()) - 1));
    updateTitle();
}

void StringListEditor::updateTitle()
{
    m_titleLabel->setText(tr("%1 (%2)").arg(m_title).arg(m_items.size()));
    m_remove->setEnabled(isEnabled() && !m_items.isEmpty());
}

void StringListEditor::addItem()
{
    if (m_pending || !isEnabled())
        return;
    {
        const QSignalBlocker block(m_list);
        m_pending = new QListWidgetItem(QString(), m_list);
        m_pending->setFlags(m_pending->flags() | Qt::ItemIsEditable);
    }
    m_list->setCurrentItem(m_pending);
    m_list->setFocus(Qt::ShortcutFocusReason);
    m_list->editItem(m_pending);
}

void StringListEditor::editCurrent()
{
    if (QListWidgetItem *item = m_list->currentItem()) {
        m_list->setFocus(Qt::ShortcutFocusReason);
        m_list->editItem(item);
    }
}

void StringListEditor::removeCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_items.size())
        return;
    later([this, row] { Q_EMIT itemRemoved(row); });
}

void StringListEditor::onItemChanged(QListWidgetItem *item)
{
    const QString text = item->text().trimmed();
    if (item == m_pending) {
        if (!text.isEmpty())
            later([this, text] { Q_EMIT itemAdded(text); });
        return; // the item goes when the saved list comes back, or in onEditorClosed()
    }
    const int row = m_list->row(item);
    if (row < 0 || row >= m_items.size() || text == m_items[row])
        return;
    later([this, row, text] { Q_EMIT itemEdited(row, text); });
}

void StringListEditor::onEditorClosed()
{
    // An added item left empty (or abandoned with Escape) is not kept.
    if (m_pending && m_pending->text().trimmed().isEmpty()) {
        later([this] {
            if (m_pending && m_pending->text().trimmed().isEmpty()) {
                const QSignalBlocker block(m_list);
                delete m_pending;
                m_pending = nullptr;
            }
        });
    }
}

bool StringListEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        // The list's own keys win over the review page's shortcuts (↑/↓ move in the list here).
        auto *key = static_cast<QKeyEvent *>(event);
        const bool plain = key->modifiers() == Qt::NoModifier;
        const bool own = plain && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down || key->key() == Qt::Key_Home
                                   || key->key() == Qt::Key_End || key->key() == Qt::Key_Delete
                                   || key->key() == Qt::Key_Insert || key->key() == Qt::Key_F2);
        if (event->type() == QEvent::ShortcutOverride) {
            if (own)
                event->accept();
        } else if (plain && key->key() == Qt::Key_Delete) {
            removeCurrent();
            return true;
        } else if (plain && key->key() == Qt::Key_Insert) {
            addItem();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace kx
