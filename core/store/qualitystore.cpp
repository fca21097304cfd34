// SPDX-License-Identifier: GPL-3.0-or-later
#include "qualitystore.h"

#include "qc/autoscorer.h"
#include "scenariocodec.h"
#include "sqlitestatement.h"
#include "sqlitetransaction.h"
#include "workspacestore.h"

#include <sqlite3.h>

namespace kx {

namespace {
/** Rows scored per transaction: big enough to amortise the commit, small enough for a prompt cancel. */
constexpr int scoreBatch = 2000;

/** No scores from this scorer (?1), and none from an LLM judge, which outranks the heuristics. */
constexpr const char *missingCondition =
    " NOT EXISTS (SELECT 1 FROM quality_scores q WHERE q.scenario_id = s.rowid AND (q.scorer = ?1 OR q.scorer LIKE 'judge:%'))";

constexpr const char *insertScores =
    "INSERT OR REPLACE INTO quality_scores (scenario_id, clarity, complexity, coverage, realism, overall, scorer, "
    "scored_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

Result<void> writeScores(SqliteStatement &insert, qint64 rowId, const QualityScores &q, const QString &scorer,
                         const QString &at)
{
    insert.reset();
    insert.bind(1, rowId);
    insert.bind(2, q.clarity);
    insert.bind(3, q.complexity);
    insert.bind(4, q.coverage);
    insert.bind(5, q.realism);
    insert.bind(6, q.overall());
    insert.bind(7, scorer);
    insert.bind(8, at);
    return insert.exec();
}

QualityScores scoresAt(const SqliteStatement &s, int first)
{
    QualityScores q;
    q.clarity = s.columnDouble(first);
    q.complexity = s.columnDouble(first + 1);
    q.coverage = s.columnDouble(first + 2);
    q.realism = s.columnDouble(first + 3);
    return q;
}
} // namespace

QString QualityStore::scorerName()
{
    return QStringLiteral("autoscorer-%1").arg(AutoScorer::version);
}

Result<qint64> QualityStore::scoreMissing(const WorkControl &control)
{
    sqlite3 *db = m_store.handle();
    auto count = SqliteStatement::prepare(db, QByteArray("SELECT count(*) FROM scenarios s WHERE") + missingCondition);
    if (!count)
        return count.error();
    count->bind(1, scorerName());
    if (auto r = count->step(); !r)
        return r.error();
    const qint64 total = count->columnInt(0);
    control.report(0, total);

    auto select = SqliteStatement::prepare(db, QByteArray("SELECT ") + ScenarioCodec::selectColumns
                                                   + " FROM scenarios s WHERE s.rowid > ?2 AND" + missingCondition
                                                   + " ORDER BY s.rowid LIMIT ?3");
    auto insert = SqliteStatement::prepare(db, insertScores);
    if (!select)
        return select.error();
    if (!insert)
        return insert.error();
    qint64 done = 0;
    qint64 after = 0;
    const QString scorer = scorerName();
    while (!control.isCancelled()) {
        // Read a batch first, then write it: a statement reading the table it writes would see its own rows.
        QList<std::pair<qint64, QualityScores>> batch;
        select->reset();
        select->bind(1, scorer);
        select->bind(2, after);
        select->bind(3, qint64(scoreBatch));
        auto read = select->forEachRow([&]() -> Result<void> {
            auto scenario = ScenarioCodec::decode(*select);
            if (!scenario)
                return scenario.error();
            batch.append({select->columnInt(0), AutoScorer::score(*scenario)});
            return {};
        });
        if (!read)
            return read.error();
        if (batch.isEmpty())
            break;
        SqliteTransaction tx(db);
        if (auto r = tx.begin(); !r)
            return r.error();
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        for (const auto &[rowId, q] : std::as_const(batch)) {
            if (auto r = writeScores(*insert, rowId, q, scorer, now); !r)
                return r.error();
        }
        if (auto r = tx.commit(); !r)
            return r.error();
        done += batch.size();
        after = batch.constLast().first;
        control.report(done, total);
    }
    return done;
}

Result<QList<std::pair<qint64, TestScenario>>> QualityStore::unscoredBy(const QString &scorer, int limit) const
{
    auto select = SqliteStatement::prepare(
        m_store.handle(), QByteArray("SELECT ") + ScenarioCodec::selectColumns
                              + " FROM scenarios s WHERE NOT EXISTS (SELECT 1 FROM quality_scores q "
                                "WHERE q.scenario_id = s.rowid AND q.scorer = ?1) ORDER BY s.rowid LIMIT ?2");
    if (!select)
        return select.error();
    select->bind(1, scorer);
    select->bind(2, qint64(limit));
    QList<std::pair<qint64, TestScenario>> out;
    auto read = select->forEachRow([&]() -> Result<void> {
        auto scenario = ScenarioCodec::decode(*select);
        if (!scenario)
            return scenario.error();
        out.append({select->columnInt(0), std::move(*scenario)});
        return {};
    });
    if (!read)
        return read.error();
    return out;
}

Result<void> QualityStore::putScores(qint64 rowId, const QualityScores &scores, const QString &scorer)
{
    auto insert = SqliteStatement::prepare(m_store.handle(), insertScores);
    if (!insert)
        return insert.error();
    return writeScores(*insert, rowId, scores, scorer, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
}

Result<std::optional<QualityScores>> QualityStore::automaticScores(qint64 rowId) const
{
    auto stmt = SqliteStatement::prepare(
        m_store.handle(), "SELECT clarity, complexity, coverage, realism FROM quality_scores WHERE scenario_id = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, rowId);
    auto row = stmt->step();
    if (!row)
        return row.error();
    return *row ? std::optional<QualityScores>(scoresAt(*stmt, 0)) : std::nullopt;
}

namespace {
/**
 * Automatic scores beside the mean human score of each criterion (NULL where no reviewer gave one),
 * one row per scored scenario: columns 0 rowid, 1–4 automatic, 5–8 human means.
 */
constexpr const char *effectiveSelect =
    "SELECT q.scenario_id, q.clarity, q.complexity, q.coverage, q.realism, "
    "avg(h.clarity), avg(h.complexity), avg(h.coverage), avg(h.realism) "
    "FROM quality_scores q LEFT JOIN human_reviews h ON h.scenario_id = q.scenario_id ";

QualityScores effectiveAt(const SqliteStatement &s)
{
    QualityScores e = scoresAt(s, 1);
    for (QualityCriterion c : allQualityCriteria) {
        const int column = 5 + int(c);
        if (!s.columnIsNull(column))
            e.setValue(c, s.columnDouble(column));
    }
    return e;
}
} // namespace

Result<QualityStore::GateCounts> QualityStore::gate(double threshold) const
{
    GateCounts counts;
    auto total = SqliteStatement::prepare(m_store.handle(), "SELECT count(*) FROM scenarios");
    if (!total)
        return total.error();
    if (auto r = total->step(); !r)
        return r.error();
    counts.scenarios = total->columnInt(0);
    auto stmt = SqliteStatement::prepare(m_store.handle(), QByteArray(effectiveSelect) + "GROUP BY q.scenario_id");
    if (!stmt)
        return stmt.error();
    auto read = stmt->forEachRow([&] {
        ++counts.scored;
        if (QualityScores::passes(effectiveAt(*stmt), threshold))
            ++counts.kept;
    });
    if (!read)
        return read.error();
    return counts;
}

Result<QList<ReviewedScenario>> QualityStore::reviewed() const
{
    auto scores = SqliteStatement::prepare(
        m_store.handle(), QByteArray(effectiveSelect)
                              + "WHERE q.scenario_id IN (SELECT scenario_id FROM human_reviews "
                                "WHERE verdict IN ('accepted', 'rejected')) GROUP BY q.scenario_id ORDER BY q.scenario_id");
    auto verdicts = SqliteStatement::prepare(
        m_store.handle(), "SELECT reviewer, verdict FROM human_reviews WHERE scenario_id = ?1 "
                          "AND verdict IN ('accepted', 'rejected') ORDER BY reviewer");
    if (!scores)
        return scores.error();
    if (!verdicts)
        return verdicts.error();
    QList<ReviewedScenario> out;
    auto read = scores->forEachRow([&]() -> Result<void> {
        ReviewedScenario r;
        r.rowId = scores->columnInt(0);
        r.automatic = scoresAt(*scores, 1);
        r.effective = effectiveAt(*scores);
        verdicts->reset();
        verdicts->bind(1, r.rowId);
        auto each = verdicts->forEachRow([&] {
            r.verdicts.append({verdicts->columnText(0), verdicts->columnText(1) == QLatin1String("accepted")});
        });
        if (!each)
            return each;
        out.append(std::move(r));
        return {};
    });
    if (!read)
        return read.error();
    return out;
}

Result<AdoptedThreshold> QualityStore::adoptThreshold(double threshold, const QString &who, const Json &figures)
{
    if (!(threshold >= 0 && threshold <= 1))
        return Error::badInput(tr("a threshold must be between 0 and 1, not %1").arg(threshold));
    if (who.trimmed().isEmpty())
        return Error::badInput(tr("adopting a threshold needs the name of who adopts it"));
    AdoptedThreshold a;
    a.threshold = threshold;
    a.adoptedBy = who.trimmed();
    a.adoptedAt = QDateTime::currentDateTimeUtc();
    a.figures = figures.is_object() ? figures : Json::object();
    auto stmt = SqliteStatement::prepare(
        m_store.handle(), "INSERT INTO qc_thresholds (threshold, adopted_by, adopted_at, figures) VALUES (?1, ?2, ?3, ?4)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, a.threshold);
    stmt->bind(2, a.adoptedBy);
    stmt->bind(3, a.adoptedAt.toString(Qt::ISODateWithMs));
    stmt->bind(4, qs(dumpCompact(a.figures)));
    if (auto r = stmt->exec(); !r)
        return r.error();
    a.id = sqlite3_last_insert_rowid(m_store.handle());
    return a;
}

Result<QList<AdoptedThreshold>> QualityStore::thresholds() const
{
    auto stmt = SqliteStatement::prepare(
        m_store.handle(), "SELECT id, threshold, adopted_by, adopted_at, figures FROM qc_thresholds ORDER BY id DESC");
    if (!stmt)
        return stmt.error();
    QList<AdoptedThreshold> out;
    auto read = stmt->forEachRow([&] {
        AdoptedThreshold a;
        a.id = stmt->columnInt(0);
        a.threshold = stmt->columnDouble(1);
        a.adoptedBy = stmt->columnText(2);
        a.adoptedAt = QDateTime::fromString(stmt->columnText(3), Qt::ISODateWithMs);
        const std::string_view figures = stmt->columnUtf8(4);
        a.figures = Json::parse(figures.begin(), figures.end(), nullptr, false);
        if (!a.figures.is_object())
            a.figures = Json::object();
        out.append(std::move(a));
    });
    if (!read)
        return read.error();
    return out;
}

Result<double> QualityStore::currentThreshold() const
{
    auto all = thresholds();
    if (!all)
        return all.error();
    return all->isEmpty() ? QualityScores::defaultThreshold : all->constFirst().threshold;
}

} // namespace kx
