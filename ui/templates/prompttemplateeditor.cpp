// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompttemplateeditor.h"

#include "generation/generators/generatorregistry.h"
#include "models/futurereply.h"
#include "prompttemplatehtml.h"
#include "settings/settings.h"
#include "store/asyncworkspace.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kx {

namespace {

constexpr int refreshDelayMs = 250;
constexpr int versionRole = Qt::UserRole;
constexpr int idRole = Qt::UserRole;

bool sameDraft(const PromptTemplateForm::Draft &a, const PromptTemplateForm::Draft &b)
{
    return a.description == b.description && a.system == b.system && a.user == b.user
           && a.responseShape == b.responseShape && a.defaults == b.defaults;
}

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

} // namespace

PromptTemplateEditor::PromptTemplateEditor(AsyncWorkspace *workspace, QWidget *parent)
    : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("promptTemplateEditor"));
    setWindowTitle(workspace ? tr("Prompt Templates — %1").arg(QFileInfo(workspace->path()).fileName())
                             : tr("Prompt Templates"));
    setModal(false);
    buildUi();
    resize(1280, 780);

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(refreshDelayMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &PromptTemplateEditor::refreshNow);
    connect(m_form, &PromptTemplateForm::edited, m_refreshTimer, qOverload<>(&QTimer::start));
    if (workspace) {
        // The workspace object goes when another workspace is opened: this dialog's edits were for that one.
        connect(workspace, &QObject::destroyed, this, [this] {
            close();
            deleteLater();
        });
    }

    loadListLabels();
    selectTemplate(GeneratorRegistry::templateIds().constFirst());
}

PromptTemplateEditor::~PromptTemplateEditor() = default;

void PromptTemplateEditor::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);

    auto *left = new QWidget(m_splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(sectionLabel(tr("Templates"), left));
    m_templates = new QListWidget(left);
    m_templates->setObjectName(QStringLiteral("templateList"));
    for (const QString &id : GeneratorRegistry::templateIds()) {
        auto *item = new QListWidgetItem(id, m_templates);
        item->setData(idRole, id);
    }
    m_templates->setMaximumHeight(m_templates->sizeHintForRow(0) * 6 + 2 * m_templates->frameWidth());
    leftLayout->addWidget(m_templates);
    leftLayout->addWidget(sectionLabel(tr("Versions"), left));
    m_versions = new QTreeWidget(left);
    m_versions->setObjectName(QStringLiteral("versionList"));
    m_versions->setRootIsDecorated(false);
    m_versions->setHeaderLabels({tr("Version"), tr("Author"), tr("Saved")});
    m_versions->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_versions->setToolTip(tr("The newest version is the one new jobs use and the one you edit; select an older "
                              "one to read it."));
    leftLayout->addWidget(m_versions, 1);

    auto *middle = new QWidget(m_splitter);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    m_header = new QLabel(middle);
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    middleLayout->addWidget(m_header);
    m_form = new PromptTemplateForm(middle);
    middleLayout->addWidget(m_form, 1);
    m_error = new QLabel(middle);
    m_error->setObjectName(QStringLiteral("templateError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A light red panel reads as an error in light and dark themes alike.
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #8c1d18; background: #fdecea; border: 1px solid #e6b0aa; "
                                          "border-radius: 4px; padding: 4px; }"));
    m_error->hide();
    middleLayout->addWidget(m_error);

    m_sideTabs = new QTabWidget(m_splitter);
    m_preview = new QTextBrowser(m_sideTabs);
    m_preview->setObjectName(QStringLiteral("templatePreview"));
    m_sideTabs->addTab(m_preview, tr("Preview"));
    m_changes = new QTextBrowser(m_sideTabs);
    m_changes->setObjectName(QStringLiteral("templateChanges"));
    m_sideTabs->addTab(m_changes, tr("Changes"));

    m_splitter->addWidget(left);
    m_splitter->addWidget(middle);
    m_splitter->addWidget(m_sideTabs);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({300, 570, 410});
    layout->addWidget(m_splitter, 1);

    auto *buttons = new QHBoxLayout;
    m_restore = new QPushButton(tr("&Restore as New Version"), this);
    m_restore->setToolTip(tr("Save this older version's text as the newest version"));
    m_discard = new QPushButton(tr("&Discard Changes"), this);
    m_status = new QLabel(this);
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setDefault(true);
    auto *close = new QPushButton(tr("Close"), this);
    buttons->addWidget(m_restore);
    buttons->addWidget(m_discard);
    buttons->addStretch(1);
    buttons->addWidget(m_status);
    buttons->addWidget(m_save);
    buttons->addWidget(close);
    layout->addLayout(buttons);

    connect(m_templates, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && item->data(idRole).toString() != m_currentId)
            selectTemplate(item->data(idRole).toString());
    });
    connect(m_versions, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(0, versionRole).toInt() != m_shownVersion)
            showVersion(item->data(0, versionRole).toInt());
    });
    connect(m_save, &QPushButton::clicked, this, &PromptTemplateEditor::save);
    connect(m_restore, &QPushButton::clicked, this, &PromptTemplateEditor::restoreShownVersion);
    connect(m_discard, &QPushButton::clicked, this, &PromptTemplateEditor::discardChanges);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
}

