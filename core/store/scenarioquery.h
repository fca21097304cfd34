// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/category.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace kx {

/** Which scenarios a query selects. Empty lists mean "any". All parts combine with AND. */
struct ScenarioFilter
{
    QList<qint64> datasetIds;
    QList<Category> categories;
    QList<ReviewStatus> statuses;
    QStringList capabilities;  ///< scenarios having any of these expected capabilities
    QString search;            ///< user text for the FTS5 index; words are ANDed, a trailing word is a prefix
    bool audioOnly = false;    ///< only scenarios with an audio reference
    int audioFlags = 0;        ///< AudioCheck::Flags: scenarios whose checks raised any of these (0: any)

    bool operator==(const ScenarioFilter &) const = default;
};

/** Columns the scenario table can be sorted by; sorting happens in SQL. */
enum class ScenarioSortKey { RowId, Name, Dataset, Category, Status, Turns, AudioSuspicion };

struct ScenarioSort
{
    ScenarioSortKey key = ScenarioSortKey::RowId;
    Qt::SortOrder order = Qt::AscendingOrder;
    bool operator==(const ScenarioSort &) const = default;
};

/**
 * A keyset cursor: the sort value and row id of the last row of a page. The
 * next page starts strictly after it. A default cursor starts at the top.
 */
struct PageCursor
{
    QVariant sortValue;
    qint64 rowId = 0;
    bool atStart() const { return rowId == 0; }
};

/** The light form of a scenario the table shows; the full scenario is loaded on selection. */
struct ScenarioRow
{
    qint64 rowId = 0;          ///< workspace key
    qint64 datasetId = 0;
    QString datasetName;
    QString id;                ///< TestScenario.id
    QString name;
    Category category = Category::Benchmark;
    ReviewStatus status = ReviewStatus::Pending;
    int turns = 0;             ///< number of messages
    QString preview;           ///< start of the last user message, one line
    int audioFlags = 0;        ///< AudioCheck::Flags of the last automatic check (0: none raised or not checked)
    double audioSuspicion = 0; ///< AudioCheck::suspicion of the last check
};

/** Facet values with their counts under a filter (that facet's own selection ignored). */
struct FacetCount
{
    QString key;
    QString label;
    qint64 count = 0;
};

} // namespace kx
