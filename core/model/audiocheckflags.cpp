// SPDX-License-Identifier: GPL-3.0-or-later
#include "audiocheckflags.h"

namespace kx {

using Flag = AudioCheck::Flag;

const QList<Flag> &AudioCheckFlags::all()
{
    static const QList<Flag> flags = {Flag::Undecodable, Flag::Clipping,    Flag::Silent,
                                      Flag::TooQuiet,    Flag::RateOutlier, Flag::TooShort};
    return flags;
}

QString AudioCheckFlags::key(Flag flag)
{
    switch (flag) {
    case Flag::None: break;
    case Flag::Clipping: return QStringLiteral("clipping");
    case Flag::Silent: return QStringLiteral("silent");
    case Flag::TooQuiet: return QStringLiteral("too_quiet");
    case Flag::RateOutlier: return QStringLiteral("rate_outlier");
    case Flag::TooShort: return QStringLiteral("too_short");
    case Flag::Undecodable: return QStringLiteral("undecodable");
    }
    return QString();
}

std::optional<Flag> AudioCheckFlags::fromKey(const QString &key)
{
    for (Flag flag : all())
        if (AudioCheckFlags::key(flag) == key)
            return flag;
    return std::nullopt;
}

QString AudioCheckFlags::label(Flag flag)
{
    switch (flag) {
    case Flag::None: break;
    case Flag::Clipping: return tr("Clipping");
    case Flag::Silent: return tr("Mostly silent");
    case Flag::TooQuiet: return tr("Too quiet");
    case Flag::RateOutlier: return tr("Speaking-rate outlier");
    case Flag::TooShort: return tr("Too short");
    case Flag::Undecodable: return tr("Undecodable");
    }
    return QString();
}

QStringList AudioCheckFlags::keys(AudioCheck::Flags flags)
{
    QStringList out;
    for (Flag flag : all())
        if (flags.testFlag(flag))
            out << key(flag);
    return out;
}

QString AudioCheckFlags::labels(AudioCheck::Flags flags)
{
    QStringList out;
    for (Flag flag : all())
        if (flags.testFlag(flag))
            out << label(flag);
    return out.join(QStringLiteral(", "));
}

} // namespace kx
