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

/**
 * Imports files or folders into the workspace. The import runs
 * ImportService::run on a worker thread with its own WorkspaceStore
 * connection to the same file, so the window keeps browsing meanwhile. A
 * progress bar follows it and Cancel rolls it back. An error is shown in a
 * message box and the workspace is left exactly as it was.
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

    QString m_workspacePath;
    QListWidget *m_paths = nullptr;
    QPushButton *m_addFiles = nullptr;
    QPushButton *m_addFolder = nullptr;
    QPushButton *m_remove = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_name = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_importButton = nullptr;
    QFutureWatcher<Result<ImportOutcome>> m_watcher;
};

} // namespace kx
