// SPDX-License-Identifier: GPL-3.0-or-later
// The audio side of WorkspaceStore: cached waveform peaks and automatic checks.
#include "workspacestore.h"

#include "sqlitestatement.h"
#include "sqlitetransaction.h"

#include <QDateTime>

#include <sqlite3.h>

#include <cmath>

namespace kx {

Result<std::optional<QByteArray>> WorkspaceStore::audioPeaks(const QString &clipKey) const
{
    auto stmt = SqliteStatement::prepare(m_db, "SELECT peaks FROM audio_peaks WHERE clip_key = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, clipKey);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<QByteArray>();
    const void *data = sqlite3_column_blob(stmt->get(), 0);
    const int size = sqlite3_column_bytes(stmt->get(), 0);
    return std::optional<QByteArray>(QByteArray(static_cast<const char *>(data), size));
}

Result<void> WorkspaceStore::putAudioPeaks(const QString &clipKey, const QByteArray &blob)
{
    auto stmt = SqliteStatement::prepare(
        m_db, "INSERT OR REPLACE INTO audio_peaks (clip_key, peaks, created_at) VALUES (?1, ?2, ?3)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, clipKey);
    sqlite3_bind_blob(stmt->get(), 2, blob.constData(), int(blob.size()), SQLITE_STATIC);
    stmt->bind(3, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return stmt->exec();
}

Result<void> WorkspaceStore::putAudioChecks(const QList<std::pair<qint64, AudioCheck>> &checks)
{
    if (m_importOpen)
        return Error::database(tr("%1: cannot store audio checks while an import is open on the same connection")
                                   .arg(m_path));
    SqliteTransaction tx(m_db);
    if (auto r = tx.begin(); !r)
        return r;
    auto insert = SqliteStatement::prepare(
        m_db, "INSERT OR REPLACE INTO audio_checks (scenario_id, seconds, sample_rate, channels, peak_dbfs, rms_dbfs, "
              "clipped_ratio, silence_ratio, chars_per_second, rate_z, flags, suspicion, error, checked_at) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    if (!insert)
        return insert.error();
    auto mark = SqliteStatement::prepare(m_db, "UPDATE scenarios SET audio_flags = ?1, audio_suspicion = ?2 "
                                               "WHERE rowid = ?3");
    if (!mark)
        return mark.error();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (const auto &[rowId, check] : checks) {
        mark->bind(1, qint64(check.flags.toInt()));
        mark->bind(2, check.suspicion);
        mark->bind(3, rowId);
        if (auto r = mark->exec(); !r)
            return r;
        if (sqlite3_changes(m_db) == 0)
            return Error::notFound(tr("%1: there is no scenario with row id %2").arg(m_path).arg(rowId));
        insert->bind(1, rowId);
        insert->bind(2, check.seconds);
        insert->bind(3, qint64(check.sampleRate));
        insert->bind(4, qint64(check.channels));
        insert->bind(5, check.peakDbfs);
        insert->bind(6, check.rmsDbfs);
        insert->bind(7, check.clippedRatio);
        insert->bind(8, check.silenceRatio);
        if (std::isnan(check.charsPerSecond))
            insert->bindNull(9);
        else
            insert->bind(9, check.charsPerSecond);
        insert->bind(10, check.rateZ);
        insert->bind(11, qint64(check.flags.toInt()));
        insert->bind(12, check.suspicion);
        insert->bind(13, check.error);
        insert->bind(14, now);
        if (auto r = insert->exec(); !r)
            return r;
    }
    return tx.commit();
}

Result<std::optional<AudioCheck>> WorkspaceStore::audioCheck(qint64 rowId) const
{
    auto stmt = SqliteStatement::prepare(
        m_db, "SELECT seconds, sample_rate, channels, peak_dbfs, rms_dbfs, clipped_ratio, silence_ratio, "
              "chars_per_second, rate_z, flags, suspicion, error FROM audio_checks WHERE scenario_id = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, rowId);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<AudioCheck>();
    AudioCheck c;
    c.seconds = stmt->columnDouble(0);
    c.sampleRate = int(stmt->columnInt(1));
    c.channels = int(stmt->columnInt(2));
    c.peakDbfs = stmt->columnDouble(3);
    c.rmsDbfs = stmt->columnDouble(4);
    c.clippedRatio = stmt->columnDouble(5);
    c.silenceRatio = stmt->columnDouble(6);
    if (!stmt->columnIsNull(7))
        c.charsPerSecond = stmt->columnDouble(7);
    c.rateZ = stmt->columnDouble(8);
    c.flags = AudioCheck::Flags::fromInt(int(stmt->columnInt(9)));
    c.suspicion = stmt->columnDouble(10);
    c.error = stmt->columnText(11);
    return std::optional<AudioCheck>(std::move(c));
}

} // namespace kx
