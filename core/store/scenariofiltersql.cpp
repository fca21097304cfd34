// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariofiltersql.h"

#include "ftsquery.h"
#include "sqlitestatement.h"

namespace kx {

ScenarioFilterSql::ScenarioFilterSql(const ScenarioFilter &filter, Part ignored)
{
    if (!(ignored & DatasetPart) && !filter.datasetIds.isEmpty()) {
        QVariantList values;
        for (qint64 id : filter.datasetIds)
            values.append(id);
        add("s.dataset_id IN (", values, ")");
    }
    if (!(ignored & CategoryPart) && !filter.categories.isEmpty()) {
        QVariantList values;
        for (Category c : filter.categories)
            values.append(categoryKey(c));
        add("s.category IN (", values, ")");
    }
    if (!(ignored & StatusPart) && !filter.statuses.isEmpty()) {
        QVariantList values;
        for (ReviewStatus st : filter.statuses)
            values.append(reviewStatusKey(st));
        add("s.status IN (", values, ")");
    }
    if (!(ignored & CapabilityPart) && !filter.capabilities.isEmpty()) {
        QVariantList values;
        for (const QString &c : filter.capabilities)
            values.append(c);
        add("EXISTS (SELECT 1 FROM scenario_capabilities c WHERE c.scenario_id = s.rowid AND c.capability IN (",
            values, "))");
    }
    if (!(ignored & SearchPart)) {
        // Text without a searchable word does not narrow the selection.
        const QString match = FtsQuery::fromUserText(filter.search);
        if (!match.isEmpty())
            add("s.rowid IN (SELECT rowid FROM scenario_fts WHERE scenario_fts MATCH ", {match}, ")");
    }
    if (filter.audioOnly)
        add("s.audio IS NOT NULL", {}, "");
    if (!(ignored & AudioFlagsPart) && filter.audioFlags != 0)
        add("(s.audio_flags & ", {filter.audioFlags}, ") != 0");
    if (m_condition.isEmpty())
        m_condition = "1";
}

void ScenarioFilterSql::add(const QByteArray &sqlBefore, const QVariantList &values, const QByteArray &sqlAfter)
{
    if (!m_condition.isEmpty())
        m_condition += " AND ";
    m_condition += sqlBefore;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QByteArray name = ":f" + QByteArray::number(m_values.size());
        if (i)
            m_condition += ',';
        m_condition += name;
        m_values.append({name, values.at(i)});
    }
    m_condition += sqlAfter;
}

void ScenarioFilterSql::bind(SqliteStatement &stmt) const
{
    for (const auto &[name, value] : m_values)
        if (const int index = stmt.parameterIndex(name.constData()))
            stmt.bind(index, value);
}

} // namespace kx
