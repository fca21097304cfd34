// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mix/generationplan.h"
#include "mix/mixreport.h"
#include "store/mixstore.h"

#include <QMap>
#include <QPointer>
#include <QThreadPool>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace kx {

class GenerationJobRunner;
class GenerationPlanModel;
class MixChart;
class MixSourceModel;
class MixTargetEditor;
class SnapshotPanel;

/**
 * The Mix page (issue 6, items 4 and 5): the target beside what passed review
 * per category (a grouped bar chart) and per source (a table); the target
 * editor; the suite size; the generation planner with "Launch jobs"; and the
 * snapshots panel.
 *
 * Store access runs on a private one-thread pool with its own connection to
 * the workspace file; the plan is computed on the GUI thread from values (it
 * is arithmetic). Jobs go through the main window's GenerationJobRunner.
 */
class MixDashboard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MixDashboard)

public:
    explicit MixDashboard(QWidget *parent = nullptr);
    ~MixDashboard() override;

    /** The workspace file (empty: none). Call once it is open and migrated. */
    void setWorkspace(const QString &path);
    /** The runner "Launch jobs" uses; null disables it. Not owned. */
    void setJobRunner(GenerationJobRunner *runner);
    /** Reloads soon when on show, else the next time it is shown. */
    void refresh();

    /** Saves @p target to the workspace off the GUI thread; false (nothing saved) when it is not a mix. */
    bool saveTarget(const MixTarget &target);
    /** Starts one job per generate item of the current plan, without asking; returns how many were started. */
    int launchPlannedJobs();

    /** The last report shown, if any. */
    const std::optional<MixReport> &report() const { return m_report; }
    const GenerationPlan &plan() const;
    qint64 suiteSize() const;
    void setSuiteSize(qint64 size);

    // For tests and screenshots.
    MixChart *chart() const { return m_chart; }
    MixTargetEditor *targetEditor() const { return m_targetEditor; }
    MixSourceModel *sourceModel() const { return m_sourceModel; }
    GenerationPlanModel *planModel() const { return m_planModel; }
    SnapshotPanel *snapshotPanel() const { return m_snapshots; }
    QPushButton *launchButton() const { return m_launch; }
    QLabel *summaryLabel() const { return m_summary; }

Q_SIGNALS:
    /** A report was loaded and is on show. */
    void reportLoaded();
    /** The target was saved. */
    void targetSaved(const kx::MixTarget &target);
    /** @p count jobs were handed to the runner. */
    void jobsLaunched(int count);
    /** Something this page wrote changed the registry (a snapshot). */
    void workspaceChanged();
    void errorOccurred(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Loaded
    {
        MixReport report;
        QMap<QString, GeneratorAcceptance> acceptance;
    };
    void createWidgets();
    void load();
    void showLoaded(const Loaded &loaded);
    void replan();
    void confirmAndLaunch();
    void updateLaunchButton();

    QString m_path;
    QPointer<GenerationJobRunner> m_runner;
    std::optional<MixReport> m_report;
    QMap<QString, GeneratorAcceptance> m_acceptance;
    bool m_stale = false;
    bool m_loading = false;
    bool m_reloadAfter = false;
    bool m_suiteSizeEdited = false;
    quint64 m_generation = 0;

    QThreadPool m_pool;
    QTimer *m_reloadTimer = nullptr;
    MixChart *m_chart = nullptr;
    QComboBox *m_chartMode = nullptr;
    QLabel *m_summary = nullptr;
    QSpinBox *m_suiteSize = nullptr;
    QPushButton *m_suiteReset = nullptr;
    MixTargetEditor *m_targetEditor = nullptr;
    MixSourceModel *m_sourceModel = nullptr;
    QTableView *m_sourceView = nullptr;
    GenerationPlanModel *m_planModel = nullptr;
    QTableView *m_planView = nullptr;
    QLabel *m_planSummary = nullptr;
    QPushButton *m_launch = nullptr;
    SnapshotPanel *m_snapshots = nullptr;
};

} // namespace kx
