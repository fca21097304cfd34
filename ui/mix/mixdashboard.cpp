// SPDX-License-Identifier: GPL-3.0-or-later
#include "mixdashboard.h"

#include "generation/jobs/generationjobrunner.h"
#include "mix/generationplanner.h"
#include "mixchart.h"
#include "mixtargeteditor.h"
#include "models/futurereply.h"
#include "models/generationplanmodel.h"
#include "models/mixsourcemodel.h"
#include "snapshotpanel.h"
#include "store/workspacestore.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <limits>

namespace kx {

namespace {

constexpr int reloadDelayMs = 150;

template<typename T, typename Fn>
Result<T> withStore(const QString &path, Fn fn)
{
    auto store = WorkspaceStore::open(path);
    if (!store)
        return store.error();
    return fn(**store);
}

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    return view;
}

/** The plan shown when there is no report. */
const GenerationPlan &emptyPlan()
{
    static const GenerationPlan plan;
    return plan;
}

} // namespace

MixDashboard::MixDashboard(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("mixDashboard"));
    m_pool.setMaxThreadCount(1);
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(reloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &MixDashboard::load);
    createWidgets();
    updateLaunchButton();
}

MixDashboard::~MixDashboard()
{
    m_pool.waitForDone();
}

void MixDashboard::createWidgets()
{
    // Top bar: the suite size everything is measured against, and how the chart counts.
    auto *bar = new QHBoxLayout;
    auto *sizeLabel = new QLabel(tr("Suite si&ze:"), this);
    m_suiteSize = new QSpinBox(this);
    m_suiteSize->setObjectName(QStringLiteral("suiteSizeBox"));
    m_suiteSize->setRange(1, std::numeric_limits<int>::max());
    m_suiteSize->setToolTip(tr("The suite the gaps and the plan are for; by default the smallest that keeps "
                               "every accepted scenario and is in the mix"));
    sizeLabel->setBuddy(m_suiteSize);
    connect(m_suiteSize, &QSpinBox::valueChanged, this, [this] {
        m_suiteSizeEdited = true;
        replan();
    });
    m_suiteReset = new QPushButton(tr("Close the Gap"), this);
    m_suiteReset->setToolTip(tr("Size the suite to keep every accepted scenario (the closing size)"));
    connect(m_suiteReset, &QPushButton::clicked, this, [this] {
        m_suiteSizeEdited = false;
        if (m_report && m_report->closingSize() > 0) {
            const QSignalBlocker blocker(m_suiteSize);
            m_suiteSize->setValue(int(qMin<qint64>(m_report->closingSize(), std::numeric_limits<int>::max())));
        }
        replan();
    });
    m_chartMode = new QComboBox(this);
    m_chartMode->setObjectName(QStringLiteral("chartMode"));
    m_chartMode->addItem(tr("Shares (%)"));
    m_chartMode->addItem(tr("Counts at the suite size"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("mixSummary"));
    m_summary->setWordWrap(true);
    bar->addWidget(sizeLabel);
    bar->addWidget(m_suiteSize);
    bar->addWidget(m_suiteReset);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Chart:"), this));
    bar->addWidget(m_chartMode);
    bar->addSpacing(12);
    bar->addWidget(m_summary, 1);

    m_chart = new MixChart(this);
    connect(m_chartMode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_chart->setMode(index == 0 ? MixChart::Mode::Shares : MixChart::Mode::Counts);
    });

    auto *targetBox = new QGroupBox(tr("Target mix"), this);
    auto *targetLayout = new QVBoxLayout(targetBox);
    m_targetEditor = new MixTargetEditor(targetBox);
    targetLayout->addWidget(m_targetEditor);
    connect(m_targetEditor, &MixTargetEditor::saveRequested, this, &MixDashboard::saveTarget);

    auto *planBox = new QGroupBox(tr("To close the gap"), this);
    auto *planLayout = new QVBoxLayout(planBox);
    m_planModel = new GenerationPlanModel(this);
    m_planView = makeTable(m_planModel, QStringLiteral("planTable"), planBox);
    m_planSummary = new QLabel(planBox);
    m_planSummary->setObjectName(QStringLiteral("planSummary"));
    m_planSummary->setWordWrap(true);
    m_launch = new QPushButton(tr("&Launch Jobs…"), planBox);
    m_launch->setObjectName(QStringLiteral("launchJobsButton"));
    m_launch->setToolTip(tr("Start one offline generation job per generator row"));
    connect(m_launch, &QPushButton::clicked, this, &MixDashboard::confirmAndLaunch);
    auto *launchRow = new QHBoxLayout;
    launchRow->addWidget(m_planSummary, 1);
    launchRow->addWidget(m_launch);
    planLayout->addWidget(m_planView, 1);
    planLayout->addLayout(launchRow);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(targetBox);
    rightLayout->addWidget(planBox, 1);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_chart);
    top->addWidget(right);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 1);
    top->setChildrenCollapsible(false);
    top->setSizes({560, 560});

    auto *sourcesBox = new QGroupBox(tr("Accepted per source"), this);
    auto *sourcesLayout = new QVBoxLayout(sourcesBox);
    m_sourceModel = new MixSourceModel(this);
    m_sourceView = makeTable(m_sourceModel, QStringLiteral("sourceTable"), sourcesBox);
    sourcesLayout->addWidget(m_sourceView);

    auto *snapshotsBox = new QGroupBox(tr("Snapshots"), this);
    auto *snapshotsLayout = new QVBoxLayout(snapshotsBox);
    m_snapshots = new SnapshotPanel(snapshotsBox);
    snapshotsLayout->addWidget(m_snapshots);
    connect(m_snapshots, &SnapshotPanel::errorOccurred, this, &MixDashboard::errorOccurred);
    connect(m_snapshots, &SnapshotPanel::workspaceChanged, this, &MixDashboard::workspaceChanged);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(sourcesBox);
    bottom->addWidget(snapshotsBox);
    bottom->setStretchFactor(0, 1);
    bottom->setStretchFactor(1, 1);
    bottom->setChildrenCollapsible(false);
    bottom->setSizes({560, 560});

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("mixSplitter"));
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
}

