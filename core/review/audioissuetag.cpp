// SPDX-License-Identifier: GPL-3.0-or-later
#include "audioissuetag.h"

namespace kx {

const QList<AudioIssueTag> &AudioIssueTags::all()
{
    static const QList<AudioIssueTag> tags = {AudioIssueTag::Clipping,    AudioIssueTag::Noise,
                                              AudioIssueTag::Truncated,   AudioIssueTag::LongSilence,
                                              AudioIssueTag::TranscriptMismatch, AudioIssueTag::WrongSpeaker};
    return tags;
}

QString AudioIssueTags::key(AudioIssueTag tag)
{
    switch (tag) {
    case AudioIssueTag::Clipping: return QStringLiteral("clipping");
    case AudioIssueTag::Noise: return QStringLiteral("noise");
    case AudioIssueTag::Truncated: return QStringLiteral("truncated");
    case AudioIssueTag::LongSilence: return QStringLiteral("long_silence");
    case AudioIssueTag::TranscriptMismatch: return QStringLiteral("transcript_mismatch");
    case AudioIssueTag::WrongSpeaker: return QStringLiteral("wrong_speaker");
    }
    return QString();
}

std::optional<AudioIssueTag> AudioIssueTags::fromKey(const QString &key)
{
    for (AudioIssueTag tag : all())
        if (AudioIssueTags::key(tag) == key)
            return tag;
    return std::nullopt;
}

QString AudioIssueTags::label(AudioIssueTag tag)
{
    switch (tag) {
    case AudioIssueTag::Clipping: return tr("Clipping");
    case AudioIssueTag::Noise: return tr("Noise");
    case AudioIssueTag::Truncated: return tr("Truncated");
    case AudioIssueTag::LongSilence: return tr("Long silence");
    case AudioIssueTag::TranscriptMismatch: return tr("Transcript mismatch");
    case AudioIssueTag::WrongSpeaker: return tr("Wrong speaker or accent");
    }
    return QString();
}

} // namespace kx
