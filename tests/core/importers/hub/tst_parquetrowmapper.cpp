// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/hub/parquetrowmapper.h"

#include <QTest>

using namespace kx;

namespace {

const QString file = QStringLiteral("/hub/main/test-00000-of-00001.parquet");

ParquetKindDetector::Columns columns(const char *names, const char *audio = "")
{
    ParquetKindDetector::Columns c;
    c.names = QString::fromLatin1(names).split(QLatin1Char(','));
    c.audioColumn = QLatin1String(audio);
    return c;
}

/** Maps @p rows (JSON Lines text) and returns the scenarios as JSON, or the first error's message. */
QString mapRows(ParquetRowMapper &mapper, const QList<QByteArray> &rows, QList<TestScenario> &out)
{
    for (qsizetype i = 0; i < rows.size(); ++i) {
        auto r = mapper.map(Json::parse(rows[i].toStdString()), 0, i, i, out);
        if (!r)
            return r.error().message;
    }
    mapper.finish(out);
    return {};
}

} // namespace

class TestParquetRowMapper final : public QObject
{
    Q_OBJECT

private slots:
    void singleRowKinds_data();
    void singleRowKinds();
    void badRows_data();
    void badRows();
    void empatheticGroupsConversation();
    void personachatKeepsLongestHistory();
    void audioProjectionSkipsBytes();
};

