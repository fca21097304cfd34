// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"

#include "importpreviewwidget.h"

#include "settings/settings.h"
#include "store/workspacestore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace kx {

namespace {
constexpr int progressScale = 1000;
}

ImportDialog::ImportDialog(const QString &workspacePath, QWidget *parent)
    : QDialog(parent)
    , m_workspacePath(workspacePath)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import Datasets"));
    setMinimumWidth(560);
    resize(920, 760);

    m_paths = new QListWidget(this);
    m_paths->setObjectName(QStringLiteral("importPaths"));
    m_paths->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_paths->setAccessibleName(tr("Files and folders to import"));
    m_paths->setMinimumHeight(90);
    m_paths->setMaximumHeight(110);

    m_addFiles = new QPushButton(style()->standardIcon(QStyle::SP_FileIcon), tr("Add &Files…"), this);
    m_addFolder = new QPushButton(style()->standardIcon(QStyle::SP_DirIcon), tr("Add F&older…"), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    connect(m_addFiles, &QPushButton::clicked, this, &ImportDialog::addFiles);
    connect(m_addFolder, &QPushButton::clicked, this, &ImportDialog::addFolder);
    connect(m_remove, &QPushButton::clicked, this, &ImportDialog::removeSelected);
    connect(m_paths, &QListWidget::itemSelectionChanged, this, &ImportDialog::updateButtons);

    auto *pathButtons = new QVBoxLayout;
    pathButtons->addWidget(m_addFiles);
    pathButtons->addWidget(m_addFolder);
    pathButtons->addWidget(m_remove);
    pathButtons->addStretch();
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_paths, 1);
    pathRow->addLayout(pathButtons);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("importKind"));
    const QList<QPair<QString, QString>> kinds = {
        {QStringLiteral("auto"), tr("Auto-detect")},
        {QStringLiteral("gsm8k"), tr("GSM8K")},
        {QStringLiteral("mmlu"), tr("MMLU")},
        {QStringLiteral("bbh"), tr("BIG-Bench Hard")},
        {QStringLiteral("personachat"), tr("PersonaChat")},
        {QStringLiteral("wow"), tr("Wizard of Wikipedia")},
        {QStringLiteral("empathetic"), tr("EmpatheticDialogues")},
        {QStringLiteral("toolbench"), tr("ToolBench")},
        {QStringLiteral("webshop"), tr("WebShop")},
        {QStringLiteral("librispeech"), tr("LibriSpeech")},
        {QStringLiteral("vctk"), tr("VCTK")},
        {QStringLiteral("scenarios"), tr("Kairix scenarios (JSONL)")},
        {QStringLiteral("generic"), tr("Generic (map columns)")},
    };
    QHash<QString, QString> kindNames;
    for (const auto &[key, label] : kinds) {
        m_kind->addItem(label, key);
        kindNames.insert(key, label);
    }
    kindNames.insert(QStringLiteral("audio"), tr("Audio"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ImportDialog::kindChanged);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("importName"));
    m_name->setPlaceholderText(tr("Optional — derived from the files when empty"));
    m_name->setClearButtonEnabled(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("Dataset &name:"), m_name);

    // The generic import's column mapping, shown only for that kind.
    auto *mappingBox = new QGroupBox(tr("Column mapping"), this);
    mappingBox->setObjectName(QStringLiteral("importMapping"));
    // Two label/combo pairs per row: six full-width rows would push the preview off screen.
    auto *mappingGrid = new QGridLayout(mappingBox);
    mappingGrid->setColumnStretch(1, 1);
    mappingGrid->setColumnStretch(3, 1);
    mappingGrid->setHorizontalSpacing(12);
    const QList<QPair<QString, QString>> targets = {
        {QStringLiteral("user"), tr("&User message (required):")},
        {QStringLiteral("system"), tr("S&ystem prompt:")},
        {QStringLiteral("expected"), tr("&Expected answer:")},
        {QStringLiteral("id"), tr("I&D:")},
        {QStringLiteral("name"), tr("Na&me:")},
        {QStringLiteral("category"), tr("Ca&tegory:")},
    };
    for (const auto &[key, label] : targets) {
        auto *combo = new QComboBox(mappingBox);
        combo->setObjectName(QStringLiteral("mapping_") + key);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMinimumContentsLength(16);
        connect(combo, &QComboBox::currentIndexChanged, this, &ImportDialog::updateButtons);
        auto *labelWidget = new QLabel(label, mappingBox);
        labelWidget->setBuddy(combo);
        const int n = int(m_mapping.size());
        mappingGrid->addWidget(labelWidget, n / 2, (n % 2) * 2);
        mappingGrid->addWidget(combo, n / 2, (n % 2) * 2 + 1);
        m_mapping.append({key, combo});
    }
    m_mappingBox = mappingBox;
    m_mappingBox->setVisible(false);

    m_preview = new ImportPreviewWidget(this);
    m_preview->setKindNames(kindNames);
    connect(m_preview, &ImportPreviewWidget::previewed, this, &ImportDialog::updateMappingColumns);
    connect(m_paths, &QListWidget::itemSelectionChanged, this, &ImportDialog::updatePreview);
    auto *previewBox = new QGroupBox(tr("Preview"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_preview);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setRange(0, progressScale);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_importButton = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setDefault(true);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Choose dataset files or folders as downloaded from the Hugging Face Hub "
                                "or upstream. Each file or folder becomes one dataset; the whole import "
                                "is one transaction."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(pathRow);
    layout->addLayout(form);
    layout->addWidget(m_mappingBox);
    layout->addWidget(previewBox, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ImportDialog::finished);
    updateButtons();
}

