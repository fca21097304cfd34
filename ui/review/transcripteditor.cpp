// SPDX-License-Identifier: GPL-3.0-or-later
#include "transcripteditor.h"

#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace kx {

namespace {

// Layout of a QLabel is linear in its text: a pasted book is cut in the view (the editor gets it all).
constexpr qsizetype kMaxShownChars = 20000;
constexpr char kIndexProperty[] = "kxBubbleIndex";

QColor mixed(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

QColor roleTint(const QString &role)
{
    if (role == QLatin1String("user"))
        return {0x2f, 0x7d, 0xe1};
    if (role == QLatin1String("assistant"))
        return {0x2e, 0xa0, 0x5a};
    if (role == QLatin1String("tool") || role == QLatin1String("function"))
        return {0x8e, 0x5c, 0xd9};
    if (role == QLatin1String("system"))
        return {0xc8, 0x8a, 0x12};
    return {0x80, 0x80, 0x80};
}

QString roleText(const QString &role)
{
    if (role == QLatin1String("user"))
        return TranscriptEditor::tr("User");
    if (role == QLatin1String("assistant"))
        return TranscriptEditor::tr("Assistant");
    if (role == QLatin1String("tool") || role == QLatin1String("function"))
        return TranscriptEditor::tr("Tool");
    if (role == QLatin1String("system"))
        return TranscriptEditor::tr("System");
    return role;
}

} // namespace

TranscriptEditor::TranscriptEditor(QWidget *parent) : QScrollArea(parent)
{
    setObjectName(QStringLiteral("transcriptEditor"));
    setAccessibleName(tr("Conversation"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::NoFocus);
    m_canvas = new QWidget(this);
    m_canvas->setObjectName(QStringLiteral("transcriptCanvas"));
    m_canvas->setBackgroundRole(QPalette::Base);
    m_canvas->setAutoFillBackground(true);
    m_layout = new QVBoxLayout(m_canvas);
    m_layout->setContentsMargins(10, 10, 10, 10);
    m_layout->setSpacing(8);
    m_placeholder = new QLabel(m_canvas);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);
    m_layout->addWidget(m_placeholder);
    m_layout->addStretch(1);
    setWidget(m_canvas);
}

void TranscriptEditor::setMessages(const QList<ChatMessage> &messages, const QString &key)
{
    const bool sameScenario = key == m_key;
    if (sameScenario && !key.isEmpty() && messages == m_messages)
        return;
    const int scroll = verticalScrollBar()->value();
    closeEditor();
    m_messages = messages;
    m_key = key;
    if (!sameScenario || m_selected >= m_messages.size())
        m_selected = m_messages.isEmpty() ? -1 : 0;
    rebuild();
    if (m_messages.isEmpty()) {
        m_placeholder->setText(tr("This scenario has no messages."));
        m_placeholder->show();
    }
    if (sameScenario) {
        // The layout settles on the next pass; restore the view then.
        QTimer::singleShot(0, this, [this, scroll] { verticalScrollBar()->setValue(scroll); });
    } else {
        verticalScrollBar()->setValue(0);
    }
}

void TranscriptEditor::showPlaceholder(const QString &text)
{
    closeEditor();
    m_messages.clear();
    m_key.clear();
    m_selected = -1;
    rebuild();
    m_placeholder->setText(text);
    m_placeholder->show();
}

QString TranscriptEditor::bubbleText(int index) const
{
    return index >= 0 && index < m_bubbles.size() ? m_bubbles[index].content->text() : QString();
}

void TranscriptEditor::rebuild()
{
    for (const Bubble &b : std::as_const(m_bubbles))
        delete b.frame->parentWidget(); // the row holding the bubble
    m_bubbles.clear();
    m_placeholder->hide();
    for (int i = 0; i < m_messages.size(); ++i) {
        const ChatMessage &message = m_messages[i];
        auto *row = new QWidget(m_canvas);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        Bubble b;
        b.frame = new QFrame(row);
        b.frame->setObjectName(QStringLiteral("bubble"));
        auto *inner = new QVBoxLayout(b.frame);
        inner->setContentsMargins(10, 6, 10, 8);
        inner->setSpacing(3);
        b.role = new QLabel(b.frame);
        b.content = new QLabel(b.frame);
        b.content->setTextFormat(Qt::PlainText);
        b.content->setWordWrap(true);
        b.content->setTextInteractionFlags(Qt::TextSelectableByMouse);
        b.content->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
        QString shown = message.content;
        if (shown.size() > kMaxShownChars) {
            shown.truncate(kMaxShownChars);
            shown += QLatin1Char('\n')
                     + tr("… %1 more characters (E opens them all)")
                           .arg(QLocale().toString(message.content.size() - kMaxShownChars));
        }
        b.content->setText(shown.isEmpty() ? tr("(empty)") : shown);
        if (message.role == QLatin1String("tool") || message.role == QLatin1String("function"))
            b.content->setFont(QFont(QStringLiteral("monospace")));
        inner->addWidget(b.role);
        inner->addWidget(b.content);
        for (QWidget *w : {static_cast<QWidget *>(b.frame), static_cast<QWidget *>(b.role),
                           static_cast<QWidget *>(b.content)}) {
            w->setProperty(kIndexProperty, i);
            w->installEventFilter(this);
        }
        const bool right = message.role == QLatin1String("user");
        if (right)
            rowLayout->addStretch(1);
        rowLayout->addWidget(b.frame, 7);
        if (!right)
            rowLayout->addStretch(1);
        m_layout->insertWidget(m_layout->count() - 1, row);
        m_bubbles.append(b);
        styleBubble(i);
    }
}

void TranscriptEditor::styleBubble(int index)
{
    const Bubble &b = m_bubbles[index];
    const ChatMessage &message = m_messages[index];
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    const QColor tint = roleTint(message.role);
    const QColor fill = mixed(base, tint, dark ? 0.28 : 0.13);
    const bool selected = index == m_selected;
    const QColor border = selected ? pal.color(QPalette::Highlight) : mixed(base, tint, dark ? 0.55 : 0.45);
    b.frame->setStyleSheet(QStringLiteral("QFrame#bubble { background-color: %1; border: %2px solid %3; "
                                          "border-radius: 7px; }")
                               .arg(fill.name())
                               .arg(selected ? 2 : 1)
                               .arg(border.name()));
    const QColor label = dark ? tint.lighter(140) : tint.darker(130);
    QString text = QStringLiteral("<span style=\"color:%1; font-weight:600\">%2</span>")
                       .arg(label.name(), roleText(message.role).toHtmlEscaped());
    if (selected && m_editing < 0)
        text += QStringLiteral(" <span style=\"color:%1\">· %2</span>")
                    .arg(mixed(pal.color(QPalette::Text), base, 0.45).name(), tr("E to edit"));
    b.role->setText(text);
}

void TranscriptEditor::setSelectedIndex(int index)
{
    if (index < 0 || index >= m_bubbles.size() || index == m_selected || isEditing())
        return;
    const int old = m_selected;
    m_selected = index;
    if (old >= 0 && old < m_bubbles.size())
        styleBubble(old);
    styleBubble(index);
    ensureWidgetVisible(m_bubbles[index].frame, 10, 30);
}

void TranscriptEditor::selectNext()
{
    setSelectedIndex(m_selected + 1);
}

void TranscriptEditor::selectPrevious()
{
    setSelectedIndex(m_selected - 1);
}

void TranscriptEditor::beginEdit()
{
    if (isEditing() || m_selected < 0 || m_selected >= m_bubbles.size())
        return;
    m_editing = m_selected;
    const Bubble &b = m_bubbles[m_editing];
    const ChatMessage &message = m_messages[m_editing];
    auto *inner = static_cast<QVBoxLayout *>(b.frame->layout());

    // The role row is one widget, so closing the editor removes it in one go.
    auto *roleHolder = new QWidget(b.frame);
    roleHolder->setObjectName(QStringLiteral("roleRow"));
    auto *roleRow = new QHBoxLayout(roleHolder);
    roleRow->setContentsMargins(0, 0, 0, 0);
    m_roleEdit = new QComboBox(roleHolder);
    m_roleEdit->setObjectName(QStringLiteral("roleEditor"));
    m_roleEdit->setEditable(true);
    m_roleEdit->setAccessibleName(tr("Role"));
    m_roleEdit->addItems({QStringLiteral("system"), QStringLiteral("user"), QStringLiteral("assistant"),
                          QStringLiteral("tool")});
    m_roleEdit->setCurrentText(message.role);
    m_roleEdit->installEventFilter(this);
    auto *hint = new QLabel(tr("Ctrl+Return saves · Escape cancels"), roleHolder);
    hint->setForegroundRole(QPalette::PlaceholderText);
    roleRow->addWidget(new QLabel(tr("Role:"), roleHolder));
    roleRow->addWidget(m_roleEdit);
    roleRow->addStretch(1);
    roleRow->addWidget(hint);
    m_contentEdit = new QPlainTextEdit(b.frame);
    m_contentEdit->setObjectName(QStringLiteral("messageEditor"));
    m_contentEdit->setAccessibleName(tr("Message text"));
    m_contentEdit->setPlainText(message.content);
    m_contentEdit->setTabChangesFocus(true);
    m_contentEdit->setMinimumHeight(std::clamp(b.content->height() + 24, 90, 360));
    m_contentEdit->installEventFilter(this);
    inner->insertWidget(1, roleHolder);
    inner->insertWidget(2, m_contentEdit);
    b.content->hide();
    // Shown now, not on the layout's next pass: a hidden widget does not take the focus.
    roleHolder->show();
    m_contentEdit->show();
    styleBubble(m_editing);
    m_contentEdit->setFocus(Qt::ShortcutFocusReason);
    m_contentEdit->moveCursor(QTextCursor::End);
    ensureWidgetVisible(b.frame, 10, 30);
    Q_EMIT editingChanged(true);
}

void TranscriptEditor::commitEdit()
{
    if (!isEditing())
        return;
    const int index = m_editing;
    const QString role = m_roleEdit->currentText().trimmed();
    const QString content = m_contentEdit->toPlainText();
    const bool changed = role != m_messages[index].role || content != m_messages[index].content;
    closeEditor();
    Q_EMIT editingChanged(false);
    // Queued: the owner's save shows the messages again, which must not happen inside the editor's key event.
    if (changed)
        QMetaObject::invokeMethod(
            this, [this, index, role, content] { Q_EMIT messageEdited(index, role, content); }, Qt::QueuedConnection);
}

void TranscriptEditor::cancelEdit()
{
    if (!isEditing())
        return;
    closeEditor();
    Q_EMIT editingChanged(false);
}

void TranscriptEditor::closeEditor()
{
    if (!isEditing())
        return;
    const int index = m_editing;
    m_editing = -1;
    for (QWidget *w : {static_cast<QWidget *>(m_roleEdit->parentWidget()), static_cast<QWidget *>(m_contentEdit)}) {
        w->removeEventFilter(this);
        w->hide();
        w->deleteLater(); // we may be inside one of their events
    }
    m_roleEdit->removeEventFilter(this);
    m_roleEdit = nullptr;
    m_contentEdit = nullptr;
    if (index < m_bubbles.size()) {
        m_bubbles[index].content->show();
        styleBubble(index);
    }
}

bool TranscriptEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && isEditing() && (watched == m_contentEdit || watched == m_roleEdit)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            commitEdit();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            cancelEdit();
            return true;
        }
    }
    if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonDblClick) {
        const QVariant index = watched->property(kIndexProperty);
        if (index.isValid() && !isEditing()) {
            setSelectedIndex(index.toInt());
            if (event->type() == QEvent::MouseButtonDblClick)
                beginEdit();
        }
    }
    return QScrollArea::eventFilter(watched, event);
}

void TranscriptEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        for (int i = 0; i < m_bubbles.size(); ++i)
            styleBubble(i);
    QScrollArea::changeEvent(event);
}

} // namespace kx
