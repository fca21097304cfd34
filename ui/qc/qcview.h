// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "qc/qcreport.h"

#include <QHash>
#include <QThreadPool>
#include <QWidget>

#include <memory>
#include <optional>

class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace kx {

class AdoptedThresholdModel;
class QcCurveChart;
class ReviewerFiguresModel;

/**
 * The Quality page: the automatic gate at a threshold against the human
 * verdicts (issue 6, item 3). Shows the gate's counts and keep rate; the
 * verdicts; precision, recall and F1 of "auto keep"; Cohen's kappa between
 * the gate and the reviewers, pooled and per reviewer; agreement between
 * reviewers; a chart of the curves over thresholds; the suggested threshold
 * with a one-click Adopt; and the adopted history.
 *
 * Every store access runs on a private one-thread pool with its own
 * connection to the workspace file, never on the GUI thread. Building the
 * report first scores the scenarios that have no automatic scores, which can
 * take seconds on a big workspace: the progress bar and Cancel cover it (a
 * cancelled scoring keeps what was scored and reports on that).
 */
class QcView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QcView)

public:
    explicit QcView(QWidget *parent = nullptr);
    ~QcView() override;

    /** The workspace file to report on (empty: none). Call once the file is open and migrated. */
    void setWorkspace(const QString &path);
    /** Who "Adopt" records; empty falls back to the login name. */
    void setReviewer(const QString &name) { m_reviewer = name; }
    /** Reloads soon when on show, else the next time it is shown. */
    void refresh();

    /** Scores every scenario without automatic scores, with progress, then reloads. */
    void scoreAll();
    /** Asks the running work to stop at its next safe point. */
    void cancel();
    /** Adopts the suggested threshold (what the Adopt button does); false when there is none or work is running. */
    bool adoptSuggested();

    /** The last report shown, if any. */
    const std::optional<QcReport> &report() const { return m_report; }
    bool isBusy() const { return m_busy; }

    // For tests and screenshots.
    QDoubleSpinBox *thresholdBox() const { return m_threshold; }
    QPushButton *scoreAllButton() const { return m_scoreAll; }
    QPushButton *adoptButton() const { return m_adopt; }
    QcCurveChart *chart() const { return m_chart; }
    QLabel *suggestedLabel() const { return m_suggested; }
    QLabel *emptyLabel() const { return m_empty; }
    /** The text of the figure called @p key: "scenarios", "scored", "kept", "keepRate", "verdicts", "humanKeeps", "precision", "recall", "f1", "kappa", "agreement". */
    QString figureText(const QString &key) const;
    ReviewerFiguresModel *reviewerModel() const { return m_reviewerModel; }
    AdoptedThresholdModel *adoptedModel() const { return m_adoptedModel; }

Q_SIGNALS:
    /** A report was built and is on show. */
    void reportLoaded();
    /** A threshold was adopted and recorded. */
    void thresholdAdopted(double threshold);
    /** Something failed; @p message is for the user. */
    void errorOccurred(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Progress;
    void createWidgets();
    QLabel *addFigure(QFormLayout *form, const QString &key, const QString &label);
    void load();
    void startWork(const QString &message);
    void finishWork();
    void showReport(const QcReport &report);
    void showEmpty(const QString &text);
    void pollProgress();

    QString m_path;
    QString m_reviewer;
    std::optional<double> m_wantedThreshold;  ///< nullopt: the adopted one
    std::optional<QcReport> m_report;
    bool m_busy = false;
    bool m_stale = false;
    bool m_reloadAfterWork = false;
    quint64 m_generation = 0;
    std::shared_ptr<Progress> m_progress;

    QThreadPool m_pool;
    QTimer *m_reloadTimer = nullptr;
    QTimer *m_progressTimer = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QPushButton *m_scoreAll = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_status = nullptr;
    QHash<QString, QLabel *> m_figures;
    QGroupBox *m_agreementBox = nullptr;
    QTableView *m_reviewers = nullptr;
    ReviewerFiguresModel *m_reviewerModel = nullptr;
    QTableView *m_adoptedView = nullptr;
    AdoptedThresholdModel *m_adoptedModel = nullptr;
    QStackedWidget *m_chartStack = nullptr;
    QcCurveChart *m_chart = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_suggested = nullptr;
    QPushButton *m_adopt = nullptr;
};

} // namespace kx
