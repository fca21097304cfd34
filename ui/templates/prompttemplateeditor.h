// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "generation/generators/prompttemplate.h"
#include "store/prompttemplatestore.h"
#include "templates/prompttemplateform.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QLabel;
class QListWidget;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTextBrowser;
class QTimer;
class QTreeWidget;

namespace kx {

class AsyncWorkspace;

/**
 * Reads and edits the generators' prompt templates as the workspace keeps
 * them (PromptTemplateStore). Left: the templates and the selected one's
 * versions (the built-in one and every saved one, with author and date).
 * Middle: the editors (PromptTemplateForm). Right: a live preview of the
 * request the generator builds for item 0 with the built-in material, and
 * the changes against the version the edit started from.
 *
 * The newest version is editable; an older one is shown read-only with
 * "Restore as New Version". Save runs GeneratorRegistry::checkTemplate() and
 * then AsyncWorkspace::savePromptTemplate() (the author is the reviewer name
 * from the settings); a refused edit shows its reason below the editors and
 * nothing is saved. Unsaved edits of a template are kept while another one
 * is shown and for as long as the dialog lives.
 *
 * Non-modal. SQL runs on the workspace's worker thread, never here; if the
 * workspace object goes away, the dialog closes and deletes itself.
 */
class PromptTemplateEditor final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptTemplateEditor)

public:
    explicit PromptTemplateEditor(AsyncWorkspace *workspace, QWidget *parent = nullptr);
    ~PromptTemplateEditor() override;

    /** Loads @p templateId's versions and shows its newest one (templateLoaded() follows). */
    void selectTemplate(const QString &templateId);
    QString currentTemplateId() const { return m_currentId; }
    /** Shows version @p version of the current template; read-only unless it is the newest. */
    void selectVersion(int version) { showVersion(version); }
    int shownVersion() const { return m_shownVersion; }
    /** The newest version of the current template (saved or built-in); 0 before it loaded. */
    int newestVersion() const;
    bool isEditable() const;
    /** The editors differ from the newest version of the current template. */
    bool hasUnsavedChanges() const;

    /** Checks the edit and saves it as a new version, as the Save button does. */
    void save();
    /** Saves the older version shown as the newest one, as "Restore as New Version" does. */
    void restoreShownVersion();
    /** Renders the preview and runs the checks now rather than after the typing pause. */
    void refreshNow();

    // For tests and screenshots.
    QListWidget *templateList() const { return m_templates; }
    QTreeWidget *versionList() const { return m_versions; }
    PromptTemplateForm *form() const { return m_form; }
    QString previewText() const;
    QString changesText() const;
    /** The reason the edit cannot be saved; empty when there is none. */
    QString errorText() const;
    QPushButton *saveButton() const { return m_save; }
    QPushButton *restoreButton() const { return m_restore; }
    QPushButton *discardButton() const { return m_discard; }

Q_SIGNALS:
    /** The versions of @p templateId arrived and its newest version is shown. */
    void templateLoaded(const QString &templateId);
    /** The preview, the checks and the buttons were brought up to date with the editors. */
    void previewUpdated();
    /** A new version was stored. */
    void saved(const kx::PromptTemplate &stored);
    /** A save was refused or failed; nothing was stored. */
    void saveFailed(const QString &message);

private:
    void buildUi();
    void loadListLabels();
    void updateListItem(const QString &templateId);
    void fillVersions();
    void showVersion(int version);
    PromptTemplate templateAt(int version) const;
    void saveCandidate(const PromptTemplate &candidate);
    void discardChanges();
    void setError(const QString &message);
    void updateButtons(bool valid);

    QPointer<AsyncWorkspace> m_workspace;
    QString m_currentId;
    PromptTemplate m_builtIn;
    QList<StoredPromptTemplate> m_saved;   ///< of m_currentId, oldest first
    bool m_loaded = false;                 ///< m_saved belongs to m_currentId
    quint64 m_loadSerial = 0;              ///< drops versions that arrive for an earlier selection
    int m_shownVersion = 0;
    bool m_saving = false;
    PromptTemplateForm::Draft m_baseDraft; ///< the shown version as the form shows it
    QHash<QString, PromptTemplateForm::Draft> m_drafts; ///< unsaved edits by template id
    QHash<QString, int> m_newestVersions;  ///< for the template list's labels

    QSplitter *m_splitter = nullptr;
    QListWidget *m_templates = nullptr;
    QTreeWidget *m_versions = nullptr;
    QLabel *m_header = nullptr;
    PromptTemplateForm *m_form = nullptr;
    QLabel *m_error = nullptr;
    QTabWidget *m_sideTabs = nullptr;
    QTextBrowser *m_preview = nullptr;
    QTextBrowser *m_changes = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_discard = nullptr;
    QTimer *m_refreshTimer = nullptr;
};

} // namespace kx