void PromptTemplateEditor::loadListLabels()
{
    if (!m_workspace)
        return;
    for (const QString &id : GeneratorRegistry::templateIds()) {
        onFutureReady(this, m_workspace->currentPromptTemplate(id), [this, id](Result<PromptTemplate> r) {
            if (r)
                m_newestVersions.insert(id, r->version());
            updateListItem(id);
        });
    }
}

void PromptTemplateEditor::updateListItem(const QString &templateId)
{
    for (int row = 0; row < m_templates->count(); ++row) {
        QListWidgetItem *item = m_templates->item(row);
        if (item->data(idRole).toString() != templateId)
            continue;
        QString text = templateId;
        if (m_newestVersions.contains(templateId))
            text = tr("%1  ·  v%2").arg(templateId).arg(m_newestVersions.value(templateId));
        if (m_drafts.contains(templateId))
            text += QStringLiteral("  ✎"); // a pencil: unsaved edits
        item->setText(text);
        item->setToolTip(m_drafts.contains(templateId) ? tr("%1 has unsaved changes").arg(templateId) : QString());
    }
}

void PromptTemplateEditor::selectTemplate(const QString &templateId)
{
    if (m_refreshTimer->isActive())
        refreshNow(); // keeps the last keystrokes in the draft
    m_currentId = templateId;
    m_loaded = false;
    m_saved.clear();
    m_shownVersion = 0;
    for (int row = 0; row < m_templates->count(); ++row) {
        if (m_templates->item(row)->data(idRole).toString() == templateId) {
            const QSignalBlocker blocker(m_templates);
            m_templates->setCurrentRow(row);
        }
    }
    auto builtIn = PromptTemplate::builtIn(templateId);
    if (!builtIn) {
        setError(builtIn.error().message);
        return;
    }
    m_builtIn = *builtIn;
    if (!m_workspace) {
        setError(tr("No workspace is open."));
        return;
    }
    const quint64 serial = ++m_loadSerial;
    onFutureReady(this, m_workspace->promptTemplateVersions(templateId),
                  [this, serial, templateId](Result<QList<StoredPromptTemplate>> r) {
                      if (serial != m_loadSerial)
                          return;
                      if (!r) {
                          setError(r.error().message);
                          return;
                      }
                      m_saved = *r;
                      m_loaded = true;
                      m_newestVersions.insert(templateId, newestVersion());
                      updateListItem(templateId);
                      fillVersions();
                      showVersion(newestVersion());
                      Q_EMIT templateLoaded(templateId);
                  });
}

int PromptTemplateEditor::newestVersion() const
{
    if (!m_loaded)
        return 0;
    return m_saved.isEmpty() ? m_builtIn.version() : m_saved.constLast().promptTemplate.version();
}

bool PromptTemplateEditor::isEditable() const
{
    return m_loaded && m_shownVersion == newestVersion();
}

bool PromptTemplateEditor::hasUnsavedChanges() const
{
    return isEditable() && !sameDraft(m_form->draft(), m_baseDraft);
}

PromptTemplate PromptTemplateEditor::templateAt(int version) const
{
    for (const StoredPromptTemplate &s : m_saved) {
        if (s.promptTemplate.version() == version)
            return s.promptTemplate;
    }
    return m_builtIn;
}

