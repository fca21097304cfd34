// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/linereader.h"
#include "util/result.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace kx {

/**
 * Streams an RFC 4180 CSV file one record at a time: quoted fields may hold the
 * delimiter, doubled quotes and line breaks. Strict UTF-8 is required; a BOM
 * and CRLF line ends are accepted, blank lines are skipped. Text after a
 * closing quote and quotes inside unquoted fields are kept as they are (the
 * lenient reading most writers expect).
 *
 * Errors name the file, the 1-based line where the record starts and the
 * reason: an unterminated quote, a record whose field count differs from the
 * expected one, invalid UTF-8 (with the byte offset). Field views returned by
 * field() are valid until the next call to next(). Not thread-safe.
 */
class CsvReader final
{
    Q_DECLARE_TR_FUNCTIONS(kx::CsvReader)
    Q_DISABLE_COPY_MOVE(CsvReader)

public:
    struct Options
    {
        bool header = false;     ///< the first record holds the column names
        int expectedFields = 0;  ///< 0: any count (or the header's count in header mode)
        char delimiter = ',';
    };

    explicit CsvReader(const QString &path);
    CsvReader(const QString &path, Options options);

    /** Opens the file and, in header mode, reads the header. Fails on an empty file. */
    Result<void> open();

    /** Reads the next record; false at the end of the file. */
    Result<bool> next();

    /** Number of fields of the current record. */
    int fieldCount() const { return int(m_ends.size()); }
    /** The unescaped bytes of field @p i of the current record (UTF-8). */
    QByteArrayView field(int i) const
    {
        const qsizetype begin = i == 0 ? 0 : m_ends[size_t(i - 1)];
        return QByteArrayView(m_data.data() + begin, m_ends[size_t(i)] - begin);
    }
    /** Field @p i as a QString (allocates; use field() to look without copying). */
    QString fieldString(int i) const { return QString::fromUtf8(field(i)); }

    /** The column names read in header mode (empty otherwise). */
    QStringList header() const { return m_header; }
    /** 1-based line on which the current record starts. */
    qint64 lineNumber() const { return m_recordLine; }
    /** 0-based index of the current data record (the header does not count); -1 before the first. */
    qint64 recordIndex() const { return m_record; }
    /** Bytes consumed so far, for progress. */
    qint64 bytesRead() const { return m_lines.bytesConsumed(); }
    qint64 size() const { return m_lines.size(); }
    QString path() const { return m_lines.path(); }

    /** "path:line: " + @p reason, for errors about the current record. */
    QString errorAt(const QString &reason) const;

private:
    Result<bool> readRecord();

    LineReader m_lines;
    Options m_options;
    std::string m_data;              // the current record's fields, back to back
    std::vector<qsizetype> m_ends;   // end offset of each field in m_data
    QStringList m_header;
    qint64 m_recordLine = 0;
    qint64 m_record = -1;
};

} // namespace kx
