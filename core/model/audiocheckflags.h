// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/audiocheck.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kx {

/** Keys and labels of the automatic checks' flags, for facets, the CLI and the queue. */
class AudioCheckFlags final
{
    Q_DECLARE_TR_FUNCTIONS(kx::AudioCheckFlags)

public:
    /** Every flag, most serious first. */
    static const QList<AudioCheck::Flag> &all();
    /** "undecodable", "clipping", "silent", "too_quiet", "rate_outlier", "too_short". */
    static QString key(AudioCheck::Flag flag);
    static std::optional<AudioCheck::Flag> fromKey(const QString &key);
    /** Translated. */
    static QString label(AudioCheck::Flag flag);
    /** The keys of the flags set in @p flags, in all() order. */
    static QStringList keys(AudioCheck::Flags flags);
    /** The labels of the flags set in @p flags, joined with ", ". */
    static QString labels(AudioCheck::Flags flags);
};

} // namespace kx
