// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/hub/parquetagentmapper.h"

#include <QTest>

using namespace kx;

namespace {

const QString file = QStringLiteral("/data/x/test-00000-of-00001.parquet");

ParquetKindDetector::Columns columnsOf(const char *names)
{
    ParquetKindDetector::Columns c;
    c.names = QString::fromUtf8(names).split(QLatin1Char(','));
    return c;
}

std::unique_ptr<ParquetAgentMapper> mapperFor(const QByteArray &kind, const char *names)
{
    return std::make_unique<ParquetAgentMapper>(QString::fromUtf8(kind), columnsOf(names), file,
                                                QStringLiteral("default"), QStringLiteral("test"),
                                                QString::fromUtf8(kind) + QStringLiteral("_t_"));
}

} // namespace

class TestParquetAgentMapper final : public QObject
{
    Q_OBJECT

private slots:
    void badRows_data();
    void badRows();
    void checkedSentenceForms_data();
    void checkedSentenceForms();
    void toolbenchApiListAsJsonText();
    void wowFlatGroupsByIdAndSpeaker();
    void projectionKeepsPresentColumns();
};

void TestParquetAgentMapper::badRows_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<QByteArray>("columns");
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("reason");
    QTest::newRow("wow dialog empty") << QByteArray("wow") << QByteArray("chosen_topic,dialog")
                                      << QByteArray(R"({"chosen_topic":"t","dialog":[]})")
                                      << QStringLiteral("\"dialog\" is missing, empty or not a list");
    QTest::newRow("wow turn without text") << QByteArray("wow") << QByteArray("chosen_topic,dialog")
                                           << QByteArray(R"({"dialog":[{"speaker":"0_Apprentice","text":null}]})")
                                           << QStringLiteral("turn 0 of \"dialog\" has no \"text\" string");
    QTest::newRow("wow flat null text") << QByteArray("wow") << QByteArray("persona,text")
                                        << QByteArray(R"({"persona":"p","text":null})")
                                        << QStringLiteral("\"text\" is missing or not a string");
    QTest::newRow("toolbench empty query") << QByteArray("toolbench") << QByteArray("query,api_list")
                                           << QByteArray(R"({"query":"  ","api_list":[]})")
                                           << QStringLiteral("the query is missing or empty");
    QTest::newRow("toolbench bad relevant") << QByteArray("toolbench") << QByteArray("query,api_list,relevant APIs")
                                            << QByteArray(R"({"query":"q","relevant APIs":[["only one"]]})")
                                            << QStringLiteral("a \"relevant APIs\" entry must be [tool, api]");
    QTest::newRow("toolllama no user") << QByteArray("toolbench") << QByteArray("id,conversations")
                                       << QByteArray(R"({"id":"a","conversations":[{"from":"system","value":"s"}]})")
                                       << QStringLiteral("the query is missing or empty");
    QTest::newRow("webshop no instruction") << QByteArray("webshop") << QByteArray("instruction,asin")
                                            << QByteArray(R"({"instruction":null,"asin":"B1"})")
                                            << QStringLiteral("\"instruction\" is missing, empty or not a string");
    QTest::newRow("not a record") << QByteArray("webshop") << QByteArray("instruction,asin") << QByteArray("[1]")
                                  << QStringLiteral("the row is not a record");
}

void TestParquetAgentMapper::badRows()
{
    QFETCH(QByteArray, kind);
    QFETCH(QByteArray, columns);
    QFETCH(QByteArray, row);
    QFETCH(QString, reason);
    auto mapper = mapperFor(kind, columns.constData());
    QList<TestScenario> out;
    const auto r = mapper->map(Json::parse(row.toStdString()), 7, out);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().message, file + QStringLiteral(": row 7: ") + reason);
    QCOMPARE(out.size(), 0);
}

