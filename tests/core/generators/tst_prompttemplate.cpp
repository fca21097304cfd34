// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/generators/prompttemplate.h"

#include <QTest>

using namespace kx;

namespace {
const QStringList builtInIds = {QStringLiteral("memory_recall"), QStringLiteral("conversation"),
                                 QStringLiteral("adversarial"), QStringLiteral("augment"), QStringLiteral("fusion")};

Json minimalTemplate()
{
    Json j = Json::object();
    j["id"] = "t";
    j["version"] = 2;
    j["description"] = "d";
    j["placeholders"] = Json::array({"name", "city"});
    j["system"] = "You are terse.";
    j["user"] = "Hello {{name}} from {{ city }}. {{response_shape}}";
    j["response_shape"] = "{\"greeting\": string}";
    j["defaults"] = Json::object({{"temperature", 0.5}});
    return j;
}
} // namespace

class TestPromptTemplate final : public QObject
{
    Q_OBJECT

private slots:
    void builtInTemplatesLoad_data();
    void builtInTemplatesLoad();
    void renders();
    void missingPlaceholderIsAnError();
    void unknownPlaceholderIsAnError();
    void undeclaredSlotIsALoadError();
    void badJsonNamesTheKey_data();
    void badJsonNamesTheKey();
    void hashIsStableAndFollowsContent();
    void jsonRoundTrip();
};

void TestPromptTemplate::builtInTemplatesLoad_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : builtInIds)
        QTest::newRow(qPrintable(id)) << id;
}

void TestPromptTemplate::builtInTemplatesLoad()
{
    QFETCH(QString, id);
    const auto t = PromptTemplate::builtIn(id);
    QVERIFY2(t.ok(), t.ok() ? "" : qPrintable(t.error().message));
    QCOMPARE(t->id(), id);
    QVERIFY(t->version() >= 1);
    QVERIFY(!t->description().isEmpty());
    QVERIFY(!t->responseShape().isEmpty());
    QVERIFY(t->defaults().contains("temperature"));
    QCOMPARE(t->contentHash().size(), 64);
    QCOMPARE(t->origin(), QStringLiteral(":/prompts/%1.json").arg(id));
}

void TestPromptTemplate::renders()
{
    const auto t = PromptTemplate::fromJson(minimalTemplate(), QStringLiteral("mem"));
    QVERIFY(t.ok());
    const auto messages = t->render({{QStringLiteral("name"), QStringLiteral("Ada")},
                                     {QStringLiteral("city"), QStringLiteral("{{London}}")}});
    QVERIFY2(messages.ok(), messages.ok() ? "" : qPrintable(messages.error().message));
    QCOMPARE(messages->size(), 2);
    QCOMPARE(messages->at(0).role, QStringLiteral("system"));
    QCOMPARE(messages->at(0).content, QStringLiteral("You are terse."));
    QCOMPARE(messages->at(1).role, QStringLiteral("user"));
    // Values are inserted verbatim, never rendered again; {{response_shape}} is the template's own shape.
    QCOMPARE(messages->at(1).content, QStringLiteral("Hello Ada from {{London}}. {\"greeting\": string}"));
}

void TestPromptTemplate::missingPlaceholderIsAnError()
{
    const auto t = PromptTemplate::fromJson(minimalTemplate(), QStringLiteral("mem"));
    QVERIFY(t.ok());
    const auto messages = t->render({{QStringLiteral("name"), QStringLiteral("Ada")}});
    QVERIFY(!messages.ok());
    QVERIFY2(messages.error().message.contains(QStringLiteral("{{city}}")), qPrintable(messages.error().message));
    QVERIFY(messages.error().message.contains(QStringLiteral("mem")));
}

