// SPDX-License-Identifier: GPL-3.0-or-later
// What every benchmark prints with: a line at a time (flushed, so a long run shows progress) and the
// median of repeated timings.
#pragma once

#include <QList>
#include <QString>

#include <algorithm>
#include <cstdio>

namespace kx::bench {

inline void say(const QString &line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

inline double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

} // namespace kx::bench
