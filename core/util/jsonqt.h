// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace kx {

/** The JSON type used everywhere in the project: keys keep their insertion order. */
using Json = nlohmann::ordered_json;

/** UTF-8 std::string <-> QString, without going through the C locale. */
inline QString qs(const std::string &s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }
inline std::string ss(const QString &s) { const QByteArray b = s.toUtf8(); return {b.constData(), size_t(b.size())}; }

/** A JSON array of strings as a QStringList; non-string items are dumped as JSON text. */
QStringList toStringList(const Json &array);
/** A QStringList as a JSON array of strings. */
Json fromStringList(const QStringList &list);
/** The compact one-line UTF-8 text of @p j; invalid UTF-8 is replaced, never thrown on. */
std::string dumpCompact(const Json &j);

} // namespace kx
