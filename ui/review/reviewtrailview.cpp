// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewtrailview.h"

#include <QHeaderView>
#include <QLocale>

namespace kx {

namespace {

constexpr qsizetype kMaxValueChars = 80;

QString valueText(const Json &change, const char *side)
{
    const auto it = change.find(side);
    if (it == change.end())
        return QStringLiteral("∅");
    QString text = it->is_string() ? QStringLiteral("“%1”").arg(qs(it->get<std::string>())) : qs(dumpCompact(*it));
    text.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
    if (text.size() > kMaxValueChars)
        text = text.left(kMaxValueChars - 1) + QStringLiteral("…");
    return text;
}

/** JSON Pointer unescaping of one reference token (RFC 6901). */
QString unescaped(QString token)
{
    return token.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
}

/**
 * What a JSON Pointer into a scenario names, for a reviewer: "message 3 text",
 * "Dana's clarity score", "criterion expected_answer". Empty for the review
 * timestamp, which changes with every review edit and says nothing new.
 */
QString describePath(const QString &path)
{
    QStringList parts = path.split(QLatin1Char('/'));
    if (!parts.isEmpty() && parts.first().isEmpty())
        parts.removeFirst();
    for (QString &p : parts)
        p = unescaped(p);
    const auto at = [&](int i) { return i < parts.size() ? parts[i] : QString(); };
    const QString top = at(0);
    if (top == QLatin1String("messages") && parts.size() >= 2) {
        const int n = at(1).toInt() + 1;
        if (at(2) == QLatin1String("content"))
            return ReviewTrailView::tr("message %1 text").arg(n);
        if (at(2) == QLatin1String("role"))
            return ReviewTrailView::tr("message %1 role").arg(n);
        return ReviewTrailView::tr("message %1").arg(n);
    }
    if (top == QLatin1String("messages"))
        return ReviewTrailView::tr("messages");
    if (top == QLatin1String("memory_requirements"))
        return parts.size() >= 2 ? ReviewTrailView::tr("memory requirement %1").arg(at(1).toInt() + 1)
                                 : ReviewTrailView::tr("memory requirements");
    if (top == QLatin1String("evaluation_criteria"))
        return parts.size() >= 2 ? ReviewTrailView::tr("criterion %1").arg(at(1))
                                 : ReviewTrailView::tr("evaluation criteria");
    if (top == QLatin1String("review") && at(1) == QLatin1String("status"))
        return ReviewTrailView::tr("status");
    if (top == QLatin1String("review") && at(1) == QLatin1String("reviews") && parts.size() == 2)
        return ReviewTrailView::tr("reviews");
    if (top == QLatin1String("review") && at(1) == QLatin1String("reviews") && parts.size() >= 3) {
        const QString who = at(2);
        const QString field = at(3);
        if (field.isEmpty())
            return ReviewTrailView::tr("%1's review").arg(who);
        if (field == QLatin1String("at"))
            return {};
        if (field == QLatin1String("verdict"))
            return ReviewTrailView::tr("%1's verdict").arg(who);
        if (field == QLatin1String("comment"))
            return ReviewTrailView::tr("%1's comment").arg(who);
        if (field == QLatin1String("scores"))
            return parts.size() >= 5 ? ReviewTrailView::tr("%1's %2 score").arg(who, at(4))
                                     : ReviewTrailView::tr("%1's scores").arg(who);
    }
    return path;
}

} // namespace

ReviewTrailView::ReviewTrailView(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("reviewTrail"));
    setAccessibleName(tr("History"));
    setColumnCount(3);
    setHeaderLabels({tr("When"), tr("Who"), tr("What")});
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
    setFocusPolicy(Qt::ClickFocus);
}

QStringList ReviewTrailView::changeLines(const ReviewEvent &event)
{
    QStringList lines;
    for (const Json &change : event.changes) {
        const QString path = change.contains("path") && change["path"].is_string()
                                 ? qs(change["path"].get<std::string>())
                                 : QStringLiteral("?");
        const QString what = describePath(path);
        if (what.isEmpty())
            continue;
        lines << tr("%1: %2 → %3").arg(what, valueText(change, "before"), valueText(change, "after"));
    }
    return lines;
}

void ReviewTrailView::setEvents(const QList<ReviewEvent> &events)
{
    clear();
    const QLocale locale;
    const QDate today = QDate::currentDate();
    for (qsizetype i = events.size() - 1; i >= 0; --i) {
        const ReviewEvent &e = events[i];
        const QDateTime local = e.at.toLocalTime();
        const QString when = local.date() == today ? locale.toString(local.time(), QLocale::ShortFormat)
                                                   : locale.toString(local, QLocale::ShortFormat);
        const QStringList lines = changeLines(e);
        auto *item = new QTreeWidgetItem(this, {when, e.reviewer, lines.size() == 1
                                                                       ? tr("%1 · %2").arg(e.action, lines.first())
                                                                       : tr("%1 · %n changes", nullptr, int(lines.size()))
                                                                             .arg(e.action)});
        item->setToolTip(0, locale.toString(local, QLocale::LongFormat));
        // The tooltip keeps the exact JSON Pointers of the stored diff.
        QStringList exact;
        for (const Json &change : e.changes)
            exact << qs(dumpCompact(change));
        item->setToolTip(2, lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n") + exact.join(QLatin1Char('\n')));
        if (lines.size() > 1) {
            for (const QString &line : lines) {
                auto *child = new QTreeWidgetItem(item, {QString(), QString(), line});
                child->setToolTip(2, line);
            }
        }
        if (i == events.size() - 1)
            item->setExpanded(true);
    }
}

} // namespace kx