void MixDashboard::setWorkspace(const QString &path)
{
    ++m_generation;
    m_path = path;
    m_report.reset();
    m_acceptance.clear();
    m_suiteSizeEdited = false;
    m_sourceModel->setReport(MixReport());
    m_planModel->setPlan(GenerationPlan());
    m_chart->setReport(MixReport(), 0);
    m_summary->setText(path.isEmpty() ? tr("Open a workspace to see its mix.") : QString());
    m_snapshots->setWorkspace(path);
    updateLaunchButton();
    refresh();
}

void MixDashboard::setJobRunner(GenerationJobRunner *runner)
{
    m_runner = runner;
    updateLaunchButton();
}

void MixDashboard::refresh()
{
    if (m_path.isEmpty())
        return;
    if (isVisible())
        m_reloadTimer->start();
    else
        m_stale = true;
}

void MixDashboard::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale || (!m_report && !m_path.isEmpty() && !m_loading)) {
        m_stale = false;
        m_reloadTimer->start();
    }
}

void MixDashboard::load()
{
    if (m_path.isEmpty())
        return;
    if (m_loading) {
        m_reloadAfter = true;
        return;
    }
    m_loading = true;
    const quint64 generation = ++m_generation;
    const QString path = m_path;
    auto future = QtConcurrent::run(&m_pool, [path] {
        return withStore<Loaded>(path, [](WorkspaceStore &store) -> Result<Loaded> {
            MixStore mix(store);
            auto report = mix.report();
            if (!report)
                return report.error();
            auto acceptance = mix.generatorAcceptance();
            if (!acceptance)
                return acceptance.error();
            return Loaded{*report, *acceptance};
        });
    });
    onFutureReady(this, future, [this, generation](Result<Loaded> r) {
        m_loading = false;
        if (generation == m_generation) {
            if (r)
                showLoaded(*r);
            else
                emit errorOccurred(tr("The mix could not be read:\n%1").arg(r.error().message));
        }
        if (m_reloadAfter) {
            m_reloadAfter = false;
            m_reloadTimer->start();
        }
    });
    m_snapshots->refresh();
}

void MixDashboard::showLoaded(const Loaded &loaded)
{
    m_report = loaded.report;
    m_acceptance = loaded.acceptance;
    const MixReport &report = *m_report;
    m_targetEditor->setTarget(report.target());
    m_sourceModel->setReport(report);
    if (!m_suiteSizeEdited) {
        const QSignalBlocker blocker(m_suiteSize);
        const qint64 closing = report.closingSize() > 0 ? report.closingSize() : 100;
        m_suiteSize->setValue(int(qMin<qint64>(closing, std::numeric_limits<int>::max())));
    }
    const QLocale locale;
    if (report.scenarioTotal() == 0)
        m_summary->setText(tr("This workspace is empty: import datasets with File › Import… (Ctrl+I)."));
    else if (report.acceptedTotal() == 0)
        m_summary->setText(tr("Nothing has passed review yet: accept scenarios in the Review tab or with `kairix review`."));
    else
        m_summary->setText(tr("%1 accepted of %2 scenarios. The mix is honoured exactly up to %3; "
                              "keeping every accepted one needs a suite of %4.")
                               .arg(locale.toString(report.acceptedTotal()), locale.toString(report.scenarioTotal()),
                                    locale.toString(report.honouredSize()), locale.toString(report.closingSize())));
    m_snapshots->setDefaultSize(report.honouredSize() > 0 ? report.honouredSize() : report.acceptedTotal());
    replan();
    emit reportLoaded();
}

