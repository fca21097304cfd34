// SPDX-License-Identifier: GPL-3.0-or-later
#include "criterion.h"

#include <QCoreApplication>

namespace kx {

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(kx::Criterion) };
} // namespace

QString criterionKey(Criterion c)
{
    switch (c) {
    case Criterion::Clarity: return QStringLiteral("clarity");
    case Criterion::Complexity: return QStringLiteral("complexity");
    case Criterion::Coverage: return QStringLiteral("coverage");
    case Criterion::Realism: return QStringLiteral("realism");
    }
    return {};
}

std::optional<Criterion> criterionFromKey(QStringView key)
{
    for (Criterion c : allCriteria) {
        if (key == criterionKey(c))
            return c;
    }
    return std::nullopt;
}

QString criterionLabel(Criterion c)
{
    switch (c) {
    case Criterion::Clarity: return Tr::tr("Clarity");
    case Criterion::Complexity: return Tr::tr("Complexity");
    case Criterion::Coverage: return Tr::tr("Coverage");
    case Criterion::Realism: return Tr::tr("Realism");
    }
    return {};
}

} // namespace kx
