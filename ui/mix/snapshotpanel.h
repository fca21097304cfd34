// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exporters/scenarioexporter.h"
#include "mix/snapshot.h"
#include "mix/snapshotdiff.h"

#include <QThreadPool>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTreeWidget;

namespace kx {

class SnapshotListModel;

/**
 * Snapshots of the curated suite (issue 6, item 5): create one (name, size,
 * seed, whether a category's shortfall is filled from the others), list them,
 * export one as JSONL or parquet, and diff two of them.
 *
 * Store access runs on a private one-thread pool with its own connection to
 * the workspace file. Creating a snapshot adds a dataset to the registry, so
 * it emits workspaceChanged() for the other views.
 */
class SnapshotPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotPanel)

public:
    explicit SnapshotPanel(QWidget *parent = nullptr);
    ~SnapshotPanel() override;

    /** The workspace file (empty: none). Call once it is open and migrated. */
    void setWorkspace(const QString &path);
    /** Reloads the list. */
    void refresh();
    /** The size the form proposes (the largest suite that honours the mix, say); kept until the user edits it. */
    void setDefaultSize(qint64 size);

    /** Samples and stores a snapshot off the GUI thread; false when work is running or there is no workspace. */
    bool createSnapshot(const QString &name, qint64 size, quint64 seed, bool redistribute);
    /** Writes snapshot @p id to @p path (format from the file name) off the GUI thread. */
    bool exportSnapshot(qint64 id, const QString &path);
    /** Compares snapshot @p fromId (older) with @p toId (newer) off the GUI thread. */
    bool diffSnapshots(qint64 fromId, qint64 toId);
    bool isBusy() const { return m_busy; }

    SnapshotListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QTreeWidget *diffView() const { return m_diff; }
    QSpinBox *sizeBox() const { return m_size; }
    QLineEdit *nameEdit() const { return m_name; }

Q_SIGNALS:
    /** The list was (re)loaded. */
    void listLoaded();
    void snapshotCreated(const kx::Snapshot &snapshot);
    void exported(const QString &path, qint64 scenarios);
    void diffReady(const kx::SnapshotDiff &diff);
    /** A snapshot was stored: the registry has a new dataset. */
    void workspaceChanged();
    void errorOccurred(const QString &message);

private:
    void createFromForm();
    void exportSelected();
    void diffSelected();
    QList<qint64> selectedIds() const;
    void updateButtons();
    void setBusy(bool busy, const QString &message = {});
    void showDiff(const SnapshotDiff &diff, const QString &from, const QString &to);

    QString m_path;
    bool m_busy = false;
    bool m_sizeEdited = false;
    quint64 m_generation = 0;
    QThreadPool m_pool;
    SnapshotListModel *m_model = nullptr;
    QLineEdit *m_name = nullptr;
    QSpinBox *m_size = nullptr;
    QSpinBox *m_seed = nullptr;
    QCheckBox *m_redistribute = nullptr;
    QPushButton *m_create = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_diffButton = nullptr;
    QLabel *m_status = nullptr;
    QTreeWidget *m_diff = nullptr;
};

} // namespace kx
