// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/testscenario.h"
#include "store/sqlitestatement.h"
#include "util/result.h"

#include <QCoreApplication>

#include <string>
#include <vector>

namespace kx {

/**
 * A TestScenario as the column values of one `scenarios` row plus its FTS
 * text, all UTF-8. Kept between rows by the import so the buffers are reused.
 */
struct EncodedScenario
{
    std::string uid;
    std::string name;
    std::string category;
    std::string status;
    qint64 turns = 0;
    std::string preview;
    std::string messages;           ///< JSON array of message objects
    std::string memoryRequirements; ///< JSON array of strings
    std::string capabilities;       ///< JSON array of strings
    std::string criteria;           ///< JSON object
    std::string provenance;         ///< JSON object
    std::string audio;              ///< JSON, or empty for SQL NULL
    std::string review;             ///< JSON object, without "status" (that is its own column)
    std::string extra;              ///< JSON object
    std::string ftsMessages;        ///< message contents, one per line
    std::string ftsMemory;          ///< memory requirements, one per line
    std::vector<std::string> capabilityList; ///< for the capability facet table
};

/**
 * The rows that follow a scenario row: its FTS5 entry, its capability facet
 * rows and the human_reviews mirror of its reviewers' judgements (review JSON
 * key "reviews"). Statements are prepared once and reused (the import adds
 * millions); a row without reviews costs one substring search for the mirror.
 */
class ScenarioIndexWriter final
{
public:
    /** Prepares the two INSERT statements on @p db. */
    static Result<ScenarioIndexWriter> prepare(sqlite3 *db);
    /**
     * Adds the search entry, capability rows (a listed-twice capability is one
     * row) and human review rows of scenario @p rowId. A damaged review entry
     * is an error naming the scenario and the reviewer.
     */
    Result<void> add(qint64 rowId, const EncodedScenario &row);

private:
    ScenarioIndexWriter() = default;
    Result<void> addHumanReviews(qint64 rowId, const EncodedScenario &row);
    SqliteStatement m_fts;
    SqliteStatement m_capability;
    SqliteStatement m_humanReview;
};

/**
 * Converts scenarios to and from their row form. Stateless and thread-safe.
 * decode(encode(s)) == s for every scenario TestScenario::fromJson can produce.
 */
class ScenarioCodec final
{
    Q_DECLARE_TR_FUNCTIONS(kx::ScenarioCodec)

public:
    /** The columns every full-scenario SELECT lists, in the order decode() reads them. */
    static const char *const selectColumns;

    /** Fills @p out from @p scenario, reusing its buffers. */
    static void encode(const TestScenario &scenario, EncodedScenario &out);
    /** Reads the selectColumns of the current row of @p stmt, starting at @p first. */
    static Result<TestScenario> decode(const SqliteStatement &stmt, int first = 0);
    /** The one-line table preview: the start of the last user message. */
    static QString preview(const TestScenario &scenario);
};

} // namespace kx
