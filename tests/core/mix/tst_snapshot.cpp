// SPDX-License-Identifier: GPL-3.0-or-later
#include "mix/snapshot.h"

#include <QTest>

using namespace kx;

namespace {

QList<SnapshotMember> candidates()
{
    QList<SnapshotMember> out;
    const Category cats[] = {Category::Benchmark, Category::Synthetic, Category::ToolUsage, Category::Adversarial};
    const int counts[] = {6, 8, 4, 1};   // adversarial 1 of the 2 a 20-suite asks for
    qint64 row = 1;
    for (int k = 0; k < 4; ++k) {
        for (int i = 0; i < counts[k]; ++i, ++row) {
            SnapshotMember m;
            m.rowId = row;
            m.uid = categoryKey(cats[k]) + QStringLiteral("_%1").arg(i);
            m.category = cats[k];
            m.source = QStringLiteral("src%1").arg(k);
            m.contentHash = QStringLiteral("hash%1").arg(row);
            out << m;
        }
    }
    return out;
}

Snapshot makeSnapshot()
{
    const auto sel = SnapshotSampler::sample(candidates(), MixTarget(), 20, 77);
    if (!sel.ok())
        qFatal("%s", qPrintable(sel.error().message));
    const QDateTime when(QDate(2024, 5, 17), QTime(9, 30, 0), Qt::UTC);
    const Json filter = {{"datasets", {3, 4}}, {"status", "accepted"}};
    Snapshot s = Snapshot::fromSelection(QStringLiteral("pmf-suite"), QStringLiteral("2"), when, *sel, MixTarget(), filter);
    s.id = 12;
    return s;
}

} // namespace

class TestSnapshot final : public QObject
{
    Q_OBJECT

private slots:
    void fromSelection();
    void seedFieldNames();
    void roundTrip_data();
    void roundTrip();
    void rejects_data();
    void rejects();
    void asTestDataset();
};

void TestSnapshot::fromSelection()
{
    const Snapshot s = makeSnapshot();
    // 20 → quotas 6/8/4/2; one adversarial candidate → 19 members, 1 short.
    QCOMPARE(s.members.size(), 19);
    const CategoryCounts n = s.counts();
    QCOMPARE(n[std::size_t(Category::Adversarial)], 1);
    QCOMPARE(n[std::size_t(Category::Synthetic)], 8);
    QCOMPARE(s.metadata["kind"].get<std::string>(), std::string("snapshot"));
    QCOMPARE(s.metadata["seed"].get<quint64>(), quint64(77));
    QCOMPARE(QByteArray::fromStdString(s.metadata["mix_target"].dump()),
             QByteArray(R"({"benchmark":0.3,"synthetic":0.4,"tool_usage":0.2,"adversarial":0.1})"));
    QCOMPARE(QByteArray::fromStdString(s.metadata["shortfall"].dump()), QByteArray(R"({"adversarial":1})"));
    QCOMPARE(s.metadata["requested"].get<qint64>(), 20);
    QCOMPARE(s.metadata["size"].get<qint64>(), 19);
    QCOMPARE(s.metadata["shortfall_policy"].get<std::string>(), std::string("keep"));
    QCOMPARE(QByteArray::fromStdString(s.metadata["source_filter"].dump()),
             QByteArray(R"({"datasets":[3,4],"status":"accepted"})"));
}

void TestSnapshot::seedFieldNames()
{
    const Json j = makeSnapshot().toJson();
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it)
        keys.push_back(it.key());
    const std::vector<std::string> expected = {"id", "name", "version", "created_at", "scenarios",
                                               "baseline_scores", "metadata", "members"};
    QVERIFY(keys == expected);
    QCOMPARE(j["created_at"].get<std::string>(), std::string("2024-05-17T09:30:00Z"));
    QCOMPARE(j["scenarios"].get<qint64>(), 19);
    QVERIFY(j["baseline_scores"].is_object() && j["baseline_scores"].empty());
    QCOMPARE(QByteArray::fromStdString(j["members"][0].dump()),
             QByteArray(R"({"uid":"benchmark_0","row_id":1,"category":"benchmark","source":"src0","content_hash":"hash1"})"));
    QVERIFY(!makeSnapshot().toJson(false).contains("members"));
}

void TestSnapshot::roundTrip_data()
{
    QTest::addColumn<bool>("withMembers");
    QTest::addColumn<bool>("withScores");
    QTest::newRow("members") << true << false;
    QTest::newRow("no members") << false << false;
    QTest::newRow("scores") << true << true;
}

void TestSnapshot::roundTrip()
{
    QFETCH(bool, withMembers);
    QFETCH(bool, withScores);
    Snapshot s = makeSnapshot();
    if (withScores)
        s.baselineScores = {{"memory_accuracy", 0.82}, {"coherence", 0.9}};
    const auto back = Snapshot::fromJson(s.toJson(withMembers));
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
    if (!withMembers)
        s.members.clear();
    QCOMPARE(*back, s);
}

void TestSnapshot::rejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("not object") << QByteArray("[]") << QStringLiteral("JSON object");
    QTest::newRow("no id") << QByteArray(R"({"name":"x","version":"1","created_at":"2024-01-01T00:00:00Z"})") << QStringLiteral("\"id\"");
    QTest::newRow("bad date") << QByteArray(R"({"id":1,"name":"x","version":"1","created_at":"yesterday"})") << QStringLiteral("yesterday");
    QTest::newRow("bad metadata") << QByteArray(R"({"id":1,"name":"x","version":"1","created_at":"2024-01-01T00:00:00Z","metadata":[]})") << QStringLiteral("\"metadata\"");
    QTest::newRow("bad member") << QByteArray(R"({"id":1,"name":"x","version":"1","created_at":"2024-01-01T00:00:00Z","members":[{"uid":"a","category":"music"}]})") << QStringLiteral("Snapshot member 0");
}

void TestSnapshot::rejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, fragment);
    const auto r = Snapshot::fromJson(Json::parse(json.toStdString()));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(fragment), qPrintable(r.error().message));
}

void TestSnapshot::asTestDataset()
{
    const Snapshot s = makeSnapshot();
    const TestDataset d = s.toTestDataset();
    QCOMPARE(d.id, 12);
    QCOMPARE(d.name, QStringLiteral("pmf-suite"));
    QCOMPARE(d.version, QStringLiteral("2"));
    QCOMPARE(d.kind, QStringLiteral("snapshot"));
    QCOMPARE(d.category, Category::Synthetic);   // 8 of 19 members
    QCOMPARE(d.scenarioCount, 19);
    QVERIFY(d.metadata == s.metadata);
    QCOMPARE(d.toJson()["created_at"].get<std::string>(), std::string("2024-05-17T09:30:00Z"));
}

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
