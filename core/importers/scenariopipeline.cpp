// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariopipeline.h"

#include "store/importsession.h"
#include "store/scenariocodec.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace kx {

namespace {

constexpr size_t batchSize = 256;
constexpr size_t maxBatchesInFlight = 8;

/**
 * The producer's end: turns each scenario into an Item (on the producer's
 * thread), collects batches and blocks while the queue is full.
 */
template<typename Item>
class QueueSink final : public ScenarioSink
{
public:
    using Convert = std::function<void(const TestScenario &, Item &)>;
    explicit QueueSink(Convert convert) : m_convert(std::move(convert)) {}

    Result<qint64> beginDataset(const TestDataset &) override
    {
        return Error::badInput(ScenarioPipeline::tr("a pipelined converter cannot begin datasets"));
    }

    Result<void> add(const TestScenario &scenario) override
    {
        m_batch.emplace_back();
        m_convert(scenario, m_batch.back());
        if (m_batch.size() >= batchSize)
            return flush();
        return {};
    }

    Result<void> flush()
    {
        std::unique_lock lock(m_mutex);
        m_spaceFree.wait(lock, [this] { return m_batches.size() < maxBatchesInFlight || m_consumerError; });
        if (m_consumerError)
            return *m_consumerError; // the store refused a scenario: stop parsing
        if (!m_batch.empty()) {
            m_batches.push_back(std::move(m_batch));
            m_batch = {};
            m_batch.reserve(batchSize);
            m_dataReady.notify_one();
        }
        return {};
    }

    void finish()
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_dataReady.notify_one();
    }

    /** The consumer's end: the next batch, or nullopt once the producer finished and all is drained. */
    std::optional<std::vector<Item>> take()
    {
        std::unique_lock lock(m_mutex);
        m_dataReady.wait(lock, [this] { return !m_batches.empty() || m_finished; });
        if (m_batches.empty())
            return std::nullopt;
        std::vector<Item> batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_spaceFree.notify_one();
        return batch;
    }

    void fail(const Error &error)
    {
        std::lock_guard lock(m_mutex);
        m_consumerError = error;
        m_batches.clear();
        m_spaceFree.notify_one();
    }

private:
    Convert m_convert;
    std::vector<Item> m_batch;
    std::mutex m_mutex;
    std::condition_variable m_dataReady;
    std::condition_variable m_spaceFree;
    std::deque<std::vector<Item>> m_batches;
    std::optional<Error> m_consumerError;
    bool m_finished = false;
};

} // namespace

namespace {

template<typename Item>
Result<qint64> runPipeline(const ScenarioPipeline::Producer &produce, typename QueueSink<Item>::Convert convert,
                           const std::function<Result<void>(const Item &)> &consume)
{
    QueueSink<Item> queue(std::move(convert));
    std::optional<Result<qint64>> produced;
    std::thread producer([&] {
        Result<qint64> r = produce(queue);
        if (r) {
            if (auto flushed = queue.flush(); !flushed)
                r = flushed.error();
        }
        produced = std::move(r);
        queue.finish();
    });

    std::optional<Error> consumerError;
    while (auto batch = queue.take()) {
        if (consumerError)
            continue; // drain until the producer notices and stops
        for (const Item &item : *batch) {
            if (auto added = consume(item); !added) {
                consumerError = added.error();
                queue.fail(added.error());
                break;
            }
        }
    }
    producer.join();
    if (consumerError)
        return *consumerError;
    return std::move(*produced);
}

} // namespace

Result<qint64> ScenarioPipeline::run(const Producer &produce, ScenarioSink &target)
{
    return runPipeline<TestScenario>(
        produce, [](const TestScenario &s, TestScenario &item) { item = s; },
        [&target](const TestScenario &s) { return target.add(s); });
}

Result<qint64> ScenarioPipeline::run(const Producer &produce, ImportSession &target)
{
    // Encoding to row form is a third of the store's work per scenario: do it beside the parser.
    return runPipeline<EncodedScenario>(
        produce, [](const TestScenario &s, EncodedScenario &row) { ScenarioCodec::encode(s, row); },
        [&target](const EncodedScenario &row) { return target.addEncoded(row); });
}

} // namespace kx
