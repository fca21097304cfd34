// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/chatmessage.h"

#include <QList>
#include <QScrollArea>

class QComboBox;
class QFrame;
class QLabel;
class QPlainTextEdit;
class QVBoxLayout;

namespace kx {

/**
 * A scenario's messages as chat bubbles (coloured by role, the user's on the
 * right, like ScenarioDetailView) that can be edited in place: one bubble is
 * selected (click, or selectNext()/selectPrevious()); beginEdit() turns it
 * into a role box and a text editor, Ctrl+Return saves (messageEdited()),
 * Escape cancels. The widget never changes the messages itself: the owner
 * saves the edit and shows the saved messages again with setMessages().
 */
class TranscriptEditor final : public QScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptEditor)

public:
    explicit TranscriptEditor(QWidget *parent = nullptr);

    /**
     * Shows @p messages of the scenario named by @p key. Showing the same
     * messages again does nothing (an edit in progress stays); new messages
     * of the same scenario keep the selection and the scroll position; another
     * scenario cancels an edit and selects its first message.
     */
    void setMessages(const QList<ChatMessage> &messages, const QString &key);
    /** Shows @p text instead of messages. */
    void showPlaceholder(const QString &text);

    int count() const { return int(m_messages.size()); }
    int selectedIndex() const { return m_selected; }
    void setSelectedIndex(int index);
    bool isEditing() const { return m_editing >= 0; }
    int editingIndex() const { return m_editing; }
    /** While editing: the role box and the text editor; null otherwise. */
    QComboBox *roleEditor() const { return m_roleEdit; }
    QPlainTextEdit *contentEditor() const { return m_contentEdit; }
    /** The text shown in bubble @p index (for tests). */
    QString bubbleText(int index) const;

public Q_SLOTS:
    void selectNext();
    void selectPrevious();
    /** Opens the selected message for editing and focuses its text. */
    void beginEdit();
    /** Emits messageEdited() when something changed, and closes the editor. */
    void commitEdit();
    void cancelEdit();

Q_SIGNALS:
    /** The reviewer saved an edit of message @p index (emitted after the editor closed). */
    void messageEdited(int index, const QString &role, const QString &content);
    void editingChanged(bool editing);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Bubble
    {
        QFrame *frame = nullptr;
        QLabel *role = nullptr;
        QLabel *content = nullptr;
    };
    void rebuild();
    void styleBubble(int index);
    void closeEditor();

    QWidget *m_canvas = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QLabel *m_placeholder = nullptr;
    QList<ChatMessage> m_messages;
    QString m_key;
    QList<Bubble> m_bubbles;
    int m_selected = -1;
    int m_editing = -1;
    QComboBox *m_roleEdit = nullptr;
    QPlainTextEdit *m_contentEdit = nullptr;
};

} // namespace kx
