// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "facetpanel.h"
#include "importdialog.h"
#include "jobs/jobspanel.h"
#include "jobs/launchjobdialog.h"
#include "mix/mixdashboard.h"
#include "models/datasetlistmodel.h"
#include "models/futurereply.h"
#include "models/scenariotablemodel.h"
#include "qc/qcview.h"
#include "review/audioreviewpanel.h"
#include "review/reviewpanel.h"
#include "scenariodetailview.h"
#include "settings/settings.h"
#include "scenariotableview.h"
#include "store/asyncworkspace.h"
#include "templates/prompttemplateeditor.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace kx {

namespace {
/**
 * @p page in a scroll area without a frame: a page with many panels (Quality, Mix) keeps its minimum
 * size and scrolls in a small window or beside an open dock, instead of squeezing its fields together
 * and pushing the side docks to a sliver.
 */
QScrollArea *scrollingPage(QWidget *page)
{
    auto *area = new QScrollArea;
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setWidget(page);
    return area;
}
constexpr int searchDebounceMs = 200;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Kairix Workbench"));
    setDockNestingEnabled(true);
    // Below this the toolbar would fold the search box into its overflow menu.
    setMinimumSize(860, 560);
    createActions();
    createCentral();
    createDocks();
    createMenus();

    // Tab walks the panes in reading order: search, table, conversation, sidebar.
    setTabOrder(m_search, m_table);
    setTabOrder(m_table, m_detail);
    setTabOrder(m_detail, m_datasetView);
    QWidget *previous = m_datasetView;
    for (QTreeView *facetView : m_facetPanel->views()) {
        setTabOrder(previous, facetView);
        previous = facetView;
    }

    m_statusCounts = new QLabel(this);
    m_statusCounts->setObjectName(QStringLiteral("statusCounts"));
    statusBar()->addPermanentWidget(m_statusCounts);
    restoreUiState();
}

MainWindow::~MainWindow()
{
    // Models hold a QPointer to the workspace; delete them before it goes.
    delete m_scenarioModel;
    delete m_datasetModel;
    m_facetPanel->setWorkspace(nullptr);
}

