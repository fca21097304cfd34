// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringView>

namespace kx {

/**
 * What AutoScorer needs to know about one text (a message or a memory
 * requirement), gathered in a single pass over its code points with no
 * allocation but the three hash lists.
 *
 * Tokens: a *word* is a maximal run of letters and digits; a run that starts
 * with a digit also continues through a '.' or ',' followed by a digit, so
 * "1,250.5" is one number. Words are compared through a 64-bit FNV-1a hash of
 * their lower-cased code points (hashWord()), so a text never has to be
 * copied or lower-cased as a whole; in the lists, ',' inside a number is
 * left out of the hash and '.' kept, so "1,000" and "1000" are the same number.
 *
 * Characters are sorted into: whitespace; letters and digits; ordinary
 * punctuation (Unicode punctuation, currency and math symbols, and the ASCII
 * marks other than `<>|~^`\`); noise (every other symbol, emoji included,
 * and a surrogate pair counts once); and bad (U+FFFD, the replacement for
 * undecodable bytes, and control characters other than tab, LF and CR).
 *
 * A plain value; build one on any thread.
 */
struct TextProfile
{
    int codePoints = 0;        ///< all code points
    int visible = 0;           ///< code points that are not whitespace
    int wordCount = 0;         ///< all word tokens, short ones included
    int noise = 0;             ///< noise code points (see above)
    int bad = 0;               ///< U+FFFD and stray control characters
    bool hasQuestionMark = false; ///< '?' or a full-width '？' anywhere
    char32_t lastVisible = 0;  ///< the last non-whitespace code point; 0 for a blank text
    bool endsWithEllipsis = false; ///< the text, right-trimmed, ends with "..." or '…'
    bool dotsOnly = false;     ///< non-blank and made only of '.', '…', '-', '_' and whitespace
    int placeholderMarks = 0;  ///< "{{" pairs, and "insert" right after '[' or '<' ("[insert name]")
    quint64 firstWordHash = 0; ///< hashWord() of the first word; 0 when there is none
    quint64 secondWordHash = 0; ///< hashWord() of the second word; 0 when there is none
    /** FNV-1a of the lower-cased letters and digits only: equal for texts differing in case, spacing, punctuation. */
    quint64 contentHash = 0;
    /** Hashes of the words of at least 3 code points or starting with a digit, in text order. */
    QList<quint64> words;
    /** Hashes of the words starting with a digit (numbers), in text order. */
    QList<quint64> numbers;
    /** Hashes of the capitalised words of 2+ code points not opening a sentence ("Paris", "NASA"), in text order. */
    QList<quint64> entities;

    /** Profiles @p text. */
    static TextProfile of(QStringView text);
    /** The hash TextProfile uses for a word: FNV-1a over the lower-cased code points of @p word. */
    static quint64 hashWord(QStringView word);
    /** hashWord() of a Latin-1 literal, for the word lists of the heuristics. */
    static quint64 hashWord(QLatin1String word);
};

} // namespace kx
