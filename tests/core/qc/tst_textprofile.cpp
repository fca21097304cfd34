// SPDX-License-Identifier: GPL-3.0-or-later
#include "qc/textprofile.h"

#include <QTest>

using namespace kx;

class TestTextProfile final : public QObject
{
    Q_OBJECT

private slots:
    void counts_data();
    void counts();
    void ending_data();
    void ending();
    void hashesIgnoreCase();
    void numbersAndEntities();
    void contentHashIgnoresFormatting();
};

void TestTextProfile::counts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("codePoints");
    QTest::addColumn<int>("visible");
    QTest::addColumn<int>("wordCount");
    QTest::addColumn<int>("listedWords"); // 3+ code points or numbers
    QTest::addColumn<int>("noise");
    QTest::addColumn<int>("bad");
    QTest::addColumn<int>("placeholderMarks");

    QTest::newRow("empty") << QString() << 0 << 0 << 0 << 0 << 0 << 0 << 0;
    QTest::newRow("blank") << QStringLiteral(" \n\t ") << 4 << 0 << 0 << 0 << 0 << 0 << 0;
    // "What", "is", "my", "dog's" → "dog" + "s", "name": 6 words, listed: what, dog, name.
    QTest::newRow("question") << QStringLiteral("What is my dog's name?") << 22 << 18 << 6 << 3 << 0 << 0 << 0;
    // '<', '>', '|', '~' are noise; U+FFFD and a BEL are bad.
    QTest::newRow("noise") << QStringLiteral("a<b>|c~ \uFFFD\a") << 10 << 9 << 3 << 0 << 4 << 2 << 0;
    // An emoji (a surrogate pair) is one code point of noise.
    QTest::newRow("emoji") << QStringLiteral("ok \U0001F600") << 4 << 3 << 1 << 0 << 1 << 0 << 0;
    // Template leftovers: "{{" (a "{{{" counts once) and "[insert".
    QTest::newRow("placeholders") << QStringLiteral("Hi {{name}}, {{{x}}} [insert city] <insert> insert")
                                  << 50 << 44 << 7 << 5 << 2 << 0 << 4;
    // Accented letters and combining marks stay inside words.
    QTest::newRow("accents") << QStringLiteral("Caf\u00E9 na\u0308ive") << 11 << 10 << 2 << 2 << 0 << 0 << 0;
}

void TestTextProfile::counts()
{
    QFETCH(QString, text);
    QFETCH(int, codePoints);
    QFETCH(int, visible);
    QFETCH(int, wordCount);
    QFETCH(int, listedWords);
    QFETCH(int, noise);
    QFETCH(int, bad);
    QFETCH(int, placeholderMarks);
    const TextProfile p = TextProfile::of(text);
    QCOMPARE(p.codePoints, codePoints);
    QCOMPARE(p.visible, visible);
    QCOMPARE(p.wordCount, wordCount);
    QCOMPARE(int(p.words.size()), listedWords);
    QCOMPARE(p.noise, noise);
    QCOMPARE(p.bad, bad);
    QCOMPARE(p.placeholderMarks, placeholderMarks);
}

void TestTextProfile::ending_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<uint>("lastVisible");
    QTest::addColumn<bool>("question");
    QTest::addColumn<bool>("ellipsis");
    QTest::addColumn<bool>("dotsOnly");

    QTest::newRow("question") << QStringLiteral("Where do I live?  \n") << uint('?') << true << false << false;
    QTest::newRow("question inside") << QStringLiteral("Which one? A. red B. blue") << uint('e') << true << false
                                     << false;
    QTest::newRow("ellipsis") << QStringLiteral("and then she said...") << uint('.') << false << true << false;
    QTest::newRow("unicode ellipsis") << QStringLiteral("and then\u2026 ") << 0x2026u << false << true << false;
    QTest::newRow("dots only") << QStringLiteral(" ... ") << uint('.') << false << true << true;
    QTest::newRow("dashes only") << QStringLiteral("--") << uint('-') << false << false << true;
    QTest::newRow("blank") << QStringLiteral("   ") << 0u << false << false << false;
}

void TestTextProfile::ending()
{
    QFETCH(QString, text);
    QFETCH(uint, lastVisible);
    QFETCH(bool, question);
    QFETCH(bool, ellipsis);
    QFETCH(bool, dotsOnly);
    const TextProfile p = TextProfile::of(text);
    QCOMPARE(uint(p.lastVisible), lastVisible);
    QCOMPARE(p.hasQuestionMark, question);
    QCOMPARE(p.endsWithEllipsis, ellipsis);
    QCOMPARE(p.dotsOnly, dotsOnly);
}

void TestTextProfile::hashesIgnoreCase()
{
    QCOMPARE(TextProfile::hashWord(u"Lisbon"), TextProfile::hashWord(u"LISBON"));
    QCOMPARE(TextProfile::hashWord(u"lisbon"), TextProfile::hashWord(QLatin1String("LisBon")));
    QVERIFY(TextProfile::hashWord(u"lisbon") != TextProfile::hashWord(u"lisboa"));
    QCOMPARE(TextProfile::hashWord(u"\u00C9T\u00C9"), TextProfile::hashWord(u"\u00E9t\u00E9"));
    const TextProfile p = TextProfile::of(u"I moved to LISBON.");
    QVERIFY(p.words.contains(TextProfile::hashWord(u"lisbon")));
    QVERIFY(p.words.contains(TextProfile::hashWord(u"moved")));
    QCOMPARE(p.firstWordHash, TextProfile::hashWord(u"i"));
    QCOMPARE(p.secondWordHash, TextProfile::hashWord(u"moved"));
    QCOMPARE(TextProfile::of(u"Hello").secondWordHash, quint64(0));
}

void TestTextProfile::numbersAndEntities()
{
    // Numbers keep '.' and ',' between digits; "1,250" and "1250" are the same number.
    const TextProfile p = TextProfile::of(
        u"Janet paid $1,250.50 in Paris on 12 May. Then NASA called Bob, and I said 1250 twice.");
    QList<quint64> numbers{TextProfile::hashWord(u"1250.50"), TextProfile::hashWord(u"12"),
                           TextProfile::hashWord(u"1250")};
    QCOMPARE(p.numbers, numbers);
    // Entities: capitalised, 2+ letters, not opening a sentence: Paris, May, NASA, Bob.
    // "Janet" and "Then" open sentences; "I" is a single letter.
    QList<quint64> entities{TextProfile::hashWord(u"paris"), TextProfile::hashWord(u"may"),
                            TextProfile::hashWord(u"nasa"), TextProfile::hashWord(u"bob")};
    QCOMPARE(p.entities, entities);
    // A line break opens a sentence too.
    const TextProfile q = TextProfile::of(u"Options:\nRed\nBlue");
    QVERIFY(q.entities.isEmpty());
}

void TestTextProfile::contentHashIgnoresFormatting()
{
    QCOMPARE(TextProfile::of(u"Hello, World!").contentHash, TextProfile::of(u"hello world").contentHash);
    QVERIFY(TextProfile::of(u"hello world").contentHash != TextProfile::of(u"hello there").contentHash);
}

QTEST_GUILESS_MAIN(TestTextProfile)
#include "tst_textprofile.moc"
