// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"
#include "importpreviewmodel.h"
#include "importpreviewwidget.h"
#include "store/workspacestore.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace kx;

namespace {
const QString gsm8kTest = QStringLiteral(KX_SHARED_DATA "/gsm8k/grade_school_math/data/test.jsonl");
const QString hubAudio = QStringLiteral(KX_SHARED_DATA "/hf-hub-parquet-samples/mteb--free-spoken-digit-dataset/data/"
                                        "test-00000-of-00001.parquet");
const QString fixtures = QStringLiteral(KX_TEST_FIXTURES "/importers/");

/** Writes a picture of @p w when KX_SCREENSHOT_DIR is set, for a look at the layout. */
void screenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("KX_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    // Let pending layout requests run, as they would before the next paint.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QVERIFY(w->grab().save(QDir(dir).filePath(name)));
}
} // namespace

class TestImportDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void previewGsm8k();
    void previewParquet();
    void previewFollowsSelection();
    void genericMappingImport();
    void brokenFilePreview();

private:
    /** Waits for the preview of @p path to be on screen. */
    bool waitForPreview(const QString &path);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<ImportDialog> m_dialog;
};

void TestImportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("KairixTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_importdialog"));
    QVERIFY(m_dir.isValid());
}

void TestImportDialog::init()
{
    static int n = 0;
    m_path = m_dir.filePath(QStringLiteral("dlg%1.kairix").arg(++n));
    m_dialog = std::make_unique<ImportDialog>(m_path);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void TestImportDialog::cleanup()
{
    m_dialog.reset();
}

bool TestImportDialog::waitForPreview(const QString &path)
{
    ImportPreviewWidget *preview = m_dialog->preview();
    QSignalSpy previewed(preview, &ImportPreviewWidget::previewed);
    const auto done = [&] { return !preview->isBusy() && preview->result().requested == path; };
    for (int i = 0; i < 10 && !done(); ++i)
        previewed.wait(10000);
    return done();
}

void TestImportDialog::previewGsm8k()
{
    m_dialog->setPaths({gsm8kTest});
    QVERIFY(waitForPreview(gsm8kTest));
    ImportPreviewWidget *preview = m_dialog->preview();
    QVERIFY2(preview->result().error.isEmpty(), qPrintable(preview->result().error));
    QCOMPARE(preview->findChild<QLabel *>(QStringLiteral("previewFormat"))->text(), QStringLiteral("jsonl"));
    QCOMPARE(preview->findChild<QLabel *>(QStringLiteral("previewKind"))->text(), QStringLiteral("GSM8K (gsm8k)"));
    QCOMPARE(preview->findChild<QLabel *>(QStringLiteral("previewRows"))->text(), QLocale().toString(qint64(1319)));
    QCOMPARE(preview->result().report.rowCount, qint64(1319));

    auto *schema = preview->findChild<QTreeWidget *>(QStringLiteral("previewSchema"));
    QCOMPARE(schema->topLevelItemCount(), 2);
    QCOMPARE(schema->topLevelItem(0)->text(0), QStringLiteral("question"));
    QCOMPARE(schema->topLevelItem(0)->text(1), QStringLiteral("string"));

    ImportPreviewModel *model = preview->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), ImportPreviewWidget::sampleRows);
    QCOMPARE(model->columns(), (QStringList{QStringLiteral("question"), QStringLiteral("answer")}));
    QVERIFY(model->fullText(0, 0).startsWith(QStringLiteral("Janet’s ducks lay 16 eggs per day.")));
    // The answer has newlines; the cell shows one line.
    const QString answerCell = model->index(0, 1).data().toString();
    QVERIFY(!answerCell.contains(QLatin1Char('\n')));
    QVERIFY(answerCell.endsWith(QStringLiteral("#### 18")));
    QVERIFY(!m_dialog->findChild<QWidget *>(QStringLiteral("importMapping"))->isVisible());
    screenshot(m_dialog.get(), QStringLiteral("importdialog-gsm8k.png"));
}

