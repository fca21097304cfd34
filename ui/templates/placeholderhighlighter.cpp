// SPDX-License-Identifier: GPL-3.0-or-later
#include "placeholderhighlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>

namespace kx {

PlaceholderHighlighter::PlaceholderHighlighter(QTextDocument *document) : QSyntaxHighlighter(document) {}

void PlaceholderHighlighter::setKnownSlots(const QStringList &names)
{
    if (names == m_known)
        return;
    m_known = names;
    rehighlight();
}

void PlaceholderHighlighter::highlightBlock(const QString &text)
{
    // Wider than PromptTemplate's slot syntax on purpose: "{{agent profile}}" is a typo worth showing too.
    static const QRegularExpression slot(QStringLiteral("\\{\\{([^{}\\n]*)\\}\\}"));
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightnessF() < 0.5;

    QTextCharFormat known;
    known.setForeground(dark ? QColor(0x9c, 0xc8, 0xff) : QColor(0x0b, 0x4f, 0x9c));
    known.setBackground(dark ? QColor(0x1d, 0x33, 0x4f) : QColor(0xe3, 0xee, 0xfb));
    known.setFontWeight(QFont::DemiBold);

    QTextCharFormat unknown;
    unknown.setForeground(dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e));
    unknown.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    unknown.setUnderlineColor(unknown.foreground().color());

    for (auto it = slot.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.captured(1).trimmed();
        const bool ok = name == QLatin1String("response_shape") || m_known.contains(name);
        setFormat(int(m.capturedStart()), int(m.capturedLength()), ok ? known : unknown);
    }
}

} // namespace kx