void PromptTemplateEditor::fillVersions()
{
    const QSignalBlocker blocker(m_versions);
    m_versions->clear();
    const QLocale locale;
    // Newest first: the one that matters is on top.
    for (auto it = m_saved.crbegin(); it != m_saved.crend(); ++it) {
        auto *item = new QTreeWidgetItem(m_versions);
        const int v = it->promptTemplate.version();
        item->setText(0, v == newestVersion() ? tr("v%1 (current)").arg(v) : tr("v%1").arg(v));
        item->setText(1, it->author.isEmpty() ? tr("unknown") : it->author);
        item->setText(2, it->savedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        item->setToolTip(2, locale.toString(it->savedAt.toLocalTime(), QLocale::LongFormat));
        item->setToolTip(0, tr("SHA-256 %1").arg(it->promptTemplate.contentHash()));
        item->setData(0, versionRole, v);
    }
    auto *builtIn = new QTreeWidgetItem(m_versions);
    const int v = m_builtIn.version();
    builtIn->setText(0, m_saved.isEmpty() ? tr("v%1 (current)").arg(v) : tr("v%1").arg(v));
    builtIn->setText(1, tr("built-in"));
    builtIn->setText(2, QStringLiteral("—"));
    builtIn->setToolTip(2, tr("Shipped with the application"));
    builtIn->setToolTip(0, tr("SHA-256 %1").arg(m_builtIn.contentHash()));
    builtIn->setData(0, versionRole, v);
}

void PromptTemplateEditor::showVersion(int version)
{
    if (!m_loaded)
        return;
    if (m_refreshTimer->isActive())
        refreshNow();
    m_shownVersion = version;
    const bool editable = isEditable();
    const PromptTemplate shown = templateAt(version);
    m_form->setTemplate(shown);
    m_baseDraft = m_form->draft();
    if (editable && m_drafts.contains(m_currentId))
        m_form->setDraft(m_drafts.value(m_currentId));
    m_form->setReadOnly(!editable);
    for (int i = 0; i < m_versions->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_versions->topLevelItem(i);
        if (item->data(0, versionRole).toInt() == version) {
            const QSignalBlocker blocker(m_versions);
            m_versions->setCurrentItem(item);
        }
    }
    m_restore->setVisible(!editable);
    m_discard->setVisible(editable);
    refreshNow();
}

void PromptTemplateEditor::refreshNow()
{
    m_refreshTimer->stop();
    if (!m_loaded)
        return;
    const bool editable = isEditable();
    const bool dirty = hasUnsavedChanges();
    if (editable) {
        if (dirty)
            m_drafts.insert(m_currentId, m_form->draft());
        else
            m_drafts.remove(m_currentId);
        updateListItem(m_currentId);
    }
    const PromptTemplate shown = templateAt(m_shownVersion);
    m_header->setText(editable ? tr("<b>%1</b> — editing version %2%3")
                                     .arg(m_currentId.toHtmlEscaped())
                                     .arg(m_shownVersion)
                                     .arg(dirty ? tr(" (unsaved changes)") : QString())
                               : tr("<b>%1</b> — version %2, read-only: new jobs use version %3")
                                     .arg(m_currentId.toHtmlEscaped())
                                     .arg(m_shownVersion)
                                     .arg(newestVersion()));

    auto candidate = editable ? m_form->candidate(tr("edited template %1").arg(m_currentId))
                              : Result<PromptTemplate>(shown);
    QString error;
    if (!candidate) {
        error = candidate.error().message;
    } else {
        if (auto check = GeneratorRegistry::checkTemplate(*candidate); !check)
            error = check.error().message;
        // The preview renders whatever renders, even when a check fails: it shows what the slot change did.
        if (auto request = GeneratorRegistry::previewRequest(*candidate); request)
            m_preview->setHtml(PromptTemplateHtml::preview(*request, m_preview->palette()));
        else
            m_preview->setHtml(QStringLiteral("<p><i>%1</i></p>").arg(request.error().message.toHtmlEscaped()));

        if (editable) {
            m_changes->setHtml(PromptTemplateHtml::changes(shown.toJson(), candidate->toJson(),
                                                           tr("Unsaved changes against version %1").arg(m_shownVersion),
                                                           m_changes->palette()));
        } else {
            // What this version changed, against the one before it (the built-in one has none before it).
            int previous = 0;
            for (const StoredPromptTemplate &s : m_saved) {
                if (s.promptTemplate.version() < m_shownVersion)
                    previous = s.promptTemplate.version();
            }
            if (previous == 0 && m_shownVersion != m_builtIn.version())
                previous = m_builtIn.version();
            m_changes->setHtml(previous == 0
                                   ? QStringLiteral("<p><i>%1</i></p>").arg(tr("The built-in template: nothing before it."))
                                   : PromptTemplateHtml::changes(templateAt(previous).toJson(), shown.toJson(),
                                                                 tr("Version %1 against version %2")
                                                                     .arg(m_shownVersion)
                                                                     .arg(previous),
                                                                 m_changes->palette()));
        }
    }
    setError(error);
    updateButtons(error.isEmpty());
    Q_EMIT previewUpdated();
}

void PromptTemplateEditor::updateButtons(bool valid)
{
    const bool editable = isEditable();
    const bool dirty = hasUnsavedChanges();
    m_save->setEnabled(editable && dirty && valid && !m_saving && m_workspace);
    m_save->setText(m_loaded ? tr("&Save as Version %1").arg(newestVersion() + 1) : tr("&Save"));
    m_discard->setEnabled(editable && dirty && !m_saving);
    // A restore would bury unsaved edits of the newest version under it: save or discard them first.
    const bool pendingDraft = m_drafts.contains(m_currentId);
    m_restore->setEnabled(!editable && m_loaded && valid && !m_saving && !pendingDraft && m_workspace);
    m_restore->setToolTip(pendingDraft ? tr("The newest version has unsaved changes: save or discard them first")
                                       : tr("Save this older version's text as the newest version"));
}

void PromptTemplateEditor::setError(const QString &message)
{
    // The header names the template already: "edited template x: " in front of every message is noise.
    QString text = message;
    const QString editedPrefix = tr("edited template %1").arg(m_currentId) + QStringLiteral(": ");
    if (text.startsWith(editedPrefix) && text.size() > editedPrefix.size()) {
        text = text.mid(editedPrefix.size());
        text[0] = text[0].toUpper();
    }
    m_error->setText(text);
    m_error->setVisible(!message.isEmpty());
}

QString PromptTemplateEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString PromptTemplateEditor::previewText() const
{
    return m_preview->toPlainText();
}

QString PromptTemplateEditor::changesText() const
{
    return m_changes->toPlainText();
}

void PromptTemplateEditor::save()
{
    refreshNow();
    if (!isEditable() || m_saving)
        return;
    if (!hasUnsavedChanges()) {
        const QString message = tr("Nothing to save: the text equals version %1.").arg(m_shownVersion);
        setError(message);
        Q_EMIT saveFailed(message);
        return;
    }
    auto candidate = m_form->candidate(tr("edited template %1").arg(m_currentId));
    if (!candidate) {
        setError(candidate.error().message);
        Q_EMIT saveFailed(candidate.error().message);
        return;
    }
    saveCandidate(*candidate);
}

void PromptTemplateEditor::restoreShownVersion()
{
    refreshNow();
    if (!m_loaded || isEditable() || m_saving || m_drafts.contains(m_currentId))
        return;
    saveCandidate(templateAt(m_shownVersion));
}

void PromptTemplateEditor::saveCandidate(const PromptTemplate &candidate)
{
    if (auto check = GeneratorRegistry::checkTemplate(candidate); !check) {
        setError(check.error().message);
        Q_EMIT saveFailed(check.error().message);
        return;
    }
    if (!m_workspace) {
        Q_EMIT saveFailed(tr("No workspace is open."));
        return;
    }
    m_saving = true;
    m_form->setReadOnly(true); // typing now would land in a draft the save then drops
    updateButtons(true);
    m_status->setText(tr("Saving…"));
    const QString id = m_currentId;
    const QString author = Settings::reviewerName().value();
    onFutureReady(this, m_workspace->savePromptTemplate(candidate, author), [this, id](Result<PromptTemplate> r) {
        m_saving = false;
        m_status->clear();
        m_form->setReadOnly(!isEditable());
        if (!r) {
            if (id == m_currentId)
                setError(r.error().message);
            updateButtons(false);
            Q_EMIT saveFailed(r.error().message);
            return;
        }
        m_drafts.remove(id);
        m_newestVersions.insert(id, r->version());
        updateListItem(id);
        m_status->setText(tr("Saved %1 version %2.").arg(id).arg(r->version()));
        Q_EMIT saved(*r);
        if (id == m_currentId)
            selectTemplate(id); // reload: the new version is listed and shown
    });
}

void PromptTemplateEditor::discardChanges()
{
    if (!isEditable())
        return;
    m_drafts.remove(m_currentId);
    m_form->setDraft(m_baseDraft);
    refreshNow();
}

} // namespace kx
