// SPDX-License-Identifier: GPL-3.0-or-later
#include "qcview.h"

#include "models/adoptedthresholdmodel.h"
#include "models/futurereply.h"
#include "models/reviewerfiguresmodel.h"
#include "qccurvechart.h"
#include "store/workspacestore.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <atomic>

namespace kx {

/** What the worker reports and the GUI polls: plain atomics, no QObject crosses threads. */
struct QcView::Progress
{
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    std::atomic<bool> cancelled{false};

    WorkControl control()
    {
        WorkControl c;
        c.progress = [this](qint64 d, qint64 t) { done = d; total = t; };
        c.cancelled = [this] { return cancelled.load(); };
        return c;
    }
};

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

QString figure3(double v)
{
    return QLocale().toString(v, 'f', 3);
}

QString percent(double share)
{
    return QcView::tr("%1 %").arg(QLocale().toString(share * 100.0, 'f', 1));
}

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->setAlternatingRowColors(true);
    return view;
}

} // namespace

QcView::QcView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("qcView"));
    m_pool.setMaxThreadCount(1);  // one piece of work at a time: scoring writes
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(reloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &QcView::load);
    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &QcView::pollProgress);
    createWidgets();
    showEmpty(tr("Open a workspace to see its quality figures."));
}

QcView::~QcView()
{
    if (m_progress)
        m_progress->cancelled = true;
    m_pool.waitForDone();
}

QLabel *QcView::addFigure(QFormLayout *form, const QString &key, const QString &label)
{
    auto *value = new QLabel(QStringLiteral("–"), this);
    value->setObjectName(key + QStringLiteral("Value"));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(label, value);
    m_figures.insert(key, value);
    return value;
}

