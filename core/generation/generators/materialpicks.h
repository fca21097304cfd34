// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/demorandom.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace kx {

/** Deterministic choices from material lists for generators and the offline backend. */
namespace MaterialPicks {

/** One index into a list of @p size (> 0). */
inline int index(DemoRandom &random, qsizetype size) { return random.below(int(size)); }

/** @p count distinct indexes into a list of @p size (count <= size), in the order drawn. */
inline QList<int> distinct(DemoRandom &random, qsizetype size, int count)
{
    QList<int> pool;
    for (int i = 0; i < int(size); ++i)
        pool.append(i);
    QList<int> out;
    for (int k = 0; k < count && !pool.isEmpty(); ++k)
        out.append(pool.takeAt(random.below(int(pool.size()))));
    return out;
}

/** One item of a non-empty list. */
inline QString one(DemoRandom &random, const QStringList &list) { return list.at(index(random, list.size())); }

/** A sentence without its trailing punctuation, as an answer element. */
inline QString keyPhrase(QString sentence)
{
    sentence = sentence.trimmed();
    while (!sentence.isEmpty() && (sentence.back() == QLatin1Char('.') || sentence.back() == QLatin1Char('!')))
        sentence.chop(1);
    return sentence;
}

} // namespace MaterialPicks

} // namespace kx
