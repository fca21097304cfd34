// SPDX-License-Identifier: GPL-3.0-or-later
#include "mix/snapshotsampler.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace kx;

namespace {

/** @p n candidates of @p c with uids "<prefix>000"…, row ids from @p firstRow. */
QList<SnapshotMember> pool(Category c, const char *prefix, int n, qint64 firstRow)
{
    QList<SnapshotMember> out;
    for (int i = 0; i < n; ++i) {
        SnapshotMember m;
        m.rowId = firstRow + i;
        m.uid = QString::fromLatin1(prefix) + QStringLiteral("%1").arg(i, 3, 10, QLatin1Char('0'));
        m.category = c;
        m.source = QString::fromLatin1(prefix) + QStringLiteral("-set");
        m.contentHash = QStringLiteral("h%1").arg(m.rowId);
        out << m;
    }
    return out;
}

/** 50 benchmark, 50 synthetic, 50 tool usage and @p adversarial adversarial candidates. */
QList<SnapshotMember> candidates(int adversarial)
{
    return pool(Category::Benchmark, "b", 50, 1000) + pool(Category::Synthetic, "s", 50, 2000)
         + pool(Category::ToolUsage, "t", 50, 3000) + pool(Category::Adversarial, "a", adversarial, 4000);
}

QStringList uids(const QList<SnapshotMember> &members)
{
    QStringList out;
    for (const SnapshotMember &m : members)
        out << m.uid;
    return out;
}

QString countsText(const CategoryCounts &q)
{
    return QStringLiteral("%1/%2/%3/%4").arg(q[0]).arg(q[1]).arg(q[2]).arg(q[3]);
}

SnapshotSampler::Selection draw(const QList<SnapshotMember> &from, qint64 size, quint64 seed,
                                SnapshotSampler::ShortfallPolicy policy = SnapshotSampler::ShortfallPolicy::Keep)
{
    auto r = SnapshotSampler::sample(from, MixTarget(), size, seed, policy);
    if (!r.ok())
        qFatal("%s", qPrintable(r.error().message));
    return *r;
}

} // namespace

class TestSnapshotSampler final : public QObject
{
    Q_OBJECT

private slots:
    void deterministic();
    void inputOrderDoesNotMatter();
    void differentSeedDiffers();
    void sharesHonoured_data();
    void sharesHonoured();
    void shortfallKept();
    void shortfallRedistributed_data();
    void shortfallRedistributed();
    void categoriesIndependent();
    void json();
    void rejects();
};

void TestSnapshotSampler::deterministic()
{
    const auto first = draw(candidates(30), 47, 42);
    const auto again = draw(candidates(30), 47, 42);
    QCOMPARE(uids(again.members), uids(first.members));
    QCOMPARE(first.members.size(), 47);
    // Every member is a candidate, once, and they come sorted by category then uid.
    const QStringList all = uids(candidates(30));
    const QStringList picked = uids(first.members);
    QCOMPARE(QSet<QString>(picked.begin(), picked.end()).size(), picked.size());
    for (const QString &uid : picked)
        QVERIFY(all.contains(uid));
    QVERIFY(std::is_sorted(first.members.begin(), first.members.end(), [](const auto &a, const auto &b) {
        return a.category != b.category ? a.category < b.category : a.uid < b.uid;
    }));
}

void TestSnapshotSampler::inputOrderDoesNotMatter()
{
    QList<SnapshotMember> reversed = candidates(30);
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(uids(draw(reversed, 47, 7).members), uids(draw(candidates(30), 47, 7).members));
}

void TestSnapshotSampler::differentSeedDiffers()
{
    // 14 of 50 benchmark candidates alone can be picked in C(50,14) ≈ 9.4e11 ways.
    const QStringList one = uids(draw(candidates(30), 47, 1).members);
    const QStringList two = uids(draw(candidates(30), 47, 2).members);
    QVERIFY(one != two);
    // Seeds give different samples of each category, not just one.
    int differingCategories = 0;
    for (const char *prefix : {"b", "s", "t", "a"}) {
        const auto inCategory = [prefix](const QStringList &l) {
            return l.filter(QRegularExpression(QStringLiteral("^") + QLatin1String(prefix)));
        };
        if (inCategory(one) != inCategory(two))
            ++differingCategories;
    }
    QCOMPARE(differingCategories, 4);
}

void TestSnapshotSampler::sharesHonoured_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<QString>("selected");

    // The quotas are MixTarget::apportion(size): 10 → 3/4/2/1;
    // 33 → exact 9.9/13.2/6.6/3.3, floors 9/13/6/3, +1 to .9 and .6 → 10/13/7/3;
    // 47 → 14.1/18.8/9.4/4.7, floors 14/18/9/4, +1 to .8 and .7 → 14/19/9/5;
    // 120 → 36/48/24/12.
    QTest::newRow("10") << qint64(10) << quint64(1) << QStringLiteral("3/4/2/1");
    QTest::newRow("33") << qint64(33) << quint64(2) << QStringLiteral("10/13/7/3");
    QTest::newRow("47") << qint64(47) << quint64(3) << QStringLiteral("14/19/9/5");
    QTest::newRow("120") << qint64(120) << quint64(4) << QStringLiteral("36/48/24/12");
    QTest::newRow("0") << qint64(0) << quint64(5) << QStringLiteral("0/0/0/0");
}