void QcView::createWidgets()
{
    // Top bar: threshold, Score all, progress and Cancel.
    auto *bar = new QHBoxLayout;
    auto *thresholdLabel = new QLabel(tr("&Threshold:"), this);
    m_threshold = new QDoubleSpinBox(this);
    m_threshold->setObjectName(QStringLiteral("thresholdBox"));
    m_threshold->setRange(0.0, 1.0);
    m_threshold->setSingleStep(0.01);
    m_threshold->setDecimals(2);
    m_threshold->setValue(QualityScores::defaultThreshold);
    m_threshold->setToolTip(tr("The gate keeps a scenario whose effective score is above this"));
    thresholdLabel->setBuddy(m_threshold);
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        m_wantedThreshold = v;
        m_reloadTimer->start();
    });
    m_scoreAll = new QPushButton(tr("&Score All"), this);
    m_scoreAll->setObjectName(QStringLiteral("scoreAllButton"));
    m_scoreAll->setToolTip(tr("Give automatic scores to every scenario that has none yet"));
    connect(m_scoreAll, &QPushButton::clicked, this, &QcView::scoreAll);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("qcProgress"));
    m_progressBar->setMaximumWidth(260);
    m_progressBar->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("qcCancel"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &QcView::cancel);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("qcStatus"));
    bar->addWidget(thresholdLabel);
    bar->addWidget(m_threshold);
    bar->addSpacing(12);
    bar->addWidget(m_scoreAll);
    bar->addWidget(m_progressBar);
    bar->addWidget(m_cancel);
    bar->addSpacing(12);
    bar->addWidget(m_status, 1);

    // Left: the figures.
    auto *figures = new QWidget(this);
    auto *figuresLayout = new QVBoxLayout(figures);
    figuresLayout->setContentsMargins(0, 0, 6, 0);
    auto *gateBox = new QGroupBox(tr("The gate"), figures);
    auto *gateForm = new QFormLayout(gateBox);
    addFigure(gateForm, QStringLiteral("scenarios"), tr("Scenarios:"));
    addFigure(gateForm, QStringLiteral("scored"), tr("Scored:"));
    addFigure(gateForm, QStringLiteral("kept"), tr("Kept by the gate:"));
    addFigure(gateForm, QStringLiteral("keepRate"), tr("Keep rate:"));
    auto *humanBox = new QGroupBox(tr("Against the reviewers"), figures);
    auto *humanForm = new QFormLayout(humanBox);
    addFigure(humanForm, QStringLiteral("verdicts"), tr("Verdicts:"));
    addFigure(humanForm, QStringLiteral("humanKeeps"), tr("Human keeps:"));
    addFigure(humanForm, QStringLiteral("precision"), tr("Precision:"));
    addFigure(humanForm, QStringLiteral("recall"), tr("Recall:"));
    addFigure(humanForm, QStringLiteral("f1"), tr("F1:"));
    addFigure(humanForm, QStringLiteral("kappa"), tr("Cohen's κ, gate vs reviewers:"));
    m_reviewerModel = new ReviewerFiguresModel(this);
    m_reviewers = makeTable(m_reviewerModel, QStringLiteral("reviewerTable"), humanBox);
    m_reviewers->setMinimumHeight(90);
    m_reviewers->setMaximumHeight(180);
    humanForm->addRow(m_reviewers);
    m_agreementBox = new QGroupBox(tr("Between reviewers"), figures);
    auto *agreementForm = new QFormLayout(m_agreementBox);
    QLabel *agreement = addFigure(agreementForm, QStringLiteral("agreement"), tr("Agreement:"));
    agreement->setWordWrap(true);
    figuresLayout->addWidget(gateBox);
    figuresLayout->addWidget(humanBox);
    figuresLayout->addWidget(m_agreementBox);
    figuresLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(figures);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(340);

    // Right: the chart (or what to do when there is nothing to chart), the suggestion and the history.
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 0, 0, 0);
    m_chart = new QcCurveChart(right);
    m_empty = new QLabel(right);
    m_empty->setObjectName(QStringLiteral("qcEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::MarkdownText);
    m_chartStack = new QStackedWidget(right);
    m_chartStack->addWidget(m_chart);
    m_chartStack->addWidget(m_empty);
    auto *suggestRow = new QHBoxLayout;
    m_suggested = new QLabel(right);
    m_suggested->setObjectName(QStringLiteral("suggestedLabel"));
    QFont bold = m_suggested->font();
    bold.setBold(true);
    m_suggested->setFont(bold);
    m_adopt = new QPushButton(tr("&Adopt"), right);
    m_adopt->setObjectName(QStringLiteral("adoptButton"));
    m_adopt->setToolTip(tr("Make the suggested threshold the gate's, recorded with your reviewer name"));
    m_adopt->setEnabled(false);
    connect(m_adopt, &QPushButton::clicked, this, &QcView::adoptSuggested);
    suggestRow->addWidget(m_suggested, 1);
    suggestRow->addWidget(m_adopt);
    auto *historyBox = new QGroupBox(tr("Adopted thresholds"), right);
    auto *historyLayout = new QVBoxLayout(historyBox);
    m_adoptedModel = new AdoptedThresholdModel(this);
    m_adoptedView = makeTable(m_adoptedModel, QStringLiteral("adoptedTable"), historyBox);
    m_adoptedView->setMaximumHeight(150);
    historyLayout->addWidget(m_adoptedView);
    rightLayout->addWidget(m_chartStack, 1);
    rightLayout->addLayout(suggestRow);
    rightLayout->addWidget(historyBox);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("qcSplitter"));
    split->addWidget(scroll);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    split->setSizes({380, 800});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
}

void QcView::setWorkspace(const QString &path)
{
    if (m_progress)
        m_progress->cancelled = true;
    ++m_generation;  // results for the old workspace are dropped
    m_path = path;
    m_report.reset();
    m_wantedThreshold.reset();
    m_reviewerModel->setFigures({});
    m_adoptedModel->setThresholds({});
    m_chart->setCurve({});
    if (path.isEmpty()) {
        showEmpty(tr("Open a workspace to see its quality figures."));
        return;
    }
    refresh();
}

void QcView::refresh()
{
    if (m_path.isEmpty())
        return;
    if (isVisible())
        m_reloadTimer->start();
    else
        m_stale = true;
}

void QcView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale || (!m_report && !m_path.isEmpty() && !m_busy)) {
        m_stale = false;
        m_reloadTimer->start();
    }
}

void QcView::startWork(const QString &message)
{
    m_busy = true;
    m_progress = std::make_shared<Progress>();
    m_progressBar->setRange(0, 0);
    m_progressBar->show();
    m_cancel->show();
    m_cancel->setEnabled(true);
    m_scoreAll->setEnabled(false);
    m_adopt->setEnabled(false);
    m_status->setText(message);
    m_progressTimer->start();
}

void QcView::finishWork()
{
    m_busy = false;
    m_progressTimer->stop();
    m_progressBar->hide();
    m_cancel->hide();
    m_scoreAll->setEnabled(!m_path.isEmpty());
    m_adopt->setEnabled(m_report && m_report->suggestedThreshold);
    if (m_reloadAfterWork) {
        m_reloadAfterWork = false;
        m_reloadTimer->start();
    }
}

