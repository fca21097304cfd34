// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariodetailview.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kx {

namespace {

// A message longer than this is cut in the transcript: QTextDocument layout is
// linear in text size and a pasted book would freeze the GUI thread.
constexpr qsizetype maxMessageChars = 100000;

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

struct RoleStyle
{
    QColor tint;
    bool alignRight = false;
    bool monospace = false;
};

RoleStyle styleForRole(const QString &role)
{
    if (role == QLatin1String("user"))
        return {QColor(0x2f, 0x7d, 0xe1), true, false};
    if (role == QLatin1String("assistant"))
        return {QColor(0x2e, 0xa0, 0x5a), false, false};
    if (role == QLatin1String("tool") || role == QLatin1String("function"))
        return {QColor(0x8e, 0x5c, 0xd9), false, true};
    if (role == QLatin1String("system"))
        return {QColor(0xc8, 0x8a, 0x12), false, false};
    return {QColor(0x80, 0x80, 0x80), false, false};
}

QString roleLabel(const QString &role)
{
    if (role == QLatin1String("user"))
        return ScenarioDetailView::tr("User");
    if (role == QLatin1String("assistant"))
        return ScenarioDetailView::tr("Assistant");
    if (role == QLatin1String("tool") || role == QLatin1String("function"))
        return ScenarioDetailView::tr("Tool");
    if (role == QLatin1String("system"))
        return ScenarioDetailView::tr("System");
    return role.toHtmlEscaped();
}

QString jsonValueText(const Json &v)
{
    if (v.is_string())
        return qs(v.get<std::string>());
    return qs(dumpCompact(v));
}

/**
 * @p text escaped for HTML, with every match of @p pattern marked. Matching
 * runs on the raw text and each piece is escaped on its own, so a search for
 * "amp" never lands inside an "&amp;" entity.
 */
QString highlighted(const QString &text, const QRegularExpression &pattern, const QColor &mark)
{
    if (!pattern.isValid() || pattern.pattern().isEmpty())
        return text.toHtmlEscaped();
    QString html;
    qsizetype at = 0;
    auto it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedLength() == 0)
            continue;
        html += text.mid(at, m.capturedStart() - at).toHtmlEscaped();
        html += QStringLiteral("<span style=\"background-color:%1\">%2</span>")
                    .arg(mark.name(), m.captured().toHtmlEscaped());
        at = m.capturedEnd();
    }
    html += text.mid(at).toHtmlEscaped();
    return html;
}

/** The function calls an assistant turn makes (OpenAI "tool_calls"), as monospace lines. */
QString toolCallsHtml(const Json &extra)
{
    if (!extra.is_object() || !extra.contains("tool_calls") || !extra["tool_calls"].is_array())
        return {};
    QString html;
    for (const Json &call : extra["tool_calls"]) {
        // Both {"name", "arguments"} and {"function": {"name", "arguments"}} occur.
        const Json &fn = call.is_object() && call.contains("function") ? call["function"] : call;
        if (!fn.is_object())
            continue;
        const QString name = fn.contains("name") && fn["name"].is_string() ? qs(fn["name"].get<std::string>())
                                                                         : QStringLiteral("?");
        QString args;
        if (fn.contains("arguments"))
            args = jsonValueText(fn["arguments"]);
        html += QStringLiteral("<p style=\"margin:2px 0 0 0; font-family:monospace; white-space:pre-wrap\">"
                               "&#x2192; <b>%1</b>(%2)</p>")
                    .arg(name.toHtmlEscaped(), args.toHtmlEscaped());
    }
    return html;
}

/** The tool's name for a tool turn ({"role": "tool", "name": …}), or empty. */
QString toolName(const Json &extra)
{
    if (extra.is_object() && extra.contains("name") && extra["name"].is_string())
        return qs(extra["name"].get<std::string>());
    return {};
}

} // namespace

ScenarioDetailView::ScenarioDetailView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_transcript(new QTextBrowser(this))
    , m_properties(new QTreeWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);
    m_placeholder->setObjectName(QStringLiteral("detailPlaceholder"));

    m_transcript->setObjectName(QStringLiteral("transcript"));
    m_transcript->setOpenLinks(false);
    m_transcript->setFrameShape(QFrame::NoFrame);
    m_transcript->document()->setDocumentMargin(12);
    m_transcript->setAccessibleName(tr("Transcript"));

    m_properties->setObjectName(QStringLiteral("scenarioProperties"));
    m_properties->setColumnCount(2);
    m_properties->setHeaderLabels({tr("Property"), tr("Value")});
    m_properties->setRootIsDecorated(false);
    m_properties->setUniformRowHeights(false);
    m_properties->setWordWrap(true);
    m_properties->setAlternatingRowColors(true);
    m_properties->setFrameShape(QFrame::NoFrame);
    m_properties->setTextElideMode(Qt::ElideRight);
    m_properties->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_properties->header()->setStretchLastSection(true);
    m_properties->setAccessibleName(tr("Scenario properties"));

    m_splitter->addWidget(m_transcript);
    m_splitter->addWidget(m_properties);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setObjectName(QStringLiteral("detailSplitter"));

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_splitter);
    setFocusProxy(m_transcript);
    clear();
}

