// SPDX-License-Identifier: GPL-3.0-or-later
#include "importpreviewwidget.h"

#include "importpreviewmodel.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace kx {

namespace {

/** The first data file under @p dir in name order, or empty; runs on the worker. */
QString firstDataFile(const QString &dir)
{
    const QStringList filters = {QStringLiteral("*.jsonl"), QStringLiteral("*.json"), QStringLiteral("*.csv"),
                                 QStringLiteral("*.parquet")};
    QStringList files;
    QDirIterator it(dir, filters, QDir::Files, QDirIterator::Subdirectories);
    // A Hub cache can be big: a few hundred names are plenty to pick from.
    while (it.hasNext() && files.size() < 500)
        files.append(it.next());
    files.sort();
    return files.value(0);
}

ImportPreviewResult inspectPath(const QString &path)
{
    ImportPreviewResult out;
    out.requested = path;
    out.file = path;
    if (QFileInfo(path).isDir()) {
        out.file = firstDataFile(path);
        if (out.file.isEmpty()) {
            out.error = ImportPreviewWidget::tr("%1: the folder holds no JSONL, JSON, CSV or parquet file")
                            .arg(QDir::toNativeSeparators(path));
            return out;
        }
    }
    auto report = Inspector::inspect(out.file, ImportPreviewWidget::sampleRows);
    if (report)
        out.report = std::move(*report);
    else
        out.error = report.error().message;
    return out;
}

QString schemaType(const Json &type)
{
    if (type.is_string())
        return qs(type.get<std::string>());
    QStringList names;
    if (type.is_array())
        for (const Json &t : type)
            if (t.is_string())
                names.append(qs(t.get<std::string>()));
    return names.join(QStringLiteral(" | "));
}

QLabel *valueLabel(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ImportPreviewWidget::ImportPreviewWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("importPreview"));
    m_model = new ImportPreviewModel(this);

    m_file = valueLabel(this, "previewFile");
    m_file->setTextFormat(Qt::PlainText);
    QFont bold = m_file->font();
    bold.setBold(true);
    m_file->setFont(bold);
    m_format = valueLabel(this, "previewFormat");
    m_kind = valueLabel(this, "previewKind");
    m_rows = valueLabel(this, "previewRows");

    auto *facts = new QHBoxLayout;
    const auto addFact = [this, facts](const QString &name, QLabel *value) {
        auto *label = new QLabel(name, this);
        label->setBuddy(value);
        facts->addWidget(label);
        facts->addWidget(value);
        facts->addSpacing(16);
    };
    addFact(tr("Format:"), m_format);
    addFact(tr("Kind:"), m_kind);
    addFact(tr("Rows:"), m_rows);
    facts->addStretch();

    m_schema = new QTreeWidget(this);
    m_schema->setObjectName(QStringLiteral("previewSchema"));
    m_schema->setHeaderLabels({tr("Column"), tr("Type")});
    m_schema->setRootIsDecorated(false);
    m_schema->setUniformRowHeights(true);
    m_schema->setAlternatingRowColors(true);
    m_schema->setAccessibleName(tr("Columns of the file"));
    m_schema->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("First rows of the file"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setDefaultSectionSize(160);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_schema);
    split->addWidget(m_table);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    split->setSizes({220, 680});

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_file);
    contentLayout->addLayout(facts);
    contentLayout->addWidget(split, 1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("previewMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_message->setMargin(8);
    auto *messagePage = new QWidget(this);
    auto *messageLayout = new QVBoxLayout(messagePage);
    messageLayout->setContentsMargins(0, 0, 0, 0);
    messageLayout->addWidget(m_message);
    messageLayout->addStretch();

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(content);
    m_pages->addWidget(messagePage);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ImportPreviewWidget::finished);
    showMessage(tr("Select a file to preview its format, kind and first rows."), false);
}

ImportPreviewWidget::~ImportPreviewWidget() = default;

void ImportPreviewWidget::setPath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    if (path.isEmpty()) {
        // Setting an empty future drops a pending result.
        m_watcher.setFuture(QFuture<ImportPreviewResult>());
        m_result = {};
        m_model->clear();
        showMessage(tr("Select a file to preview its format, kind and first rows."), false);
        return;
    }
    showMessage(tr("Reading %1…").arg(QDir::toNativeSeparators(path)), false);
    // A newer future replaces the older: its result, if it still comes, is dropped.
    m_watcher.setFuture(QtConcurrent::run(inspectPath, path));
}

QStringList ImportPreviewWidget::columns() const
{
    QStringList names;
    if (m_result.error.isEmpty())
        for (const auto &[key, type] : m_result.report.schema.items())
            names.append(qs(key));
    return names;
}

void ImportPreviewWidget::showMessage(const QString &text, bool error)
{
    // An error gets a light red panel so it reads as one, in light and dark themes alike.
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: #8c1d18; background: #fdecea; "
                                                    "border: 1px solid #e6b0aa; border-radius: 4px; }")
                                   : QString());
    // Text last, on the visible page: the wrapped label's height is then computed for what it shows.
    m_pages->setCurrentIndex(1);
    m_message->setText(text);
    m_message->updateGeometry();
}

void ImportPreviewWidget::finished()
{
    const QFuture<ImportPreviewResult> future = m_watcher.future();
    if (future.resultCount() == 0)
        return;
    ImportPreviewResult result = future.result();
    if (result.requested != m_path)
        return; // a stale answer for a path no longer shown
    m_result = std::move(result);
    m_schema->clear();
    if (!m_result.error.isEmpty()) {
        m_model->clear();
        showMessage(tr("Cannot preview this file:\n%1").arg(m_result.error), true);
        emit previewed();
        return;
    }
    const InspectReport &report = m_result.report;
    m_file->setText(QDir::toNativeSeparators(QDir::cleanPath(m_result.file)));
    m_file->setToolTip(m_file->text());
    m_format->setText(report.format);
    const QString name = m_kindNames.value(report.kind);
    m_kind->setText(name.isEmpty() ? report.kind : tr("%1 (%2)").arg(name, report.kind));
    m_rows->setText(QLocale().toString(report.rowCount));
    for (const auto &[key, type] : report.schema.items()) {
        auto *item = new QTreeWidgetItem(m_schema, {qs(key), schemaType(type)});
        item->setToolTip(1, item->text(1)); // parquet struct types are long
    }
    m_model->setRows(report.rows);
    m_table->resizeColumnsToContents();
    // Columns sized to their content, but never one column wider than the view.
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_table->setColumnWidth(c, qMin(m_table->columnWidth(c), 320));
    m_pages->setCurrentIndex(0);
    emit previewed();
}

} // namespace kx
