// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/scenarioquery.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QVariant>

namespace kx {

class SqliteStatement;

/**
 * A ScenarioFilter as an SQL condition over `scenarios s`, with named
 * parameters (":f0", ":f1", …) so one condition may appear several times in a
 * statement and still be bound once. Value type; thread-safe.
 */
class ScenarioFilterSql final
{
public:
    /** Parts of a filter, to leave one out (a facet ignores its own selection). */
    enum Part {
        NoPart = 0,
        DatasetPart = 1,
        CategoryPart = 2,
        StatusPart = 4,
        CapabilityPart = 8,
        SearchPart = 16,
        AudioFlagsPart = 32,
    };

    explicit ScenarioFilterSql(const ScenarioFilter &filter, Part ignored = NoPart);

    /** The condition, "1" when the filter selects everything. */
    const QByteArray &condition() const { return m_condition; }
    /** Binds the filter's values on @p stmt (a statement containing condition()). */
    void bind(SqliteStatement &stmt) const;

private:
    void add(const QByteArray &sqlBefore, const QVariantList &values, const QByteArray &sqlAfter);

    QByteArray m_condition;
    QList<QPair<QByteArray, QVariant>> m_values;
};

} // namespace kx
