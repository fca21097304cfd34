// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetesthelpers.h"

#include <QRandomGenerator>

#include <algorithm>

using namespace kx;
using namespace kx::test;

namespace {

/** What the test knows about each scenario it imported, in import (= rowid) order. */
struct Item
{
    QString uid;
    qint64 datasetId = 0;
    QString name;
    Category category;
    ReviewStatus status;
    int turns = 0;
    QStringList capabilities;
    bool zebra = false;
};

constexpr int kScenarioCount = 5000;

} // namespace

class tst_Paging : public QObject
{
    Q_OBJECT

    std::unique_ptr<WorkspaceStore> m_store;
    QList<Item> m_items;

    /** The expected order: the sort key, then import order (which is rowid order). */
    QStringList expected(const ScenarioFilter &filter, const ScenarioSort &sort,
                         const std::function<bool(const Item &)> &keep = {}) const
    {
        QList<int> order;
        for (int i = 0; i < m_items.size(); ++i) {
            const Item &it = m_items.at(i);
            if (!filter.datasetIds.isEmpty() && !filter.datasetIds.contains(it.datasetId))
                continue;
            if (!filter.categories.isEmpty() && !filter.categories.contains(it.category))
                continue;
            if (!filter.statuses.isEmpty() && !filter.statuses.contains(it.status))
                continue;
            if (!filter.capabilities.isEmpty()
                && std::none_of(it.capabilities.cbegin(), it.capabilities.cend(),
                                [&](const QString &c) { return filter.capabilities.contains(c); }))
                continue;
            if (keep && !keep(it))
                continue;
            order.append(i);
        }
        auto less = [&](int a, int b) {
            const Item &x = m_items.at(a), &y = m_items.at(b);
            switch (sort.key) {
            case ScenarioSortKey::RowId: return false;
            case ScenarioSortKey::Name: return x.name.toUtf8() < y.name.toUtf8();
            case ScenarioSortKey::Dataset: return x.datasetId < y.datasetId;
            case ScenarioSortKey::Category: return categoryKey(x.category) < categoryKey(y.category);
            case ScenarioSortKey::Status: return reviewStatusKey(x.status) < reviewStatusKey(y.status);
            case ScenarioSortKey::Turns: return x.turns < y.turns;
            case ScenarioSortKey::AudioSuspicion: return false; // no checks stored here: all 0 (tst_audiostore pages them)
            }
            return false;
        };
        std::stable_sort(order.begin(), order.end(), less);
        if (sort.order == Qt::DescendingOrder)
            std::reverse(order.begin(), order.end());
        QStringList ids;
        for (int i : order)
            ids.append(m_items.at(i).uid);
        return ids;
    }

    /** Every page from the start, following cursorAfter(). */
    QStringList walk(const ScenarioFilter &filter, const ScenarioSort &sort, int pageSize, int *pages = nullptr) const
    {
        QStringList ids;
        PageCursor cursor;
        for (int guard = 0; guard < kScenarioCount + 2; ++guard) {
            auto rows = m_store->page(filter, sort, cursor, pageSize);
            if (!rows) {
                qWarning() << rows.error().message;
                return {};
            }
            if (pages && !rows->isEmpty())
                ++*pages;
            for (const ScenarioRow &r : *rows)
                ids.append(r.id);
            if (rows->size() < pageSize)
                break;
            cursor = WorkspaceStore::cursorAfter(rows->last(), sort);
        }
        return ids;
    }

    void checkAnchors(const ScenarioFilter &filter, const ScenarioSort &sort, int pageSize, const QStringList &all)
    {
        auto anchors = m_store->pageAnchors(filter, sort, pageSize);
        QVERIFY(anchors.ok());
        const qsizetype pages = std::max<qsizetype>(1, (all.size() + pageSize - 1) / pageSize);
        QCOMPARE(anchors->size(), pages);
        QVERIFY(anchors->first().atStart());
        for (qsizetype k = 0; k < anchors->size(); ++k) {
            auto rows = m_store->page(filter, sort, anchors->at(k), pageSize);
            QVERIFY(rows.ok());
            QStringList ids;
            for (const ScenarioRow &r : *rows)
                ids.append(r.id);
            QCOMPARE(ids, all.mid(k * pageSize, pageSize));
        }
    }

