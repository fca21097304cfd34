// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariopipeline.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace kx {

namespace {

constexpr size_t batchSize = 256;
constexpr size_t maxBatchesInFlight = 8;

/** The producer's end: collects batches and blocks while the queue is full. */
class QueueSink final : public ScenarioSink
{
public:
    Result<qint64> beginDataset(const TestDataset &) override
    {
        return Error::badInput(ScenarioPipeline::tr("a pipelined converter cannot begin datasets"));
    }

    Result<void> add(const TestScenario &scenario) override
    {
        m_batch.push_back(scenario);
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
    std::optional<std::vector<TestScenario>> take()
    {
        std::unique_lock lock(m_mutex);
        m_dataReady.wait(lock, [this] { return !m_batches.empty() || m_finished; });
        if (m_batches.empty())
            return std::nullopt;
        std::vector<TestScenario> batch = std::move(m_batches.front());
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
    std::vector<TestScenario> m_batch;
    std::mutex m_mutex;
    std::condition_variable m_dataReady;
    std::condition_variable m_spaceFree;
    std::deque<std::vector<TestScenario>> m_batches;
    std::optional<Error> m_consumerError;
    bool m_finished = false;
};

} // namespace

Result<qint64> ScenarioPipeline::run(const Producer &produce, ScenarioSink &target)
{
    QueueSink queue;
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
        for (const TestScenario &s : *batch) {
            if (auto added = target.add(s); !added) {
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

} // namespace kx
