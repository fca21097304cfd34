// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsondocumentreader.h"

#include "formats/utf8.h"

#include <QFile>

namespace kx {

namespace {

/** 1-based line and column (in bytes) of @p offset in @p text. */
std::pair<qint64, qint64> lineColumn(const QByteArray &text, qsizetype offset)
{
    offset = qBound<qsizetype>(0, offset, text.size());
    qint64 line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (text.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return {line, offset - lineStart + 1};
}

} // namespace

Result<Json> JsonDocumentReader::read(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(tr("%1: cannot open: %2").arg(path, file.errorString()));
    if (file.size() > maxBytes)
        return Error::badInput(tr("%1: the file is %2 bytes, more than the %3 a JSON document may have")
                                   .arg(path).arg(file.size()).arg(maxBytes));
    const QByteArray text = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error::io(tr("%1: read error: %2").arg(path, file.errorString()));
    return parse(text, path);
}

Result<Json> JsonDocumentReader::parse(const QByteArray &text, const QString &path)
{
    if (text.isEmpty())
        return Error::badInput(tr("%1: the file is empty").arg(path));
    const qsizetype skip = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    const qsizetype bad = utf8::firstInvalid(text.constData() + skip, text.size() - skip);
    if (bad >= 0) {
        const auto [line, column] = lineColumn(text, skip + bad);
        return Error::badInput(tr("%1:%2:%3: invalid UTF-8 at byte offset %4")
                                   .arg(path).arg(line).arg(column).arg(skip + bad));
    }
    try {
        return Json::parse(text.constBegin() + skip, text.constEnd());
    } catch (const Json::parse_error &e) {
        // e.byte is 1-based and counts from where parsing started.
        const auto [line, column] = lineColumn(text, skip + qsizetype(e.byte) - 1);
        QString reason = QString::fromUtf8(e.what());
        const qsizetype at = reason.indexOf(QLatin1String(": "), reason.indexOf(QLatin1String("column")));
        if (at >= 0)
            reason = reason.mid(at + 2);
        if (reason.size() > 200)
            reason = reason.left(200) + QStringLiteral("…");
        return Error::badInput(tr("%1:%2:%3: invalid JSON: %4").arg(path).arg(line).arg(column).arg(reason));
    } catch (const Json::exception &e) {
        return Error::badInput(tr("%1: invalid JSON: %2").arg(path, QString::fromUtf8(e.what())));
    }
}

} // namespace kx