ImportDialog::~ImportDialog()
{
    // Never leave a worker writing into a dialog that is gone: stop and wait.
    if (m_watcher.isRunning()) {
        m_watcher.cancel();
        m_watcher.waitForFinished();
    }
}

void ImportDialog::setPaths(const QStringList &paths)
{
    m_paths->clear();
    for (const QString &p : paths) {
        auto *item = new QListWidgetItem(QDir::toNativeSeparators(p), m_paths);
        item->setIcon(style()->standardIcon(QFileInfo(p).isDir() ? QStyle::SP_DirIcon : QStyle::SP_FileIcon));
        item->setToolTip(item->text());
    }
    updateButtons();
    updatePreview();
}

QStringList ImportDialog::paths() const
{
    QStringList result;
    for (int i = 0; i < m_paths->count(); ++i)
        result.append(QDir::fromNativeSeparators(m_paths->item(i)->text()));
    return result;
}

void ImportDialog::setKind(const QString &kind)
{
    const int i = m_kind->findData(kind);
    m_kind->setCurrentIndex(i < 0 ? 0 : i);
}

QString ImportDialog::kind() const
{
    return m_kind->currentData().toString();
}

void ImportDialog::setDatasetName(const QString &name)
{
    m_name->setText(name);
}

ImportRequest ImportDialog::request() const
{
    ImportRequest r;
    r.paths = paths();
    r.kind = kind();
    r.name = m_name->text().trimmed();
    r.mapping = mapping();
    return r;
}

void ImportDialog::setMapping(const QString &target, const QString &column)
{
    for (const auto &[key, combo] : std::as_const(m_mapping)) {
        if (key == target) {
            const int i = combo->findData(column);
            combo->setCurrentIndex(i < 0 ? 0 : i);
        }
    }
}

QStringList ImportDialog::mapping() const
{
    QStringList items;
    if (kind() != QLatin1String("generic"))
        return items;
    for (const auto &[key, combo] : m_mapping) {
        const QString column = combo->currentData().toString();
        if (!column.isEmpty())
            items.append(key + QLatin1Char('=') + column);
    }
    return items;
}

void ImportDialog::kindChanged()
{
    m_mappingBox->setVisible(kind() == QLatin1String("generic"));
    updateButtons();
}

void ImportDialog::updatePreview()
{
    // The first selected entry in list order, else the first entry.
    QString path;
    for (int i = 0; i < m_paths->count() && path.isEmpty(); ++i)
        if (m_paths->item(i)->isSelected())
            path = QDir::fromNativeSeparators(m_paths->item(i)->text());
    if (path.isEmpty() && m_paths->count() > 0)
        path = QDir::fromNativeSeparators(m_paths->item(0)->text());
    m_preview->setPath(path);
}

void ImportDialog::updateMappingColumns()
{
    const QStringList columns = m_preview->columns();
    for (const auto &[key, combo] : std::as_const(m_mapping)) {
        // Keep a choice the new file still has, so picking another shard keeps the form.
        const QString current = combo->currentData().toString();
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(key == QLatin1String("user") ? tr("— choose a column —") : tr("(none)"), QString());
        for (const QString &c : columns)
            combo->addItem(c, c);
        const int i = combo->findData(current);
        combo->setCurrentIndex(i < 0 ? 0 : i);
    }
    updateButtons();
}

