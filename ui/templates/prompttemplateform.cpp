// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompttemplateform.h"

#include "placeholderchips.h"
#include "placeholderhighlighter.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace kx {

namespace {

QPlainTextEdit *textEditor(QWidget *parent, bool monospace)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    edit->setTabChangesFocus(true);
    if (monospace)
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return edit;
}

/** A caption above an editor, with the editor stretched below it. */
QWidget *captioned(const QString &caption, QWidget *editor, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(2);
    auto *label = new QLabel(caption, box);
    label->setBuddy(editor);
    layout->addWidget(label);
    layout->addWidget(editor, 1);
    return box;
}

QStringList slotsIn(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.append(it.next().captured(1));
    return out;
}

} // namespace

PromptTemplateForm::PromptTemplateForm(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    m_description = new QLineEdit(this);
    m_description->setPlaceholderText(tr("What this template makes"));
    form->addRow(tr("&Description:"), m_description);
    layout->addLayout(form);

    m_chips = new PlaceholderChips(this);
    layout->addWidget(m_chips);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    auto *messages = new QSplitter(Qt::Vertical, m_tabs);
    messages->setChildrenCollapsible(false);
    m_system = textEditor(messages, false);
    m_user = textEditor(messages, false);
    messages->addWidget(captioned(tr("&System message:"), m_system, messages));
    messages->addWidget(captioned(tr("&User message:"), m_user, messages));
    messages->setStretchFactor(0, 1);
    messages->setStretchFactor(1, 3);
    m_tabs->addTab(messages, tr("Messages"));

    m_responseShape = textEditor(m_tabs, true);
    m_responseShape->setToolTip(tr("The JSON answer's shape in words; {{response_shape}} in the user text renders as this."));
    m_tabs->addTab(m_responseShape, tr("Response Shape"));
    m_defaults = textEditor(m_tabs, true);
    m_defaults->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_defaults->setToolTip(tr("A JSON object: sampling options, evaluation criteria and the generator's knobs."));
    m_tabs->addTab(m_defaults, tr("Defaults (JSON)"));
    layout->addWidget(m_tabs, 1);

    m_systemHighlighter = new PlaceholderHighlighter(m_system->document());
    m_userHighlighter = new PlaceholderHighlighter(m_user->document());
    m_lastMessageEdit = m_user;

    connect(m_description, &QLineEdit::textChanged, this, &PromptTemplateForm::textChanged);
    for (QPlainTextEdit *edit : {m_system, m_user, m_responseShape, m_defaults})
        connect(edit, &QPlainTextEdit::textChanged, this, &PromptTemplateForm::textChanged);
    // A chip goes into the message editor the user worked in last.
    for (QPlainTextEdit *edit : {m_system, m_user})
        connect(edit, &QPlainTextEdit::cursorPositionChanged, this, [this, edit] {
            if (edit->hasFocus())
                m_lastMessageEdit = edit;
        });
    connect(m_chips, &PlaceholderChips::slotClicked, this, &PromptTemplateForm::insertSlot);
}

void PromptTemplateForm::setTemplate(const PromptTemplate &t)
{
    m_id = t.id();
    m_version = t.version();
    m_placeholders = t.placeholders();
    m_chips->setSlots(m_placeholders);
    m_systemHighlighter->setKnownSlots(m_placeholders);
    m_userHighlighter->setKnownSlots(m_placeholders);
    setDraft(Draft{t.description(), t.systemText(), t.userText(), t.responseShape(),
                   qs(t.defaults().dump(2, ' ', false, Json::error_handler_t::replace))});
}

void PromptTemplateForm::setDraft(const Draft &draft)
{
    m_loading = true;
    m_description->setText(draft.description);
    m_description->setCursorPosition(0);
    m_system->setPlainText(draft.system);
    m_user->setPlainText(draft.user);
    m_responseShape->setPlainText(draft.responseShape);
    m_defaults->setPlainText(draft.defaults);
    m_loading = false;
    updateUsedSlots();
}

PromptTemplateForm::Draft PromptTemplateForm::draft() const
{
    return Draft{m_description->text(), m_system->toPlainText(), m_user->toPlainText(),
                 m_responseShape->toPlainText(), m_defaults->toPlainText()};
}

void PromptTemplateForm::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    // A read-only version gets the window's background, so it does not look editable.
    QPalette pal = palette();
    if (readOnly)
        pal.setColor(QPalette::Base, pal.color(QPalette::Window));
    m_description->setReadOnly(readOnly);
    m_description->setPalette(pal);
    for (QPlainTextEdit *edit : {m_system, m_user, m_responseShape, m_defaults}) {
        edit->setReadOnly(readOnly);
        edit->setPalette(pal);
    }
    m_chips->setClickable(!readOnly);
}

Result<PromptTemplate> PromptTemplateForm::candidate(const QString &origin) const
{
    Json defaults;
    const QByteArray defaultsText = m_defaults->toPlainText().toUtf8();
    if (defaultsText.trimmed().isEmpty()) {
        defaults = Json::object();
    } else {
        try {
            defaults = Json::parse(defaultsText.constBegin(), defaultsText.constEnd());
        } catch (const Json::exception &e) {
            // nlohmann says "[json.exception.parse_error.101] parse error at line 3, column 5: …".
            QString reason = QString::fromUtf8(e.what());
            if (const qsizetype at = reason.indexOf(QLatin1String("line")); at >= 0)
                reason = reason.mid(at);
            return Error::badInput(tr("Defaults: not valid JSON: %1").arg(reason));
        }
        if (!defaults.is_object())
            return Error::badInput(tr("Defaults: must be a JSON object ({ … })"));
    }
    Json j = Json::object();
    j["id"] = ss(m_id);
    j["version"] = m_version;
    j["description"] = ss(m_description->text());
    j["placeholders"] = fromStringList(m_placeholders);
    j["system"] = ss(m_system->toPlainText());
    j["user"] = ss(m_user->toPlainText());
    j["response_shape"] = ss(m_responseShape->toPlainText());
    j["defaults"] = std::move(defaults);
    return PromptTemplate::fromJson(j, origin);
}

void PromptTemplateForm::textChanged()
{
    if (m_loading)
        return;
    updateUsedSlots();
    Q_EMIT edited();
}

void PromptTemplateForm::updateUsedSlots()
{
    m_chips->setUsed(slotsIn(m_system->toPlainText()) + slotsIn(m_user->toPlainText()));
}

void PromptTemplateForm::insertSlot(const QString &slot)
{
    if (m_readOnly)
        return;
    m_tabs->setCurrentIndex(0);
    m_lastMessageEdit->insertPlainText(QStringLiteral("{{%1}}").arg(slot));
    m_lastMessageEdit->setFocus();
}

} // namespace kx
