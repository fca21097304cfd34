// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariodetailview.h"

#include <QLabel>
#include <QStackedWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTreeWidget>

using namespace kx;

class TestScenarioDetailView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsPlaceholderWithoutScenario();
    void rendersEveryRole();
    void listsCriteriaAndProvenance();
    void showsToolCalls();
    void escapesMarkup();
    void highlightsSearchTerms();

private:
    static TestScenario sample();
    static QTreeWidgetItem *section(QTreeWidget *tree, const QString &title);
};

TestScenario TestScenarioDetailView::sample()
{
    TestScenario s;
    s.id = QStringLiteral("gsm8k-test-0004");
    s.name = QStringLiteral("Chicken feed");
    s.messages = {{QStringLiteral("system"), QStringLiteral("You are a careful tutor."), Json::object()},
                  {QStringLiteral("user"), QStringLiteral("How many cups of feed?"), Json::object()},
                  {QStringLiteral("assistant"), QStringLiteral("She needs 20 cups."), Json::object()},
                  {QStringLiteral("tool"), QStringLiteral("{\"result\": 20}"), Json::object()}};
    s.memoryRequirements = {QStringLiteral("Remembers the flock size")};
    s.expectedCapabilities = {QStringLiteral("arithmetic"), QStringLiteral("multi_step_reasoning")};
    s.evaluationCriteria = Json{{"final_answer", "20"}, {"min_score", 0.7}};
    s.category = Category::Benchmark;
    s.status = ReviewStatus::Accepted;
    s.provenance.sourceFile = QStringLiteral("grade_school_math/data/test.jsonl");
    s.provenance.split = QStringLiteral("test");
    s.provenance.row = 4;
    return s;
}

QTreeWidgetItem *TestScenarioDetailView::section(QTreeWidget *tree, const QString &title)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(0) == title)
            return tree->topLevelItem(i);
    return nullptr;
}

void TestScenarioDetailView::showsPlaceholderWithoutScenario()
{
    ScenarioDetailView view;
    QVERIFY(!view.hasScenario());
    auto *stack = view.findChild<QStackedWidget *>();
    QVERIFY(stack);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("detailPlaceholder"));
    view.showMessage(QStringLiteral("Could not load row 7"));
    QCOMPARE(qobject_cast<QLabel *>(stack->currentWidget())->text(), QStringLiteral("Could not load row 7"));
}

void TestScenarioDetailView::rendersEveryRole()
{
    ScenarioDetailView view;
    view.resize(900, 600);
    view.setScenario(sample());
    QVERIFY(view.hasScenario());
    const QString text = view.transcriptText();
    for (const QString &expected : {QStringLiteral("Chicken feed"), QStringLiteral("System"),
                                    QStringLiteral("You are a careful tutor."), QStringLiteral("User"),
                                    QStringLiteral("How many cups of feed?"), QStringLiteral("Assistant"),
                                    QStringLiteral("She needs 20 cups."), QStringLiteral("Tool"),
                                    QStringLiteral("{\"result\": 20}")})
        QVERIFY2(text.contains(expected), qPrintable(expected));
    // Turns appear in order.
    QVERIFY(text.indexOf(QStringLiteral("careful tutor")) < text.indexOf(QStringLiteral("cups of feed")));
    QVERIFY(text.indexOf(QStringLiteral("cups of feed")) < text.indexOf(QStringLiteral("needs 20")));

    // Each role gets its own bubble colour.
    const QString html = view.findChild<QTextBrowser *>(QStringLiteral("transcript"))->toHtml();
    QSet<QString> backgrounds;
    qsizetype at = 0;
    while ((at = html.indexOf(QStringLiteral("bgcolor=\""), at)) >= 0) {
        backgrounds.insert(html.mid(at + 9, 7));
        at += 9;
    }
    QCOMPARE(backgrounds.size(), 4);

    // Works at a narrow width too: nothing is lost.
    view.resize(260, 400);
    QVERIFY(view.transcriptText().contains(QStringLiteral("She needs 20 cups.")));
}

