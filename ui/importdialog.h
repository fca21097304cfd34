// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/importservice.h"

#include <QDialog>
#include <QFuture>
#include <QFutureWatcher>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace kx {

class ImportPreviewWidget;

/**
 * Imports files or folders into the workspace. The import runs
 * ImportService::run on a worker thread with its own WorkspaceStore
 * connection to the same file, so the window keeps browsing meanwhile. A
 * progress bar follows it and Cancel rolls it back. An error is shown in a
 * message box and the workspace is left exactly as it was.
 *
 * The first selected file (or folder) is previewed below the list, off the
 * GUI thread (ImportPreviewWidget). With the kind "generic" a mapping form
 * asks which column holds the user message (required), the system prompt,
 * the expected answer, the id, the name and the category; the request then
 * carries them as ImportRequest::mapping.
 */
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    explicit ImportDialog(const QString &workspacePath, QWidget *parent = nullptr);
    ~ImportDialog() override;

    void setPaths(const QStringList &paths);
    QStringList paths() const;
    /** A kind key ("gsm8k", …) or "auto". */
    void setKind(const QString &kind);
    QString kind() const;
    void setDatasetName(const QString &name);
    /** Picks @p column for mapping target @p target ("user", "system", "expected", "id", "name", "category"). */
    void setMapping(const QString &target, const QString &column);
    /** The chosen "target=column" items, user first; empty unless the kind is "generic". */
    QStringList mapping() const;
    ImportPreviewWidget *preview() const { return m_preview; }
    ImportRequest request() const;
    bool isRunning() const { return m_watcher.isRunning(); }

    /** Starts the import of the current request, as the Import button does. */
    void start();
    /** Asks a running import to stop; it rolls back. */
    void cancel();

    /**
     * Runs @p request into the workspace at @p workspacePath on the global
     * thread pool, on a connection of its own. Progress is reported in
     * thousandths; cancelling the future stops the import and rolls it back.
     */
    static QFuture<Result<ImportOutcome>> runImport(const QString &workspacePath, const ImportRequest &request);

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    /** The import committed: the new datasets and the number of scenarios. */
    void imported(const QList<qint64> &datasetIds, qint64 scenarios);
    /** The import failed (and rolled back); @p message names file, line and reason. */
    void failed(const QString &message);

private:
    void addFiles();
    void addFolder();
    void removeSelected();
    void finished();
    void updateButtons();
    void setRunning(bool running);
    void updatePreview();
    void updateMappingColumns();
    void kindChanged();

    QString m_workspacePath;
    QListWidget *m_paths = nullptr;
    QPushButton *m_addFiles = nullptr;
    QPushButton *m_addFolder = nullptr;
    QPushButton *m_remove = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_name = nullptr;
    QWidget *m_mappingBox = nullptr;
    QList<QPair<QString, QComboBox *>> m_mapping; ///< target key -> its column combo
    ImportPreviewWidget *m_preview = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_importButton = nullptr;
    QFutureWatcher<Result<ImportOutcome>> m_watcher;
};

} // namespace kx
