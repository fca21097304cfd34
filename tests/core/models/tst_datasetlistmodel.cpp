// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/datasetlistmodel.h"
#include "store/asyncworkspace.h"
#include "testworkspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

class TestDatasetListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsDatasetsWithAllRow();
    void refreshSeesNewDatasets();
    void emptyWorkspaceHasOnlyAllRow();
};

void TestDatasetListModel::listsDatasetsWithAllRow()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ds.kairix"));
    QVERIFY(test::fillWorkspace(path, 30, {QStringLiteral("Alpha"), QStringLiteral("Beta"), QStringLiteral("Gamma")}));
    AsyncWorkspace ws;
    QVERIFY(ws.open(path).result().ok());

    DatasetListModel model(&ws);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(DatasetListModel::ColumnCount));

    const QModelIndex all = model.index(0, DatasetListModel::NameColumn);
    QCOMPARE(all.data().toString(), QStringLiteral("All datasets"));
    QCOMPARE(all.data(DatasetListModel::IsAllRole).toBool(), true);
    QCOMPARE(all.data(DatasetListModel::DatasetIdRole).toLongLong(), qint64(0));
    QCOMPARE(all.data(DatasetListModel::ScenarioCountRole).toLongLong(), qint64(30));
    QCOMPARE(model.totalScenarios(), qint64(30));

    QStringList names;
    for (int row = 1; row < 4; ++row) {
        names.append(model.index(row, DatasetListModel::NameColumn).data().toString());
        QCOMPARE(model.index(row, 0).data(DatasetListModel::ScenarioCountRole).toLongLong(), qint64(10));
        QCOMPARE(model.index(row, DatasetListModel::KindColumn).data().toString(), QStringLiteral("scenarios"));
        QCOMPARE(model.index(row, DatasetListModel::CategoryColumn).data().toString(), QStringLiteral("Synthetic"));
        QCOMPARE(model.index(row, DatasetListModel::VersionColumn).data().toString(), QStringLiteral("1.0"));
        QVERIFY(!model.index(row, DatasetListModel::CreatedColumn).data().toString().isEmpty());
        const qint64 id = model.index(row, 0).data(DatasetListModel::DatasetIdRole).toLongLong();
        QVERIFY(id > 0);
        QCOMPARE(model.rowOf(id), row);
    }
    names.sort();
    QCOMPARE(names, QStringList({QStringLiteral("Alpha"), QStringLiteral("Beta"), QStringLiteral("Gamma")}));
    QCOMPARE(model.rowOf(987654), 0);
}

void TestDatasetListModel::refreshSeesNewDatasets()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ds.kairix"));
    QVERIFY(test::fillWorkspace(path, 5, {QStringLiteral("First")}));
    AsyncWorkspace ws;
    QVERIFY(ws.open(path).result().ok());
    DatasetListModel model(&ws);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), 2);

    QVERIFY(test::fillWorkspace(path, 7, {QStringLiteral("Second")}));
    QSignalSpy loaded(&model, &DatasetListModel::loaded);
    model.refresh();
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.totalScenarios(), qint64(12));
}

void TestDatasetListModel::emptyWorkspaceHasOnlyAllRow()
{
    QTemporaryDir dir;
    AsyncWorkspace ws;
    QVERIFY(ws.open(dir.filePath(QStringLiteral("empty.kairix"))).result().ok());
    DatasetListModel model(&ws);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &DatasetListModel::loaded);
    QVERIFY(loaded.wait());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.totalScenarios(), qint64(0));
}

QTEST_GUILESS_MAIN(TestDatasetListModel)
#include "tst_datasetlistmodel.moc"
