// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/hub/parquetimporter.h"

#include "../memorysink.h"
#include "formats/parquet/parquetfile.h"
#include "hubtree.h"
#include "importers/importprogress.h"
#include "importers/importservice.h"
#include "parquetmaker.h"
#include "store/workspacestore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kx;
using namespace kx::test;

class TestParquetImporter final : public QObject
{
    Q_OBJECT

private slots:
    void realHubAudioFile();
    void audioBytesAreNotInlined();
    void missingColumnForGivenKind();
    // Parquet files written with ParquetWriter in Hub layouts, imported through ImportService.
    void init();
    void cleanup();
    void gsm8kEndToEnd();
    void mmluEndToEnd();
    void bbhEndToEnd();
    void personachatEndToEnd();
    void empatheticEndToEnd();
    void wowNestedEndToEnd();
    void wowFlatEndToEnd();
    void toolbenchQueryEndToEnd();
    void toolllamaEndToEnd();
    void webshopEndToEnd();

private:
    /** Imports @p relative under the temp dir; one dataset expected. Fills m_outcome, m_dataset, m_scenarios. */
    void importOne(const QString &relative, const QString &kind, qint64 count);
    QString path(const QString &relative) const { return m_dir->filePath(relative); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WorkspaceStore> m_store;
    ImportOutcome m_outcome;
    TestDataset m_dataset;
    QList<TestScenario> m_scenarios;
};

void TestParquetImporter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = WorkspaceStore::open(m_dir->filePath(QStringLiteral("workspace.kairix")));
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
    m_store = std::move(*store);
    m_scenarios.clear();
}

void TestParquetImporter::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestParquetImporter::importOne(const QString &relative, const QString &kind, qint64 count)
{
    ImportRequest request;
    request.paths = {path(relative)};
    auto outcome = ImportService::run(*m_store, request);
    QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
    m_outcome = *outcome;
    QCOMPARE(m_outcome.kind, kind);
    QCOMPARE(m_outcome.datasetIds.size(), 1);
    QCOMPARE(m_outcome.scenarios, count);
    auto dataset = m_store->dataset(m_outcome.datasetIds.first());
    QVERIFY(dataset.ok());
    m_dataset = *dataset;
    QCOMPARE(m_dataset.kind, kind);
    QCOMPARE(m_dataset.scenarioCount, count);
    ScenarioFilter filter;
    filter.datasetIds = {m_outcome.datasetIds.first()};
    auto visited = m_store->forEachScenario(filter, [this](const TestScenario &s) -> Result<void> {
        m_scenarios.append(s);
        return {};
    });
    QVERIFY(visited.ok());
    QCOMPARE(qint64(m_scenarios.size()), count);
}

void TestParquetImporter::realHubAudioFile()
{
    const QString file = QFileInfo(hubAudioParquet()).absoluteFilePath();
    ParquetImporter importer(QStringLiteral("audio"), QStringLiteral("default"), QStringLiteral("test"));
    QCOMPARE(importer.defaultName(file, {file}), QStringLiteral("Audio default test"));
    MemorySink sink;
    ImportProgress progress;
    auto added = importer.convertFile(file, sink, progress);
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    QCOMPARE(*added, qint64(300));
    QCOMPARE(sink.scenarios.size(), 300);
    const TestScenario &first = sink.scenarios.first();
    QCOMPARE(first.id, QStringLiteral("audio_test-00000-of-00001_0"));
    QCOMPARE(first.messages.first().content, QStringLiteral("(audio 0_george_0.wav)"));
    QVERIFY2(first.evaluationCriteria == Json({{"expected_label", "0"}}), first.evaluationCriteria.dump().c_str());
    QCOMPARE(first.provenance.config, QStringLiteral("default"));
    QCOMPARE(first.provenance.split, QStringLiteral("test"));
    QCOMPARE(first.provenance.row, qint64(0));
    // Row 299 is the last of row group 2 (three groups of 100).
    const TestScenario &last = sink.scenarios.last();
    QCOMPARE(last.provenance.row, qint64(299));
    QVERIFY(last.evaluationCriteria["expected_label"] == Json("9"));
    const Json expected = {{"parquet", ss(file)}, {"row_group", 2}, {"row", 99}, {"column", "audio.bytes"},
                           {"path", "9_yweweler_4.wav"}, {"format", "wav"}};
    QVERIFY2(last.audio == expected, last.audio.dump().c_str());
}

