// SPDX-License-Identifier: GPL-3.0-or-later
#include "ftsquery.h"

#include <QRegularExpression>
#include <QStringList>

namespace kx {

namespace {

// The unicode61 tokenizer keeps letters, numbers and private-use characters;
// a word without any of them yields no token and would only confuse FTS5.
bool hasTokenCharacter(const QString &word)
{
    for (const QChar c : word)
        if (c.isLetterOrNumber() || c.category() == QChar::Other_PrivateUse || c.isSurrogate())
            return true;
    return false;
}

} // namespace

QString FtsQuery::fromUserText(const QString &userText)
{
    QStringList phrases;
    const QStringList words = userText.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (QString word : words) {
        if (!hasTokenCharacter(word))
            continue;
        // A NUL or control character would end or break the query string.
        word.removeIf([](QChar c) { return c.category() == QChar::Other_Control; });
        word.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        phrases.append(QLatin1Char('"') + word + QLatin1Char('"'));
    }
    if (phrases.isEmpty())
        return {};
    phrases.last().append(QLatin1Char('*'));
    return phrases.join(QLatin1Char(' '));
}

} // namespace kx
