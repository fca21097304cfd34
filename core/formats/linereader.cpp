// SPDX-License-Identifier: GPL-3.0-or-later
#include "linereader.h"

#include <cstring>

namespace kx {

LineReader::LineReader(QString path, qsizetype bufferSize, qsizetype maxLine)
    : m_path(std::move(path))
    , m_file(m_path)
    , m_maxLine(maxLine)
{
    m_buffer.resize(qMax<qsizetype>(bufferSize, 64));
}

Result<void> LineReader::open()
{
    if (!m_file.open(QIODevice::ReadOnly))
        return Error::io(tr("%1: cannot open: %2").arg(m_path, m_file.errorString()));
    m_size = m_file.size();
    return {};
}

Result<bool> LineReader::fill()
{
    // Move the unread tail to the front; grow only when a single line fills the buffer.
    if (m_begin > 0) {
        const qsizetype tail = m_end - m_begin;
        if (tail > 0)
            std::memmove(m_buffer.data(), m_buffer.constData() + m_begin, size_t(tail));
        m_bufferOffset += m_begin;
        m_end = tail;
        m_begin = 0;
    }
    if (m_end == m_buffer.size()) {
        if (m_buffer.size() >= m_maxLine)
            return Error::badInput(tr("%1:%2: the line is longer than %3 bytes")
                                       .arg(m_path).arg(m_lineNumber + 1).arg(m_maxLine));
        m_buffer.resize(qMin(m_buffer.size() * 2, m_maxLine));
    }
    const qint64 n = m_file.read(m_buffer.data() + m_end, m_buffer.size() - m_end);
    if (n < 0)
        return Error::io(tr("%1: read error at byte offset %2: %3")
                             .arg(m_path).arg(m_bufferOffset + m_end).arg(m_file.errorString()));
    if (n == 0) {
        m_eof = true;
        return false;
    }
    m_end += qsizetype(n);
    return true;
}

Result<bool> LineReader::next(QByteArrayView &line)
{
    if (!m_started) {
        m_started = true;
        // The BOM is only meaningful as the very first bytes of the file.
        while (m_end < 3 && !m_eof) {
            auto r = fill();
            if (!r)
                return r.error();
        }
        if (m_end >= 3 && std::memcmp(m_buffer.constData(), "\xEF\xBB\xBF", 3) == 0) {
            m_begin = 3;
            m_consumed = 3;
        }
    }
    qsizetype searchFrom = m_begin;
    for (;;) {
        const char *base = m_buffer.constData();
        const void *nl = std::memchr(base + searchFrom, '\n', size_t(m_end - searchFrom));
        if (nl) {
            const qsizetype pos = static_cast<const char *>(nl) - base;
            qsizetype stop = pos;
            m_lineHadCr = stop > m_begin && base[stop - 1] == '\r';
            if (m_lineHadCr)
                --stop;
            line = QByteArrayView(base + m_begin, stop - m_begin);
            m_lineOffset = m_bufferOffset + m_begin;
            m_begin = pos + 1;
            m_consumed = m_bufferOffset + m_begin;
            ++m_lineNumber;
            return true;
        }
        if (m_eof) {
            if (m_begin == m_end)
                return false;
            // The last line has no terminator.
            qsizetype stop = m_end;
            m_lineHadCr = base[stop - 1] == '\r';
            if (m_lineHadCr)
                --stop;
            line = QByteArrayView(base + m_begin, stop - m_begin);
            m_lineOffset = m_bufferOffset + m_begin;
            m_begin = m_end;
            m_consumed = m_bufferOffset + m_end;
            ++m_lineNumber;
            return true;
        }
        const qsizetype scanned = m_end - m_begin;
        auto r = fill();
        if (!r)
            return r.error();
        searchFrom = m_begin + scanned; // fill() moved the tail to the front
    }
}

} // namespace kx
