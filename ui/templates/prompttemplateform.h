// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/generators/prompttemplate.h"
#include "util/result.h"

#include <QWidget>

class QLineEdit;
class QPlainTextEdit;
class QTabWidget;

namespace kx {

class PlaceholderChips;
class PlaceholderHighlighter;

/**
 * The editors of one prompt template: description, system and user text
 * (with their `{{slot}}`s highlighted), response shape and defaults (JSON),
 * and the declared placeholders as chips showing which the texts use. The
 * id, version and placeholders come from the template shown and are not
 * edited here: the generator decides which slots it fills.
 *
 * GUI thread only. edited() fires on every keystroke; callers debounce.
 */
class PromptTemplateForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptTemplateForm)

public:
    /** The editors' text, kept for a template while another one is shown. */
    struct Draft
    {
        QString description;
        QString system;
        QString user;
        QString responseShape;
        QString defaults;   ///< JSON text, possibly invalid
    };

    explicit PromptTemplateForm(QWidget *parent = nullptr);

    /** Shows @p t in the editors; does not emit edited(). */
    void setTemplate(const PromptTemplate &t);
    /** Puts @p draft into the editors of the template shown; does not emit edited(). */
    void setDraft(const Draft &draft);
    Draft draft() const;
    /** Read-only editors for an older version; chips stop inserting. */
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    /**
     * The template the editors describe, with the shown template's id,
     * version and placeholders, and @p origin. Errors: the defaults are not
     * JSON ("Defaults: line L, column C: …") or PromptTemplate::fromJson()'s.
     */
    Result<PromptTemplate> candidate(const QString &origin) const;

    QLineEdit *descriptionEdit() const { return m_description; }
    QPlainTextEdit *systemEdit() const { return m_system; }
    QPlainTextEdit *userEdit() const { return m_user; }
    QPlainTextEdit *responseShapeEdit() const { return m_responseShape; }
    QPlainTextEdit *defaultsEdit() const { return m_defaults; }
    PlaceholderChips *chips() const { return m_chips; }

Q_SIGNALS:
    /** Some editor's text changed by the user. */
    void edited();

private:
    void textChanged();
    void updateUsedSlots();
    void insertSlot(const QString &slot);

    QString m_id;
    int m_version = 1;
    QStringList m_placeholders;
    bool m_readOnly = false;
    bool m_loading = false;

    QLineEdit *m_description = nullptr;
    PlaceholderChips *m_chips = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_system = nullptr;
    QPlainTextEdit *m_user = nullptr;
    QPlainTextEdit *m_responseShape = nullptr;
    QPlainTextEdit *m_defaults = nullptr;
    QPlainTextEdit *m_lastMessageEdit = nullptr; ///< where a chip click inserts
    PlaceholderHighlighter *m_systemHighlighter = nullptr;
    PlaceholderHighlighter *m_userHighlighter = nullptr;
};

} // namespace kx
