// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetesthelpers.h"

using namespace kx;
using namespace kx::test;

class tst_FullTextSearch : public QObject
{
    Q_OBJECT

    std::unique_ptr<WorkspaceStore> m_store;

    QStringList search(const QString &text, bool *ok)
    {
        ScenarioFilter f;
        f.search = text;
        auto rows = m_store->page(f, {}, {}, 100);
        auto count = m_store->count(f);
        auto anchors = m_store->pageAnchors(f, {ScenarioSortKey::Name, Qt::AscendingOrder}, 2);
        auto facet = m_store->categoryFacet(f);
        *ok = rows.ok() && count.ok() && anchors.ok() && facet.ok();
        if (!*ok) {
            qWarning() << (!rows ? rows.error().message : !count ? count.error().message
                                                      : !anchors ? anchors.error().message
                                                                 : facet.error().message);
            return {};
        }
        QStringList ids;
        for (const ScenarioRow &r : *rows)
            ids.append(r.id);
        if (*count != ids.size())
            *ok = false;
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto store = WorkspaceStore::open(QStringLiteral(":memory:"));
        QVERIFY(store.ok());
        m_store = std::move(store.value());
        TestScenario pie = makeScenario(QStringLiteral("pie"), QStringLiteral("Apple pie recipe"),
                                        QStringLiteral("How do I bake an apple pie?"));
        pie.memoryRequirements = {QStringLiteral("the user likes cinnamon")};
        const QList<TestScenario> list = {
            pie,
            makeScenario(QStringLiteral("cafe"), QStringLiteral("Café au lait"), QStringLiteral("Où est le café ?")),
            makeScenario(QStringLiteral("weather"), QStringLiteral("Tool call"),
                         QStringLiteral("Call the weather API for Zürich")),
            makeScenario(QStringLiteral("ops"), QStringLiteral("Operators"),
                         QStringLiteral("the words NEAR AND OR NOT appear here")),
            makeScenario(QStringLiteral("quotes"), QStringLiteral("Quoting"),
                         QStringLiteral("She said \"hello\" (twice)* and left")),
        };
        QVERIFY(importDataset(*m_store, makeDataset(QStringLiteral("d")), list) > 0);
    }

    void matches_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("ids");
        const QStringList all = {QStringLiteral("pie"), QStringLiteral("cafe"), QStringLiteral("weather"),
                                 QStringLiteral("ops"), QStringLiteral("quotes")};
        QTest::newRow("word") << QStringLiteral("apple") << QStringList{QStringLiteral("pie")};
        QTest::newRow("case") << QStringLiteral("APPLE") << QStringList{QStringLiteral("pie")};
        QTest::newRow("prefix") << QStringLiteral("appl") << QStringList{QStringLiteral("pie")};
        QTest::newRow("prefix, two hits") << QStringLiteral("app") << QStringList{QStringLiteral("pie"), QStringLiteral("ops")};
        QTest::newRow("only the last word is a prefix") << QStringLiteral("appl pie") << QStringList{};
        QTest::newRow("words are ANDed") << QStringLiteral("pie appl") << QStringList{QStringLiteral("pie")};
        QTest::newRow("AND across columns") << QStringLiteral("recipe bake") << QStringList{QStringLiteral("pie")};
        QTest::newRow("name") << QStringLiteral("recipe") << QStringList{QStringLiteral("pie")};
        QTest::newRow("memory") << QStringLiteral("cinnamon") << QStringList{QStringLiteral("pie")};
        QTest::newRow("diacritics folded in text") << QStringLiteral("cafe") << QStringList{QStringLiteral("cafe")};
        QTest::newRow("diacritics folded in query") << QStringLiteral("zürich") << QStringList{QStringLiteral("weather")};
        QTest::newRow("diacritics both") << QStringLiteral("Café") << QStringList{QStringLiteral("cafe")};
        QTest::newRow("ou") << QStringLiteral("ou") << QStringList{QStringLiteral("cafe")};
        QTest::newRow("no hit") << QStringLiteral("durian") << QStringList{};
        QTest::newRow("empty") << QString() << all;
        QTest::newRow("blank") << QStringLiteral("   \t ") << all;
        QTest::newRow("lone quote") << QStringLiteral("\"") << all;
        QTest::newRow("lone star") << QStringLiteral("*") << all;
        QTest::newRow("punctuation only") << QStringLiteral("( ) : ^ - + \" *") << all;
        QTest::newRow("NEAR is a word") << QStringLiteral("NEAR") << QStringList{QStringLiteral("ops")};
        QTest::newRow("AND is a word") << QStringLiteral("AND") << QStringList{QStringLiteral("ops"), QStringLiteral("quotes")};
        QTest::newRow("AND( is a word") << QStringLiteral("AND(") << QStringList{QStringLiteral("ops"), QStringLiteral("quotes")};
        QTest::newRow("OR is not an operator") << QStringLiteral("apple OR cafe") << QStringList{};
        QTest::newRow("quoted word") << QStringLiteral("\"hello\"") << QStringList{QStringLiteral("quotes")};
        QTest::newRow("quote inside") << QStringLiteral("said \"hel") << QStringList{QStringLiteral("quotes")};
        QTest::newRow("star inside") << QStringLiteral("twice)*") << QStringList{QStringLiteral("quotes")};
    }

    void matches()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, ids);
        bool ok = false;
        QCOMPARE(search(query, &ok), ids);
        QVERIFY(ok);
    }

    void hostileInputNeverErrors_data()
    {
        QTest::addColumn<QString>("query");
        const char *hostile[] = {"\"", "\"\"", "\"unterminated", "AND(", "AND", "OR", "NOT", "NEAR", "NEAR(a b, 2)",
                                 "*", "**", "a*b", "^start", "name:apple", "{name messages}: x", "-x", "+x", "(((",
                                 ")))", "a AND", "AND a", "a OR OR b", "\\", "'", "`", "%_", ";DROP TABLE scenarios;--",
                                 "NEAR/3", "\"a\" NEAR \"b\"", "x:", ":", "..", "a - b", "🙂", "日本語", "e\u0301"};
        for (const char *h : hostile)
            QTest::newRow(h) << QString::fromUtf8(h);
        QTest::newRow("nul") << QString(QChar(0)) + QStringLiteral("apple");
        QTest::newRow("control") << QStringLiteral("\x01\x02 apple \x1f");
        QTest::newRow("lone surrogate") << QString(QChar(0xd800)) + QStringLiteral("x");
        QTest::newRow("long") << QStringLiteral("word ").repeated(500);
    }

    void hostileInputNeverErrors()
    {
        QFETCH(QString, query);
        bool ok = false;
        const QStringList ids = search(query, &ok);
        QVERIFY2(ok, qPrintable(query));
        QVERIFY(ids.size() <= 5);
    }

    void searchCombinesWithOtherFilters()
    {
        ScenarioFilter f;
        f.search = QStringLiteral("a");
        f.categories = {Category::Adversarial};
        QCOMPARE(*m_store->count(f), 0);
        f.categories = {Category::Synthetic};
        f.search = QStringLiteral("apple");
        QCOMPARE(*m_store->count(f), 1);
    }
};

QTEST_GUILESS_MAIN(tst_FullTextSearch)
#include "tst_fulltextsearch.moc"
