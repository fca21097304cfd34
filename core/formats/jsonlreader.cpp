// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonlreader.h"

#include "formats/utf8.h"

namespace kx {

namespace {

bool isBlank(QByteArrayView line)
{
    for (const char c : line) {
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}

} // namespace

JsonlReader::JsonlReader(const QString &path)
    : m_lines(path)
{
}

Result<void> JsonlReader::open()
{
    auto r = m_lines.open();
    if (!r)
        return r;
    if (m_lines.size() == 0)
        return Error::badInput(tr("%1: the file is empty").arg(path()));
    return {};
}

QString JsonlReader::errorAt(const QString &reason) const
{
    return tr("%1:%2: %3").arg(path()).arg(lineNumber()).arg(reason);
}

Result<bool> JsonlReader::nextLine(QByteArrayView &line)
{
    for (;;) {
        auto more = m_lines.next(line);
        if (!more || !*more)
            return more;
        if (isBlank(line))
            continue;
        const qsizetype bad = utf8::firstInvalid(line.data(), line.size());
        if (bad >= 0)
            return Error::badInput(errorAt(tr("invalid UTF-8 at byte offset %1")
                                               .arg(m_lines.lineOffset() + bad)));
        ++m_record;
        return true;
    }
}

Result<bool> JsonlReader::skip()
{
    QByteArrayView line;
    return nextLine(line);
}

Result<bool> JsonlReader::next(Json &record)
{
    QByteArrayView line;
    auto more = nextLine(line);
    if (!more || !*more)
        return more;
    try {
        record = Json::parse(line.begin(), line.end());
    } catch (const Json::exception &e) {
        // nlohmann's text is "[json.exception.parse_error.101] parse error at line 1, column 5: …";
        // the line number is ours, the column and the reason are worth keeping.
        QString reason = QString::fromUtf8(e.what());
        const qsizetype at = reason.indexOf(QLatin1String("column"));
        if (at >= 0)
            reason = reason.mid(at);
        if (reason.size() > 200)
            reason = reason.left(200) + QStringLiteral("…");
        return Error::badInput(errorAt(tr("invalid JSON: %1").arg(reason)));
    }
    return true;
}

} // namespace kx
