// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/scenarioquery.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMessageBox;
class QSplitter;
class QTabWidget;
class QTimer;
class QTreeView;

namespace kx {

class AsyncWorkspace;
class AudioReviewPanel;
class DatasetListModel;
class FacetPanel;
class GenerationJobRunner;
class ImportDialog;
class JobsPanel;
class LaunchJobDialog;
class MixDashboard;
class PromptTemplateEditor;
class QcView;
class ReviewPanel;
class ScenarioDetailView;
class ScenarioTableModel;
class ScenarioTableView;

/**
 * The workbench window: the registry and facets on the left, the scenario
 * table in the middle with the search box above it, and the selected
 * scenario's transcript and properties below; a second page holds the audio
 * review queue and a third the review queue, both over the same filter. All queries go through an
 * AsyncWorkspace so the GUI thread never waits on SQL.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Opens (creating if needed) the workspace at @p path and shows it. */
    void openWorkspace(const QString &path);
    QString workspacePath() const { return m_workspacePath; }

    /** Shows the import dialog (non-blocking) and returns it. */
    ImportDialog *showImportDialog();
    /** Shows the generation launch dialog with the table's selection and rows as augment parents. */
    LaunchJobDialog *showLaunchJobDialog();
    /** Shows and raises the Jobs dock. */
    void showJobsPanel();
    JobsPanel *jobsPanel() const { return m_jobsPanel; }
    /** Shows the prompt template editor (non-modal, one per workspace) and returns it. */
    PromptTemplateEditor *showPromptTemplateEditor();

    // For tests and the status bar.
    ScenarioTableModel *scenarioModel() const { return m_scenarioModel; }
    DatasetListModel *datasetModel() const { return m_datasetModel; }
    QLineEdit *searchBox() const { return m_search; }
    ScenarioTableView *scenarioView() const { return m_table; }
    ScenarioDetailView *detailView() const { return m_detail; }
    AudioReviewPanel *audioReviewPanel() const { return m_audioReview; }
    /** Shows the audio review queue over the current filter and gives it the keyboard. */
    void showAudioReview();
    ReviewPanel *reviewPanel() const { return m_review; }
    /** Shows the review queue over the current filter and gives it the keyboard. */
    void showReview();
    QcView *qcView() const { return m_qcView; }
    /** Shows the Quality page (the gate against the human verdicts). */
    void showQuality();
    MixDashboard *mixDashboard() const { return m_mixDashboard; }
    /** Shows the Mix page (target vs accepted, planner, snapshots). */
    void showMix();

    /** Reloads registry, facets and table (after an import). */
    void refreshAll();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createCentral();
    void createDocks();
    void restoreUiState();
    void saveUiState();

    void newWorkspace();
    void openWorkspaceDialog();
    void showAbout();
    void applyFilter();
    void onCurrentRowChanged(const QModelIndex &current);
    void updateStatus();
    void updateEmptyText();
    void focusPane(int pane);
    void cycleFocus();
    void showError(const QString &message);

    QString m_workspacePath;
    std::unique_ptr<AsyncWorkspace> m_workspace;

    DatasetListModel *m_datasetModel = nullptr;
    ScenarioTableModel *m_scenarioModel = nullptr;

    QLineEdit *m_search = nullptr;
    QTimer *m_searchTimer = nullptr;
    ScenarioTableView *m_table = nullptr;
    ScenarioDetailView *m_detail = nullptr;
    QSplitter *m_centralSplitter = nullptr;
    QTabWidget *m_pages = nullptr;
    AudioReviewPanel *m_audioReview = nullptr;
    ReviewPanel *m_review = nullptr;
    QcView *m_qcView = nullptr;
    MixDashboard *m_mixDashboard = nullptr;
    ScenarioFilter m_filter;  ///< what the table and the review queues show
    QTreeView *m_datasetView = nullptr;
    FacetPanel *m_facetPanel = nullptr;
    QDockWidget *m_datasetDock = nullptr;
    QDockWidget *m_facetDock = nullptr;
    QLabel *m_statusCounts = nullptr;
    QPointer<ImportDialog> m_importDialog;
    QPointer<PromptTemplateEditor> m_templateEditor;
    QPointer<QMessageBox> m_errorBox;
    std::unique_ptr<GenerationJobRunner> m_jobRunner;  ///< one per open workspace
    JobsPanel *m_jobsPanel = nullptr;
    QDockWidget *m_jobsDock = nullptr;
    QAction *m_generateAction = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_clearFiltersAction = nullptr;

    quint64 m_detailGeneration = 0;
    qint64 m_requestedRowId = 0;  ///< the scenario shown or being loaded
    int m_rowBeforeReset = -1;
    int m_columnBeforeReset = 0;
    bool m_keepRowOnReset = false;
    qint64 m_datasetBeforeReset = 0;
};

} // namespace kx
