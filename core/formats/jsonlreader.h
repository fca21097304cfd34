// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/linereader.h"
#include "util/jsonqt.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>

namespace kx {

/**
 * Streams a JSON Lines file one record at a time; the file is never read
 * whole. Each line is checked to be strict UTF-8 and parsed as one JSON value.
 * Blank lines are skipped, a UTF-8 BOM and CRLF line ends are accepted.
 *
 * Errors name the file, the 1-based line and the reason, e.g.
 * "test.jsonl:17: invalid JSON: column 5: …" or
 * "x.jsonl:3: invalid UTF-8 at byte offset 1234". An empty file is an error
 * from open(). Not thread-safe; one reader per thread.
 */
class JsonlReader final
{
    Q_DECLARE_TR_FUNCTIONS(kx::JsonlReader)
    Q_DISABLE_COPY_MOVE(JsonlReader)

public:
    explicit JsonlReader(const QString &path);

    /** Opens the file; fails when it cannot be read or is empty. */
    Result<void> open();

    /** Parses the next record into @p record; false at the end of the file. */
    Result<bool> next(Json &record);

    /**
     * Steps over the next record checking only its UTF-8, not its JSON: for
     * counting rows cheaply. False at the end of the file.
     */
    Result<bool> skip();

    /** 1-based line of the record last returned. */
    qint64 lineNumber() const { return m_lines.lineNumber(); }
    /** 0-based index of the record last returned (blank lines do not count); -1 before the first. */
    qint64 recordIndex() const { return m_record; }
    /** Bytes consumed so far, for progress. */
    qint64 bytesRead() const { return m_lines.bytesConsumed(); }
    /** File size in bytes, known after open(). */
    qint64 size() const { return m_lines.size(); }
    QString path() const { return m_lines.path(); }

    /** "path:line: " + @p reason, the form every error of a record uses. */
    QString errorAt(const QString &reason) const;

private:
    /** The next non-blank, UTF-8-valid line, or false at the end. */
    Result<bool> nextLine(QByteArrayView &line);

    LineReader m_lines;
    qint64 m_record = -1;
};

} // namespace kx