void MainWindow::createActions()
{
    QStyle *s = style();
    m_newAction = new QAction(s->standardIcon(QStyle::SP_FileIcon),
                              tr("&New Workspace…"), this);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setStatusTip(tr("Create an empty workspace file"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newWorkspace);

    m_openAction = new QAction(QIcon(QStringLiteral(":/icons/open.png")),
                               tr("&Open Workspace…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open an existing workspace file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openWorkspaceDialog);

    m_importAction = new QAction(QIcon(QStringLiteral(":/icons/import.png")),
                                 tr("&Import…"), this);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setStatusTip(tr("Import dataset files into the workspace"));
    connect(m_importAction, &QAction::triggered, this, [this] { showImportDialog(); });

    m_quitAction = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_findAction = new QAction(tr("&Find"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_refreshAction = new QAction(QIcon(QStringLiteral(":/icons/refresh.png")),
                                  tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshAll);

    m_clearFiltersAction = new QAction(QIcon(QStringLiteral(":/icons/clear-filter.png")),
                                       tr("&Clear Filters"), this);
    m_clearFiltersAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_clearFiltersAction, &QAction::triggered, this, [this] {
        const QSignalBlocker blocker(m_search);
        m_search->clear();
        m_facetPanel->clearChecks();
        if (m_datasetView && m_datasetView->model())
            m_datasetView->setCurrentIndex(m_datasetView->model()->index(0, 0));
        applyFilter();
    });
    m_generateAction = new QAction(tr("&Generate…"), this);
    m_generateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_generateAction->setStatusTip(tr("Start a generation job: memory, conversation, adversarial, augment or fusion"));
    connect(m_generateAction, &QAction::triggered, this, &MainWindow::showLaunchJobDialog);
    addActions({m_findAction});
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    file->addSeparator();
    file->addAction(m_importAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_findAction);
    edit->addAction(m_clearFiltersAction);
    edit->addSeparator();
    edit->addAction(tr("Prompt &Templates…"), this, [this] { showPromptTemplateEditor(); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *datasetsToggle = m_datasetDock->toggleViewAction();
    datasetsToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    view->addAction(datasetsToggle);
    QAction *filtersToggle = m_facetDock->toggleViewAction();
    filtersToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    view->addAction(filtersToggle);
    QAction *jobsToggle = m_jobsDock->toggleViewAction();
    jobsToggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    view->addAction(jobsToggle);
    view->addSeparator();
    const QList<QPair<QString, int>> panes = {{tr("Focus &Datasets"), 0}, {tr("Focus Scenario &Table"), 1},
                                              {tr("Focus &Conversation"), 2}};
    for (const auto &[label, pane] : panes) {
        auto *a = view->addAction(label);
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + pane)));
        connect(a, &QAction::triggered, this, [this, pane = pane] { focusPane(pane); });
    }
    QAction *audio = view->addAction(tr("&Audio Review"));
    audio->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    connect(audio, &QAction::triggered, this, &MainWindow::showAudioReview);
    QAction *review = view->addAction(tr("&Review Queue"));
    review->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
    connect(review, &QAction::triggered, this, &MainWindow::showReview);
    QAction *quality = view->addAction(tr("&Quality"));
    quality->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_6));
    connect(quality, &QAction::triggered, this, &MainWindow::showQuality);
    QAction *mix = view->addAction(tr("&Mix"));
    mix->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_7));
    connect(mix, &QAction::triggered, this, &MainWindow::showMix);
    QAction *next = view->addAction(tr("&Next Pane"));
    next->setShortcut(QKeySequence(Qt::Key_F6));
    connect(next, &QAction::triggered, this, &MainWindow::cycleFocus);
    view->addSeparator();
    view->addAction(m_refreshAction);

    QMenu *generate = menuBar()->addMenu(tr("&Generate"));
    generate->addAction(m_generateAction);
    generate->addAction(jobsToggle);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Kairix Workbench"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);

    QToolBar *bar = addToolBar(tr("Main Toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_openAction);
    bar->addAction(m_importAction);
    bar->addAction(m_refreshAction);
    bar->addSeparator();
    bar->addAction(m_clearFiltersAction);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_search);
}

void MainWindow::createCentral()
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(tr("Search scenarios (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_search->setMaximumWidth(420);
    m_search->setAccessibleName(tr("Search"));
    m_search->addAction(QIcon(QStringLiteral(":/icons/search.png")), QLineEdit::LeadingPosition);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(searchDebounceMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::applyFilter);
    // Escape clears the search first, then hands the keyboard to the table.
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        applyFilter();
        focusPane(1);
    });

    m_table = new ScenarioTableView(this);
    m_table->setObjectName(QStringLiteral("scenarioTable"));
    connect(m_table, &QAbstractItemView::activated, this, [this] { focusPane(2); });

    m_detail = new ScenarioDetailView(this);
    m_detail->setObjectName(QStringLiteral("detailView"));

    m_centralSplitter = new QSplitter(Qt::Vertical, this);
    m_centralSplitter->setObjectName(QStringLiteral("centralSplitter"));
    m_centralSplitter->addWidget(m_table);
    m_centralSplitter->addWidget(m_detail);
    m_centralSplitter->setStretchFactor(0, 2);
    m_centralSplitter->setStretchFactor(1, 3);
    m_centralSplitter->setChildrenCollapsible(false);

    m_audioReview = new AudioReviewPanel(this);
    m_audioReview->setReviewer(Settings::reviewerName().value());
    connect(m_audioReview, &AudioReviewPanel::errorOccurred, this, &MainWindow::showError);
    connect(m_audioReview, &AudioReviewPanel::checksFinished, this, [this](bool ok, const QString &message) {
        if (ok)
            statusBar()->showMessage(message, 10000);
        else
            showError(tr("The audio checks failed:\n%1").arg(message));
    });

    m_review = new ReviewPanel(this);
    m_review->setReviewer(Settings::reviewerName().value());
    connect(m_review, &ReviewPanel::errorOccurred, this, &MainWindow::showError);
    connect(m_review, &ReviewPanel::reviewerChanged, m_audioReview, &AudioReviewPanel::setReviewer);

    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_centralSplitter, tr("Scenarios"));
    m_pages->addTab(m_audioReview, tr("Audio Review"));
    m_pages->addTab(m_review, tr("Review"));

    m_qcView = new QcView(this);
    m_qcView->setReviewer(Settings::reviewerName().value());
    connect(m_qcView, &QcView::errorOccurred, this, &MainWindow::showError);
    connect(m_review, &ReviewPanel::reviewerChanged, m_qcView, &QcView::setReviewer);
    m_pages->addTab(scrollingPage(m_qcView), tr("Quality"));
    m_mixDashboard = new MixDashboard(this);
    connect(m_mixDashboard, &MixDashboard::errorOccurred, this, &MainWindow::showError);
    connect(m_mixDashboard, &MixDashboard::jobsLaunched, this, &MainWindow::showJobsPanel);
    connect(m_mixDashboard, &MixDashboard::workspaceChanged, this, &MainWindow::refreshAll);
    m_pages->addTab(scrollingPage(m_mixDashboard), tr("Mix"));
    // The queues follow the filter only while they are on show: no queries for a hidden page.
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_pages->widget(index) == m_audioReview)
            m_audioReview->setFilter(m_filter);
        else if (m_pages->widget(index) == m_review)
            m_review->setFilter(m_filter);
    });
    setCentralWidget(m_pages);
}