void TestSnapshotSampler::sharesHonoured()
{
    QFETCH(qint64, size);
    QFETCH(quint64, seed);
    QFETCH(QString, selected);
    const auto sel = draw(candidates(30), size, seed);
    QCOMPARE(countsText(sel.selected), selected);
    QCOMPARE(sel.members.size(), size);
    QCOMPARE(sel.totalShortfall(), 0);
    const MixTarget target;
    CategoryCounts counted{};
    for (const SnapshotMember &m : sel.members)
        ++counted[std::size_t(m.category)];
    for (Category c : allCategories) {
        QCOMPARE(counted[std::size_t(c)], sel.selected[std::size_t(c)]);
        // Within ±1 scenario of the exact share.
        QVERIFY(std::abs(double(counted[std::size_t(c)]) - target.share(c) * double(size)) < 1.0);
    }
}

void TestSnapshotSampler::shortfallKept()
{
    // 100 asks for 30/40/20/10 but only 3 adversarial candidates exist: 7 short,
    // and by default the places stay empty → 93 members, no category above its quota.
    const auto sel = draw(candidates(3), 100, 9);
    QCOMPARE(countsText(sel.quota), QStringLiteral("30/40/20/10"));
    QCOMPARE(countsText(sel.available), QStringLiteral("50/50/50/3"));
    QCOMPARE(countsText(sel.selected), QStringLiteral("30/40/20/3"));
    QCOMPARE(countsText(sel.shortfall), QStringLiteral("0/0/0/7"));
    QCOMPARE(sel.totalShortfall(), 7);
    QCOMPARE(sel.members.size(), 93);
}

void TestSnapshotSampler::shortfallRedistributed_data()
{
    QTest::addColumn<int>("synthetic");
    QTest::addColumn<QString>("selected");

    // The 7 places go to benchmark/synthetic/tool by .3/.4/.2: exact 2.33/3.11/1.56,
    // floors 2/3/1, +1 to the largest remainder (.56, tool) → +2/+3/+2.
    QTest::newRow("room everywhere") << 50 << QStringLiteral("32/43/22/3");
    // Only 41 synthetic: round 1 places +2/+1/+2 (synthetic capped at its 1 spare),
    // round 2 splits the 2 left by .3/.2: exact 1.2/0.8, floors 1/0, +1 to tool → +1/+1.
    QTest::newRow("synthetic runs out") << 41 << QStringLiteral("33/41/23/3");
    // Too few candidates for the size: everything is taken.
    QTest::newRow("not enough at all") << 5 << QStringLiteral("50/5/42/3");
}

void TestSnapshotSampler::shortfallRedistributed()
{
    QFETCH(int, synthetic);
    QFETCH(QString, selected);
    const QList<SnapshotMember> from = pool(Category::Benchmark, "b", 50, 1000) + pool(Category::Synthetic, "s", synthetic, 2000)
                                     + pool(Category::ToolUsage, "t", 42, 3000) + pool(Category::Adversarial, "a", 3, 4000);
    const auto keep = draw(from, 100, 11);
    const auto spread = draw(from, 100, 11, SnapshotSampler::ShortfallPolicy::Redistribute);
    QCOMPARE(countsText(spread.selected), selected);
    // The shortfall is still reported: it is measured against the quotas.
    QCOMPARE(spread.shortfall, keep.shortfall);
    qint64 total = 0;
    for (qint64 n : spread.selected)
        total += n;
    QCOMPARE(spread.members.size(), total);
    // Redistribution extends the same shuffle: Keep's picks are all still there.
    const QStringList kept = uids(keep.members);
    const QStringList spreadUids = uids(spread.members);
    for (const QString &uid : kept)
        QVERIFY2(spreadUids.contains(uid), qPrintable(uid));
}

void TestSnapshotSampler::categoriesIndependent()
{
    // Fewer tool-usage candidates leave the other categories' picks as they were.
    const auto full = draw(candidates(30), 47, 5);
    const QList<SnapshotMember> fewerTools = pool(Category::Benchmark, "b", 50, 1000) + pool(Category::Synthetic, "s", 50, 2000)
                                           + pool(Category::ToolUsage, "t", 20, 3000) + pool(Category::Adversarial, "a", 30, 4000);
    const auto other = draw(fewerTools, 47, 5);
    const QRegularExpression notTool(QStringLiteral("^[bsa]"));
    QCOMPARE(uids(other.members).filter(notTool), uids(full.members).filter(notTool));
}

void TestSnapshotSampler::json()
{
    const auto sel = draw(candidates(3), 100, 9);
    QCOMPARE(QByteArray::fromStdString(sel.toJson().dump()),
             QByteArray(R"({"seed":9,"requested":100,"size":93,"shortfall_policy":"keep",)"
                        R"("quota":{"benchmark":30,"synthetic":40,"tool_usage":20,"adversarial":10},)"
                        R"("available":{"benchmark":50,"synthetic":50,"tool_usage":50,"adversarial":3},)"
                        R"("selected":{"benchmark":30,"synthetic":40,"tool_usage":20,"adversarial":3},)"
                        R"("shortfall":{"adversarial":7}})"));
    QCOMPARE(QByteArray::fromStdString(draw(candidates(30), 10, 1).toJson()["shortfall"].dump()), QByteArray("{}"));
}

void TestSnapshotSampler::rejects()
{
    QList<SnapshotMember> dup = candidates(3);
    dup.append(dup.first());
    auto r = SnapshotSampler::sample(dup, MixTarget(), 10, 1);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("\"b000\"")), qPrintable(r.error().message));

    QList<SnapshotMember> noUid = candidates(3);
    noUid[4].uid.clear();
    QVERIFY(!SnapshotSampler::sample(noUid, MixTarget(), 10, 1).ok());

    QVERIFY(!SnapshotSampler::sample(candidates(3), MixTarget(), -1, 1).ok());
    MixTarget bad;
    bad.setShare(Category::Adversarial, 0.5);
    QVERIFY(!SnapshotSampler::sample(candidates(3), bad, 10, 1).ok());
}

QTEST_GUILESS_MAIN(TestSnapshotSampler)
#include "tst_snapshotsampler.moc"