void ScenarioDetailView::setScenario(const TestScenario &scenario)
{
    m_scenario = scenario;
    m_hasScenario = true;
    render();
}

void ScenarioDetailView::setHighlightTerms(const QStringList &terms)
{
    if (terms == m_highlightTerms)
        return;
    m_highlightTerms = terms;
    render();
}

void ScenarioDetailView::clear()
{
    m_scenario = {};
    m_hasScenario = false;
    showMessage(tr("Select a scenario to see its conversation."));
}

void ScenarioDetailView::showMessage(const QString &message)
{
    m_placeholder->setText(message);
    m_transcript->clear();
    m_properties->clear();
    m_stack->setCurrentWidget(m_placeholder);
}

QString ScenarioDetailView::transcriptText() const
{
    return m_transcript->toPlainText();
}

void ScenarioDetailView::changeEvent(QEvent *event)
{
    // Bubble colours derive from the palette: re-render on a theme switch.
    if (event->type() == QEvent::PaletteChange && m_hasScenario)
        render();
    QWidget::changeEvent(event);
}

void ScenarioDetailView::render()
{
    if (!m_hasScenario)
        return;
    m_transcript->setHtml(transcriptHtml());
    fillProperties();
    m_stack->setCurrentWidget(m_splitter);
}

QString ScenarioDetailView::transcriptHtml() const
{
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const bool dark = base.lightnessF() < 0.5;
    const QColor muted = mix(text, base, 0.45);

    QString html;
    html += QStringLiteral("<html><body style=\"margin:0\">");
    html += QStringLiteral("<h2 style=\"margin-top:4px; margin-bottom:2px\">%1</h2>")
                .arg(m_scenario.name.isEmpty() ? m_scenario.id.toHtmlEscaped()
                                               : m_scenario.name.toHtmlEscaped());
    html += QStringLiteral("<p style=\"color:%1; margin-top:0; margin-bottom:10px\">%2</p>")
                .arg(muted.name(),
                     tr("%1 · %2 · %3")
                         .arg(m_scenario.id.toHtmlEscaped(), categoryLabel(m_scenario.category),
                              m_scenario.messages.size() == 1
                                  ? tr("1 message")
                                  : tr("%1 messages").arg(m_scenario.messages.size())));

    if (m_scenario.messages.isEmpty())
        html += QStringLiteral("<p style=\"color:%1\"><i>%2</i></p>")
                    .arg(muted.name(), tr("This scenario has no messages."));

    // Search words, as the FTS index matches them: whole-word prefixes, any case.
    QStringList words;
    for (const QString &w : m_highlightTerms)
        if (w.size() >= 2)
            words.append(QStringLiteral("\\b") + QRegularExpression::escape(w));
    const QRegularExpression highlight(words.isEmpty() ? QString() : words.join(QLatin1Char('|')),
                                       QRegularExpression::CaseInsensitiveOption
                                           | QRegularExpression::UseUnicodePropertiesOption);
    const QColor mark = dark ? QColor(0x8a, 0x6d, 0x00) : QColor(0xff, 0xe0, 0x66);

    for (const ChatMessage &message : m_scenario.messages) {
        const RoleStyle style = styleForRole(message.role);
        const QColor bubble = mix(base, style.tint, dark ? 0.28 : 0.13);
        const QColor border = mix(base, style.tint, dark ? 0.55 : 0.45);
        const QColor labelColor = dark ? style.tint.lighter(140) : style.tint.darker(130);

        QString content = message.content;
        bool cut = false;
        if (content.size() > maxMessageChars) {
            content.truncate(maxMessageChars);
            cut = true;
        }
        QString body = highlighted(content, highlight, mark);
        if (cut)
            body += QStringLiteral("<br/><i>%1</i>")
                        .arg(tr("… %1 more characters not shown")
                                 .arg(QLocale().toString(message.content.size() - maxMessageChars)));
        const QString fontCss = style.monospace ? QStringLiteral("font-family:monospace;") : QString();
        QString bodyHtml;
        if (!message.content.isEmpty())
            bodyHtml = QStringLiteral("<p style=\"margin:0; white-space:pre-wrap; %1\">%2</p>").arg(fontCss, body);
        bodyHtml += toolCallsHtml(message.extra);
        if (bodyHtml.isEmpty())
            bodyHtml = QStringLiteral("<p style=\"margin:0\"><i>%1</i></p>").arg(tr("(empty)"));
        QString label = roleLabel(message.role);
        if (const QString tool = toolName(message.extra); !tool.isEmpty())
            label = tr("%1 · %2").arg(label, tool.toHtmlEscaped());

        // A one-cell table per bubble: QTextDocument supports background,
        // padding and width on cells, which gives a bubble that reflows with
        // the view's width.
        html += QStringLiteral(
                    "<table width=\"88%\" align=\"%1\" cellspacing=\"0\" cellpadding=\"0\"><tr><td>"
                    "<p align=\"%1\" style=\"margin:0 2px 2px 2px; color:%2; font-weight:600; "
                    "font-size:small\">%3</p>"
                    "</td></tr><tr><td style=\"background-color:%4; border:1px solid %5; padding:8px\">"
                    "%6</td></tr></table>")
                    .arg(style.alignRight ? QStringLiteral("right") : QStringLiteral("left"),
                         labelColor.name(), label, bubble.name(), border.name(), bodyHtml);
        // Floating tables need a break so the next bubble starts below.
        html += QStringLiteral("<br clear=\"all\"/>");
    }
    html += QStringLiteral("</body></html>");
    return html;
}

