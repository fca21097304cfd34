// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshotpanel.h"

#include "mix/snapshotsampler.h"
#include "models/futurereply.h"
#include "models/snapshotlistmodel.h"
#include "store/mixstore.h"
#include "store/snapshotstore.h"
#include "store/workspacestore.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <limits>

namespace kx {

namespace {

template<typename T, typename Fn>
Result<T> withStore(const QString &path, Fn fn)
{
    auto store = WorkspaceStore::open(path);
    if (!store)
        return store.error();
    return fn(**store);
}

struct DiffOutcome
{
    SnapshotDiff diff;
    QString from;
    QString to;
};

QString label(const Snapshot &s)
{
    return SnapshotPanel::tr("%1 v%2").arg(s.name, s.version);
}

} // namespace

SnapshotPanel::SnapshotPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("snapshotPanel"));
    m_pool.setMaxThreadCount(1);

    m_name = new QLineEdit(QStringLiteral("suite"), this);
    m_name->setObjectName(QStringLiteral("snapshotName"));
    m_size = new QSpinBox(this);
    m_size->setObjectName(QStringLiteral("snapshotSize"));
    m_size->setRange(1, std::numeric_limits<int>::max());
    m_size->setToolTip(tr("Scenarios in the suite; the default is the largest that honours the mix exactly"));
    connect(m_size, &QSpinBox::valueChanged, this, [this] { m_sizeEdited = true; });
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("snapshotSeed"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_redistribute = new QCheckBox(tr("Fill shortfalls from other categories"), this);
    m_redistribute->setObjectName(QStringLiteral("snapshotRedistribute"));
    m_redistribute->setToolTip(tr("When a category lacks accepted scenarios, take its places from the others "
                                  "(full size, mix bent) instead of leaving them empty"));
    m_create = new QPushButton(tr("Create Snapshot"), this);
    m_create->setObjectName(QStringLiteral("createSnapshotButton"));
    connect(m_create, &QPushButton::clicked, this, &SnapshotPanel::createFromForm);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_size, 1);
    sizeRow->addWidget(new QLabel(tr("Seed:"), this));
    sizeRow->addWidget(m_seed, 1);
    form->addRow(tr("Size:"), sizeRow);
    auto *createRow = new QHBoxLayout;
    createRow->addWidget(m_redistribute, 1);
    createRow->addWidget(m_create);
    form->addRow(createRow);

    m_model = new SnapshotListModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("snapshotTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SnapshotPanel::updateButtons);

    m_export = new QPushButton(tr("Export…"), this);
    m_export->setObjectName(QStringLiteral("exportSnapshotButton"));
    m_export->setToolTip(tr("Write the selected snapshot as TestScenario JSONL, or parquet when the file name ends in .parquet"));
    connect(m_export, &QPushButton::clicked, this, &SnapshotPanel::exportSelected);
    m_diffButton = new QPushButton(tr("Diff"), this);
    m_diffButton->setObjectName(QStringLiteral("diffSnapshotsButton"));
    m_diffButton->setToolTip(tr("Compare the two selected snapshots"));
    connect(m_diffButton, &QPushButton::clicked, this, &SnapshotPanel::diffSelected);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("snapshotStatus"));
    m_status->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_export);
    buttons->addWidget(m_diffButton);

    m_diff = new QTreeWidget(this);
    m_diff->setObjectName(QStringLiteral("snapshotDiff"));
    m_diff->setHeaderLabels({tr("Difference")});
    m_diff->setHeaderHidden(true);
    m_diff->setRootIsDecorated(true);
    m_diff->hide();  // until there is a diff to show

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *listSide = new QWidget(split);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_view, 1);
    listLayout->addLayout(buttons);
    split->addWidget(listSide);
    split->addWidget(m_diff);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(split, 1);
    updateButtons();
}

SnapshotPanel::~SnapshotPanel()
{
    m_pool.waitForDone();
}

void SnapshotPanel::setWorkspace(const QString &path)
{
    ++m_generation;
    m_path = path;
    m_model->setSnapshots({});
    m_diff->clear();
    m_diff->hide();
    m_status->clear();
    m_sizeEdited = false;
    refresh();
}