void TestImportDialog::previewParquet()
{
    m_dialog->setPaths({hubAudio});
    QVERIFY(waitForPreview(hubAudio));
    ImportPreviewWidget *preview = m_dialog->preview();
    QVERIFY2(preview->result().error.isEmpty(), qPrintable(preview->result().error));
    QCOMPARE(preview->findChild<QLabel *>(QStringLiteral("previewFormat"))->text(), QStringLiteral("parquet"));
    QCOMPARE(preview->findChild<QLabel *>(QStringLiteral("previewKind"))->text(), QStringLiteral("Audio (audio)"));
    QCOMPARE(preview->result().report.rowCount, qint64(300));
    ImportPreviewModel *model = preview->model();
    QCOMPARE(model->rowCount(), ImportPreviewWidget::sampleRows);
    // Audio bytes are referenced by size, never shown.
    QCOMPARE(model->fullText(0, 0), QStringLiteral(R"({"bytes":{"bytes_ref":{"size":4812}},"path":"0_george_0.wav"})"));
    screenshot(m_dialog.get(), QStringLiteral("importdialog-parquet.png"));

    // A folder previews its first data file.
    const QString folder = QStringLiteral(KX_SHARED_DATA "/hf-hub-parquet-samples");
    m_dialog->setPaths({folder});
    QVERIFY(waitForPreview(folder));
    QVERIFY2(preview->result().error.isEmpty(), qPrintable(preview->result().error));
    QVERIFY(preview->result().file.endsWith(QStringLiteral("/data/test-00000-of-00001.parquet")));
    QCOMPARE(preview->result().report.rowCount, qint64(300));
}

void TestImportDialog::previewFollowsSelection()
{
    const QString csv = fixtures + QStringLiteral("generic/qa.csv");
    m_dialog->setPaths({gsm8kTest, csv});
    QVERIFY(waitForPreview(gsm8kTest)); // nothing selected: the first entry
    auto *list = m_dialog->findChild<QListWidget *>(QStringLiteral("importPaths"));
    list->setCurrentRow(1);
    QVERIFY(waitForPreview(csv));
    QCOMPARE(m_dialog->preview()->result().report.format, QStringLiteral("csv"));
    QCOMPARE(m_dialog->preview()->columns(),
             (QStringList{QStringLiteral("qid"), QStringLiteral("question"), QStringLiteral("answer"),
                          QStringLiteral("kind")}));
}

void TestImportDialog::genericMappingImport()
{
    const QString csv = fixtures + QStringLiteral("generic/qa.csv");
    m_dialog->setPaths({csv});
    m_dialog->setKind(QStringLiteral("generic"));
    QVERIFY(waitForPreview(csv));
    auto *button = m_dialog->findChild<QPushButton *>(QStringLiteral("importButton"));
    auto *user = m_dialog->findChild<QComboBox *>(QStringLiteral("mapping_user"));
    QVERIFY(m_dialog->findChild<QWidget *>(QStringLiteral("importMapping"))->isVisible());
    QCOMPARE(user->count(), 5); // "choose" + 4 columns
    QVERIFY(!button->isEnabled()); // User is required
    QVERIFY(m_dialog->mapping().isEmpty());

    user->setCurrentIndex(user->findData(QStringLiteral("question")));
    QVERIFY(button->isEnabled());
    m_dialog->setMapping(QStringLiteral("expected"), QStringLiteral("answer"));
    m_dialog->setMapping(QStringLiteral("id"), QStringLiteral("qid"));
    QCOMPARE(m_dialog->request().mapping,
             (QStringList{QStringLiteral("user=question"), QStringLiteral("expected=answer"),
                          QStringLiteral("id=qid")}));
    screenshot(m_dialog.get(), QStringLiteral("importdialog-generic.png"));

    QSignalSpy imported(m_dialog.get(), &ImportDialog::imported);
    QSignalSpy failed(m_dialog.get(), &ImportDialog::failed);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(imported.wait(60000));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(imported.at(0).at(1).toLongLong(), qint64(2));

    auto store = WorkspaceStore::open(m_path);
    QVERIFY(store.ok());
    const auto datasets = (*store)->datasets();
    QVERIFY(datasets.ok());
    QCOMPARE(datasets->size(), 1);
    QCOMPARE(datasets->at(0).kind, QStringLiteral("generic"));
    QCOMPARE(datasets->at(0).scenarioCount, qint64(2));
}

void TestImportDialog::brokenFilePreview()
{
    const QString broken = fixtures + QStringLiteral("invalid_utf8.jsonl");
    m_dialog->setPaths({broken});
    QVERIFY(waitForPreview(broken));
    auto *message = m_dialog->preview()->findChild<QLabel *>(QStringLiteral("previewMessage"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("invalid_utf8.jsonl:2: invalid UTF-8 at byte offset 88")),
             qPrintable(message->text()));
    QVERIFY(m_dialog->preview()->columns().isEmpty());
    screenshot(m_dialog.get(), QStringLiteral("importdialog-error.png"));
}

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
