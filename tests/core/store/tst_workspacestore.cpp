// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetesthelpers.h"

#include <QTemporaryDir>

using namespace kx;
using namespace kx::test;

class tst_WorkspaceStore : public QObject
{
    Q_OBJECT

private:
    static TestScenario richScenario()
    {
        TestScenario s;
        s.id = QStringLiteral("rich-1");
        s.name = QStringLiteral("Ünïcode \"quotes\" \\ and\ttabs");
        ChatMessage tool{QStringLiteral("tool"), QStringLiteral("{\"temp\": 21}"), Json::object()};
        tool.extra["tool_call_id"] = "call_1";
        tool.extra["weight"] = 0.125;
        s.messages = {ChatMessage{QStringLiteral("system"), QStringLiteral("line1\nline2\r\n\x01 ctrl"), Json::object()},
                      ChatMessage{QStringLiteral("user"), QStringLiteral("Wie wird das Wetter in Zürich? 🌦"), Json::object()},
                      tool,
                      ChatMessage{QStringLiteral("assistant"), QString(), Json::object()}};
        s.memoryRequirements = {QStringLiteral("lives in Zürich"), QStringLiteral("{\"k\":1}")};
        s.expectedCapabilities = {QStringLiteral("tool_use"), QStringLiteral("memory_recall"), QStringLiteral("tool_use")};
        s.evaluationCriteria = Json::parse(R"({"accuracy": 0.9, "note": "x", "nested": {"a": [1, 2.5, null]}})");
        s.category = Category::ToolUsage;
        s.provenance.sourceFile = QStringLiteral("toolbench/G1.json");
        s.provenance.row = 42;
        s.provenance.generator = QStringLiteral("fusion");
        s.provenance.seed = 7;
        s.provenance.parents = {QStringLiteral("a"), QStringLiteral("b")};
        s.provenance.extra["shard"] = 3;
        s.audio = Json::parse(R"({"path": "a/b.flac", "seconds": 3.25})");
        s.status = ReviewStatus::Accepted;
        s.review["reviewer"] = "ana";
        s.review["scores"] = Json::parse(R"({"clarity": 0.8})");
        s.extra["zz_custom"] = Json::parse(R"([true, false])");
        s.extra["another"] = "kept";
        return s;
    }

    static qint64 firstRowId(WorkspaceStore &store)
    {
        auto rows = store.page({}, {}, {}, 1);
        return rows && !rows->isEmpty() ? rows->first().rowId : 0;
    }

private Q_SLOTS:
    void openInMemory()
    {
        KX_OPEN_STORE(store, QStringLiteral(":memory:"));
        QCOMPARE(store.schemaVersion(), WorkspaceStore::currentSchemaVersion);
        auto ds = store.datasets();
        QVERIFY(ds.ok());
        QCOMPARE(ds->size(), 0);
        QCOMPARE(*store.count({}), 0);
        QCOMPARE(sqlInt(store.handle(), "PRAGMA foreign_keys"), 1);
    }