void TestParquetImporter::audioBytesAreNotInlined()
{
    const QString file = QFileInfo(hubAudioParquet()).absoluteFilePath();
    ParquetImporter importer(QStringLiteral("audio"), QStringLiteral("default"), QStringLiteral("test"));
    MemorySink sink;
    ImportProgress progress;
    QVERIFY(importer.convertFile(file, sink, progress).ok());
    // 300 clips of 1.9 MB would not fit in a few hundred bytes a scenario.
    qint64 total = 0;
    for (const TestScenario &s : std::as_const(sink.scenarios)) {
        const std::string json = s.toJson().dump();
        QVERIFY(json.find("RIFF") == std::string::npos);
        QVERIFY(json.find("bytes_base64") == std::string::npos);
        total += qint64(json.size());
    }
    QVERIFY2(total < 300 * 1024, qPrintable(QString::number(total)));
}

void TestParquetImporter::missingColumnForGivenKind()
{
    // --kind gsm8k on the audio file: the projection names columns the file lacks.
    const QString file = QFileInfo(hubAudioParquet()).absoluteFilePath();
    ParquetImporter importer(QStringLiteral("gsm8k"), QStringLiteral("default"), QStringLiteral("test"));
    MemorySink sink;
    ImportProgress progress;
    auto added = importer.convertFile(file, sink, progress);
    QVERIFY(!added.ok());
    QVERIFY2(added.error().message.contains(QStringLiteral("question")), qPrintable(added.error().message));
    QCOMPARE(sink.scenarios.size(), 0);
}

void TestParquetImporter::gsm8kEndToEnd()
{
    // Row groups of 2 rows: the third row sits in the second group.
    const QString err = writeParquet(path(QStringLiteral("gsm8k/main/test-00000-of-00001.parquet")),
                                     {stringField("question"), stringField("answer")},
                                     {{text("1+1?"), text("1+1=2\n#### 2")},
                                      {text("Janet has 3 eggs."), text("3*2=6\n#### 6")},
                                      {text("How many?"), text("So 1,000\n#### 1,000")}},
                                     2);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    importOne(QStringLiteral("gsm8k"), QStringLiteral("gsm8k"), 3);
    QCOMPARE(m_dataset.name, QStringLiteral("GSM8K main test"));
    QCOMPARE(m_dataset.category, Category::Benchmark);
    QVERIFY(m_dataset.metadata["config"] == Json("main"));
    QVERIFY(m_dataset.metadata["split"] == Json("test"));
    const TestScenario &last = m_scenarios.at(2);
    QCOMPARE(last.id, QStringLiteral("gsm8k_test-00000-of-00001_2"));
    QCOMPARE(last.messages.size(), 1);
    QCOMPARE(last.messages.first().content, QStringLiteral("How many?"));
    QVERIFY(last.evaluationCriteria["expected_answer"] == Json("1,000"));
    QCOMPARE(last.provenance.config, QStringLiteral("main"));
    QCOMPARE(last.provenance.split, QStringLiteral("test"));
    QCOMPARE(last.provenance.row, qint64(2));
    QVERIFY(last.provenance.sourceFile.endsWith(QStringLiteral("gsm8k/main/test-00000-of-00001.parquet")));
}

