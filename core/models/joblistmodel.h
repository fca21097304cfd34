// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/generationjob.h"

#include <QAbstractTableModel>
#include <QList>

namespace kx {

/**
 * The generation jobs of a workspace as a table, newest first: job number,
 * generator, backend and model, state, progress (items finished of items
 * planned), scenarios generated of requested, failed items, tokens used and
 * when the job was created.
 *
 * Holds values only; whoever owns the model feeds it: setJobs() with a full
 * list (GenerationJobRunner::jobs()), updateJob() with each live update
 * (GenerationJobRunner::jobUpdated). An update changes one row in place, so
 * the view keeps its selection; a job not seen before is inserted at the top.
 *
 * GUI thread only (like every item model). Headless: no painting here; the
 * Progress column's bar is drawn by ui/jobs/JobProgressDelegate from
 * ProgressRole.
 */
class JobListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobListModel)

public:
    enum Column {
        JobColumn,        ///< "#12"
        GeneratorColumn,  ///< the registry key, e.g. "memory"
        BackendColumn,    ///< "Offline" or "OpenAI · <model>"
        StateColumn,      ///< jobStateLabel()
        ProgressColumn,   ///< "finished / total" items; the delegate paints a bar
        ScenariosColumn,  ///< "generated / requested"
        FailedColumn,     ///< failed items
        TokensColumn,     ///< prompt + completion tokens
        CreatedColumn,    ///< local time, short format
        ColumnCount
    };
    enum Role {
        JobIdRole = Qt::UserRole + 1, ///< qint64
        ProgressRole,                 ///< double in [0, 1]; failed items count as finished
        StateRole,                    ///< int(JobState)
        ItemsFinishedRole,            ///< int: done + failed items
        ItemsTotalRole,               ///< int: items planned; 0 before the plan is made
    };

    explicit JobListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /**
     * Replaces every job (expected newest first). When the ids are the same
     * and in the same order the rows are updated in place (dataChanged), so
     * selections survive a refresh; otherwise the model is reset.
     */
    void setJobs(QList<GenerationJob> jobs);
    /** Updates the row of @p job (dataChanged on that row only), or inserts it at the top when new. */
    void updateJob(const GenerationJob &job);
    /** Removes every job. */
    void clear();

    /** The job at @p row; @p row must be valid. */
    const GenerationJob &job(int row) const { return m_jobs.at(row); }
    /** Every job, in row order. */
    const QList<GenerationJob> &jobs() const { return m_jobs; }
    /** The row of job @p id, or -1. */
    int rowOf(qint64 id) const;

    /** How the backend and model are shown: "Offline", "OpenAI-compatible · gpt-4o-mini". */
    /** The state as shown: a job stored as Running by a process that is gone is "Interrupted". */
    static QString stateLabel(const GenerationJob &job);
    static QString backendLabel(const GenerationJob &job);

private:
    QVariant display(const GenerationJob &job, int column) const;
    QVariant toolTip(const GenerationJob &job, int column) const;

    QList<GenerationJob> m_jobs;
};

} // namespace kx