    static void addSortRows()
    {
        const std::pair<const char *, ScenarioSortKey> keys[] = {
            {"rowid", ScenarioSortKey::RowId}, {"name", ScenarioSortKey::Name},
            {"dataset", ScenarioSortKey::Dataset}, {"category", ScenarioSortKey::Category},
            {"status", ScenarioSortKey::Status}, {"turns", ScenarioSortKey::Turns}};
        for (const auto &[label, key] : keys) {
            QTest::addRow("%s asc", label) << ScenarioSort{key, Qt::AscendingOrder};
            QTest::addRow("%s desc", label) << ScenarioSort{key, Qt::DescendingOrder};
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto store = WorkspaceStore::open(QStringLiteral(":memory:"));
        QVERIFY(store.ok());
        m_store = std::move(store.value());
        QRandomGenerator rng(20240517);
        const QString names[] = {QStringLiteral("alpha"), QStringLiteral("Beta"), QStringLiteral("gamma"),
                                 QStringLiteral("Ärger"), QStringLiteral("zeta"), QStringLiteral("éclair")};
        const QString caps[] = {QStringLiteral("recall"), QStringLiteral("tools"), QStringLiteral("planning")};
        auto session = m_store->beginImport();
        QVERIFY(session.ok());
        int n = 0;
        for (int d = 0; d < 3; ++d) {
            auto id = (*session)->beginDataset(makeDataset(QStringLiteral("ds%1").arg(d)));
            QVERIFY(id.ok());
            const int size = d == 2 ? kScenarioCount - n : 1500 + 300 * d;
            for (int i = 0; i < size; ++i, ++n) {
                Item it;
                it.uid = QStringLiteral("u%1").arg(n);
                it.datasetId = *id;
                const quint32 r = rng.generate();
                it.name = names[r % 6] + (r % 3 == 0 ? QString() : QStringLiteral(" %1").arg(r % 40));
                it.category = allCategories[rng.bounded(4)];
                it.status = allReviewStatuses[rng.bounded(4)];
                it.turns = int(rng.bounded(6));
                for (const QString &c : caps)
                    if (rng.bounded(3) == 0)
                        it.capabilities.append(c);
                it.zebra = n % 7 == 0;
                TestScenario s;
                s.id = it.uid;
                s.name = it.name;
                for (int t = 0; t < it.turns; ++t)
                    s.messages.append(ChatMessage{t % 2 ? QStringLiteral("assistant") : QStringLiteral("user"),
                                                  it.zebra ? QStringLiteral("a zebra crossing %1").arg(t)
                                                           : QStringLiteral("plain text %1").arg(t),
                                                  Json::object()});
                s.expectedCapabilities = it.capabilities;
                s.category = it.category;
                s.status = it.status;
                if (it.turns == 0)
                    it.zebra = false; // the word lives in the messages
                QVERIFY((*session)->add(s).ok());
                m_items.append(it);
            }
        }
        QVERIFY((*session)->commit().ok());
        QCOMPARE(*m_store->count({}), kScenarioCount);
    }

    void walkEverySort_data()
    {
        QTest::addColumn<ScenarioSort>("sort");
        addSortRows();
    }

    void walkEverySort()
    {
        QFETCH(ScenarioSort, sort);
        const QStringList all = expected({}, sort);
        QCOMPARE(all.size(), kScenarioCount);
        int pages = 0;
        QCOMPARE(walk({}, sort, 97, &pages), all);
        QCOMPARE(pages, (kScenarioCount + 96) / 97);
        QCOMPARE(walk({}, sort, 1000), all); // an exact multiple: the last page is full, then one empty
        checkAnchors({}, sort, 97, all);
        checkAnchors({}, sort, 500, all);
    }

    void combinedFilters_data()
    {
        QTest::addColumn<ScenarioSort>("sort");
        addSortRows();
    }

    void combinedFilters()
    {
        QFETCH(ScenarioSort, sort);
        ScenarioFilter f;
        f.datasetIds = {m_items.first().datasetId, m_items.last().datasetId};
        f.categories = {Category::Synthetic, Category::ToolUsage, Category::Adversarial};
        f.statuses = {ReviewStatus::Pending, ReviewStatus::Accepted};
        f.capabilities = {QStringLiteral("recall"), QStringLiteral("planning")};
        QStringList all = expected(f, sort);
        QVERIFY(all.size() > 100);
        QCOMPARE(walk(f, sort, 37), all);
        QCOMPARE(*m_store->count(f), all.size());
        checkAnchors(f, sort, 37, all);

        f.search = QStringLiteral("zebr");
        all = expected(f, sort, [](const Item &it) { return it.zebra; });
        QVERIFY(all.size() > 10);
        QCOMPARE(walk(f, sort, 13), all);
        QCOMPARE(*m_store->count(f), all.size());
        checkAnchors(f, sort, 13, all);
    }

    void emptySelection()
    {
        ScenarioFilter f;
        f.datasetIds = {987654};
        auto rows = m_store->page(f, {}, {}, 50);
        QVERIFY(rows.ok());
        QVERIFY(rows->isEmpty());
        auto anchors = m_store->pageAnchors(f, {ScenarioSortKey::Name, Qt::DescendingOrder}, 50);
        QVERIFY(anchors.ok());
        QCOMPARE(anchors->size(), 1);
        QCOMPARE(*m_store->count(f), 0);
        QVERIFY(m_store->page({}, {}, {}, 0)->isEmpty());
        QVERIFY(!m_store->pageAnchors({}, {}, 0).ok());
    }

    void cursorsCarryTheSortValue()
    {
        auto rows = m_store->page({}, {ScenarioSortKey::Turns, Qt::AscendingOrder}, {}, 1);
        QVERIFY(rows.ok() && rows->size() == 1);
        const PageCursor c = WorkspaceStore::cursorAfter(rows->first(), {ScenarioSortKey::Turns, Qt::AscendingOrder});
        QCOMPARE(c.rowId, rows->first().rowId);
        QCOMPARE(c.sortValue.toInt(), 0);
        const PageCursor n = WorkspaceStore::cursorAfter(rows->first(), {ScenarioSortKey::Name, Qt::AscendingOrder});
        QCOMPARE(n.sortValue.toString(), rows->first().name);
    }
};

QTEST_GUILESS_MAIN(tst_Paging)
#include "tst_paging.moc"