void TestParquetImporter::mmluEndToEnd()
{
    // The writer has no integers: the answer is the letter form (the int ClassLabel form is covered by
    // tst_parquetrowmapper's "mmlu int answer" row).
    const QString err = writeParquet(path(QStringLiteral("mmlu/anatomy/validation-00000-of-00001.parquet")),
                                     {stringField("question"), stringField("subject"), listField("choices"),
                                      stringField("answer")},
                                     {{text("Which bone?"), text("anatomy"), items({"femur", "ulna", "tibia", "rib"}),
                                       text("B")},
                                      {text("Which organ?"), text("anatomy"), items({"heart", "lung"}), text("A")}});
    QVERIFY2(err.isEmpty(), qPrintable(err));
    importOne(QStringLiteral("mmlu"), QStringLiteral("mmlu"), 2);
    QCOMPARE(m_dataset.name, QStringLiteral("MMLU anatomy validation"));
    const TestScenario &first = m_scenarios.at(0);
    QCOMPARE(first.messages.first().content, QStringLiteral("Which bone?\nA. femur\nB. ulna\nC. tibia\nD. rib"));
    QVERIFY(first.evaluationCriteria["expected_answer"] == Json("B"));
    QVERIFY(first.evaluationCriteria["choices"] == Json({"femur", "ulna", "tibia", "rib"}));
    QVERIFY(first.provenance.extra["subject"] == Json("anatomy"));
    QCOMPARE(m_scenarios.at(1).messages.first().content, QStringLiteral("Which organ?\nA. heart\nB. lung"));
    QVERIFY(m_scenarios.at(1).evaluationCriteria["expected_answer"] == Json("A"));
}

void TestParquetImporter::bbhEndToEnd()
{
    const QString err = writeParquet(path(QStringLiteral("bbh/boolean_expressions/test-00000-of-00001.parquet")),
                                     {stringField("input"), stringField("target")},
                                     {{text("not ( True ) and ( True ) is"), text("False")},
                                      {text("True and not False is"), text("True")},
                                      {text("not not ( not False ) is"), text("True")},
                                      {text("False or True is"), text("True")}},
                                     3);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    importOne(QStringLiteral("bbh"), QStringLiteral("bbh"), 4);
    QCOMPARE(m_dataset.name, QStringLiteral("BIG-Bench Hard boolean_expressions test"));
    QCOMPARE(m_scenarios.at(0).messages.first().content, QStringLiteral("not ( True ) and ( True ) is"));
    QVERIFY(m_scenarios.at(0).evaluationCriteria["expected_answer"] == Json("False"));
    QCOMPARE(m_scenarios.at(3).name, QStringLiteral("BBH boolean_expressions test 3"));
    QCOMPARE(m_scenarios.at(3).provenance.row, qint64(3));
}

void TestParquetImporter::personachatEndToEnd()
{
    // conv_id / utterance_idx are ints on the Hub; the writer makes them strings, which the mapper reads alike.
    const QString err = writeParquet(
        path(QStringLiteral("personachat/default/validation-00000-of-00001.parquet")),
        {listField("personality"), listField("candidates"), listField("history"), stringField("conv_id"),
         stringField("utterance_idx")},
        {{items({"i like cats.", "i am a nurse."}), items({"no.", "hi! i am fine."}), items({"hi , how are you ?"}),
          text("0"), text("0")},
         {items({"i like cats.", "i am a nurse."}), items({"maybe.", "two cats."}),
          items({"hi , how are you ?", "hi! i am fine.", "do you have pets ?"}), text("0"), text("1")},
         {items({"i surf."}), items({"yes , daily ."}), items({"do you surf ?"}), text("1"), text("0")}});
    QVERIFY2(err.isEmpty(), qPrintable(err));
    importOne(QStringLiteral("personachat"), QStringLiteral("personachat"), 2);
    QCOMPARE(m_dataset.category, Category::Synthetic);
    const TestScenario &first = m_scenarios.at(0);
    QCOMPARE(first.memoryRequirements, QStringList({QStringLiteral("i like cats."), QStringLiteral("i am a nurse.")}));
    QCOMPARE(first.messages.size(), 3); // the longest history of conversation 0
    QCOMPARE(first.messages.at(0).role, QStringLiteral("user"));
    QCOMPARE(first.messages.at(1).role, QStringLiteral("assistant"));
    QCOMPARE(first.messages.at(2).content, QStringLiteral("do you have pets ?"));
    QVERIFY(first.evaluationCriteria["expected_response"] == Json("two cats."));
    QCOMPARE(first.provenance.row, qint64(0));
    QCOMPARE(m_scenarios.at(1).provenance.row, qint64(2));
    QCOMPARE(m_scenarios.at(1).messages.size(), 1);
}