void MainWindow::createDocks()
{
    m_datasetView = FacetPanel::makeSidebarTree(QStringLiteral("datasetView"), this);
    m_datasetView->setAccessibleName(tr("Datasets"));
    m_datasetDock = new QDockWidget(tr("Datasets"), this);
    m_datasetDock->setObjectName(QStringLiteral("datasetDock"));
    m_datasetDock->setWidget(m_datasetView);
    m_datasetDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::LeftDockWidgetArea, m_datasetDock);

    m_facetPanel = new FacetPanel(this);
    connect(m_facetPanel, &FacetPanel::checkedChanged, this, &MainWindow::applyFilter);
    m_facetDock = new QDockWidget(tr("Filters"), this);
    m_facetDock->setObjectName(QStringLiteral("facetDock"));
    m_facetDock->setWidget(m_facetPanel);
    m_facetDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::LeftDockWidgetArea, m_facetDock);
    splitDockWidget(m_datasetDock, m_facetDock, Qt::Vertical);
    resizeDocks({m_datasetDock}, {330}, Qt::Horizontal);
    resizeDocks({m_datasetDock, m_facetDock}, {230, 600}, Qt::Vertical);

    // Generation jobs: hidden until asked for or a job starts; its state is saved with the others.
    m_jobsPanel = new JobsPanel(this);
    connect(m_jobsPanel, &JobsPanel::newJobRequested, this, &MainWindow::showLaunchJobDialog);
    connect(m_jobsPanel, &JobsPanel::jobStarted, this, &MainWindow::showJobsPanel);
    connect(m_jobsPanel, &JobsPanel::scenariosAdded, this, &MainWindow::refreshAll);
    connect(m_jobsPanel, &JobsPanel::errorOccurred, this, &MainWindow::showError);
    m_jobsDock = new QDockWidget(tr("Jobs"), this);
    m_jobsDock->setObjectName(QStringLiteral("jobsDock"));
    m_jobsDock->setWidget(m_jobsPanel);
    m_jobsDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    // Under the scenarios only: the sidebar keeps the window's full height.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsDock);
    m_jobsDock->hide();
}

