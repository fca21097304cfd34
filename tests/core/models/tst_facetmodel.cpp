// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/facetmodel.h"
#include "store/workspacestore.h"
#include "store/asyncworkspace.h"
#include "testworkspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

class TestFacetModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void categoryCounts();
    void statusCountsUnderFilter();
    void capabilityCheckWritesFilter();
    void checkedValueSurvivesZeroCount();
    void audioCheckFlagsFilter();

private:
    static qint64 countOf(const FacetModel &model, const QString &key);

    QTemporaryDir m_dir;
    AsyncWorkspace m_workspace;
};

// 400 scenarios: 100 per category; 80 accepted; 200 arithmetic, 200 recall.
static constexpr int total = 400;

void TestFacetModel::initTestCase()
{
    const QString path = m_dir.filePath(QStringLiteral("facets.kairix"));
    QVERIFY(test::fillWorkspace(path, total));
    QVERIFY(m_workspace.open(path).result().ok());
}

qint64 TestFacetModel::countOf(const FacetModel &model, const QString &key)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex idx = model.index(row, FacetModel::LabelColumn);
        if (idx.data(FacetModel::KeyRole).toString() == key)
            return idx.data(FacetModel::CountRole).toLongLong();
    }
    return -1;
}

void TestFacetModel::categoryCounts()
{
    FacetModel model(FacetModel::Facet::Category, &m_workspace);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &FacetModel::loaded);
    QVERIFY(loaded.wait());
    QCOMPARE(model.columnCount(), 2);
    for (Category c : allCategories)
        QCOMPARE(countOf(model, categoryKey(c)), qint64(100));
    const QModelIndex first = model.index(0, FacetModel::LabelColumn);
    QVERIFY(model.flags(first) & Qt::ItemIsUserCheckable);
    QCOMPARE(first.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    QCOMPARE(model.index(0, FacetModel::CountColumn).data().toString(), QStringLiteral("100"));
}

void TestFacetModel::statusCountsUnderFilter()
{
    FacetModel model(FacetModel::Facet::Status, &m_workspace);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(countOf(model, QStringLiteral("accepted")), qint64(80));
    QCOMPARE(countOf(model, QStringLiteral("pending")), qint64(320));

    ScenarioFilter filter;
    filter.categories = {Category::Benchmark};  // i % 4 == 0 → accepted when i % 20 == 0
    model.setBaseFilter(filter);
    QTRY_COMPARE(countOf(model, QStringLiteral("accepted")), qint64(20));
    QCOMPARE(countOf(model, QStringLiteral("pending")), qint64(80));
}

void TestFacetModel::capabilityCheckWritesFilter()
{
    FacetModel model(FacetModel::Facet::Capability, &m_workspace);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(countOf(model, QStringLiteral("arithmetic")), qint64(200));
    QCOMPARE(countOf(model, QStringLiteral("recall")), qint64(200));

    int row = -1;
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, 0).data(FacetModel::KeyRole).toString() == QLatin1String("recall"))
            row = r;
    QVERIFY(row >= 0);
    QSignalSpy changed(&model, &FacetModel::checkedChanged);
    QVERIFY(model.setData(model.index(row, 0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(row, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QCOMPARE(model.checkedKeys(), QStringList{QStringLiteral("recall")});

    ScenarioFilter filter;
    filter.capabilities = {QStringLiteral("stale")};
    model.applyTo(filter);
    QCOMPARE(filter.capabilities, QStringList{QStringLiteral("recall")});
    // Checking again is a no-op and emits nothing.
    QVERIFY(model.setData(model.index(row, 0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(changed.count(), 1);
    model.clearChecks();
    QCOMPARE(changed.count(), 2);
    model.applyTo(filter);
    QVERIFY(filter.capabilities.isEmpty());
}

void TestFacetModel::checkedValueSurvivesZeroCount()
{
    FacetModel model(FacetModel::Facet::Category, &m_workspace);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model.rowCount() >= 4);
    model.setCheckedKeys({QStringLiteral("adversarial")});
    ScenarioFilter filter;
    filter.search = QStringLiteral("nosuchwordanywhere");
    model.setBaseFilter(filter);
    QTRY_VERIFY(countOf(model, QStringLiteral("adversarial")) <= 0);
    QCOMPARE(countOf(model, QStringLiteral("adversarial")), qint64(0));
    ScenarioFilter out;
    model.applyTo(out);
    QCOMPARE(out.categories, QList<Category>{Category::Adversarial});
}


void TestFacetModel::audioCheckFlagsFilter()
{
    // Checks for three scenarios: two clipping (one also silent), one silent; on a second connection.
    {
        auto store = WorkspaceStore::open(m_dir.filePath(QStringLiteral("facets.kairix")));
        QVERIFY(store.ok());
        const auto rows = (*store)->page({}, {}, {}, 3);
        QVERIFY(rows.ok() && rows->size() == 3);
        AudioCheck clipping, both, silent;
        clipping.flags = AudioCheck::Flag::Clipping;
        both.flags = AudioCheck::Flag::Clipping | AudioCheck::Flag::Silent;
        silent.flags = AudioCheck::Flag::Silent;
        QVERIFY((*store)->putAudioChecks({{rows->at(0).rowId, clipping}, {rows->at(1).rowId, both},
                                          {rows->at(2).rowId, silent}}).ok());
    }
    FacetModel model(FacetModel::Facet::AudioCheck, &m_workspace);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(countOf(model, QStringLiteral("clipping")), qint64(2));
    QCOMPARE(countOf(model, QStringLiteral("silent")), qint64(2));
    QCOMPARE(countOf(model, QStringLiteral("undecodable")), qint64(0));
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.title(), QStringLiteral("Audio checks"));

    model.setCheckedKeys({QStringLiteral("clipping"), QStringLiteral("silent")});
    ScenarioFilter filter;
    model.applyTo(filter);
    QCOMPARE(filter.audioFlags, int(AudioCheck::Flag::Clipping) | int(AudioCheck::Flag::Silent));
    QCOMPARE(m_workspace.count(filter).result().value(), qint64(3));
    model.setCheckedKeys({QStringLiteral("silent")});
    model.applyTo(filter);
    QCOMPARE(m_workspace.count(filter).result().value(), qint64(2));
    model.clearChecks();
    model.applyTo(filter);
    QCOMPARE(filter.audioFlags, 0);
}

QTEST_GUILESS_MAIN(TestFacetModel)
#include "tst_facetmodel.moc"