void TestParquetImporter::empatheticEndToEnd()
{
    const QString err = writeParquet(
        path(QStringLiteral("empathetic/default/train-00000-of-00001.parquet")),
        {stringField("conv_id"), stringField("utterance_idx"), stringField("context"), stringField("prompt"),
         stringField("speaker_idx"), stringField("utterance"), stringField("selfeval"), stringField("tags")},
        {{text("hit:0_conv:1"), text("1"), text("sentimental"), text("I remember_comma_ fondly"), text("1"),
          text("I remember going to the fireworks."), text("5|5|5_2|2|5"), text("")},
         {text("hit:0_conv:1"), text("2"), text("sentimental"), text("I remember_comma_ fondly"), text("0"),
          text("Was this a friend you were in love with_comma_ or just a best friend?"), text("5|5|5_2|2|5"), text("")},
         {text("hit:0_conv:1"), text("3"), text("sentimental"), text("I remember_comma_ fondly"), text("1"),
          text("Just a best friend."), text("5|5|5_2|2|5"), text("")},
         {text("hit:1_conv:2"), text("1"), text("afraid"), text("A storm"), text("7"), text("It was loud."),
          text(""), text("")},
         {text("hit:1_conv:2"), text("2"), text("afraid"), text("A storm"), text("3"), text("Oh no!"), text(""),
          text("")}});
    QVERIFY2(err.isEmpty(), qPrintable(err));
    importOne(QStringLiteral("empathetic"), QStringLiteral("empathetic"), 2);
    const TestScenario &first = m_scenarios.at(0);
    QCOMPARE(first.name, QStringLiteral("EmpatheticDialogues hit:0_conv:1"));
    QCOMPARE(first.messages.size(), 3);
    QCOMPARE(first.messages.at(1).role, QStringLiteral("assistant"));
    QCOMPARE(first.messages.at(1).content,
             QStringLiteral("Was this a friend you were in love with, or just a best friend?"));
    QCOMPARE(first.messages.at(2).role, QStringLiteral("user"));
    QVERIFY(first.evaluationCriteria["emotion"] == Json("sentimental"));
    QVERIFY(first.evaluationCriteria["situation"] == Json("I remember, fondly"));
    QCOMPARE(m_scenarios.at(1).messages.size(), 2);
    QCOMPARE(m_scenarios.at(1).provenance.row, qint64(3));
}

