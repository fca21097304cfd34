// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompttemplatehtml.h"

#include "util/jsondiff.h"

#include <QStringList>

#include <vector>

namespace kx {

namespace {

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

struct Colors
{
    QString muted;
    QString added;
    QString removed;
    QString panel;
};

Colors colorsFor(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = base.lightnessF() < 0.5;
    return {mix(text, base, 0.45).name(), dark ? QStringLiteral("#1f4d2b") : QStringLiteral("#e3f6e6"),
            dark ? QStringLiteral("#5a1f1f") : QStringLiteral("#fbe4e4"), mix(base, text, 0.06).name()};
}

QString pre(const QString &text)
{
    return QStringLiteral("<pre style=\"white-space: pre-wrap; margin: 0\">%1</pre>").arg(text.toHtmlEscaped());
}

/** A unified line diff of @p before and @p after (longest common subsequence; prompt texts are short). */
QString lineDiff(const QString &before, const QString &after, const Colors &c)
{
    const QStringList a = before.split(QLatin1Char('\n'));
    const QStringList b = after.split(QLatin1Char('\n'));
    const size_t n = size_t(a.size());
    const size_t m = size_t(b.size());
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            lcs[i][j] = a[qsizetype(i)] == b[qsizetype(j)] ? lcs[i + 1][j + 1] + 1
                                                          : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    QString html;
    const auto line = [&](QChar sign, const QString &text, const QString &background) {
        html += QStringLiteral("<div style=\"background:%1; white-space: pre-wrap; font-family: monospace\">%2 %3</div>")
                    .arg(background, QString(sign), text.isEmpty() ? QStringLiteral("&nbsp;") : text.toHtmlEscaped());
    };
    size_t i = 0;
    size_t j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[qsizetype(i)] == b[qsizetype(j)]) {
            line(QLatin1Char(' '), a[qsizetype(i)], QStringLiteral("transparent"));
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            line(QChar(0x2212), a[qsizetype(i++)], c.removed); // removed lines first, as diff -u shows them
        } else {
            line(QLatin1Char('+'), b[qsizetype(j++)], c.added);
        }
    }
    return html;
}

QString valueText(const Json &value)
{
    if (value.is_string())
        return qs(value.get<std::string>());
    return qs(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

} // namespace

QString PromptTemplateHtml::preview(const ChatRequest &request, const QPalette &palette)
{
    const Colors c = colorsFor(palette);
    QString html = QStringLiteral("<html><body style=\"margin:0\">");
    html += QStringLiteral("<p style=\"color:%1; margin-top:0\">%2</p>")
                .arg(c.muted, tr("Item 0 with the built-in material · temperature %1 · max tokens %2")
                                  .arg(request.temperature)
                                  .arg(request.maxTokens > 0 ? QString::number(request.maxTokens) : tr("default")));
    for (const ChatMessage &m : request.messages) {
        html += QStringLiteral("<p style=\"margin-bottom:2px\"><b>%1</b></p>").arg(m.role.toHtmlEscaped());
        html += QStringLiteral("<table width=\"100%\" cellpadding=\"6\" style=\"background:%1\"><tr><td>%2</td></tr></table>")
                    .arg(c.panel, pre(m.content));
    }
    html += QStringLiteral("</body></html>");
    return html;
}

QString PromptTemplateHtml::changes(const Json &before, const Json &after, const QString &title,
                                    const QPalette &palette)
{
    const Colors c = colorsFor(palette);
    Json a = before;
    Json b = after;
    a.erase("version");
    b.erase("version");
    const Json diff = jsonDiff(a, b);
    QString html = QStringLiteral("<html><body style=\"margin:0\">");
    html += QStringLiteral("<p style=\"color:%1; margin-top:0\">%2</p>").arg(c.muted, title.toHtmlEscaped());
    if (diff.empty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("No changes."));
    for (const Json &change : diff) {
        const QString path = qs(change.value("path", std::string()));
        html += QStringLiteral("<p style=\"margin-bottom:2px\"><b>%1</b></p>").arg(path.toHtmlEscaped());
        const bool hasBefore = change.contains("before");
        const bool hasAfter = change.contains("after");
        if (hasBefore && hasAfter && change["before"].is_string() && change["after"].is_string()) {
            html += lineDiff(valueText(change["before"]), valueText(change["after"]), c);
            continue;
        }
        if (hasBefore)
            html += QStringLiteral("<div style=\"background:%1; font-family: monospace\">%2 %3</div>")
                        .arg(c.removed, QString(QChar(0x2212)), valueText(change["before"]).toHtmlEscaped());
        if (hasAfter)
            html += QStringLiteral("<div style=\"background:%1; font-family: monospace\">+ %2</div>")
                        .arg(c.added, valueText(change["after"]).toHtmlEscaped());
    }
    html += QStringLiteral("</body></html>");
    return html;
}

} // namespace kx