void QcView::pollProgress()
{
    if (!m_progress)
        return;
    const qint64 total = m_progress->total;
    const qint64 done = m_progress->done;
    if (total <= 0)
        return;
    // QProgressBar takes ints: scale big workspaces down to per mille.
    m_progressBar->setRange(0, 1000);
    m_progressBar->setValue(int(1000.0 * double(done) / double(total)));
    m_progressBar->setFormat(tr("Scoring %1 of %2").arg(QLocale().toString(done), QLocale().toString(total)));
}

void QcView::cancel()
{
    if (m_progress)
        m_progress->cancelled = true;
    m_cancel->setEnabled(false);
    m_status->setText(tr("Stopping…"));
}

void QcView::load()
{
    if (m_path.isEmpty())
        return;
    if (m_busy) {
        m_reloadAfterWork = true;
        return;
    }
    startWork(tr("Computing the figures…"));
    const quint64 generation = ++m_generation;
    const QString path = m_path;
    const std::optional<double> threshold = m_wantedThreshold;
    auto progress = m_progress;
    auto future = QtConcurrent::run(&m_pool, [path, threshold, progress] {
        return withStore<QcReport>(path, [&](WorkspaceStore &store) {
            QualityStore quality(store);
            return QcReport::build(quality, threshold, progress->control());
        });
    });
    onFutureReady(this, future, [this, generation](Result<QcReport> r) {
        const bool current = generation == m_generation;
        if (current && !r) {
            m_status->setText(r.error().message);
            finishWork();
            emit errorOccurred(tr("The quality figures could not be computed:\n%1").arg(r.error().message));
            return;
        }
        if (current) {
            m_report = *r;
            showReport(*r);
            m_status->setText(r->newlyScored > 0
                                  ? tr("Scored %1 new scenarios.").arg(QLocale().toString(r->newlyScored))
                                  : QString());
        }
        finishWork();
        if (current)
            emit reportLoaded();
    });
}

void QcView::scoreAll()
{
    if (m_path.isEmpty() || m_busy)
        return;
    startWork(tr("Scoring…"));
    const QString path = m_path;
    auto progress = m_progress;
    auto future = QtConcurrent::run(&m_pool, [path, progress] {
        return withStore<qint64>(path, [&](WorkspaceStore &store) {
            return QualityStore(store).scoreMissing(progress->control());
        });
    });
    onFutureReady(this, future, [this, progress](Result<qint64> r) {
        if (!r) {
            m_status->setText(r.error().message);
            emit errorOccurred(tr("Scoring failed:\n%1").arg(r.error().message));
        } else {
            const QString scored = QLocale().toString(*r);
            m_status->setText(progress->cancelled ? tr("Stopped after scoring %1 scenarios.").arg(scored)
                                                  : tr("Scored %1 scenarios.").arg(scored));
        }
        m_reloadAfterWork = true;
        finishWork();
    });
}

bool QcView::adoptSuggested()
{
    if (m_busy || !m_report || !m_report->suggestedThreshold || m_path.isEmpty())
        return false;
    const QcReport &r = *m_report;
    const double chosen = *r.suggestedThreshold;
    const ThresholdCalibration::Point p = r.atSuggested.value_or(r.atThreshold);
    // The figures it is adopted on, as `kairix qc --adopt` records them.
    const Json figures{{"verdicts", r.verdicts}, {"f1", p.f1}, {"precision", p.precision}, {"recall", p.recall},
                       {"suggested", chosen},
                       {"kappa", r.autoVsHumanKappa ? Json(*r.autoVsHumanKappa) : Json(nullptr)}};
    QString who = m_reviewer.trimmed();
    if (who.isEmpty())
        who = QDir::home().dirName();
    startWork(tr("Adopting %1…").arg(QLocale().toString(chosen, 'f', 2)));
    const QString path = m_path;
    auto future = QtConcurrent::run(&m_pool, [path, chosen, who, figures] {
        return withStore<AdoptedThreshold>(path, [&](WorkspaceStore &store) {
            return QualityStore(store).adoptThreshold(chosen, who, figures);
        });
    });
    onFutureReady(this, future, [this](Result<AdoptedThreshold> a) {
        if (!a) {
            m_status->setText(a.error().message);
            emit errorOccurred(tr("The threshold could not be adopted:\n%1").arg(a.error().message));
            finishWork();
            return;
        }
        m_status->setText(tr("Adopted %1 as the gate's threshold.").arg(QLocale().toString(a->threshold, 'f', 2)));
        {
            const QSignalBlocker blocker(m_threshold);
            m_threshold->setValue(a->threshold);
        }
        m_wantedThreshold = a->threshold;
        m_reloadAfterWork = true;
        finishWork();
        emit thresholdAdopted(a->threshold);
    });
    return true;
}

