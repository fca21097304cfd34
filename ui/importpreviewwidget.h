// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importers/inspector.h"

#include <QFutureWatcher>
#include <QHash>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableView;
class QTreeWidget;

namespace kx {

class ImportPreviewModel;

/** What the preview worker found: the file it read and its report, or an error. */
struct ImportPreviewResult
{
    QString requested;  ///< the path asked for (a file or a folder)
    QString file;       ///< the file inspected (a folder's first data file)
    InspectReport report;
    QString error;      ///< empty on success; else file, line and reason
};

/**
 * The preview part of the import dialog: format, detected kind, row count,
 * schema and the first rows of one file, read by Inspector::inspect on the
 * global thread pool so the dialog never blocks on a big file. For a folder
 * it shows the folder's first data file. An inspect error replaces the
 * preview with its message (file, line, reason).
 */
class ImportPreviewWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportPreviewWidget)

public:
    /** Rows read for the table. */
    static constexpr int sampleRows = 20;

    explicit ImportPreviewWidget(QWidget *parent = nullptr);
    ~ImportPreviewWidget() override;

    /** Readable names for kind keys, shown next to the key ("GSM8K (gsm8k)"). */
    void setKindNames(const QHash<QString, QString> &names) { m_kindNames = names; }
    /** Previews @p path (a file or folder); empty clears. Same path again: nothing happens. */
    void setPath(const QString &path);
    QString path() const { return m_path; }
    bool isBusy() const { return m_watcher.isRunning(); }
    /** The last finished preview (empty before the first one). */
    const ImportPreviewResult &result() const { return m_result; }
    /** Column names of the previewed file, in schema order; empty on error. */
    QStringList columns() const;
    ImportPreviewModel *model() const { return m_model; }

Q_SIGNALS:
    /** A preview finished (successfully or with an error in result().error). */
    void previewed();

private:
    void finished();
    void showMessage(const QString &text, bool error);

    QString m_path;
    QHash<QString, QString> m_kindNames;
    ImportPreviewResult m_result;
    QFutureWatcher<ImportPreviewResult> m_watcher;
    ImportPreviewModel *m_model = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_file = nullptr;
    QLabel *m_format = nullptr;
    QLabel *m_kind = nullptr;
    QLabel *m_rows = nullptr;
    QTreeWidget *m_schema = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace kx
