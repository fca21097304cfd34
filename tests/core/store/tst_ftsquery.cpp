// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ftsquery.h"

#include <QtTest>

using namespace kx;

class tst_FtsQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromUserText_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("query");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("blank") << QStringLiteral("  \t\n") << QString();
        QTest::newRow("one word") << QStringLiteral("apple") << QStringLiteral("\"apple\"*");
        QTest::newRow("two words") << QStringLiteral(" apple  pie ") << QStringLiteral("\"apple\" \"pie\"*");
        QTest::newRow("quotes doubled") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say\" \"\"\"hi\"\"\"*");
        QTest::newRow("operators are words") << QStringLiteral("a AND b") << QStringLiteral("\"a\" \"AND\" \"b\"*");
        QTest::newRow("NEAR call") << QStringLiteral("NEAR(a") << QStringLiteral("\"NEAR(a\"*");
        QTest::newRow("punctuation dropped") << QStringLiteral("* apple ( \"") << QStringLiteral("\"apple\"*");
        QTest::newRow("column filter") << QStringLiteral("name:x") << QStringLiteral("\"name:x\"*");
        QTest::newRow("control removed") << QStringLiteral("ab\x01" "c") << QStringLiteral("\"abc\"*");
        QTest::newRow("accents kept") << QStringLiteral("Zürich") << QStringLiteral("\"Zürich\"*");
    }

    void fromUserText()
    {
        QFETCH(QString, input);
        QFETCH(QString, query);
        QCOMPARE(FtsQuery::fromUserText(input), query);
    }
};

QTEST_GUILESS_MAIN(tst_FtsQuery)
#include "tst_ftsquery.moc"