    void createAndReopenFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws.kairix"));
        qint64 id = 0;
        {
            KX_OPEN_STORE(store, path);
            QCOMPARE(sqlText(store.handle(), "PRAGMA journal_mode"), QStringLiteral("wal"));
            QCOMPARE(sqlInt(store.handle(), "PRAGMA synchronous"), 1); // NORMAL
            QVERIFY(sqlInt(store.handle(), "PRAGMA busy_timeout") > 0);
            id = importDataset(store, makeDataset(QStringLiteral("first")),
                               {makeScenario(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("hello"))});
            QVERIFY(id > 0);
        }
        KX_OPEN_STORE(again, path);
        auto ds = again.datasets();
        QVERIFY(ds.ok());
        QCOMPARE(ds->size(), 1);
        QCOMPARE(ds->first().id, id);
        QCOMPARE(ds->first().scenarioCount, 1);
        QCOMPARE(again.path(), path);
    }

    void datasetRoundTrip()
    {
        KX_OPEN_STORE(store, QStringLiteral(":memory:"));
        TestDataset d = makeDataset(QStringLiteral("GSM8K main/test"), Category::Benchmark);
        d.version = QStringLiteral("2.1");
        d.kind = QStringLiteral("gsm8k");
        d.baselineScores = Json::parse(R"({"accuracy": 0.71})");
        d.metadata = Json::parse(R"({"license": "MIT", "rows": [1, 2]})");
        const qint64 id = importDataset(store, d, {makeScenario(QStringLiteral("q1"), QStringLiteral("Q1"), QStringLiteral("2+2?")),
                                                   makeScenario(QStringLiteral("q2"), QStringLiteral("Q2"), QStringLiteral("3+3?"))});
        QVERIFY(id > 0);
        d.id = id;
        d.scenarioCount = 2;
        auto back = store.dataset(id);
        QVERIFY(back.ok());
        QCOMPARE(back->toJson().dump(), d.toJson().dump());
        QVERIFY(*back == d);
        QCOMPARE(store.datasets()->first(), d);
        QCOMPARE(store.dataset(id + 100).error().code, Error::Code::NotFound);
    }

    void scenarioRoundTrip()
    {
        KX_OPEN_STORE(store, QStringLiteral(":memory:"));
        const TestScenario rich = richScenario();
        TestScenario minimal;
        minimal.id = QStringLiteral("min");
        // A line of our own JSONL, through the model's parser, must come back equal too.
        auto parsed = TestScenario::fromJson(Json::parse(
            R"({"id":"p1","name":"Parsed","messages":[{"role":"user","content":"hi","name":"bob"}],"memory_requirements":[{"fact":"x"}],"expected_capabilities":["recall"],"evaluation_criteria":{"c":1},"category":"adversarial","provenance":{"generator":"adv","seed":3},"review":{"status":"rejected","comment":"no"},"custom":{"deep":[1,{"x":null}]}})"));
        QVERIFY(parsed.ok());
        QVERIFY(importDataset(store, makeDataset(QStringLiteral("d")), {rich, minimal, *parsed}) > 0);

        const auto rows = store.page({}, {}, {}, 10);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 3);
        const TestScenario expected[] = {rich, minimal, *parsed};
        for (int i = 0; i < 3; ++i) {
            auto back = store.scenario(rows->at(i).rowId);
            QVERIFY(back.ok());
            QCOMPARE(back->toJson().dump(), expected[i].toJson().dump());
            QVERIFY(*back == expected[i]);
        }
        const ScenarioRow &row = rows->first();
        QCOMPARE(row.id, rich.id);
        QCOMPARE(row.name, rich.name);
        QCOMPARE(row.datasetName, QStringLiteral("d"));
        QCOMPARE(row.category, Category::ToolUsage);
        QCOMPARE(row.status, ReviewStatus::Accepted);
        QCOMPARE(row.turns, 4);
        QCOMPARE(row.preview, QStringLiteral("Wie wird das Wetter in Zürich? 🌦"));
        QCOMPARE(rows->at(1).turns, 0);
        QCOMPARE(rows->at(1).preview, QString());
        QCOMPARE(store.scenario(9999).error().code, Error::Code::NotFound);
        // The duplicated capability is one facet row.
        QCOMPARE(sqlInt(store.handle(), "SELECT count(*) FROM scenario_capabilities"), 3);
    }

    void setStatusIsDurable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws.kairix"));
        qint64 rowId = 0;
        {
            KX_OPEN_STORE(store, path);
            QVERIFY(importDataset(store, makeDataset(QStringLiteral("d")),
                                  {makeScenario(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("x"))}) > 0);
            rowId = firstRowId(store);
            QVERIFY(store.setStatus(rowId, ReviewStatus::Rejected).ok());
            QCOMPARE(store.setStatus(rowId + 1, ReviewStatus::Accepted).error().code, Error::Code::NotFound);
            // Visible to a second connection at once: it was committed, not left in a transaction.
            KX_OPEN_STORE(other, path);
            QCOMPARE(other.scenario(rowId)->status, ReviewStatus::Rejected);
        }
        KX_OPEN_STORE(again, path);
        QCOMPARE(again.scenario(rowId)->status, ReviewStatus::Rejected);
        QCOMPARE(again.page({}, {}, {}, 1)->first().status, ReviewStatus::Rejected);
    }

    void facets()
    {
        KX_OPEN_STORE(store, QStringLiteral(":memory:"));
        const QString recall = QStringLiteral("memory_recall"), tools = QStringLiteral("tool_use");
        QList<TestScenario> list;
        // 6 synthetic (3 pending, 3 accepted), 3 tool usage (all pending), 1 adversarial (rejected).
        for (int i = 0; i < 6; ++i)
            list.append(makeScenario(QStringLiteral("s%1").arg(i), QStringLiteral("S"), QStringLiteral("t"),
                                     Category::Synthetic, i < 3 ? ReviewStatus::Pending : ReviewStatus::Accepted,
                                     {recall}));
        for (int i = 0; i < 3; ++i)
            list.append(makeScenario(QStringLiteral("t%1").arg(i), QStringLiteral("T"), QStringLiteral("t"),
                                     Category::ToolUsage, ReviewStatus::Pending, {tools, recall}));
        list.append(makeScenario(QStringLiteral("a0"), QStringLiteral("A"), QStringLiteral("t"), Category::Adversarial,
                                 ReviewStatus::Rejected, {}));
        QVERIFY(importDataset(store, makeDataset(QStringLiteral("d")), list) > 0);

        auto categories = store.categoryFacet({});
        QVERIFY(categories.ok());
        QCOMPARE(categories->size(), 4);
        QCOMPARE(categories->at(0).key, QStringLiteral("benchmark"));
        QCOMPARE(categories->at(0).count, 0);
        QCOMPARE(categories->at(1).count, 6);
        QCOMPARE(categories->at(2).count, 3);
        QCOMPARE(categories->at(3).count, 1);
        QCOMPARE(categories->at(2).label, categoryLabel(Category::ToolUsage));

        // The category facet ignores the category selection but honours the status one.
        ScenarioFilter f;
        f.categories = {Category::Synthetic};
        f.statuses = {ReviewStatus::Pending};
        categories = store.categoryFacet(f);
        QCOMPARE(categories->at(1).count, 3);
        QCOMPARE(categories->at(2).count, 3);
        QCOMPARE(categories->at(3).count, 0);
        auto statuses = store.statusFacet(f);
        QVERIFY(statuses.ok());
        QCOMPARE(statuses->size(), 4);
        QCOMPARE(statuses->at(0).count, 3); // pending among synthetic
        QCOMPARE(statuses->at(1).count, 3); // accepted among synthetic
        QCOMPARE(statuses->at(2).count, 0);

        auto caps = store.capabilityFacet({});
        QVERIFY(caps.ok());
        QCOMPARE(caps->size(), 2);
        QCOMPARE(caps->at(0).key, recall);
        QCOMPARE(caps->at(0).count, 9);
        QCOMPARE(caps->at(1).key, tools);
        QCOMPARE(caps->at(1).count, 3);
        ScenarioFilter capFilter;
        capFilter.capabilities = {tools};
        capFilter.statuses = {ReviewStatus::Pending};
        caps = store.capabilityFacet(capFilter); // ignores {tools}, keeps pending
        QCOMPARE(caps->size(), 2);
        QCOMPARE(caps->at(0).count, 6);
        QCOMPARE(caps->at(1).count, 3);
        QCOMPARE(store.capabilityFacet({}, 1)->size(), 1);
        QCOMPARE(*store.count(capFilter), 3);
    }

    void removeDataset()
    {
        KX_OPEN_STORE(store, QStringLiteral(":memory:"));
        const qint64 keep = importDataset(store, makeDataset(QStringLiteral("keep")),
                                          {makeScenario(QStringLiteral("k1"), QStringLiteral("K1"), QStringLiteral("apple"), Category::Synthetic, ReviewStatus::Pending, {QStringLiteral("c1")}),
                                           makeScenario(QStringLiteral("k2"), QStringLiteral("K2"), QStringLiteral("apple"))});
        const qint64 drop = importDataset(store, makeDataset(QStringLiteral("drop")),
                                          {makeScenario(QStringLiteral("d1"), QStringLiteral("D1"), QStringLiteral("banana"), Category::Synthetic, ReviewStatus::Pending, {QStringLiteral("c2")}),
                                           makeScenario(QStringLiteral("d2"), QStringLiteral("D2"), QStringLiteral("banana apple"), Category::Synthetic, ReviewStatus::Pending, {QStringLiteral("c1")}),
                                           makeScenario(QStringLiteral("d3"), QStringLiteral("D3"), QStringLiteral("banana"))});
        QVERIFY(keep > 0 && drop > 0);
        ScenarioFilter apple;
        apple.search = QStringLiteral("apple");
        QCOMPARE(*store.count(apple), 3);

        QVERIFY(store.removeDataset(drop).ok());
        QCOMPARE(store.datasets()->size(), 1);
        QCOMPARE(*store.count({}), 2);
        QCOMPARE(*store.count(apple), 2);
        ScenarioFilter banana;
        banana.search = QStringLiteral("banana");
        QCOMPARE(*store.count(banana), 0);
        QCOMPARE(sqlInt(store.handle(), "SELECT count(*) FROM scenario_fts"), 2);
        QCOMPARE(sqlInt(store.handle(), "SELECT count(*) FROM scenario_capabilities"), 1);
        auto caps = store.capabilityFacet({});
        QCOMPARE(caps->size(), 1);
        QCOMPARE(caps->first().key, QStringLiteral("c1"));
        QCOMPARE(caps->first().count, 1);
        QCOMPARE(store.removeDataset(drop).error().code, Error::Code::NotFound);
        QCOMPARE(store.dataset(keep)->scenarioCount, 2);
    }

    void forEachScenario()
    {
        KX_OPEN_STORE(store, QStringLiteral(":memory:"));
        QList<TestScenario> list;
        for (int i = 0; i < 20; ++i)
            list.append(makeScenario(QStringLiteral("s%1").arg(i), QStringLiteral("S%1").arg(i), QStringLiteral("t"),
                                     i % 2 ? Category::Synthetic : Category::Adversarial));
        QVERIFY(importDataset(store, makeDataset(QStringLiteral("d")), list) > 0);
        ScenarioFilter f;
        f.categories = {Category::Synthetic};
        QStringList seen;
        auto r = store.forEachScenario(f, [&seen](const TestScenario &s) -> Result<void> {
            seen.append(s.id);
            return {};
        });
        QVERIFY(r.ok());
        QCOMPARE(seen.size(), 10);
        QCOMPARE(seen.first(), QStringLiteral("s1"));
        QCOMPARE(seen.last(), QStringLiteral("s19"));
        QCOMPARE(seen.at(3), QStringLiteral("s7"));

        int visits = 0;
        r = store.forEachScenario({}, [&visits](const TestScenario &) -> Result<void> {
            if (++visits == 3)
                return Error::cancelled(QStringLiteral("stop"));
            return {};
        });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::Cancelled);
        QCOMPARE(visits, 3);
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceStore)
#include "tst_workspacestore.moc"
