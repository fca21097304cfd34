// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace kx {

/**
 * What an audio reviewer can flag on a clip. Stored by key in the scenario's
 * `review.audio_tags` (a sorted array), so exports carry them. The order here
 * is the order of the number keys 1–6 in the review queue.
 */
enum class AudioIssueTag {
    Clipping,
    Noise,
    Truncated,
    LongSilence,
    TranscriptMismatch,
    WrongSpeaker,
};

/** Keys and labels of the tags. */
class AudioIssueTags final
{
    Q_DECLARE_TR_FUNCTIONS(kx::AudioIssueTags)

public:
    static const QList<AudioIssueTag> &all();
    /** "clipping", "noise", "truncated", "long_silence", "transcript_mismatch", "wrong_speaker". */
    static QString key(AudioIssueTag tag);
    static std::optional<AudioIssueTag> fromKey(const QString &key);
    /** Translated, for buttons and menus. */
    static QString label(AudioIssueTag tag);
};

} // namespace kx
