// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/category.h"
#include "model/chatmessage.h"
#include "model/provenance.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace kx {

/**
 * One test case for the Kairix Engine, with the seed's field names: `id`,
 * `name`, `messages`, `memory_requirements`, `expected_capabilities`,
 * `evaluation_criteria`; plus `category`, `provenance`, an optional `audio`
 * reference and the `review` state.
 *
 * The JSON form is lossless: keys the model does not know are kept in
 * @ref extra and written back after the known ones, so importing our own JSONL
 * and exporting it again yields the same content.
 */
struct TestScenario
{
    QString id;
    QString name;
    QList<ChatMessage> messages;
    QStringList memoryRequirements;
    QStringList expectedCapabilities;
    Json evaluationCriteria = Json::object(); ///< criterion -> number, string or any JSON value
    Category category = Category::Benchmark;
    Provenance provenance;
    Json audio;                               ///< null, or a reference such as {"path": …}
    ReviewStatus status = ReviewStatus::Pending;
    Json review = Json::object();             ///< review keys other than "status"
    Json extra = Json::object();

    /** The JSON object, keys in the seed's order. */
    Json toJson() const;
    /** Parses one scenario; the error names the offending field. */
    static Result<TestScenario> fromJson(const Json &j);

    /** All the text a full-text search should find: name, messages, memory requirements. */
    QString searchableMessages() const;

    bool operator==(const TestScenario &) const = default;
};

} // namespace kx
