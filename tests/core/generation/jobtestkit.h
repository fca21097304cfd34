// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the job executor, job runner and CLI generate tests: answers a memory-recall request the
// way a model would (valid JSON of the generator's shape), job specs, and counts read below the API.
#pragma once

#include "fakechatserver.h"
#include "model/generationjob.h"
#include "util/jsonqt.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

#include <sqlite3.h>

namespace kx::test {

/** A valid memory-recall answer that differs per request number. */
inline QString memoryAnswer(const Json &, int number)
{
    Json a = Json::object();
    a["history"] = Json::array({
        {{"role", "user"}, {"content", ss(QStringLiteral("I adopted a greyhound called Comet %1 last spring.").arg(number))}},
        {{"role", "assistant"}, {"content", "Lovely! How is Comet settling in?"}},
        {{"role", "user"}, {"content", "Well, though I am allergic to peanuts so I watch his treats."}},
        {{"role", "assistant"}, {"content", "Good idea to check the labels."}},
    });
    a["memory_points"] = Json::array({"has a greyhound called Comet", "adopted last spring", "allergic to peanuts"});
    a["question"] = "Which treats can I buy for my dog this weekend?";
    a["required_memories"] = Json::array({"greyhound called Comet", "adopted last spring", "peanut allergy"});
    a["expected_elements"] = Json::array({"peanut-free treats", "mentions Comet"});
    return qs(a.dump());
}

/** A workspace path in a fresh temporary folder and a started loopback server answering memory-recall requests. */
struct JobTestBed
{
    std::unique_ptr<QTemporaryDir> dir;
    QString db;
    std::unique_ptr<FakeChatServer> server;

    /** Sets everything up anew; false when the folder or the server fails. */
    bool start()
    {
        dir = std::make_unique<QTemporaryDir>();
        db = dir->filePath(QStringLiteral("ws.kairix"));
        server = std::make_unique<FakeChatServer>();
        if (!dir->isValid() || !server->start())
            return false;
        server->setResponder(memoryAnswer);
        return true;
    }
    void stop() { server.reset(); }
};

/** A job of @p count memory-recall scenarios against @p server (openai backend). */
inline GenerationJob openAiMemoryJob(const FakeChatServer &server, int count, int concurrency)
{
    GenerationJob spec;
    spec.generator = QStringLiteral("memory");
    spec.backend = QStringLiteral("openai");
    spec.baseUrl = server.baseUrl().toString();
    spec.model = QStringLiteral("fake-model");
    spec.requested = count;
    spec.concurrency = concurrency;
    spec.timeoutMs = 2000;
    spec.seed = 7;
    return spec;
}

/** Rows and distinct ids of dataset @p datasetId, read with SQL (not through the store API under test). */
struct DatasetCounts
{
    qint64 rows = -1;
    qint64 distinctIds = -1;
};

inline DatasetCounts datasetCounts(const QString &path, qint64 datasetId)
{
    DatasetCounts c;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *stmt = nullptr;
        const char *sql = "SELECT count(*), count(DISTINCT uid) FROM scenarios WHERE dataset_id = ?1";
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK) {
            sqlite3_bind_int64(stmt, 1, datasetId);
            if (sqlite3_step(stmt) == SQLITE_ROW) {
                c.rows = sqlite3_column_int64(stmt, 0);
                c.distinctIds = sqlite3_column_int64(stmt, 1);
            }
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return c;
}

} // namespace kx::test