void TestParquetRowMapper::singleRowKinds_data()
{
    QTest::addColumn<QByteArray>("kindBytes");
    QTest::addColumn<QByteArray>("columnsBytes");
    QTest::addColumn<QByteArray>("rowBytes");
    QTest::addColumn<QByteArray>("contentBytes");
    QTest::addColumn<QByteArray>("criteriaBytes");
    QTest::addColumn<QByteArray>("audioBytes");
    QTest::newRow("gsm8k") << QByteArray("gsm8k") << QByteArray("question,answer")
                           << QByteArray(R"j({"question":"2+2?","answer":"2+2=4\n#### 4"})j") << QByteArray("2+2?")
                           << QByteArray(R"j({"expected_answer":"4","exact_match":1.0,"reference_solution":"2+2=4\n#### 4"})j")
                           << QByteArray("null");
    QTest::newRow("mmlu int answer") << QByteArray("mmlu") << QByteArray("question,subject,choices,answer")
                                     << QByteArray(R"j({"question":"Q","subject":"anatomy","choices":["a","b","c","d"],"answer":2})j")
                                     << QByteArray("Q\nA. a\nB. b\nC. c\nD. d")
                                     << QByteArray(R"j({"expected_answer":"C","exact_match":1.0,"choices":["a","b","c","d"]})j")
                                     << QByteArray("null");
    QTest::newRow("bbh") << QByteArray("bbh") << QByteArray("input,target") << QByteArray(R"j({"input":"not ( True )","target":"False"})j")
                         << QByteArray("not ( True )") << QByteArray(R"j({"expected_answer":"False","exact_match":1.0})j") << QByteArray("null");
    QTest::newRow("librispeech")
        << QByteArray("librispeech") << QByteArray("file,audio,text,speaker_id,chapter_id,id")
        << QByteArray(R"j({"file":"1272-128104-0000.flac","audio":{"path":"1272-128104-0000.flac"},"text":"MISTER QUILTER","speaker_id":1272,"chapter_id":128104,"id":"1272-128104-0000"})j")
        << QByteArray("MISTER QUILTER") << QByteArray(R"j({"expected_transcript":"MISTER QUILTER"})j")
        << QByteArray(R"j({"parquet":"/hub/main/test-00000-of-00001.parquet","row_group":0,"row":0,"column":"audio.bytes","path":"1272-128104-0000.flac","format":"flac","speaker_id":"1272","chapter_id":"128104","utterance_id":"1272-128104-0000"})j");
    QTest::newRow("vctk")
        << QByteArray("vctk") << QByteArray("speaker_id,audio,file,text,text_id,age,gender,accent,region,comment")
        << QByteArray(R"j({"speaker_id":"p225","audio":{"path":"p225_001_mic1.flac"},"text":"Please call Stella.","text_id":"001","age":"23","gender":"F","accent":"English","region":"Southern England"})j")
        << QByteArray("Please call Stella.") << QByteArray(R"j({"expected_transcript":"Please call Stella."})j")
        << QByteArray(R"j({"parquet":"/hub/main/test-00000-of-00001.parquet","row_group":0,"row":0,"column":"audio.bytes","path":"p225_001_mic1.flac","format":"flac","speaker_id":"p225","text_id":"001","age":"23","gender":"F","accent":"English","region":"Southern England"})j");
}

void TestParquetRowMapper::singleRowKinds()
{
    QFETCH(QByteArray, kindBytes); const QString kind = QString::fromUtf8(kindBytes);
    QFETCH(QByteArray, columnsBytes); const QString columns = QString::fromUtf8(columnsBytes);
    QFETCH(QByteArray, rowBytes); const QString row = QString::fromUtf8(rowBytes);
    QFETCH(QByteArray, contentBytes); const QString content = QString::fromUtf8(contentBytes);
    QFETCH(QByteArray, criteriaBytes); const QString criteria = QString::fromUtf8(criteriaBytes);
    QFETCH(QByteArray, audioBytes); const QString audio = QString::fromUtf8(audioBytes);
    ParquetRowMapper mapper(kind, ::columns(qPrintable(columns), (kind == QLatin1String("librispeech") || kind == QLatin1String("vctk")) ? "audio" : ""), file,
                            QStringLiteral("main"), QStringLiteral("test"));
    QList<TestScenario> out;
    QCOMPARE(mapRows(mapper, {rowBytes}, out), QString());
    QCOMPARE(out.size(), 1);
    const TestScenario &s = out.first();
    QCOMPARE(s.id, kind + QStringLiteral("_test-00000-of-00001_0"));
    QCOMPARE(s.messages.size(), 1);
    QCOMPARE(s.messages.first().content, content);
    QCOMPARE(QString::fromStdString(s.evaluationCriteria.dump()), QString::fromStdString(Json::parse(ss(criteria)).dump()));
    QCOMPARE(QString::fromStdString(s.audio.dump()), QString::fromStdString(Json::parse(ss(audio)).dump()));
    QCOMPARE(s.provenance.sourceFile, file);
    QCOMPARE(s.provenance.config, QStringLiteral("main"));
    QCOMPARE(s.provenance.split, QStringLiteral("test"));
}

void TestParquetRowMapper::badRows_data()
{
    QTest::addColumn<QByteArray>("kindBytes");
    QTest::addColumn<QByteArray>("rowBytes");
    QTest::addColumn<QByteArray>("messageBytes");
    QTest::newRow("gsm8k no ####") << QByteArray("gsm8k") << QByteArray(R"j({"question":"q","answer":"4"})j")
                                   << QByteArray("/hub/main/test-00000-of-00001.parquet: row 0: \"answer\" has no final \"####\" line");
    QTest::newRow("gsm8k null question") << QByteArray("gsm8k") << QByteArray(R"j({"question":null,"answer":"#### 4"})j")
                                         << QByteArray("row 0: \"question\" is missing or not a string");
    QTest::newRow("mmlu answer out of range") << QByteArray("mmlu") << QByteArray(R"j({"question":"q","subject":"s","choices":["a","b"],"answer":3})j")
                                              << QByteArray("row 0: \"answer\" 3 is not one of the 2 choices");
    QTest::newRow("personachat no candidates") << QByteArray("personachat") << QByteArray(R"j({"personality":["p"],"history":["h"],"candidates":[]})j")
                                               << QByteArray("row 0: \"candidates\" is missing, empty");
}

void TestParquetRowMapper::badRows()
{
    QFETCH(QByteArray, kindBytes); const QString kind = QString::fromUtf8(kindBytes);
    QFETCH(QByteArray, rowBytes); const QString row = QString::fromUtf8(rowBytes);
    QFETCH(QByteArray, messageBytes); const QString message = QString::fromUtf8(messageBytes);
    ParquetRowMapper mapper(kind, columns("question,answer"), file, QStringLiteral("main"), QStringLiteral("test"));
    QList<TestScenario> out;
    const QString error = mapRows(mapper, {rowBytes}, out);
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestParquetRowMapper::empatheticGroupsConversation()
{
    ParquetRowMapper mapper(QStringLiteral("empathetic"), columns("conv_id,utterance_idx,context,prompt,speaker_idx,utterance"),
                            file, QStringLiteral("default"), QStringLiteral("test"));
    QList<TestScenario> out;
    const QList<QByteArray> rows = {
        R"j({"conv_id":"hit:0_conv:1","context":"sentimental","prompt":"I remember_comma_ fondly","speaker_idx":1,"utterance":"Hi_comma_ there"})j",
        R"j({"conv_id":"hit:0_conv:1","context":"sentimental","prompt":"I remember_comma_ fondly","speaker_idx":0,"utterance":"Hello"})j",
        R"j({"conv_id":"hit:0_conv:1","context":"sentimental","prompt":"I remember_comma_ fondly","speaker_idx":1,"utterance":"Bye"})j",
        R"j({"conv_id":"hit:1_conv:2","context":"afraid","prompt":"x","speaker_idx":5,"utterance":"Scary"})j"};
    QCOMPARE(mapRows(mapper, rows, out), QString());
    QCOMPARE(out.size(), 2);
    QCOMPARE(out[0].messages.size(), 3);
    QCOMPARE(out[0].messages[0].content, QStringLiteral("Hi, there"));
    QCOMPARE(out[0].messages[1].role, QStringLiteral("assistant"));
    QCOMPARE(out[0].messages[2].role, QStringLiteral("user"));
    QVERIFY(out[0].evaluationCriteria["situation"] == Json("I remember, fondly"));
    QCOMPARE(out[0].category, Category::Synthetic);
    QCOMPARE(out[1].provenance.row, qint64(3));
    QCOMPARE(out[1].id, QStringLiteral("empathetic_test-00000-of-00001_3"));
    QCOMPARE(out[1].messages.size(), 1);
}

void TestParquetRowMapper::personachatKeepsLongestHistory()
{
    ParquetRowMapper mapper(QStringLiteral("personachat"), columns("personality,candidates,history,conv_id"), file,
                            QStringLiteral("default"), QStringLiteral("train"));
    QList<TestScenario> out;
    const QList<QByteArray> rows = {
        R"j({"personality":["i like cats."],"candidates":["x","hi!"],"history":["hello"],"conv_id":7})j",
        R"j({"personality":["i like cats."],"candidates":["y","cats."],"history":["hello","hi!","pets?"],"conv_id":7})j",
        R"j({"personality":["i ski."],"candidates":["z"],"history":["yo"],"conv_id":8})j"};
    QCOMPARE(mapRows(mapper, rows, out), QString());
    QCOMPARE(out.size(), 2);
    QCOMPARE(out[0].messages.size(), 3);
    QCOMPARE(out[0].messages[0].role, QStringLiteral("user"));
    QCOMPARE(out[0].messages[1].role, QStringLiteral("assistant"));
    QVERIFY(out[0].evaluationCriteria["expected_response"] == Json("cats."));
    QCOMPARE(out[0].memoryRequirements, QStringList({QStringLiteral("i like cats.")}));
    QCOMPARE(out[0].provenance.row, qint64(0));
    QCOMPARE(out[1].provenance.row, qint64(2));
}

void TestParquetRowMapper::audioProjectionSkipsBytes()
{
    ParquetRowMapper mapper(QStringLiteral("audio"), columns("audio,label", "audio"), file, QStringLiteral("default"),
                            QStringLiteral("test"));
    QCOMPARE(mapper.projection(), QStringList({QStringLiteral("audio.path"), QStringLiteral("label")}));
    ParquetRowMapper text(QStringLiteral("gsm8k"), columns("question,answer,extra"), file, QStringLiteral("main"),
                          QStringLiteral("test"));
    QCOMPARE(text.projection(), QStringList({QStringLiteral("question"), QStringLiteral("answer")}));
}

QTEST_GUILESS_MAIN(TestParquetRowMapper)
#include "tst_parquetrowmapper.moc"
