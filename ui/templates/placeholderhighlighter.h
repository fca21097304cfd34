// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QSyntaxHighlighter>

namespace kx {

/**
 * Marks the `{{slot}}` placeholders of a prompt text: a slot the template
 * declares (or `{{response_shape}}`) as a tinted chip, any other `{{…}}` in
 * red with a wavy underline, since loading the template would refuse it.
 * Attach it to a QPlainTextEdit's document; GUI thread only.
 */
class PlaceholderHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaceholderHighlighter)

public:
    explicit PlaceholderHighlighter(QTextDocument *document);

    /** The declared slots; re-highlights the document. */
    void setKnownSlots(const QStringList &names);
    QStringList knownSlots() const { return m_known; }

protected:
    void highlightBlock(const QString &text) override;

private:
    QStringList m_known;
};

} // namespace kx