void TestParquetImporter::wowNestedEndToEnd()
{
    const QStringList turn = {QStringLiteral("speaker"), QStringLiteral("text"), QStringLiteral("checked_sentence")};
    const QString err = writeParquet(
        path(QStringLiteral("wow/default/test-00000-of-00001.parquet")),
        {stringField("chosen_topic"), stringField("persona"), structListField("dialog", turn)},
        {{text("Blue"), text("i like the sky."),
          records({{"0_Apprentice", "What color is the sky?", std::nullopt},
                   {"1_Wizard", "Blue, because of scattering.", R"({"checked_sentence_Blue_0": "The sky is blue."})"},
                   {"0_Apprentice", "Thanks!", std::nullopt}})},
         {text("Cats"), text("i have a cat."),
          records({{"1_Wizard", "Cats are small.", R"({"no_passages_used": "no_passages_used"})"},
                   {"0_Apprentice", "Mine is big.", std::nullopt}})}});
    QVERIFY2(err.isEmpty(), qPrintable(err));
    importOne(QStringLiteral("wow"), QStringLiteral("wow"), 2);
    QCOMPARE(m_dataset.name, QStringLiteral("Wizard of Wikipedia default test"));
    QCOMPARE(m_dataset.category, Category::Synthetic);
    const TestScenario &first = m_scenarios.at(0);
    QCOMPARE(first.id, QStringLiteral("wow_test-00000-of-00001_0"));
    QCOMPARE(first.name, QStringLiteral("Wizard of Wikipedia: Blue"));
    QCOMPARE(first.messages.size(), 3);
    QCOMPARE(first.messages.at(1).role, QStringLiteral("assistant"));
    QCOMPARE(first.memoryRequirements, QStringList({QStringLiteral("Topic: Blue"), QStringLiteral("The sky is blue.")}));
    QVERIFY(first.evaluationCriteria == Json({{"knowledge_grounding", 1.0}, {"topic", "Blue"}}));
    QVERIFY(first.extra["apprentice_persona"] == Json("i like the sky."));
    const TestScenario &second = m_scenarios.at(1);
    QCOMPARE(second.messages.at(0).role, QStringLiteral("assistant"));
    QCOMPARE(second.memoryRequirements, QStringList({QStringLiteral("Topic: Cats")}));
}

void TestParquetImporter::wowFlatEndToEnd()
{
    // One row per turn: dialogs are told apart by topic and persona; without a speaker column turns alternate.
    const QString err = writeParquet(
        path(QStringLiteral("wowflat/default/train-00000-of-00001.parquet")),
        {stringField("chosen_topic"), stringField("persona"), stringField("text")},
        {{text("Blue"), text("i like the sky."), text("Why is it blue?")},
         {text("Blue"), text("i like the sky."), text("Rayleigh scattering.")},
         {text("Blue"), text("i like the sky."), text("Neat.")},
         {text("Cats"), text("i have a cat."), text("Cats purr?")},
         {text("Cats"), text("i have a cat."), text("Yes, they do.")}});
    QVERIFY2(err.isEmpty(), qPrintable(err));
    importOne(QStringLiteral("wowflat"), QStringLiteral("wow"), 2);
    const TestScenario &first = m_scenarios.at(0);
    QCOMPARE(first.messages.size(), 3);
    QCOMPARE(first.messages.at(0).role, QStringLiteral("user"));
    QCOMPARE(first.messages.at(1).role, QStringLiteral("assistant"));
    QCOMPARE(first.messages.at(1).content, QStringLiteral("Rayleigh scattering."));
    QVERIFY(first.evaluationCriteria["topic"] == Json("Blue"));
    const TestScenario &second = m_scenarios.at(1);
    QCOMPARE(second.id, QStringLiteral("wow_train-00000-of-00001_3"));
    QCOMPARE(second.messages.size(), 2);
    QCOMPARE(second.provenance.row, qint64(3));
}

void TestParquetImporter::toolbenchQueryEndToEnd()
{
    const QStringList api = {QStringLiteral("category_name"), QStringLiteral("tool_name"), QStringLiteral("api_name")};
    const QString err = writeParquet(
        path(QStringLiteral("toolbench/G1/train-00000-of-00001.parquet")),
        {stringField("query"), stringField("query_id"), structListField("api_list", api)},
        {{text("  Find a pizza place in Rome. "), text("11"),
          records({{"Food", "pizza_finder", "search"}, {"Food", "pizza_finder", "details"}})},
         {text("Convert 3 USD to EUR."), text("12"), records({{"Finance", "fx", "convert"}})}});
    QVERIFY2(err.isEmpty(), qPrintable(err));
    importOne(QStringLiteral("toolbench"), QStringLiteral("toolbench"), 2);
    QCOMPARE(m_dataset.name, QStringLiteral("ToolBench G1 train"));
    QCOMPARE(m_dataset.category, Category::ToolUsage);
    const TestScenario &first = m_scenarios.at(0);
    QCOMPARE(first.category, Category::ToolUsage);
    QCOMPARE(first.messages.first().content, QStringLiteral("Find a pizza place in Rome."));
    QCOMPARE(int(first.extra["available_apis"].size()), 2);
    QVERIFY(first.extra["available_apis"][1]["api_name"] == Json("details"));
    QVERIFY(first.provenance.extra["query_id"] == Json("11"));
    QCOMPARE(first.provenance.config, QStringLiteral("G1"));
}