void MainWindow::openWorkspace(const QString &path)
{
    // Drop the old models first: they watch the old workspace.
    m_table->setModel(nullptr);
    m_datasetView->setModel(nullptr);
    m_facetPanel->setWorkspace(nullptr);
    delete m_scenarioModel;
    m_scenarioModel = nullptr;
    delete m_datasetModel;
    m_datasetModel = nullptr;
    m_detail->clear();
    m_requestedRowId = 0;
    ++m_detailGeneration;  // a scenario still loading from the old workspace is dropped
    m_audioReview->setWorkspace(nullptr);
    m_review->setWorkspace(nullptr);
    m_qcView->setWorkspace(QString());
    m_mixDashboard->setWorkspace(QString());
    m_mixDashboard->setJobRunner(nullptr);
    // Pauses the old workspace's running jobs (resumable later) and waits for their in-flight items.
    m_jobsPanel->setRunner(nullptr);
    m_jobRunner.reset();

    m_workspacePath = QFileInfo(path).absoluteFilePath();
    m_workspace = std::make_unique<AsyncWorkspace>();
    setWindowFilePath(m_workspacePath);
    setWindowTitle(tr("%1 — Kairix Workbench").arg(QFileInfo(path).fileName()));
    onFutureReady(this, m_workspace->open(m_workspacePath), [this, path = m_workspacePath](Result<void> r) {
        if (path != m_workspacePath)
            return;
        if (!r) {
            showError(tr("Could not open the workspace %1:\n%2").arg(path, r.error().message));
            return;
        }
        Settings::lastWorkspace().setValue(path);
        // Only now: a second connection must not migrate a brand-new file at the same time.
        m_jobRunner = std::make_unique<GenerationJobRunner>(path);
        m_jobsPanel->setRunner(m_jobRunner.get());
        // Their own connections, like the runner's: only once the file is migrated.
        m_qcView->setWorkspace(path);
        m_mixDashboard->setWorkspace(path);
        m_mixDashboard->setJobRunner(m_jobRunner.get());
    });
    connect(m_workspace.get(), &AsyncWorkspace::changed, this, &MainWindow::refreshAll);

    // The models queue their first queries behind open() on the same worker; the table goes first,
    // so its first page is on screen before the registry and facet counts run.
    m_scenarioModel = new ScenarioTableModel(m_workspace.get(), this);
    m_table->setModel(m_scenarioModel);
    m_filter = ScenarioFilter();
    m_audioReview->setWorkspace(m_workspace.get());
    m_review->setWorkspace(m_workspace.get());
    QHeaderView *th = m_table->horizontalHeader();
    const QByteArray header = Settings::scenarioTableHeader().value();
    if (header.isEmpty() || !th->restoreState(header))
        m_table->applyDefaultColumnWidths();
    const int sortColumn = Settings::scenarioTableSortColumn().value();
    const auto sortOrder = Qt::SortOrder(Settings::scenarioTableSortOrder().value());
    th->setSortIndicator(sortColumn, sortOrder);
    m_scenarioModel->sort(sortColumn, sortOrder);

    m_datasetModel = new DatasetListModel(m_workspace.get(), this);
    m_datasetView->setModel(m_datasetModel);
    QHeaderView *dh = m_datasetView->header();
    dh->setSectionResizeMode(QHeaderView::Interactive);
    dh->setSectionResizeMode(DatasetListModel::NameColumn, QHeaderView::Stretch);
    dh->setSectionResizeMode(DatasetListModel::ScenariosColumn, QHeaderView::ResizeToContents);
    for (int c : {DatasetListModel::KindColumn, DatasetListModel::CategoryColumn, DatasetListModel::VersionColumn,
                  DatasetListModel::CreatedColumn})
        m_datasetView->setColumnHidden(c, true);
    m_datasetView->setCurrentIndex(m_datasetModel->index(0, 0));
    connect(m_datasetView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::applyFilter);
    // An import resets the registry; keep the dataset the user had selected.
    connect(m_datasetModel, &DatasetListModel::modelAboutToBeReset, this, [this] {
        m_datasetBeforeReset = m_datasetView->currentIndex().data(DatasetListModel::DatasetIdRole).toLongLong();
    });
    connect(m_datasetModel, &DatasetListModel::loaded, this, [this] {
        if (!m_datasetView->currentIndex().isValid())
            m_datasetView->setCurrentIndex(m_datasetModel->index(m_datasetModel->rowOf(m_datasetBeforeReset), 0));
        updateStatus();
        updateEmptyText();
    });
    connect(m_datasetModel, &DatasetListModel::errorOccurred, this, &MainWindow::showError);

    m_facetPanel->setWorkspace(m_workspace.get());

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentRowChanged);
    connect(m_scenarioModel, &ScenarioTableModel::modelAboutToBeReset, this, [this] {
        m_rowBeforeReset = m_table->currentIndex().isValid() ? m_table->currentIndex().row() : -1;
        m_columnBeforeReset = qMax(0, m_table->currentIndex().column());
    });
    connect(m_scenarioModel, &ScenarioTableModel::countChanged, this, [this] {
        updateStatus();
        updateEmptyText();
        const int rows = m_scenarioModel->rowCount();
        if (rows == 0) {
            onCurrentRowChanged({});
            return;
        }
        // A refresh keeps the row the user was on; a new filter starts at the
        // top. Either way keyboard users stay in a table with a current row.
        const int row = m_keepRowOnReset && m_rowBeforeReset >= 0 ? qMin(m_rowBeforeReset, rows - 1) : 0;
        m_keepRowOnReset = false;
        if (!m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_scenarioModel->index(row, m_columnBeforeReset));
    });
    connect(m_scenarioModel, &ScenarioTableModel::errorOccurred, this, &MainWindow::showError);
    connect(m_scenarioModel, &ScenarioTableModel::pageLoaded, this, [this] {
        // The current row may just have been loaded: show it.
        if (m_table->currentIndex().isValid())
            onCurrentRowChanged(m_table->currentIndex());
    });
    updateStatus();
}