void QcView::showEmpty(const QString &text)
{
    m_empty->setText(text);
    m_chartStack->setCurrentWidget(m_empty);
}

void QcView::showReport(const QcReport &r)
{
    const QLocale locale;
    {
        const QSignalBlocker blocker(m_threshold);
        m_threshold->setValue(r.threshold);
    }
    m_figures[QStringLiteral("scenarios")]->setText(locale.toString(r.gate.scenarios));
    m_figures[QStringLiteral("scored")]->setText(locale.toString(r.gate.scored));
    m_figures[QStringLiteral("kept")]->setText(locale.toString(r.gate.kept));
    m_figures[QStringLiteral("keepRate")]->setText(
        r.gate.scored > 0 ? percent(double(r.gate.kept) / double(r.gate.scored)) : QStringLiteral("–"));
    m_figures[QStringLiteral("verdicts")]->setText(
        tr("%1 on %2 scenarios").arg(locale.toString(r.verdicts), locale.toString(r.reviewedScenarios)));
    m_figures[QStringLiteral("humanKeeps")]->setText(locale.toString(r.humanKeeps));
    const bool any = r.verdicts > 0;
    m_figures[QStringLiteral("precision")]->setText(any ? figure3(r.atThreshold.precision) : QStringLiteral("–"));
    m_figures[QStringLiteral("recall")]->setText(any ? figure3(r.atThreshold.recall) : QStringLiteral("–"));
    m_figures[QStringLiteral("f1")]->setText(any ? figure3(r.atThreshold.f1) : QStringLiteral("–"));
    m_figures[QStringLiteral("kappa")]->setText(r.autoVsHumanKappa ? figure3(*r.autoVsHumanKappa) : QStringLiteral("–"));
    if (r.interReviewer) {
        const QString method = r.interReviewer->method == Agreement::MultiRater::Method::FleissKappa
                                   ? tr("Fleiss' κ") : tr("Krippendorff's α");
        m_figures[QStringLiteral("agreement")]->setText(tr("%1 %2 over %3 scenarios")
                                                            .arg(method, figure3(r.interReviewer->value))
                                                            .arg(locale.toString(r.interReviewer->items)));
    } else if (r.multiReviewed > 0) {
        m_figures[QStringLiteral("agreement")]->setText(
            tr("Undefined on %1 scenarios: every verdict is the same").arg(locale.toString(r.multiReviewed)));
    } else {
        m_figures[QStringLiteral("agreement")]->setText(tr("Needs scenarios reviewed by two or more reviewers"));
    }
    m_reviewerModel->setFigures(r.byReviewer);
    m_adoptedModel->setThresholds(r.adopted);

    m_chart->setCurve(r.curve);
    m_chart->setMarkers(r.threshold, r.suggestedThreshold);
    if (r.gate.scenarios == 0)
        showEmpty(tr("This workspace is empty: import datasets with File › Import… (Ctrl+I)."));
    else if (r.verdicts == 0)
        showEmpty(tr("**No verdicts yet:** review scenarios in the Review tab or with `kairix review`.\n\n"
                     "The curves compare the automatic gate with what reviewers accepted and rejected."));
    else
        m_chartStack->setCurrentWidget(m_chart);

    if (r.suggestedThreshold && r.atSuggested)
        m_suggested->setText(tr("Suggested: %1 (F1 %2)")
                                 .arg(locale.toString(*r.suggestedThreshold, 'f', 2), figure3(r.atSuggested->f1)));
    else if (r.verdicts > 0)
        m_suggested->setText(tr("No suggested threshold yet: no threshold keeps a single accepted scenario."));
    else
        m_suggested->setText(tr("No suggested threshold yet."));
}

QString QcView::figureText(const QString &key) const
{
    const QLabel *label = m_figures.value(key);
    return label ? label->text() : QString();
}

} // namespace kx
