// SPDX-License-Identifier: GPL-3.0-or-later
// GeneratorRegistry::create() with templates from elsewhere, and checkTemplate() on edited templates.
#include "generation/generators/generatorregistry.h"

#include <QtTest>

using namespace kx;

/** Fails the test with the error's message when @p result holds an error (QVERIFY2 would evaluate it either way). */
#define KX_VERIFY_OK(result)                                                                                       \
    do {                                                                                                           \
        if (!(result))                                                                                             \
            QFAIL(qPrintable((result).error().message));                                                          \
    } while (false)

namespace {

PromptTemplate builtIn(const QString &id)
{
    auto t = PromptTemplate::builtIn(id);
    if (!t)
        qFatal("built-in: %s", qPrintable(t.error().message));
    return *t;
}

/** @p id's built-in template with @p change applied to its JSON; fails the test when it does not parse. */
PromptTemplate edit(const QString &id, const std::function<void(Json &)> &change)
{
    Json j = builtIn(id).toJson();
    change(j);
    auto t = PromptTemplate::fromJson(j, QStringLiteral("edited.json"));
    if (!t)
        qFatal("edit: %s", qPrintable(t.error().message));
    return *t;
}

QString replaced(const QString &text, const char *from, const char *to)
{
    QString out = text;
    return out.replace(QLatin1String(from), QLatin1String(to));
}

} // namespace

class TestGeneratorRegistry final : public QObject
{
    Q_OBJECT

private slots:
    void createTakesTheGivenTemplates();
    void createPassesErrorsOn();
    void createRefusesAWrongId();
    void builtInTemplatesPass_data();
    void builtInTemplatesPass();
    void textEditPasses();
    void removedSlotIsRefused();
    void undeclaredSlotIsRefused();
    void misspelledDeclarationIsRefused();
    void brokenDefaultsAreRefused();
    void unknownTemplateIsRefused();
    void previewRendersTheCandidate();
};

void TestGeneratorRegistry::createTakesTheGivenTemplates()
{
    QStringList asked;
    const PromptTemplate changed = edit(QStringLiteral("fusion"), [](Json &j) {
        j["version"] = 4;
        j["system"] = "You merge datasets. Reply with JSON only.";
    });
    auto registry = GeneratorRegistry::create([&](const QString &id) -> Result<PromptTemplate> {
        asked.append(id);
        if (id == QLatin1String("fusion"))
            return changed;
        return PromptTemplate::builtIn(id);
    });
    KX_VERIFY_OK(registry);
    QCOMPARE(asked, GeneratorRegistry::templateIds());
    QCOMPARE((*registry)->names(), (QStringList{QStringLiteral("memory"), QStringLiteral("conversation"),
                                                QStringLiteral("adversarial"), QStringLiteral("augment"),
                                                QStringLiteral("fusion")}));
    const Generator *fusion = (*registry)->find(QStringLiteral("fusion"));
    QVERIFY(fusion);
    QCOMPARE(fusion->promptTemplate().version(), 4);
    QCOMPARE(fusion->promptTemplate().systemText(), QStringLiteral("You merge datasets. Reply with JSON only."));
    QCOMPARE((*registry)->forTemplate(QStringLiteral("memory_recall"))->promptTemplate().version(), 1);

    auto defaults = GeneratorRegistry::createDefault();
    QVERIFY(defaults);
    QCOMPARE((*defaults)->names(), (*registry)->names());
}

void TestGeneratorRegistry::createPassesErrorsOn()
{
    auto registry = GeneratorRegistry::create([](const QString &id) -> Result<PromptTemplate> {
        if (id == QLatin1String("adversarial"))
            return Error::database(QStringLiteral("row 7 is damaged"));
        return PromptTemplate::builtIn(id);
    });
    QVERIFY(!registry);
    QCOMPARE(registry.error().code, Error::Code::Database);
    QCOMPARE(registry.error().message, QStringLiteral("row 7 is damaged"));
}

void TestGeneratorRegistry::createRefusesAWrongId()
{
    auto registry = GeneratorRegistry::create([](const QString &) { return PromptTemplate::builtIn(QStringLiteral("fusion")); });
    QVERIFY(!registry);
    QVERIFY2(registry.error().message.contains(QStringLiteral("\"memory_recall\"")), qPrintable(registry.error().message));
}

void TestGeneratorRegistry::builtInTemplatesPass_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : GeneratorRegistry::templateIds())
        QTest::newRow(qPrintable(id)) << id;
}

void TestGeneratorRegistry::builtInTemplatesPass()
{
    QFETCH(QString, id);
    auto check = GeneratorRegistry::checkTemplate(builtIn(id));
    KX_VERIFY_OK(check);
}

void TestGeneratorRegistry::textEditPasses()
{
    const PromptTemplate t = edit(QStringLiteral("memory_recall"), [](Json &j) {
        j["user"] = ss(qs(j["user"].get<std::string>()) + QStringLiteral("\nKeep the question short."));
        j["defaults"]["temperature"] = 0.2;
    });
    auto check = GeneratorRegistry::checkTemplate(t);
    KX_VERIFY_OK(check);
}

