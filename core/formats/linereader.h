// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QFile>
#include <QString>

namespace kx {

/**
 * Splits a file into lines through a fixed read buffer, so memory stays flat
 * whatever the file size. A UTF-8 byte order mark at the start is skipped;
 * lines end at LF, and a CR before the LF is removed (CRLF files read like LF
 * files; @ref lineHadCr tells whether it was there, for parsers that keep
 * line breaks inside values).
 *
 * The view returned by next() points into the reader's buffer and stays valid
 * only until the next call. Not thread-safe; use one reader per thread.
 */
class LineReader final
{
    Q_DECLARE_TR_FUNCTIONS(kx::LineReader)
    Q_DISABLE_COPY_MOVE(LineReader)

public:
    /** Lines longer than this are refused rather than buffered (a binary file may have no LF at all). */
    static constexpr qsizetype defaultMaxLine = qsizetype(256) << 20;

    /**
     * @p bufferSize is the initial read size; a longer line grows the buffer up
     * to @p maxLine bytes, beyond which next() fails naming the line.
     */
    explicit LineReader(QString path, qsizetype bufferSize = 1 << 20, qsizetype maxLine = defaultMaxLine);

    /** Opens the file; the error names the file and the OS reason. */
    Result<void> open();

    /**
     * The next line without its terminator, or false at the end of the file.
     * An I/O error mid-file is an Error naming the file and byte offset.
     */
    Result<bool> next(QByteArrayView &line);

    /** 1-based number of the line last returned by next() (0 before the first). */
    qint64 lineNumber() const { return m_lineNumber; }
    /** Byte offset in the file where the last returned line starts. */
    qint64 lineOffset() const { return m_lineOffset; }
    /** Whether the last returned line ended in CRLF. */
    bool lineHadCr() const { return m_lineHadCr; }
    /** Bytes consumed so far (the offset just after the last returned line). */
    qint64 bytesConsumed() const { return m_consumed; }
    /** Size of the file in bytes, known after open(). */
    qint64 size() const { return m_size; }
    QString path() const { return m_path; }

private:
    Result<bool> fill();

    QString m_path;
    QFile m_file;
    QByteArray m_buffer;
    qsizetype m_maxLine = defaultMaxLine;
    qsizetype m_begin = 0;   // first unread byte in m_buffer
    qsizetype m_end = 0;     // one past the last valid byte in m_buffer
    qint64 m_bufferOffset = 0; // file offset of m_buffer[0]
    qint64 m_lineNumber = 0;
    qint64 m_lineOffset = 0;
    qint64 m_consumed = 0;
    qint64 m_size = 0;
    bool m_eof = false;
    bool m_started = false;
    bool m_lineHadCr = false;
};

} // namespace kx
