// SPDX-License-Identifier: GPL-3.0-or-later
#include "mix/snapshotdiff.h"

#include <QTest>

using namespace kx;

namespace {

/** "uid:hash,uid:hash" → members. */
QList<SnapshotMember> members(const QString &spec)
{
    QList<SnapshotMember> out;
    for (const QString &item : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        SnapshotMember m;
        m.uid = item.section(QLatin1Char(':'), 0, 0);
        m.contentHash = item.section(QLatin1Char(':'), 1, 1);
        out << m;
    }
    return out;
}

} // namespace

class TestSnapshotDiff final : public QObject
{
    Q_OBJECT

private slots:
    void diff_data();
    void diff();
    void json();
    void rejects();
};

void TestSnapshotDiff::diff_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("added");
    QTest::addColumn<QStringList>("removed");
    QTest::addColumn<QStringList>("changed");
    QTest::addColumn<qint64>("unchanged");

    const auto l = [](std::initializer_list<const char *> items) {
        QStringList out;
        for (const char *s : items)
            out << QString::fromLatin1(s);
        return out;
    };
    QTest::newRow("identical") << QStringLiteral("a:1,b:2") << QStringLiteral("b:2,a:1")
                               << QStringList() << QStringList() << QStringList() << qint64(2);
    QTest::newRow("added") << QStringLiteral("a:1") << QStringLiteral("a:1,c:3,b:2")
                           << l({"b", "c"}) << QStringList() << QStringList() << qint64(1);
    QTest::newRow("removed") << QStringLiteral("a:1,b:2,c:3") << QStringLiteral("b:2")
                             << QStringList() << l({"a", "c"}) << QStringList() << qint64(1);
    QTest::newRow("changed") << QStringLiteral("a:1,b:2") << QStringLiteral("a:1,b:9")
                             << QStringList() << QStringList() << l({"b"}) << qint64(1);
    QTest::newRow("mixed") << QStringLiteral("a:1,b:2,c:3,d:4") << QStringLiteral("a:1,c:7,d:4,e:5,f:6")
                           << l({"e", "f"}) << l({"b"}) << l({"c"}) << qint64(2);
    QTest::newRow("hash appears") << QStringLiteral("a:") << QStringLiteral("a:1")
                                  << QStringList() << QStringList() << l({"a"}) << qint64(0);
    QTest::newRow("both empty hashes") << QStringLiteral("a:") << QStringLiteral("a:")
                                       << QStringList() << QStringList() << QStringList() << qint64(1);
    QTest::newRow("first version") << QString() << QStringLiteral("a:1,b:2")
                                   << l({"a", "b"}) << QStringList() << QStringList() << qint64(0);
    QTest::newRow("nothing") << QString() << QString()
                             << QStringList() << QStringList() << QStringList() << qint64(0);
}

void TestSnapshotDiff::diff()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, added);
    QFETCH(QStringList, removed);
    QFETCH(QStringList, changed);
    QFETCH(qint64, unchanged);
    const auto d = SnapshotDiff::compute(members(from), members(to));
    QVERIFY2(d.ok(), d.ok() ? "" : qPrintable(d.error().message));
    QCOMPARE(d->added(), added);
    QCOMPARE(d->removed(), removed);
    QCOMPARE(d->changed(), changed);
    QCOMPARE(d->unchangedCount(), unchanged);
    QCOMPARE(d->isEmpty(), added.isEmpty() && removed.isEmpty() && changed.isEmpty());
}

void TestSnapshotDiff::json()
{
    const auto d = SnapshotDiff::compute(members(QStringLiteral("a:1,b:2,c:3,d:4")),
                                         members(QStringLiteral("a:1,c:7,d:4,e:5,f:6")));
    QVERIFY(d.ok());
    QCOMPARE(QByteArray::fromStdString(d->toJson().dump()),
             QByteArray(R"({"added":["e","f"],"removed":["b"],"changed":["c"],"unchanged":2,)"
                        R"("counts":{"added":2,"removed":1,"changed":1,"unchanged":2}})"));
}

void TestSnapshotDiff::rejects()
{
    const auto dupOld = SnapshotDiff::compute(members(QStringLiteral("a:1,a:2")), {});
    QVERIFY(!dupOld.ok());
    QVERIFY2(dupOld.error().message.contains(QStringLiteral("older version lists \"a\"")),
             qPrintable(dupOld.error().message));
    const auto dupNew = SnapshotDiff::compute({}, members(QStringLiteral("b:1,b:1")));
    QVERIFY(!dupNew.ok());
    QVERIFY(dupNew.error().message.contains(QStringLiteral("newer")));
    QVERIFY(!SnapshotDiff::compute(members(QStringLiteral(":1")), {}).ok());
}

QTEST_GUILESS_MAIN(TestSnapshotDiff)
#include "tst_snapshotdiff.moc"