void ImportDialog::addFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add Files"), Settings::lastImportDirectory().value(),
        tr("Dataset files (*.jsonl *.json *.csv *.parquet *.tsv);;All files (*)"));
    if (files.isEmpty())
        return;
    Settings::lastImportDirectory().setValue(QFileInfo(files.constFirst()).absolutePath());
    QStringList all = paths();
    for (const QString &f : files)
        if (!all.contains(f))
            all.append(f);
    setPaths(all);
}

void ImportDialog::addFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add Folder"),
                                                          Settings::lastImportDirectory().value());
    if (dir.isEmpty())
        return;
    Settings::lastImportDirectory().setValue(dir);
    QStringList all = paths();
    if (!all.contains(dir))
        all.append(dir);
    setPaths(all);
}

void ImportDialog::removeSelected()
{
    qDeleteAll(m_paths->selectedItems());
    updateButtons();
    updatePreview();
}

void ImportDialog::updateButtons()
{
    const bool running = m_watcher.isRunning();
    // A generic import needs at least the user message's column.
    const bool mapped = kind() != QLatin1String("generic")
        || !m_mapping.constFirst().second->currentData().toString().isEmpty();
    m_importButton->setEnabled(!running && m_paths->count() > 0 && mapped);
    m_remove->setEnabled(!running && !m_paths->selectedItems().isEmpty());
}

void ImportDialog::setRunning(bool running)
{
    for (QWidget *w : {static_cast<QWidget *>(m_paths), static_cast<QWidget *>(m_addFiles),
                       static_cast<QWidget *>(m_addFolder), static_cast<QWidget *>(m_kind),
                       static_cast<QWidget *>(m_name), m_mappingBox})
        w->setEnabled(!running);
    m_progress->setVisible(running);
    updateButtons();
}

QFuture<Result<ImportOutcome>> ImportDialog::runImport(const QString &workspacePath, const ImportRequest &request)
{
    return QtConcurrent::run([workspacePath, request](QPromise<Result<ImportOutcome>> &promise) {
        promise.setProgressRange(0, progressScale);
        // A connection of our own: the window's AsyncWorkspace keeps reading
        // from the same file meanwhile (WAL), and sees the import on commit.
        auto store = WorkspaceStore::open(workspacePath);
        if (!store) {
            promise.addResult(Result<ImportOutcome>(store.error()));
            return;
        }
        WorkControl control;
        int last = -1;
        control.progress = [&promise, &last](qint64 done, qint64 total) {
            const int value = total > 0 ? int(qBound(qint64(0), done * progressScale / total, qint64(progressScale))) : 0;
            if (value > last) {
                last = value;
                promise.setProgressValue(value);
            }
        };
        control.cancelled = [&promise] { return promise.isCanceled(); };
        promise.addResult(ImportService::run(**store, request, control));
    });
}

void ImportDialog::start()
{
    if (m_watcher.isRunning() || !m_importButton->isEnabled())
        return;
    const ImportRequest r = request();
    m_progress->setValue(0);
    m_status->setText(tr("Importing…"));
    m_watcher.setFuture(runImport(m_workspacePath, r));
    setRunning(true);
}

void ImportDialog::cancel()
{
    if (!m_watcher.isRunning())
        return;
    m_status->setText(tr("Cancelling…"));
    m_watcher.cancel();
}

void ImportDialog::reject()
{
    // Escape and Cancel stop a running import first; a second press closes.
    if (m_watcher.isRunning()) {
        cancel();
        return;
    }
    QDialog::reject();
}

void ImportDialog::finished()
{
    setRunning(false);
    const QFuture<Result<ImportOutcome>> future = m_watcher.future();
    if (future.isCanceled() || future.resultCount() == 0) {
        m_status->setText(tr("Import cancelled. The workspace was not changed."));
        return;
    }
    const Result<ImportOutcome> result = future.result();
    if (!result) {
        const QString message = result.error().message;
        m_status->setText(tr("Import failed. The workspace was not changed."));
        auto *box = new QMessageBox(QMessageBox::Critical, tr("Import Failed"),
                                    tr("The import failed and nothing was changed."), QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("importErrorBox"));
        box->setInformativeText(message);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        emit failed(message);
        return;
    }
    const ImportOutcome &outcome = *result;
    m_progress->setValue(progressScale);
    m_status->setText(tr("Imported %1 scenarios (%2) in %3 s.")
                          .arg(QLocale().toString(outcome.scenarios), outcome.kind,
                               QLocale().toString(outcome.seconds, 'f', 1)));
    emit imported(outcome.datasetIds, outcome.scenarios);
    accept();
}

} // namespace kx
