// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QToolButton;

namespace kx {

/**
 * A titled list of strings edited in place (the memory requirements of a
 * scenario): F2, Return or a double click edits an item, Insert or "+" adds
 * one, Delete or "−" removes the current one. The widget only asks
 * (itemAdded, itemEdited, itemRemoved, emitted after the editor closed); the
 * owner saves and shows the saved list with setItems().
 */
class StringListEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StringListEditor)

public:
    /** @p title is shown above the list (already translated). */
    explicit StringListEditor(const QString &title, QWidget *parent = nullptr);

    /**
     * Shows @p items of the scenario named by @p key. The same items of the
     * same scenario again change nothing, so an edit in progress stays.
     */
    void setItems(const QStringList &items, const QString &key);
    QStringList items() const { return m_items; }
    QListWidget *listWidget() const { return m_list; }

public Q_SLOTS:
    /** Appends an empty item and opens its editor; it is added when the editor closes with text. */
    void addItem();
    void editCurrent();
    void removeCurrent();

Q_SIGNALS:
    void itemAdded(const QString &text);
    void itemEdited(int index, const QString &text);
    void itemRemoved(int index);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onItemChanged(QListWidgetItem *item);
    void onEditorClosed();
    void updateTitle();
    template<typename Fn>
    void later(Fn fn);

    QString m_title;
    QStringList m_items;
    QString m_key;
    QLabel *m_titleLabel = nullptr;
    QListWidget *m_list = nullptr;
    QToolButton *m_add = nullptr;
    QToolButton *m_remove = nullptr;
    QListWidgetItem *m_pending = nullptr; ///< the item addItem() made, not saved yet
};

} // namespace kx