void SnapshotPanel::setDefaultSize(qint64 size)
{
    if (m_sizeEdited || size <= 0)
        return;
    const QSignalBlocker blocker(m_size);
    m_size->setValue(int(qMin<qint64>(size, std::numeric_limits<int>::max())));
}

void SnapshotPanel::refresh()
{
    if (m_path.isEmpty()) {
        updateButtons();
        return;
    }
    const quint64 generation = m_generation;
    const QString path = m_path;
    auto future = QtConcurrent::run(&m_pool, [path] {
        return withStore<QList<Snapshot>>(path, [](WorkspaceStore &store) { return SnapshotStore(store).snapshots(); });
    });
    onFutureReady(this, future, [this, generation](Result<QList<Snapshot>> r) {
        if (generation != m_generation)
            return;
        if (!r) {
            emit errorOccurred(tr("The snapshots could not be read:\n%1").arg(r.error().message));
            return;
        }
        const QList<qint64> selected = selectedIds();
        m_model->setSnapshots(*r);
        for (qint64 id : selected) {
            const int row = m_model->rowOf(id);
            if (row >= 0)
                m_view->selectionModel()->select(m_model->index(row, 0),
                                                 QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        updateButtons();
        emit listLoaded();
    });
}

QList<qint64> SnapshotPanel::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(index.data(SnapshotListModel::SnapshotIdRole).toLongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void SnapshotPanel::updateButtons()
{
    const int selected = int(m_view->selectionModel()->selectedRows().size());
    const bool ready = !m_path.isEmpty() && !m_busy;
    m_create->setEnabled(ready);
    m_export->setEnabled(ready && selected == 1);
    m_diffButton->setEnabled(ready && selected == 2);
}

void SnapshotPanel::setBusy(bool busy, const QString &message)
{
    m_busy = busy;
    if (!message.isEmpty() || busy)
        m_status->setText(message);
    updateButtons();
}

void SnapshotPanel::createFromForm()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        emit errorOccurred(tr("A snapshot needs a name."));
        return;
    }
    createSnapshot(name, m_size->value(), quint64(m_seed->value()), m_redistribute->isChecked());
}

bool SnapshotPanel::createSnapshot(const QString &name, qint64 size, quint64 seed, bool redistribute)
{
    if (m_busy || m_path.isEmpty())
        return false;
    setBusy(true, tr("Creating “%1”…").arg(name));
    const QString path = m_path;
    const auto policy = redistribute ? SnapshotSampler::ShortfallPolicy::Redistribute
                                     : SnapshotSampler::ShortfallPolicy::Keep;
    auto future = QtConcurrent::run(&m_pool, [path, name, size, seed, policy] {
        return withStore<Snapshot>(path, [&](WorkspaceStore &store) -> Result<Snapshot> {
            MixStore mix(store);
            SnapshotStore snapshots(store);
            auto target = mix.target();
            if (!target)
                return target.error();
            auto candidates = mix.acceptedCandidates();
            if (!candidates)
                return candidates.error();
            if (candidates->isEmpty())
                return Error::badInput(tr("No accepted scenario to put in a snapshot: review some first."));
            auto selection = SnapshotSampler::sample(*candidates, *target, size, seed, policy);
            if (!selection)
                return selection.error();
            auto version = snapshots.nextVersion(name);
            if (!version)
                return version.error();
            return snapshots.create(Snapshot::fromSelection(name, *version, QDateTime::currentDateTimeUtc(),
                                                            *selection, *target));
        });
    });
    onFutureReady(this, future, [this](Result<Snapshot> r) {
        if (!r) {
            setBusy(false, r.error().message);
            emit errorOccurred(tr("The snapshot could not be created:\n%1").arg(r.error().message));
            return;
        }
        const qint64 shortfall = SnapshotListModel::shortfallOf(*r);
        setBusy(false, shortfall > 0 ? tr("Created %1 with %2 scenarios, %3 short of the mix.")
                                           .arg(label(*r)).arg(r->members.size()).arg(shortfall)
                                     : tr("Created %1 with %2 scenarios.").arg(label(*r)).arg(r->members.size()));
        refresh();
        emit snapshotCreated(*r);
        emit workspaceChanged();
    });
    return true;
}

void SnapshotPanel::exportSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() != 1)
        return;
    const int row = m_model->rowOf(ids.first());
    const Snapshot &s = m_model->snapshots().at(row);
    const QString suggested = QStringLiteral("%1-v%2.jsonl").arg(s.name, s.version);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Snapshot"), suggested,
                                                      tr("TestScenario JSONL (*.jsonl);;Parquet (*.parquet)"));
    if (!path.isEmpty())
        exportSnapshot(s.id, path);
}