void TestPromptTemplate::unknownPlaceholderIsAnError()
{
    const auto t = PromptTemplate::fromJson(minimalTemplate(), QStringLiteral("mem"));
    QVERIFY(t.ok());
    const auto messages = t->render({{QStringLiteral("name"), QStringLiteral("Ada")},
                                     {QStringLiteral("city"), QStringLiteral("Paris")},
                                     {QStringLiteral("ctiy"), QStringLiteral("Paris")}});
    QVERIFY(!messages.ok());
    QVERIFY2(messages.error().message.contains(QStringLiteral("unknown placeholder {{ctiy}}")),
             qPrintable(messages.error().message));
}

void TestPromptTemplate::undeclaredSlotIsALoadError()
{
    Json j = minimalTemplate();
    j["user"] = "Hello {{nmae}}";
    const auto t = PromptTemplate::fromJson(j, QStringLiteral("workspace template 7"));
    QVERIFY(!t.ok());
    QCOMPARE(t.error().message,
             QStringLiteral("workspace template 7: key \"user\" uses the undeclared placeholder {{nmae}}"));
}

void TestPromptTemplate::badJsonNamesTheKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no id") << QStringLiteral("id") << QString() << QStringLiteral("f.json: key \"id\" is missing");
    QTest::newRow("version text") << QStringLiteral("version") << QStringLiteral("\"1\"")
                                  << QStringLiteral("f.json: key \"version\" must be a positive integer");
    QTest::newRow("user number") << QStringLiteral("user") << QStringLiteral("3")
                                 << QStringLiteral("f.json: key \"user\" must be a string");
    QTest::newRow("defaults array") << QStringLiteral("defaults") << QStringLiteral("[]")
                                    << QStringLiteral("f.json: key \"defaults\" must be an object");
    QTest::newRow("no shape") << QStringLiteral("response_shape") << QString()
                              << QStringLiteral("f.json: key \"response_shape\" is missing");
}

void TestPromptTemplate::badJsonNamesTheKey()
{
    QFETCH(QString, key);
    QFETCH(QString, replacement);
    QFETCH(QString, expected);
    Json j = minimalTemplate();
    if (replacement.isEmpty())
        j.erase(ss(key));
    else
        j[ss(key)] = Json::parse(ss(replacement));
    const auto t = PromptTemplate::fromJson(j, QStringLiteral("f.json"));
    QVERIFY(!t.ok());
    QCOMPARE(t.error().message, expected);
}

void TestPromptTemplate::hashIsStableAndFollowsContent()
{
    const auto a = PromptTemplate::fromJson(minimalTemplate(), QStringLiteral("a"));
    // The same content with keys in another order and another origin: same hash.
    Json reordered = Json::object();
    const Json source = minimalTemplate();
    for (auto it = source.crbegin(); it != source.crend(); ++it)
        reordered[it.key()] = it.value();
    const auto b = PromptTemplate::fromJson(reordered, QStringLiteral("b"));
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->contentHash(), b->contentHash());

    Json changed = minimalTemplate();
    changed["system"] = "You are verbose.";
    const auto c = PromptTemplate::fromJson(changed, QStringLiteral("c"));
    QVERIFY(c.ok());
    QVERIFY(a->contentHash() != c->contentHash());

    Json bumped = minimalTemplate();
    bumped["defaults"]["temperature"] = 0.6;
    const auto d = PromptTemplate::fromJson(bumped, QStringLiteral("d"));
    QVERIFY(d.ok());
    QVERIFY(a->contentHash() != d->contentHash());
}

void TestPromptTemplate::jsonRoundTrip()
{
    const auto a = PromptTemplate::builtIn(QStringLiteral("memory_recall"));
    QVERIFY(a.ok());
    const auto b = PromptTemplate::fromJson(a->toJson(), QStringLiteral("copy"));
    QVERIFY(b.ok());
    QVERIFY(b->toJson() == a->toJson());
    QCOMPARE(b->contentHash(), a->contentHash());
}

QTEST_GUILESS_MAIN(TestPromptTemplate)
#include "tst_prompttemplate.moc"
