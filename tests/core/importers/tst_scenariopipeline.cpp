// SPDX-License-Identifier: GPL-3.0-or-later
#include "importers/scenariopipeline.h"
#include "memorysink.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace kx;

namespace {
TestScenario scenario(int i)
{
    TestScenario s;
    s.id = QString::number(i);
    s.name = QStringLiteral("s%1").arg(i);
    return s;
}
} // namespace

class TestScenarioPipeline final : public QObject
{
    Q_OBJECT

private slots:
    void keepsOrderAcrossBatches_data();
    void keepsOrderAcrossBatches();
    void producerErrorIsReturned();
    void targetErrorStopsTheProducer();
    void targetIsUsedOnTheCallingThreadOnly();
};

void TestScenarioPipeline::keepsOrderAcrossBatches_data()
{
    QTest::addColumn<int>("count");
    for (int n : {0, 1, 255, 256, 257, 10'000})
        QTest::addRow("%d", n) << n;
}

void TestScenarioPipeline::keepsOrderAcrossBatches()
{
    QFETCH(int, count);
    test::MemorySink target;
    const auto r = ScenarioPipeline::run(
        [count](ScenarioSink &sink) -> Result<qint64> {
            for (int i = 0; i < count; ++i)
                if (auto added = sink.add(scenario(i)); !added)
                    return added.error();
            return qint64(count);
        },
        target);
    QVERIFY(r.ok());
    QCOMPARE(*r, qint64(count));
    QCOMPARE(target.scenarios.size(), qsizetype(count));
    for (int i = 0; i < count; ++i)
        QCOMPARE(target.scenarios.at(i).id, QString::number(i));
}

void TestScenarioPipeline::producerErrorIsReturned()
{
    test::MemorySink target;
    const auto r = ScenarioPipeline::run(
        [](ScenarioSink &sink) -> Result<qint64> {
            for (int i = 0; i < 1000; ++i)
                (void)sink.add(scenario(i));
            return Error::badInput(QStringLiteral("file.jsonl:1001: broken"));
        },
        target);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().message, QStringLiteral("file.jsonl:1001: broken"));
}

void TestScenarioPipeline::targetErrorStopsTheProducer()
{
    test::MemorySink target;
    target.failAt = 300;
    std::atomic<int> produced = 0;
    const auto r = ScenarioPipeline::run(
        [&](ScenarioSink &sink) -> Result<qint64> {
            for (int i = 0; i < 1'000'000; ++i) {
                if (auto added = sink.add(scenario(i)); !added)
                    return added.error();
                ++produced;
            }
            return qint64(1'000'000);
        },
        target);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("sink refused scenario 300")), qPrintable(r.error().message));
    QCOMPARE(target.scenarios.size(), qsizetype(300));
    // Bounded queue: the producer stopped long before the end.
    QVERIFY2(produced < 20'000, qPrintable(QString::number(produced)));
}

void TestScenarioPipeline::targetIsUsedOnTheCallingThreadOnly()
{
    struct ThreadCheckingSink final : ScenarioSink
    {
        std::thread::id expected = std::this_thread::get_id();
        bool wrongThread = false;
        Result<qint64> beginDataset(const TestDataset &) override { return qint64(1); }
        Result<void> add(const TestScenario &) override
        {
            wrongThread = wrongThread || std::this_thread::get_id() != expected;
            return {};
        }
    } target;
    std::thread::id producerThread;
    const auto r = ScenarioPipeline::run(
        [&](ScenarioSink &sink) -> Result<qint64> {
            producerThread = std::this_thread::get_id();
            for (int i = 0; i < 2000; ++i)
                (void)sink.add(scenario(i));
            return qint64(2000);
        },
        target);
    QVERIFY(r.ok());
    QVERIFY(!target.wrongThread);
    QVERIFY(producerThread != target.expected);
}

QTEST_GUILESS_MAIN(TestScenarioPipeline)
#include "tst_scenariopipeline.moc"