void TestParquetAgentMapper::checkedSentenceForms_data()
{
    QTest::addColumn<QByteArray>("checked");
    QTest::addColumn<QStringList>("memory");
    const QString topic = QStringLiteral("Topic: Sky");
    QTest::newRow("object") << QByteArray(R"({"checked_sentence_0":"The sky is blue."})")
                            << QStringList{topic, QStringLiteral("The sky is blue.")};
    QTest::newRow("json text") << QByteArray(R"("{\"k\": \" Air scatters light. \"}")")
                               << QStringList{topic, QStringLiteral("Air scatters light.")};
    QTest::newRow("map entries") << QByteArray(R"([{"key":"k","value":"Rayleigh."}])")
                                 << QStringList{topic, QStringLiteral("Rayleigh.")};
    QTest::newRow("plain sentence") << QByteArray(R"("Just text.")") << QStringList{topic, QStringLiteral("Just text.")};
    QTest::newRow("no passages") << QByteArray(R"({"no_passages_used":"no_passages_used"})") << QStringList{topic};
    QTest::newRow("null") << QByteArray("null") << QStringList{topic};
}

void TestParquetAgentMapper::checkedSentenceForms()
{
    QFETCH(QByteArray, checked);
    QFETCH(QStringList, memory);
    auto mapper = mapperFor("wow", "chosen_topic,dialog");
    Json row = {{"chosen_topic", "Sky"},
                {"dialog", Json::array({Json{{"speaker", "0_Apprentice"}, {"text", "Why?"}},
                                        Json{{"speaker", "1_Wizard"}, {"text", "Because."}}})}};
    row["dialog"][1]["checked_sentence"] = Json::parse(checked.toStdString());
    QList<TestScenario> out;
    QVERIFY(mapper->map(row, 0, out).ok());
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.first().memoryRequirements, memory);
    QCOMPARE(out.first().messages.size(), 2);
    QVERIFY(out.first().extra.is_null() || !out.first().extra.contains("apprentice_persona"));
}

void TestParquetAgentMapper::toolbenchApiListAsJsonText()
{
    auto mapper = mapperFor("toolbench", "query,query_id,api_list,relevant APIs");
    const Json row = {{"query", "Find pizza"},
                      {"query_id", 42},
                      {"api_list", R"([{"tool_name":"pizza","api_name":"search"}])"},
                      {"relevant APIs", R"([["pizza","search"]])"}};
    QList<TestScenario> out;
    QVERIFY(mapper->map(row, 3, out).ok());
    QCOMPARE(out.size(), 1);
    const TestScenario &s = out.first();
    QCOMPARE(s.id, QStringLiteral("toolbench_t_3"));
    QVERIFY(s.extra["available_apis"][0]["api_name"] == Json("search"));
    QVERIFY2(s.evaluationCriteria["expected_tool_calls"] == Json::parse(R"([{"tool":"pizza","api":"search"}])"),
             s.evaluationCriteria.dump().c_str());
    QVERIFY(s.provenance.extra["query_id"] == Json(42));
}

void TestParquetAgentMapper::wowFlatGroupsByIdAndSpeaker()
{
    // Same topic and persona, but a new dialog_id starts a new dialog; the speaker column decides roles.
    auto mapper = mapperFor("wow", "dialog_id,persona,speaker,text,checked_sentence");
    const Json rows[] = {
        {{"dialog_id", 1}, {"persona", "p"}, {"speaker", "1_Wizard"}, {"text", "Hello."},
         {"checked_sentence", "Fact one."}},
        {{"dialog_id", 1}, {"persona", "p"}, {"speaker", "0_Apprentice"}, {"text", "Hi."}, {"checked_sentence", nullptr}},
        {{"dialog_id", 2}, {"persona", "p"}, {"speaker", "0_Apprentice"}, {"text", "Again."},
         {"checked_sentence", nullptr}},
    };
    QList<TestScenario> out;
    for (int i = 0; i < 3; ++i)
        QVERIFY(mapper->map(rows[i], i, out).ok());
    QCOMPARE(out.size(), 1); // dialog 1 closed when dialog 2 began
    mapper->finish(out);
    QCOMPARE(out.size(), 2);
    QCOMPARE(out.at(0).messages.size(), 2);
    QCOMPARE(out.at(0).messages.at(0).role, QStringLiteral("assistant"));
    QCOMPARE(out.at(0).messages.at(1).role, QStringLiteral("user"));
    QCOMPARE(out.at(0).memoryRequirements, QStringList{QStringLiteral("Fact one.")});
    QCOMPARE(out.at(0).name, QStringLiteral("Wizard of Wikipedia 0"));
    QCOMPARE(out.at(1).id, QStringLiteral("wow_t_2"));
    QCOMPARE(out.at(1).messages.size(), 1);
    mapper->finish(out); // nothing left open
    QCOMPARE(out.size(), 2);
}

void TestParquetAgentMapper::projectionKeepsPresentColumns()
{
    QCOMPARE(mapperFor("webshop", "instruction,asin,other")->projection(),
             QStringList({QStringLiteral("instruction"), QStringLiteral("asin")}));
    QCOMPARE(mapperFor("toolbench", "id,conversations,extra")->projection(),
             QStringList({QStringLiteral("id"), QStringLiteral("conversations")}));
    QVERIFY(ParquetAgentMapper::handles(QStringLiteral("wow")));
    QVERIFY(!ParquetAgentMapper::handles(QStringLiteral("gsm8k")));
}

QTEST_GUILESS_MAIN(TestParquetAgentMapper)
#include "tst_parquetagentmapper.moc"
