// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"
#include "mainwindow.h"
#include "models/datasetlistmodel.h"
#include "models/facetmodel.h"
#include "models/scenariotablemodel.h"
#include "scenariodetailview.h"
#include "scenariotableview.h"
#include "settings/settings.h"

#include <QApplication>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTest>

using namespace kx;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importSearchSelect();
    void facetsNarrowTheTable();
    void brokenImportChangesNothing();
    void shortcutsFocusPanes();
    void restoresLayout();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
};

static const char *const gsm8kTest = KX_SHARED_DATA "/gsm8k/grade_school_math/data/test.jsonl";
static constexpr int gsm8kTestRows = 1319;

void TestMainWindow::initTestCase()
{
    // Keep the user's real settings out of the test.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("KairixTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("gui.kairix"));

    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 860);
    m_window->openWorkspace(m_path);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->scenarioModel()->totalCount(), qint64(0));
    QTRY_COMPARE(m_window->datasetModel()->rowCount(), 1);
}

void TestMainWindow::importSearchSelect()
{
    ImportDialog *dialog = m_window->showImportDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->setPaths({QString::fromUtf8(gsm8kTest)});
    dialog->setKind(QStringLiteral("gsm8k"));
    QSignalSpy imported(dialog, &ImportDialog::imported);
    QSignalSpy failed(dialog, &ImportDialog::failed);
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("importButton"));
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(imported.wait(120000));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(imported.at(0).at(1).toLongLong(), qint64(gsm8kTestRows));

    // The views refresh on their own.
    QTRY_COMPARE(m_window->datasetModel()->rowCount(), 2);
    QTRY_COMPARE(m_window->scenarioModel()->totalCount(), qint64(gsm8kTestRows));
    QCOMPARE(m_window->scenarioModel()->rowCount(), gsm8kTestRows);

    // Search: typed, debounced, then the table shows the only hit.
    QLineEdit *search = m_window->searchBox();
    QTest::keyClicks(search, QStringLiteral("mealworms"));
    QTRY_COMPARE(m_window->scenarioModel()->totalCount(), qint64(1));
    QCOMPARE(m_window->scenarioModel()->rowCount(), 1);
    const QModelIndex hit = m_window->scenarioModel()->index(0, ScenarioTableModel::NameColumn);
    QTRY_VERIFY(hit.data(ScenarioTableModel::LoadedRole).toBool());

    // Select it: the detail pane shows the conversation.
    m_window->scenarioView()->setCurrentIndex(hit);
    QTRY_VERIFY(m_window->detailView()->hasScenario());
    QTRY_VERIFY(m_window->detailView()->transcriptText().contains(QStringLiteral("Wendi feeds each of her chickens")));
    QVERIFY(m_window->detailView()->transcriptText().contains(QStringLiteral("20 chickens")));

    // No hits: the table says so instead of staying blank.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("zzyzxnotaword"));
    QTRY_COMPARE(m_window->scenarioModel()->totalCount(), qint64(0));
    QTRY_VERIFY(!m_window->scenarioView()->emptyText().isEmpty());
    QVERIFY(!m_window->detailView()->hasScenario());

    // Escape in the search box clears it, which brings every row back.
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QTRY_COMPARE(m_window->scenarioModel()->totalCount(), qint64(gsm8kTestRows));
}

void TestMainWindow::facetsNarrowTheTable()
{
    auto *statusView = m_window->findChild<QTreeView *>(QStringLiteral("statusFacetView"));
    QVERIFY(statusView && statusView->model());
    QAbstractItemModel *facet = statusView->model();
    QModelIndex accepted;
    QTRY_VERIFY([&] {
        for (int row = 0; row < facet->rowCount(); ++row)
            if (facet->index(row, 0).data(FacetModel::KeyRole).toString() == QLatin1String("accepted"))
                accepted = facet->index(row, 0);
        return accepted.isValid();
    }());
    // Fresh imports are pending: checking "accepted" leaves nothing.
    QVERIFY(facet->setData(accepted, Qt::Checked, Qt::CheckStateRole));
    QTRY_COMPARE(m_window->scenarioModel()->totalCount(), qint64(0));
    QCOMPARE(m_window->scenarioModel()->filter().statuses, QList<ReviewStatus>{ReviewStatus::Accepted});

    // The dataset list narrows too, and Clear Filters undoes everything.
    QTreeView *datasets = m_window->findChild<QTreeView *>(QStringLiteral("datasetView"));
    datasets->setCurrentIndex(datasets->model()->index(1, 0));
    QTRY_COMPARE(m_window->scenarioModel()->filter().datasetIds.size(), 1);
    QAction *clear = nullptr;
    for (QAction *a : m_window->findChildren<QAction *>())
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R))
            clear = a;
    QVERIFY(clear);
    clear->trigger();
    QTRY_COMPARE(m_window->scenarioModel()->totalCount(), qint64(gsm8kTestRows));
    QCOMPARE(m_window->scenarioModel()->filter(), ScenarioFilter());
    QCOMPARE(accepted.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
}