void MainWindow::refreshAll()
{
    if (!m_workspace)
        return;
    m_datasetModel->refresh();
    m_facetPanel->refresh();
    m_keepRowOnReset = true;
    m_requestedRowId = 0;  // reload the shown scenario too: it may have changed
    m_scenarioModel->refresh();
    // Reloaded when on show, else the next time they are shown.
    m_qcView->refresh();
    m_mixDashboard->refresh();
}

void MainWindow::applyFilter()
{
    if (!m_scenarioModel)
        return;
    m_searchTimer->stop();
    ScenarioFilter filter;
    const qint64 datasetId = m_datasetView->currentIndex().data(DatasetListModel::DatasetIdRole).toLongLong();
    if (datasetId > 0)
        filter.datasetIds = {datasetId};
    filter.search = m_search->text().trimmed();
    m_facetPanel->applyTo(filter);
    // Highlight the plain words of the search; FTS operators and quotes are not text.
    static const QRegularExpression nonWord(QStringLiteral("[^\\w]+"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    QStringList terms = filter.search.split(nonWord, Qt::SkipEmptyParts);
    terms.removeIf([](const QString &t) { return t == QLatin1String("AND") || t == QLatin1String("OR")
                                                 || t == QLatin1String("NOT") || t == QLatin1String("NEAR"); });
    m_detail->setHighlightTerms(terms);
    m_scenarioModel->setFilter(filter);
    m_facetPanel->setBaseFilter(filter);
    m_filter = filter;
    if (m_pages->currentWidget() == m_audioReview)
        m_audioReview->setFilter(filter);
    else if (m_pages->currentWidget() == m_review)
        m_review->setFilter(filter);
    m_keepRowOnReset = false;
    updateStatus();
}

void MainWindow::onCurrentRowChanged(const QModelIndex &current)
{
    if (!current.isValid()) {
        ++m_detailGeneration;
        m_requestedRowId = 0;
        m_detail->clear();
        return;
    }
    // Not loaded yet: keep what is shown, pageLoaded() calls again.
    const qint64 rowId = current.data(ScenarioTableModel::RowIdRole).toLongLong();
    if (rowId <= 0 || rowId == m_requestedRowId)
        return;
    m_requestedRowId = rowId;
    const quint64 generation = ++m_detailGeneration;
    onFutureReady(this, m_workspace->scenario(rowId), [this, generation](Result<TestScenario> r) {
        if (generation != m_detailGeneration)
            return;  // the user moved on
        if (!r) {
            m_detail->showMessage(r.error().message);
            return;
        }
        m_detail->setScenario(*r);
    });
}

void MainWindow::updateStatus()
{
    if (!m_datasetModel || !m_scenarioModel)
        return;
    const QLocale locale;
    const int datasets = int(m_datasetModel->datasets().size());
    const qint64 shown = m_scenarioModel->totalCount();
    // Separate singular strings: English plurals need no .qm file this way.
    const QString datasetText = datasets == 1 ? tr("1 dataset") : tr("%1 datasets").arg(locale.toString(datasets));
    const qint64 total = m_datasetModel->totalScenarios();
    const QString scenarioText = total == 1 ? tr("1 scenario") : tr("%1 scenarios").arg(locale.toString(total));
    m_statusCounts->setText(tr("%1 · %2 · %3 shown")
                                .arg(datasetText, scenarioText,
                                     shown < 0 ? QStringLiteral("…") : locale.toString(shown)));
}

void MainWindow::updateEmptyText()
{
    if (!m_scenarioModel || m_scenarioModel->totalCount() != 0) {
        m_table->setEmptyText({});
        return;
    }
    if (m_datasetModel->datasets().isEmpty())
        m_table->setEmptyText(tr("This workspace is empty.\nImport datasets with File › Import… (Ctrl+I)."));
    else
        m_table->setEmptyText(tr("No scenarios match the search and filters.\n"
                                 "Clear Filters (Ctrl+Shift+R) shows them all again."));
}

void MainWindow::showAudioReview()
{
    m_pages->setCurrentWidget(m_audioReview);
    m_audioReview->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showReview()
{
    m_pages->setCurrentWidget(m_review);
    m_review->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showQuality()
{
    m_pages->setCurrentWidget(m_qcView->parentWidget()->parentWidget()); // its scroll area
    m_qcView->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showMix()
{
    m_pages->setCurrentWidget(m_mixDashboard->parentWidget()->parentWidget()); // its scroll area
    m_mixDashboard->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::focusPane(int pane)
{
    if (pane > 0)
        m_pages->setCurrentWidget(m_centralSplitter);
    switch (pane) {
    case 0:
        m_datasetDock->show();
        m_datasetView->setFocus(Qt::ShortcutFocusReason);
        break;
    case 1:
        m_table->setFocus(Qt::ShortcutFocusReason);
        if (!m_table->currentIndex().isValid() && m_scenarioModel && m_scenarioModel->rowCount() > 0)
            m_table->setCurrentIndex(m_scenarioModel->index(0, ScenarioTableModel::NameColumn));
        break;
    case 2:
        m_detail->setFocus(Qt::ShortcutFocusReason);
        break;
    }
}

void MainWindow::cycleFocus()
{
    QWidget *focus = QApplication::focusWidget();
    int pane = 0;
    if (focus && (focus == m_datasetView || m_datasetView->isAncestorOf(focus)))
        pane = 1;
    else if (focus && (focus == m_table || m_table->isAncestorOf(focus)))
        pane = 2;
    focusPane(pane);
}

void MainWindow::newWorkspace()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New Workspace"),
                                                QFileInfo(m_workspacePath).absolutePath(),
                                                tr("Kairix workspaces (*.kairix);;All files (*)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".kairix");
    if (QFileInfo::exists(path)) {
        showError(tr("%1 already exists. Use File › Open Workspace to open it.").arg(path));
        return;
    }
    openWorkspace(path);
}

void MainWindow::openWorkspaceDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Workspace"),
                                                      QFileInfo(m_workspacePath).absolutePath(),
                                                      tr("Kairix workspaces (*.kairix);;All files (*)"));
    if (!path.isEmpty())
        openWorkspace(path);
}

ImportDialog *MainWindow::showImportDialog()
{
    if (!m_importDialog) {
        m_importDialog = new ImportDialog(m_workspacePath, this);
        m_importDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_importDialog, &ImportDialog::imported, this, [this](const QList<qint64> &, qint64 scenarios) {
            refreshAll();
            statusBar()->showMessage(tr("Imported %1 scenarios.").arg(QLocale().toString(scenarios)), 8000);
        });
    }
    m_importDialog->open();
    m_importDialog->raise();
    m_importDialog->activateWindow();
    return m_importDialog;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Kairix Workbench"),
                       tr("<h3>Kairix Workbench %1</h3>"
                          "<p>Curate, review and balance the test datasets of the Kairix Engine: "
                          "import benchmarks, browse and search scenarios, and read them as conversations.</p>"
                          "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                           .arg(QStringLiteral(KX_VERSION_STRING)));
}

void MainWindow::showError(const QString &message)
{
    statusBar()->showMessage(message, 10000);
    // One failure (an unreadable workspace, say) makes every model report it:
    // show one box, not a stack of them.
    if (m_errorBox)
        return;
    m_errorBox = new QMessageBox(QMessageBox::Warning, tr("Kairix Workbench"), message, QMessageBox::Ok, this);
    m_errorBox->setObjectName(QStringLiteral("errorBox"));
    m_errorBox->setAttribute(Qt::WA_DeleteOnClose);
    m_errorBox->open();
}

void MainWindow::restoreUiState()
{
    const QByteArray geometry = Settings::mainWindowGeometry().value();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // First start: most of the screen, centred.
        if (const QScreen *screen = QGuiApplication::primaryScreen()) {
            const QRect avail = screen->availableGeometry();
            const QSize size = (avail.size() * 0.88).boundedTo(QSize(1700, 1100));
            setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, avail));
        }
    }
    const QByteArray state = Settings::mainWindowState().value();
    if (!state.isEmpty())
        restoreState(state);
    const QByteArray central = Settings::splitterState(m_centralSplitter->objectName()).value();
    if (central.isEmpty() || !m_centralSplitter->restoreState(central))
        m_centralSplitter->setSizes({360, 520});
    const QByteArray facets = Settings::splitterState(m_facetPanel->splitter()->objectName()).value();
    if (!facets.isEmpty())
        m_facetPanel->splitter()->restoreState(facets);
    QSplitter *detail = m_detail->splitter();
    const QByteArray detailState = Settings::splitterState(detail->objectName()).value();
    if (detailState.isEmpty() || !detail->restoreState(detailState))
        detail->setSizes({700, 360});
}

void MainWindow::saveUiState()
{
    Settings::mainWindowGeometry().setValue(saveGeometry());
    Settings::mainWindowState().setValue(saveState());
    Settings::splitterState(m_centralSplitter->objectName()).setValue(m_centralSplitter->saveState());
    Settings::splitterState(m_detail->splitter()->objectName()).setValue(m_detail->splitter()->saveState());
    Settings::splitterState(m_facetPanel->splitter()->objectName()).setValue(m_facetPanel->splitter()->saveState());
    if (m_scenarioModel) {
        Settings::scenarioTableHeader().setValue(m_table->horizontalHeader()->saveState());
        Settings::scenarioTableSortColumn().setValue(m_scenarioModel->sortColumn());
        Settings::scenarioTableSortOrder().setValue(int(m_scenarioModel->sortOrder().order));
    }
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        if (m_search->text().isEmpty())
            focusPane(1);
        else
            m_search->clear();
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveUiState();
    event->accept();
}

PromptTemplateEditor *MainWindow::showPromptTemplateEditor()
{
    // Kept while hidden, so unsaved edits survive closing it; it deletes itself with its workspace.
    if (!m_templateEditor)
        m_templateEditor = new PromptTemplateEditor(m_workspace.get(), this);
    m_templateEditor->show();
    m_templateEditor->raise();
    m_templateEditor->activateWindow();
    return m_templateEditor;
}

LaunchJobDialog *MainWindow::showLaunchJobDialog()
{
    // Augment parents: the selected scenario, or the loaded rows of the current filter (the first 1,000).
    constexpr int maxShownParents = 1000;
    QList<qint64> selected;
    QList<qint64> shown;
    if (m_scenarioModel) {
        if (const qint64 id = m_table->currentIndex().data(ScenarioTableModel::RowIdRole).toLongLong(); id > 0)
            selected.append(id);
        // rowAt() never asks for a page: only rows already loaded count.
        const int rows = qMin(m_scenarioModel->rowCount(), maxShownParents);
        for (int row = 0; row < rows; ++row) {
            if (const ScenarioRow *r = m_scenarioModel->rowAt(row))
                shown.append(r->rowId);
        }
    }
    return m_jobsPanel->showLaunchDialog(selected, shown);
}

void MainWindow::showJobsPanel()
{
    m_jobsDock->show();
    m_jobsDock->raise();
}

} // namespace kx
