// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/scenariotablemodel.h"
#include "store/asyncworkspace.h"
#include "testworkspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

class TestScenarioTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void countsAllRows();
    void showsFirstPageBeforeTheCount();
    void lazyLoadsFarRow();
    void sortsByNameDescending();
    void filtersBySearch();
    void filtersByFacets();
    void ignoresStaleReplies();
    void evictsFarPages();

private:
    std::unique_ptr<ScenarioTableModel> makeModel();

    QTemporaryDir m_dir;
    QString m_path;
    AsyncWorkspace m_workspace;
};

static constexpr int total = 3000;

void TestScenarioTableModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("models.kairix"));
    QVERIFY(test::fillWorkspace(m_path, total));
    QFuture<Result<void>> opened = m_workspace.open(m_path);
    opened.waitForFinished();
    QVERIFY(opened.result().ok());
}

std::unique_ptr<ScenarioTableModel> TestScenarioTableModel::makeModel()
{
    auto model = std::make_unique<ScenarioTableModel>(&m_workspace);
    new QAbstractItemModelTester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 model.get());
    return model;
}

void TestScenarioTableModel::countsAllRows()
{
    auto model = makeModel();
    QSignalSpy counted(model.get(), &ScenarioTableModel::countChanged);
    QVERIFY(counted.wait());
    QCOMPARE(model->rowCount(), total);
    QCOMPARE(model->totalCount(), qint64(total));
    QCOMPARE(model->columnCount(), int(ScenarioTableModel::ColumnCount));
    QCOMPARE(model->cachedPageCount(), 1);  // only the first page, fetched up front; the rest on demand
}

void TestScenarioTableModel::showsFirstPageBeforeTheCount()
{
    auto model = makeModel();
    QSignalSpy loaded(model.get(), &ScenarioTableModel::pageLoaded);
    QSignalSpy counted(model.get(), &ScenarioTableModel::countChanged);
    QVERIFY(loaded.wait());
    // The first page is on display while the count and anchors are still pending.
    QCOMPARE(loaded.first().first().toInt(), 0);
    QCOMPARE(counted.size(), 0);
    QVERIFY(model->isCounting());
    QCOMPARE(model->rowCount(), int(ScenarioTableModel::pageSize));
    QCOMPARE(model->index(0, ScenarioTableModel::NameColumn).data().toString(), test::scenarioName(0));
    // Then the rest of the rows are appended, not reset: the first page stays.
    QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
    QVERIFY(counted.wait());
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model->rowCount(), total);
    QVERIFY(!model->isCounting());
    QCOMPARE(model->index(0, ScenarioTableModel::NameColumn).data(ScenarioTableModel::LoadedRole).toBool(), true);
}

void TestScenarioTableModel::lazyLoadsFarRow()
{
    auto model = makeModel();
    QTRY_COMPARE(model->rowCount(), total);
    const QModelIndex far = model->index(2500, ScenarioTableModel::NameColumn);
    // First touch: a placeholder, and the page is requested.
    QCOMPARE(far.data(ScenarioTableModel::LoadedRole).toBool(), false);
    QTRY_COMPARE(far.data().toString(), test::scenarioName(2500));
    QCOMPARE(model->index(2500, ScenarioTableModel::IdColumn).data().toString(), QStringLiteral("sc-02500"));
    QCOMPARE(model->index(2500, ScenarioTableModel::TurnsColumn).data().toInt(), 2);
    QCOMPARE(model->index(2500, ScenarioTableModel::StatusColumn).data(ScenarioTableModel::StatusKeyRole).toString(),
             QStringLiteral("accepted"));
    QVERIFY(model->index(2500, 0).data(ScenarioTableModel::RowIdRole).toLongLong() > 0);
    // Page 0 may be loaded too: the model tester reads row 0 after every reset.
    QVERIFY(model->cachedPageCount() >= 1 && model->cachedPageCount() <= 2);
}