void TestMainWindow::brokenImportChangesNothing()
{
    const QString broken = m_dir.filePath(QStringLiteral("broken.jsonl"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"question\": \"What is 2+2?\", \"answer\": \"#### 4\"}\n"
               "{\"question\": \"truncated\n");
    file.close();

    ImportDialog *dialog = m_window->showImportDialog();
    dialog->setPaths({broken});
    dialog->setKind(QStringLiteral("gsm8k"));
    QSignalSpy failed(dialog, &ImportDialog::failed);
    QSignalSpy imported(dialog, &ImportDialog::imported);
    dialog->start();
    QVERIFY(failed.wait(60000));
    QCOMPARE(imported.count(), 0);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("broken.jsonl")), qPrintable(message));

    // The error is on screen, with the importer's text.
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = dialog->findChild<QMessageBox *>(QStringLiteral("importErrorBox"))) != nullptr);
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(box->informativeText(), message);
    box->accept();
    QVERIFY(dialog->isVisible());  // the user can fix the request and retry
    dialog->close();

    // Nothing changed.
    m_window->refreshAll();
    QSignalSpy loaded(m_window->datasetModel(), &DatasetListModel::loaded);
    QVERIFY(loaded.wait());
    QCOMPARE(m_window->datasetModel()->rowCount(), 2);
    QCOMPARE(m_window->datasetModel()->totalScenarios(), qint64(gsm8kTestRows));
    QTRY_COMPARE(m_window->scenarioModel()->totalCount(), qint64(gsm8kTestRows));
}

void TestMainWindow::shortcutsFocusPanes()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget()->objectName() == QLatin1String("datasetView"));
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY2(m_window->searchBox()->hasFocus(), QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className() : "none");
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QTRY_VERIFY(m_window->scenarioView()->hasFocus());

    // Arrow keys in the table move the detail pane along.
    QTRY_VERIFY(!m_window->scenarioModel()->isCounting());
    QTableView *table = m_window->scenarioView();
    table->setCurrentIndex(m_window->scenarioModel()->index(0, ScenarioTableModel::NameColumn));
    QTRY_VERIFY(m_window->detailView()->hasScenario());
    const QString first = m_window->detailView()->scenario().id;
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(table->currentIndex().row(), 1);
    QTRY_VERIFY2(m_window->detailView()->hasScenario() && m_window->detailView()->scenario().id != first,
                 qPrintable(first + QLatin1Char('/') + m_window->detailView()->scenario().id + QLatin1Char('/')
                            + QString::number(m_window->detailView()->hasScenario())));
}

void TestMainWindow::restoresLayout()
{
    auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("centralSplitter"));
    QVERIFY(splitter);
    splitter->setSizes({200, 500});
    const QList<int> sizes = splitter->sizes();
    m_window->scenarioView()->horizontalHeader()->resizeSection(ScenarioTableModel::NameColumn, 333);
    m_window->scenarioView()->sortByColumn(ScenarioTableModel::TurnsColumn, Qt::DescendingOrder);
    QVERIFY(m_window->close());  // saves
    QVERIFY(!Settings::mainWindowGeometry().value().isEmpty());
    QCOMPARE(Settings::lastWorkspace().value(), QFileInfo(m_path).absoluteFilePath());

    MainWindow again;
    again.resize(m_window->size());
    again.openWorkspace(m_path);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    auto *restored = again.findChild<QSplitter *>(QStringLiteral("centralSplitter"));
    QCOMPARE(restored->sizes(), sizes);
    QCOMPARE(again.scenarioView()->horizontalHeader()->sectionSize(ScenarioTableModel::NameColumn), 333);
    QCOMPARE(again.scenarioModel()->sortColumn(), int(ScenarioTableModel::TurnsColumn));
    QCOMPARE(again.scenarioModel()->sortOrder().order, Qt::DescendingOrder);
    QTRY_COMPARE(again.scenarioModel()->totalCount(), qint64(gsm8kTestRows));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