void TestScenarioDetailView::listsCriteriaAndProvenance()
{
    ScenarioDetailView view;
    view.setScenario(sample());
    auto *tree = view.findChild<QTreeWidget *>(QStringLiteral("scenarioProperties"));
    QVERIFY(tree);

    QTreeWidgetItem *criteria = section(tree, QStringLiteral("Evaluation criteria"));
    QVERIFY(criteria);
    QCOMPARE(criteria->childCount(), 2);
    QCOMPARE(criteria->child(0)->text(0), QStringLiteral("final_answer"));
    QCOMPARE(criteria->child(0)->text(1), QStringLiteral("20"));
    QCOMPARE(criteria->child(1)->text(0), QStringLiteral("min_score"));
    QCOMPARE(criteria->child(1)->text(1), QStringLiteral("0.7"));

    QTreeWidgetItem *caps = section(tree, QStringLiteral("Expected capabilities"));
    QVERIFY(caps);
    QCOMPARE(caps->childCount(), 2);
    QCOMPARE(caps->child(1)->text(0), QStringLiteral("multi_step_reasoning"));

    QTreeWidgetItem *memory = section(tree, QStringLiteral("Memory requirements"));
    QVERIFY(memory);
    QCOMPARE(memory->child(0)->text(0), QStringLiteral("Remembers the flock size"));

    QTreeWidgetItem *overview = section(tree, QStringLiteral("Overview"));
    QVERIFY(overview);
    QCOMPARE(overview->child(1)->text(1), QStringLiteral("Benchmark"));
    QCOMPARE(overview->child(2)->text(1), QStringLiteral("Accepted"));

    QTreeWidgetItem *prov = section(tree, QStringLiteral("Provenance"));
    QVERIFY(prov);
    QCOMPARE(prov->childCount(), 3);
    QCOMPARE(prov->child(0)->text(1), QStringLiteral("grade_school_math/data/test.jsonl"));
    QCOMPARE(prov->child(2)->text(0), QStringLiteral("Row"));
    QCOMPARE(prov->child(2)->text(1), QStringLiteral("4"));
}

void TestScenarioDetailView::showsToolCalls()
{
    TestScenario s = sample();
    ChatMessage call{QStringLiteral("assistant"), QString(), Json::object()};
    call.extra["tool_calls"] = Json::array(
        {Json{{"name", "get_weather"}, {"arguments", "{\"city\": \"Pune\"}"}},
         Json{{"function", Json{{"name", "convert"}, {"arguments", Json{{"amount", 250}}}}}}});
    ChatMessage result{QStringLiteral("tool"), QStringLiteral("sunny"), Json{{"name", "get_weather"}}};
    s.messages = {call, result};
    ScenarioDetailView view;
    view.setScenario(s);
    const QString text = view.transcriptText();
    QVERIFY2(text.contains(QStringLiteral("get_weather({\"city\": \"Pune\"})")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("convert({\"amount\":250})")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Tool · get_weather")), qPrintable(text));
}

void TestScenarioDetailView::escapesMarkup()
{
    TestScenario s = sample();
    s.messages = {{QStringLiteral("user"), QStringLiteral("<b>not bold</b> & <script>x</script>"), Json::object()}};
    ScenarioDetailView view;
    view.setScenario(s);
    QVERIFY(view.transcriptText().contains(QStringLiteral("<b>not bold</b> & <script>x</script>")));
}

void TestScenarioDetailView::highlightsSearchTerms()
{
    TestScenario s = sample();
    s.messages = {{QStringLiteral("user"), QStringLiteral("Cups & feed: how many cups? (amp)"), Json::object()}};
    ScenarioDetailView view;
    view.setScenario(s);
    auto *browser = view.findChild<QTextBrowser *>(QStringLiteral("transcript"));
    const auto marks = [&] {
        // Highlighted fragments carry the mark colour (light palette); count them.
        int count = 0;
        for (QTextBlock b = browser->document()->begin(); b.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it)
                if (it.fragment().charFormat().background().color() == QColor(0xff, 0xe0, 0x66))
                    ++count;
        return count;
    };
    QCOMPARE(marks(), 0);
    view.setHighlightTerms({QStringLiteral("cup"), QStringLiteral("amp")});
    // "Cups", "cups" and "amp" (the word, not the "&amp;" entity) are marked.
    QCOMPARE(marks(), 3);
    QVERIFY(view.transcriptText().contains(QStringLiteral("Cups & feed: how many cups? (amp)")));
    view.setHighlightTerms({});
    QCOMPARE(marks(), 0);
}

QTEST_MAIN(TestScenarioDetailView)
#include "tst_scenariodetailview.moc"