void TestScenarioTableModel::sortsByNameDescending()
{
    auto model = makeModel();
    QTRY_COMPARE(model->rowCount(), total);
    QSignalSpy counted(model.get(), &ScenarioTableModel::countChanged);
    model->sort(ScenarioTableModel::NameColumn, Qt::DescendingOrder);
    QVERIFY(counted.wait());
    QCOMPARE(model->sortColumn(), int(ScenarioTableModel::NameColumn));
    QTRY_COMPARE(model->index(0, ScenarioTableModel::NameColumn).data().toString(), test::scenarioName(total - 1));
    QTRY_COMPARE(model->index(total - 1, ScenarioTableModel::NameColumn).data().toString(), test::scenarioName(0));
    // A row in the middle of a keyset page chain.
    QTRY_COMPARE(model->index(1000, ScenarioTableModel::NameColumn).data().toString(),
                 test::scenarioName(total - 1 - 1000));
}

void TestScenarioTableModel::filtersBySearch()
{
    auto model = makeModel();
    QTRY_COMPARE(model->rowCount(), total);
    ScenarioFilter filter;
    filter.search = QStringLiteral("oranges");
    model->setFilter(filter);
    QTRY_COMPARE(model->rowCount(), total / 3);
    QTRY_COMPARE(model->index(1, ScenarioTableModel::NameColumn).data().toString(), test::scenarioName(3));
    filter.search = QStringLiteral("nosuchwordanywhere");
    model->setFilter(filter);
    QTRY_COMPARE(model->totalCount(), qint64(0));
    QCOMPARE(model->rowCount(), 0);
}

void TestScenarioTableModel::filtersByFacets()
{
    auto model = makeModel();
    QTRY_COMPARE(model->rowCount(), total);
    ScenarioFilter filter;
    filter.statuses = {ReviewStatus::Accepted};
    filter.capabilities = {QStringLiteral("arithmetic")};
    model->setFilter(filter);
    // Accepted: i % 5 == 0; arithmetic: even → i % 10 == 0.
    QTRY_COMPARE(model->rowCount(), total / 10);
    QTRY_COMPARE(model->index(2, ScenarioTableModel::NameColumn).data().toString(), test::scenarioName(20));
}

void TestScenarioTableModel::ignoresStaleReplies()
{
    auto model = makeModel();
    QTRY_COMPARE(model->rowCount(), total);
    // Touch a page under the old filter, then switch before anything arrives:
    // whatever the old queries return must not show up.
    model->index(2000, 0).data();
    ScenarioFilter a;
    a.search = QStringLiteral("apples");
    model->setFilter(a);
    ScenarioFilter b;
    b.search = QStringLiteral("oranges");
    model->setFilter(b);
    QTRY_COMPARE(model->totalCount(), qint64(total / 3));
    QTRY_COMPARE(model->index(0, ScenarioTableModel::NameColumn).data().toString(), test::scenarioName(0));
    // Let every queued reply drain, then check nothing of "apples" crept in.
    QTest::qWait(200);
    QCOMPARE(model->rowCount(), total / 3);
    for (int row = 0; row < 50; ++row) {
        const QModelIndex idx = model->index(row, ScenarioTableModel::NameColumn);
        QTRY_VERIFY(idx.data(ScenarioTableModel::LoadedRole).toBool());
        QCOMPARE(idx.data().toString(), test::scenarioName(row * 3));
    }
}

void TestScenarioTableModel::evictsFarPages()
{
    auto model = makeModel();
    model->setCacheLimit(3);
    QTRY_COMPARE(model->rowCount(), total);
    const int pages = (total + ScenarioTableModel::pageSize - 1) / ScenarioTableModel::pageSize;
    for (int p = 0; p < pages; ++p) {
        const QModelIndex idx = model->index(p * ScenarioTableModel::pageSize, ScenarioTableModel::NameColumn);
        QTRY_COMPARE(idx.data().toString(), test::scenarioName(p * ScenarioTableModel::pageSize));
        QVERIFY(model->cachedPageCount() <= 3);
    }
    QCOMPARE(model->cachedPageCount(), 3);
    // An early page was evicted (page 0 may be kept hot by the model tester,
    // which reads row 0): it shows a placeholder again, then reloads.
    const QModelIndex early = model->index(ScenarioTableModel::pageSize, ScenarioTableModel::NameColumn);
    QCOMPARE(early.data(ScenarioTableModel::LoadedRole).toBool(), false);
    QCOMPARE(early.data().toString(), QStringLiteral("Loading…"));
    QTRY_COMPARE(early.data().toString(), test::scenarioName(ScenarioTableModel::pageSize));
    QVERIFY(model->cachedPageCount() <= 3);
}

QTEST_GUILESS_MAIN(TestScenarioTableModel)
#include "tst_scenariotablemodel.moc"
