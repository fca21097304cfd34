// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/testscenario.h"
#include "review/audioissuetag.h"

#include <QList>
#include <QString>

namespace kx {

/**
 * The edits a reviewer makes, as pure functions from a scenario to the
 * edited scenario: the review session turns each into one undoable,
 * durable change, and tests check them without a GUI.
 */
namespace ScenarioEdits {

/** The verdict, in `status`. */
TestScenario withStatus(TestScenario scenario, ReviewStatus status);

/** The flagged issues of a clip, from `review.audio_tags`, in AudioIssueTags::all() order. */
QList<AudioIssueTag> audioTags(const TestScenario &scenario);
/** Adds @p tag when absent, removes it when present. */
TestScenario withAudioTagToggled(TestScenario scenario, AudioIssueTag tag);

/**
 * The clip's transcript: `evaluation_criteria.expected_transcript` when it is
 * text, else empty. (The user message is not a fallback: for a Hub audio
 * dataset without a text column it is only a placeholder naming the clip,
 * and a speaking rate measured against it would be noise.)
 */
QString transcript(const TestScenario &scenario);
/**
 * Sets the transcript: `expected_transcript` (added when missing) and the
 * first user message when it held the old, non-empty transcript, so the two
 * never disagree.
 */
TestScenario withTranscript(TestScenario scenario, const QString &text);

/**
 * Speaker metadata of the clip for display, in a fixed order: VCTK's age,
 * gender, accent and region; LibriSpeech's speaker and chapter; whatever of
 * these the reference holds, as (label, value) pairs.
 */
QList<std::pair<QString, QString>> speakerDetails(const TestScenario &scenario);

/**
 * Message @p index with @p role and @p content (its other keys kept); an index
 * out of range leaves the scenario as it is.
 */
TestScenario withMessage(TestScenario scenario, int index, const QString &role, const QString &content);

/** Appends @p text to `memory_requirements`. */
TestScenario withMemoryRequirementAdded(TestScenario scenario, const QString &text);
/** Replaces memory requirement @p index; out of range: unchanged. */
TestScenario withMemoryRequirement(TestScenario scenario, int index, const QString &text);
/** Removes memory requirement @p index; out of range: unchanged. */
TestScenario withMemoryRequirementRemoved(TestScenario scenario, int index);

/**
 * Sets `evaluation_criteria[key]`: in its place when the key exists, else
 * appended. Criteria that are not a JSON object (rare: imported as a bare
 * value) become {"value": the old value} first, so nothing is lost.
 */
TestScenario withCriterion(TestScenario scenario, const QString &key, const Json &value);
/**
 * Renames criterion @p from to @p to, keeping its value and position. When
 * @p from is missing or @p to exists already, the scenario is unchanged.
 */
TestScenario withCriterionRenamed(TestScenario scenario, const QString &from, const QString &to);
/** Removes criterion @p key (if present). */
TestScenario withoutCriterion(TestScenario scenario, const QString &key);

/**
 * A criterion value typed by a reviewer: text that parses as a JSON number,
 * true, false, null, array or object is that value; anything else (including
 * a JSON string in quotes, which is unquoted) is a string.
 */
Json criterionValueFromText(const QString &text);
/** The text a reviewer sees and edits for a criterion value: strings as they are, anything else as compact JSON. */
QString criterionValueText(const Json &value);

} // namespace ScenarioEdits

} // namespace kx
