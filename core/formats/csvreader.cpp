// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvreader.h"

#include "formats/utf8.h"

namespace kx {

CsvReader::CsvReader(const QString &path)
    : CsvReader(path, Options{})
{
}

CsvReader::CsvReader(const QString &path, Options options)
    : m_lines(path)
    , m_options(options)
{
}

QString CsvReader::errorAt(const QString &reason) const
{
    return tr("%1:%2: %3").arg(path()).arg(m_recordLine).arg(reason);
}

Result<void> CsvReader::open()
{
    auto r = m_lines.open();
    if (!r)
        return r;
    if (m_lines.size() == 0)
        return Error::badInput(tr("%1: the file is empty").arg(path()));
    if (m_options.header) {
        auto more = readRecord();
        if (!more)
            return more.error();
        if (!*more)
            return Error::badInput(tr("%1: the file has no header").arg(path()));
        for (int i = 0; i < fieldCount(); ++i)
            m_header.append(fieldString(i));
        if (m_options.expectedFields == 0)
            m_options.expectedFields = fieldCount();
    }
    return {};
}

Result<bool> CsvReader::next()
{
    auto more = readRecord();
    if (!more || !*more)
        return more;
    ++m_record;
    if (m_options.expectedFields > 0 && fieldCount() != m_options.expectedFields)
        return Error::badInput(errorAt(tr("expected %1 fields, found %2")
                                           .arg(m_options.expectedFields).arg(fieldCount())));
    return true;
}

Result<bool> CsvReader::readRecord()
{
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    m_data.clear();
    m_ends.clear();
    const char delimiter = m_options.delimiter;
    State state = State::FieldStart;
    qint64 quoteLine = 0;
    QByteArrayView line;

    // Skip blank lines between records; a blank line inside a quoted field is data.
    for (;;) {
        auto more = m_lines.next(line);
        if (!more || !*more)
            return more;
        if (!line.isEmpty())
            break;
    }
    m_recordLine = m_lines.lineNumber();

    for (;;) {
        const qsizetype bad = utf8::firstInvalid(line.data(), line.size());
        if (bad >= 0)
            return Error::badInput(tr("%1:%2: invalid UTF-8 at byte offset %3")
                                       .arg(path()).arg(m_lines.lineNumber())
                                       .arg(m_lines.lineOffset() + bad));
        const char *p = line.data();
        const char *const end = p + line.size();
        while (p < end) {
            const char c = *p++;
            switch (state) {
            case State::FieldStart:
                if (c == '"') {
                    state = State::Quoted;
                    quoteLine = m_lines.lineNumber();
                } else if (c == delimiter) {
                    m_ends.push_back(qsizetype(m_data.size()));
                } else {
                    m_data.push_back(c);
                    state = State::Unquoted;
                }
                break;
            case State::Unquoted:
                if (c == delimiter) {
                    m_ends.push_back(qsizetype(m_data.size()));
                    state = State::FieldStart;
                } else {
                    m_data.push_back(c);
                }
                break;
            case State::Quoted:
                if (c == '"')
                    state = State::QuoteInQuoted;
                else
                    m_data.push_back(c);
                break;
            case State::QuoteInQuoted:
                if (c == '"') {
                    m_data.push_back('"');
                    state = State::Quoted;
                } else if (c == delimiter) {
                    m_ends.push_back(qsizetype(m_data.size()));
                    state = State::FieldStart;
                } else {
                    m_data.push_back(c); // text after the closing quote: keep it
                    state = State::Unquoted;
                }
                break;
            }
        }
        if (state != State::Quoted)
            break;
        // A stray quote in a binary or broken file could swallow the rest of it: cap the record.
        if (qsizetype(m_data.size()) > LineReader::defaultMaxLine)
            return Error::badInput(errorAt(tr("the record is longer than %1 bytes (unterminated quoted field "
                                              "starting on line %2?)").arg(LineReader::defaultMaxLine).arg(quoteLine)));
        // A line break inside quotes belongs to the field, with the file's own line end.
        if (m_lines.lineHadCr())
            m_data.push_back('\r');
        m_data.push_back('\n');
        auto more = m_lines.next(line);
        if (!more)
            return more.error();
        if (!*more)
            return Error::badInput(errorAt(tr("unterminated quoted field starting on line %1").arg(quoteLine)));
    }
    m_ends.push_back(qsizetype(m_data.size()));
    return true;
}

} // namespace kx