void TestParquetImporter::toolllamaEndToEnd()
{
    const QStringList turn = {QStringLiteral("from"), QStringLiteral("value")};
    const QString err = writeParquet(
        path(QStringLiteral("toolllama/default/train-00000-of-00001.parquet")),
        {stringField("id"), structListField("conversations", turn)},
        {{text("Step 1: weather"),
          records({{"system", "You are AutoGPT."},
                   {"user", "What is the weather in Oslo?"},
                   {"assistant", "Thought: ask.\nAction: get_weather_for_weather\nAction Input: {\"city\": \"Oslo\"}"},
                   {"function", "{\"temp\": 3}"},
                   {"assistant", "Action: Finish\nAction Input: {\"final_answer\": \"3 C\"}"}})}});
    QVERIFY2(err.isEmpty(), qPrintable(err));
    importOne(QStringLiteral("toolllama"), QStringLiteral("toolbench"), 1);
    const TestScenario &s = m_scenarios.at(0);
    QCOMPARE(s.messages.first().content, QStringLiteral("What is the weather in Oslo?"));
    QVERIFY(s.extra["system_prompt"] == Json("You are AutoGPT."));
    const Json calls = Json::array({Json::object({{"name", "get_weather_for_weather"},
                                                   {"arguments", "{\"city\": \"Oslo\"}"}})});
    QVERIFY2(s.evaluationCriteria["expected_tool_calls"] == calls, s.evaluationCriteria.dump().c_str());
    QVERIFY(s.provenance.extra["toolllama_id"] == Json("Step 1: weather"));
}

void TestParquetImporter::webshopEndToEnd()
{
    const QString err = writeParquet(
        path(QStringLiteral("webshop/default/train-00000-of-00001.parquet")),
        {stringField("instruction"), stringField("asin"), listField("instruction_attributes"),
         listField("instruction_options"), stringField("price_upper")},
        {{text("i need a red shirt under 30 dollars"), text("B000TEST01"), items({"cotton"}), items({"red", "large"}),
          text("30.0")},
         {text("find blue socks"), null(), items({}), items({}), null()}});
    QVERIFY2(err.isEmpty(), qPrintable(err));
    importOne(QStringLiteral("webshop"), QStringLiteral("webshop"), 2);
    QCOMPARE(m_dataset.name, QStringLiteral("WebShop default train"));
    const TestScenario &first = m_scenarios.at(0);
    QCOMPARE(first.messages.first().content, QStringLiteral("i need a red shirt under 30 dollars"));
    QVERIFY(first.evaluationCriteria["target_asin"] == Json("B000TEST01"));
    QVERIFY(first.evaluationCriteria["goal_attributes"] == Json({"cotton"}));
    QVERIFY(first.evaluationCriteria["goal_options"] == Json({"red", "large"}));
    QVERIFY(first.evaluationCriteria["price_upper"] == Json("30.0"));
    QCOMPARE(first.expectedCapabilities,
             QStringList({QStringLiteral("web_navigation"), QStringLiteral("tool_selection")}));
    // Empty lists are not null: the second row still reads as a product goal, without an asin.
    QVERIFY2(m_scenarios.at(1).evaluationCriteria["target_asin"].is_null(),
             m_scenarios.at(1).evaluationCriteria.dump().c_str());
}

QTEST_GUILESS_MAIN(TestParquetImporter)
#include "tst_parquetimporter.moc"