bool SnapshotPanel::exportSnapshot(qint64 id, const QString &path)
{
    if (m_busy || m_path.isEmpty())
        return false;
    setBusy(true, tr("Exporting to %1…").arg(QFileInfo(path).fileName()));
    const QString workspace = m_path;
    auto future = QtConcurrent::run(&m_pool, [workspace, id, path] {
        return withStore<ExportOutcome>(workspace, [&](WorkspaceStore &store) -> Result<ExportOutcome> {
            SnapshotStore snapshots(store);
            if (auto s = snapshots.snapshot(id); !s)
                return s.error();
            return ScenarioExporter::write(path, ScenarioExporter::formatForPath(path),
                                           [&](const ScenarioExporter::ScenarioVisitor &visit) {
                                               return snapshots.forEachScenario(id, visit);
                                           });
        });
    });
    onFutureReady(this, future, [this, path](Result<ExportOutcome> r) {
        if (!r) {
            setBusy(false, r.error().message);
            emit errorOccurred(tr("The snapshot could not be exported:\n%1").arg(r.error().message));
            return;
        }
        setBusy(false, tr("Exported %1 scenarios to %2.").arg(r->scenarios).arg(QFileInfo(path).fileName()));
        emit exported(path, r->scenarios);
    });
    return true;
}

void SnapshotPanel::diffSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.size() == 2)
        diffSnapshots(ids.at(0), ids.at(1));
}

bool SnapshotPanel::diffSnapshots(qint64 fromId, qint64 toId)
{
    if (m_busy || m_path.isEmpty())
        return false;
    setBusy(true, tr("Comparing…"));
    const QString path = m_path;
    auto future = QtConcurrent::run(&m_pool, [path, fromId, toId] {
        return withStore<DiffOutcome>(path, [&](WorkspaceStore &store) -> Result<DiffOutcome> {
            SnapshotStore snapshots(store);
            auto from = snapshots.snapshot(fromId);
            if (!from)
                return from.error();
            auto to = snapshots.snapshot(toId);
            if (!to)
                return to.error();
            auto diff = SnapshotDiff::compute(from->members, to->members);
            if (!diff)
                return diff.error();
            return DiffOutcome{*diff, label(*from), label(*to)};
        });
    });
    onFutureReady(this, future, [this](Result<DiffOutcome> r) {
        if (!r) {
            setBusy(false, r.error().message);
            emit errorOccurred(tr("The snapshots could not be compared:\n%1").arg(r.error().message));
            return;
        }
        setBusy(false, tr("%1 → %2: %3 added, %4 removed, %5 changed, %6 unchanged.")
                           .arg(r->from, r->to)
                           .arg(r->diff.added().size())
                           .arg(r->diff.removed().size())
                           .arg(r->diff.changed().size())
                           .arg(r->diff.unchangedCount()));
        showDiff(r->diff, r->from, r->to);
        emit diffReady(r->diff);
    });
    return true;
}

void SnapshotPanel::showDiff(const SnapshotDiff &diff, const QString &from, const QString &to)
{
    m_diff->clear();
    m_diff->show();
    m_diff->setHeaderHidden(false);
    m_diff->setHeaderLabels({tr("%1 → %2").arg(from, to)});
    const QList<std::pair<QString, QStringList>> groups = {
        {tr("Added (%1)").arg(diff.added().size()), diff.added()},
        {tr("Removed (%1)").arg(diff.removed().size()), diff.removed()},
        {tr("Changed (%1)").arg(diff.changed().size()), diff.changed()},
    };
    for (const auto &[title, uids] : groups) {
        auto *group = new QTreeWidgetItem(m_diff, {title});
        for (const QString &uid : uids)
            new QTreeWidgetItem(group, {uid});
        group->setExpanded(uids.size() <= 50);
    }
    new QTreeWidgetItem(m_diff, {tr("Unchanged: %1").arg(QLocale().toString(diff.unchangedCount()))});
}

} // namespace kx