void ScenarioDetailView::fillProperties()
{
    m_properties->clear();
    QFont bold = m_properties->font();
    bold.setBold(true);

    auto section = [&](const QString &title) {
        auto *item = new QTreeWidgetItem(m_properties, {title});
        item->setFont(0, bold);
        item->setFirstColumnSpanned(true);
        item->setFlags(Qt::ItemIsEnabled);
        return item;
    };
    auto row = [&](QTreeWidgetItem *parent, const QString &key, const QString &value) {
        auto *item = new QTreeWidgetItem(parent, {key, value});
        item->setToolTip(1, value);
        return item;
    };
    auto list = [&](const QString &title, const QStringList &values) {
        QTreeWidgetItem *s = section(title);
        if (values.isEmpty()) {
            auto *none = row(s, tr("(none)"), QString());
            none->setDisabled(true);
        }
        for (const QString &v : values) {
            auto *item = row(s, v, QString());
            item->setFirstColumnSpanned(true);
            item->setToolTip(0, v);
        }
    };

    QTreeWidgetItem *overview = section(tr("Overview"));
    row(overview, tr("ID"), m_scenario.id);
    row(overview, tr("Category"), categoryLabel(m_scenario.category));
    row(overview, tr("Status"), reviewStatusLabel(m_scenario.status));
    row(overview, tr("Turns"), QString::number(m_scenario.messages.size()));

    list(tr("Memory requirements"), m_scenario.memoryRequirements);
    list(tr("Expected capabilities"), m_scenario.expectedCapabilities);

    QTreeWidgetItem *criteria = section(tr("Evaluation criteria"));
    if (m_scenario.evaluationCriteria.is_object() && !m_scenario.evaluationCriteria.empty()) {
        for (auto it = m_scenario.evaluationCriteria.begin(); it != m_scenario.evaluationCriteria.end(); ++it)
            row(criteria, qs(it.key()), jsonValueText(it.value()));
    } else if (!m_scenario.evaluationCriteria.is_null() && !m_scenario.evaluationCriteria.is_object()) {
        row(criteria, tr("Value"), jsonValueText(m_scenario.evaluationCriteria));
    } else {
        row(criteria, tr("(none)"), QString())->setDisabled(true);
    }

    const Provenance &p = m_scenario.provenance;
    QTreeWidgetItem *prov = section(tr("Provenance"));
    auto optional = [&](const QString &key, const QString &value) {
        if (!value.isEmpty())
            row(prov, key, value);
    };
    optional(tr("File"), p.sourceFile);
    optional(tr("Config"), p.config);
    optional(tr("Split"), p.split);
    if (p.row >= 0)
        row(prov, tr("Row"), QString::number(p.row));
    optional(tr("Generator"), p.generator);
    optional(tr("Backend"), p.backend);
    optional(tr("Model"), p.model);
    optional(tr("Prompt template"), p.promptTemplate);
    if (p.seed >= 0)
        row(prov, tr("Seed"), QString::number(p.seed));
    if (!p.parents.isEmpty())
        row(prov, tr("Parents"), p.parents.join(QStringLiteral(", ")));
    if (prov->childCount() == 0)
        row(prov, tr("(unknown)"), QString())->setDisabled(true);

    m_properties->expandAll();
}

} // namespace kx
