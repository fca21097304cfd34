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

} // namespace ScenarioEdits

} // namespace kx