qint64 MixDashboard::suiteSize() const
{
    return m_suiteSize->value();
}

void MixDashboard::setSuiteSize(qint64 size)
{
    m_suiteSize->setValue(int(qBound(qint64(1), size, qint64(std::numeric_limits<int>::max()))));
}

const GenerationPlan &MixDashboard::plan() const
{
    return m_report ? m_planModel->plan() : emptyPlan();
}

void MixDashboard::replan()
{
    if (!m_report) {
        updateLaunchButton();
        return;
    }
    const qint64 size = suiteSize();
    m_chart->setReport(*m_report, size);
    GenerationPlanner planner;
    for (auto it = m_acceptance.cbegin(); it != m_acceptance.cend(); ++it) {
        if (planner.generators().contains(it.key()))
            (void)planner.setAcceptance(it.key(), it->accepted, it->reviewed);
    }
    auto planned = planner.plan(*m_report, size);
    if (!planned) {
        m_planModel->setPlan(GenerationPlan());
        m_planSummary->setText(planned.error().message);
        updateLaunchButton();
        return;
    }
    m_planModel->setPlan(*planned);
    const QLocale locale;
    if (planned->items.isEmpty())
        m_planSummary->setText(tr("Every category reaches its share of a suite of %1.").arg(locale.toString(size)));
    else
        m_planSummary->setText(tr("Generate %1, import %2 more.")
                                   .arg(locale.toString(planned->totalToGenerate()), locale.toString(planned->totalToImport())));
    updateLaunchButton();
}

void MixDashboard::updateLaunchButton()
{
    const bool any = m_report && !m_planModel->plan().generationJobs().isEmpty();
    m_launch->setEnabled(any && m_runner);
    if (!m_runner)
        m_launch->setToolTip(tr("Generation is not available until the workspace is open"));
    else
        m_launch->setToolTip(tr("Start one offline generation job per generator row"));
}

bool MixDashboard::saveTarget(const MixTarget &target)
{
    if (m_path.isEmpty() || !target.validate().ok())
        return false;
    const QString path = m_path;
    auto future = QtConcurrent::run(&m_pool, [path, target] {
        return withStore<bool>(path, [&](WorkspaceStore &store) -> Result<bool> {
            if (auto r = MixStore(store).setTarget(target); !r)
                return r.error();
            return true;
        });
    });
    onFutureReady(this, future, [this, target](Result<bool> r) {
        if (!r) {
            emit errorOccurred(tr("The target could not be saved:\n%1").arg(r.error().message));
            return;
        }
        m_targetEditor->setTarget(target);
        emit targetSaved(target);
        refresh();
        if (!isVisible())
            load();
    });
    return true;
}

void MixDashboard::confirmAndLaunch()
{
    const QList<GenerationJob> jobs = m_planModel->plan().generationJobs();
    if (jobs.isEmpty() || !m_runner)
        return;
    qint64 scenarios = 0;
    for (const GenerationJob &job : jobs)
        scenarios += job.requested;
    const auto answer = QMessageBox::question(
        this, tr("Launch Generation Jobs"),
        tr("Start %1 generation jobs on the offline backend for %2 scenarios in all?")
            .arg(jobs.size()).arg(QLocale().toString(scenarios)),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
    if (answer == QMessageBox::Yes)
        launchPlannedJobs();
}

int MixDashboard::launchPlannedJobs()
{
    if (!m_runner || !m_report)
        return 0;
    int started = 0;
    for (const GenerationPlan::Item &item : m_planModel->plan().items) {
        if (item.importMore() || item.toGenerate <= 0)
            continue;
        auto job = item.toGenerationJob();
        if (!job) {
            emit errorOccurred(job.error().message);
            continue;
        }
        onFutureReady(this, m_runner->start(*job), [this, generator = item.generator](Result<GenerationJob> r) {
            if (!r)
                emit errorOccurred(tr("The %1 job could not be started:\n%2").arg(generator, r.error().message));
        });
        ++started;
    }
    if (started > 0)
        emit jobsLaunched(started);
    return started;
}

} // namespace kx