void TestGeneratorRegistry::removedSlotIsRefused()
{
    // {{facts}} taken out of the text: the generator's facts would never reach the model.
    const PromptTemplate t = edit(QStringLiteral("memory_recall"), [](Json &j) {
        j["user"] = ss(replaced(qs(j["user"].get<std::string>()), "{{facts}}", "some details"));
    });
    auto check = GeneratorRegistry::checkTemplate(t);
    QVERIFY(!check);
    QCOMPARE(check.error().code, Error::Code::BadInput);
    QVERIFY2(check.error().message.contains(QStringLiteral("{{facts}}")), qPrintable(check.error().message));
    QVERIFY(check.error().message.contains(QStringLiteral("memory_recall")));
    QVERIFY(check.error().message.startsWith(QStringLiteral("edited.json")));

    // Taken out of the declarations too.
    const PromptTemplate gone = edit(QStringLiteral("fusion"), [](Json &j) {
        j["user"] = ss(replaced(qs(j["user"].get<std::string>()), "{{answer}}", "(none)"));
        j["placeholders"] = Json::array({"persona", "question"});
    });
    check = GeneratorRegistry::checkTemplate(gone);
    QVERIFY(!check);
    QVERIFY2(check.error().message.contains(QStringLiteral("{{answer}}")), qPrintable(check.error().message));
    QVERIFY(check.error().message.contains(QStringLiteral("fusion")));
}

void TestGeneratorRegistry::undeclaredSlotIsRefused()
{
    // A misspelled slot in the text is already a load error, naming it.
    Json j = builtIn(QStringLiteral("conversation")).toJson();
    j["user"] = ss(replaced(qs(j["user"].get<std::string>()), "{{domain}}", "{{domian}}"));
    auto t = PromptTemplate::fromJson(j, QStringLiteral("edited.json"));
    QVERIFY(!t);
    QVERIFY2(t.error().message.contains(QStringLiteral("{{domian}}")), qPrintable(t.error().message));
}

void TestGeneratorRegistry::misspelledDeclarationIsRefused()
{
    // Misspelled in both the text and the declarations: it loads, but the generator fills "domain".
    const PromptTemplate t = edit(QStringLiteral("conversation"), [](Json &j) {
        j["user"] = ss(replaced(qs(j["user"].get<std::string>()), "{{domain}}", "{{domian}}"));
        j["placeholders"] = Json::array({"domian", "turns", "memory_every", "agent_traits"});
    });
    auto check = GeneratorRegistry::checkTemplate(t);
    QVERIFY(!check);
    QVERIFY2(check.error().message.contains(QStringLiteral("{{domain}}")), qPrintable(check.error().message));
    QVERIFY(check.error().message.contains(QStringLiteral("conversation")));

    // Declared on top of the generator's slots.
    const PromptTemplate extra = edit(QStringLiteral("conversation"), [](Json &j) {
        j["placeholders"].push_back("mood");
        j["user"] = ss(qs(j["user"].get<std::string>()) + QStringLiteral(" Mood: {{mood}}"));
    });
    check = GeneratorRegistry::checkTemplate(extra);
    QVERIFY(!check);
    QVERIFY2(check.error().message.contains(QStringLiteral("{{mood}}")), qPrintable(check.error().message));
}

void TestGeneratorRegistry::brokenDefaultsAreRefused()
{
    // The augment generator cannot build item 0 without variation types.
    const PromptTemplate t = edit(QStringLiteral("augment"), [](Json &j) { j["defaults"]["variation_types"] = Json::array(); });
    auto check = GeneratorRegistry::checkTemplate(t);
    QVERIFY(!check);
    QVERIFY2(check.error().message.contains(QStringLiteral("variation_types")), qPrintable(check.error().message));
    QVERIFY(check.error().message.startsWith(QStringLiteral("edited.json")));
}

void TestGeneratorRegistry::unknownTemplateIsRefused()
{
    const PromptTemplate t = edit(QStringLiteral("fusion"), [](Json &j) { j["id"] = "fission"; });
    auto check = GeneratorRegistry::checkTemplate(t);
    QVERIFY(!check);
    QVERIFY2(check.error().message.contains(QStringLiteral("fission")), qPrintable(check.error().message));
}

void TestGeneratorRegistry::previewRendersTheCandidate()
{
    const PromptTemplate t = edit(QStringLiteral("augment"), [](Json &j) {
        j["system"] = "PREVIEW SYSTEM";
    });
    auto request = GeneratorRegistry::previewRequest(t);
    KX_VERIFY_OK(request);
    QCOMPARE(request->messages.size(), 2);
    QCOMPARE(request->messages.at(0).content, QStringLiteral("PREVIEW SYSTEM"));
    // Item 0 is a paraphrase of the sample parent's question, one of the built-in questions.
    QVERIFY2(request->messages.at(1).content.contains(QStringLiteral("chemical symbol for gold")),
             qPrintable(request->messages.at(1).content));
    QVERIFY(!request->messages.at(1).content.contains(QStringLiteral("{{")));
}

QTEST_GUILESS_MAIN(TestGeneratorRegistry)
#include "tst_generatorregistry.moc"
