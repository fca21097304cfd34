// SPDX-License-Identifier: GPL-3.0-or-later
#include "textprofile.h"

#include <QChar>

#include <array>

namespace kx {

namespace {

constexpr quint64 fnvOffset = 14695981039346656037ULL;
constexpr quint64 fnvPrime = 1099511628211ULL;

/** FNV-1a step over a whole code point (not its bytes): cheap and plenty for word identity. */
inline quint64 mix(quint64 h, char32_t cp)
{
    return (h ^ quint64(cp)) * fnvPrime;
}

inline char32_t lower(char32_t cp)
{
    if (cp < 128)
        return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    return QChar::toLower(cp);
}

enum class Kind : quint8 { Space, Letter, Digit, Punct, Noise, Bad };

/** The class of every ASCII character, so the common case is one table look-up. */
constexpr std::array<Kind, 128> asciiKinds = [] {
    std::array<Kind, 128> t{};
    for (int c = 0; c < 128; ++c) {
        Kind k = Kind::Punct;
        if (c == '\t' || c == '\n' || c == '\r' || c == ' ' || c == '\v' || c == '\f')
            k = Kind::Space;
        else if (c < 32 || c == 127)
            k = Kind::Bad;
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            k = Kind::Letter;
        else if (c >= '0' && c <= '9')
            k = Kind::Digit;
        else if (c == '<' || c == '>' || c == '|' || c == '~' || c == '^' || c == '`' || c == '\\')
            k = Kind::Noise;
        t[size_t(c)] = k;
    }
    return t;
}();

Kind classify(char32_t cp)
{
    if (cp < 128)
        return asciiKinds[cp];
    if (cp == 0xFFFD)
        return Kind::Bad;
    if (QChar::isSpace(cp))
        return Kind::Space;
    if (QChar::isDigit(cp))
        return Kind::Digit;
    switch (QChar::category(cp)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return Kind::Letter; // combining marks belong to the word they decorate
    case QChar::Other_Control:
    case QChar::Other_Surrogate:
        return Kind::Bad;
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
        return Kind::Punct;
    default:
        break;
    }
    if (QChar::isLetterOrNumber(cp))
        return Kind::Letter;
    if (QChar::isPunct(cp))
        return Kind::Punct;
    return Kind::Noise;
}

inline bool isUpper(char32_t cp)
{
    if (cp < 128)
        return cp >= 'A' && cp <= 'Z';
    return QChar::isUpper(cp) || QChar::isTitleCase(cp);
}

inline bool endsSentence(char32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == '\n' || cp == 0x2026 /* … */
        || cp == 0x3002 /* 。 */ || cp == 0xFF1F /* ？ */ || cp == 0xFF01 /* ！ */;
}

inline bool isDotLike(char32_t cp)
{
    return cp == '.' || cp == 0x2026 || cp == '-' || cp == '_';
}

/** The word being read: its hash, length and what started it. */
struct WordState
{
    bool active = false;
    bool startsWithDigit = false;
    bool capitalised = false;
    bool opensSentence = false;
    char32_t before = 0; ///< the code point just before the word
    int length = 0;
    quint64 hash = fnvOffset;
};

} // namespace

TextProfile TextProfile::of(QStringView text)
{
    static const quint64 insertHash = hashWord(QLatin1String("insert"));

    TextProfile p;
    p.contentHash = fnvOffset;
    WordState w;
    bool sentenceStart = true;
    bool onlyDots = true;
    char32_t previous = 0;

    const auto finishWord = [&] {
        ++p.wordCount;
        if (p.wordCount == 1)
            p.firstWordHash = w.hash;
        else if (p.wordCount == 2)
            p.secondWordHash = w.hash;
        if (w.startsWithDigit) {
            p.numbers.append(w.hash);
            p.words.append(w.hash);
        } else {
            if (w.length >= 3)
                p.words.append(w.hash);
            if (w.capitalised && w.length >= 2 && !w.opensSentence)
                p.entities.append(w.hash);
            if (w.length == 6 && w.hash == insertHash && (w.before == '[' || w.before == '<'))
                ++p.placeholderMarks;
        }
        w.active = false;
        sentenceStart = false;
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = text[i].unicode();
        char32_t cp = u;
        if (QChar::isHighSurrogate(u) && i + 1 < n && QChar::isLowSurrogate(text[i + 1].unicode())) {
            cp = QChar::surrogateToUcs4(u, text[i + 1].unicode());
            ++i;
        }
        ++p.codePoints;
        const Kind kind = classify(cp);

        if (kind == Kind::Letter || kind == Kind::Digit) {
            const char32_t lc = lower(cp);
            p.contentHash = mix(p.contentHash, lc);
            if (!w.active) {
                w = WordState{true, kind == Kind::Digit, isUpper(cp), sentenceStart, previous, 0, fnvOffset};
            }
            w.hash = mix(w.hash, lc);
            ++w.length;
        } else if (w.active && w.startsWithDigit && (cp == '.' || cp == ',') && i + 1 < n
                   && text[i + 1].unicode() >= '0' && text[i + 1].unicode() <= '9') {
            // "1,250.5" stays one number; the thousands separator is not part of its identity.
            if (cp == '.')
                w.hash = mix(w.hash, cp);
        } else if (w.active) {
            finishWord();
        }

        switch (kind) {
        case Kind::Space: break;
        case Kind::Noise: ++p.noise; break;
        case Kind::Bad: ++p.bad; break;
        default: break;
        }
        if (kind != Kind::Space) {
            ++p.visible;
            p.lastVisible = cp;
            if (!isDotLike(cp))
                onlyDots = false;
        }
        if (cp == '?' || cp == 0xFF1F)
            p.hasQuestionMark = true;
        if (cp == '{' && previous == '{') {
            ++p.placeholderMarks;
            cp = 0; // "{{{" is one mark, not two
        }
        if (!w.active && endsSentence(cp))
            sentenceStart = true;
        previous = cp;
    }
    if (w.active)
        finishWord();

    p.dotsOnly = p.visible > 0 && onlyDots;
    QStringView trimmed = text;
    while (!trimmed.isEmpty() && trimmed.back().isSpace())
        trimmed.chop(1);
    p.endsWithEllipsis = trimmed.endsWith(u"...") || trimmed.endsWith(QChar(0x2026));
    return p;
}

quint64 TextProfile::hashWord(QStringView word)
{
    quint64 h = fnvOffset;
    const qsizetype n = word.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = word[i].unicode();
        char32_t cp = u;
        if (QChar::isHighSurrogate(u) && i + 1 < n && QChar::isLowSurrogate(word[i + 1].unicode())) {
            cp = QChar::surrogateToUcs4(u, word[i + 1].unicode());
            ++i;
        }
        h = mix(h, lower(cp));
    }
    return h;
}

quint64 TextProfile::hashWord(QLatin1String word)
{
    quint64 h = fnvOffset;
    for (char c : word)
        h = mix(h, lower(char32_t(uchar(c))));
    return h;
}

} // namespace kx
