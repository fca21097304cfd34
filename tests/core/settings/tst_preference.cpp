// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/preference.h"
#include "settings/settings.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

class TestPreference final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultsWhenMissing();
    void storesAndReadsBack();
    void storingTheDefaultRemovesTheKey();
    void wrongTypeFallsBackToTheDefault();
    void typedKeysOfTheApplication();

private:
    QTemporaryDir m_dir;
};

void TestPreference::initTestCase()
{
    // Never touch the real user's settings: an INI file in a temp folder.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("KairixTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_preference"));
}

void TestPreference::defaultsWhenMissing()
{
    const Preference<int> p(QStringLiteral("test/missing"), 42);
    QCOMPARE(p.value(), 42);
    QCOMPARE(p.defaultValue(), 42);
}

void TestPreference::storesAndReadsBack()
{
    const Preference<QString> p(QStringLiteral("test/name"), QStringLiteral("none"));
    p.setValue(QStringLiteral("Grüße"));
    QCOMPARE(p.value(), QStringLiteral("Grüße"));
    QSettings().sync();
    QCOMPARE(QSettings().value(QStringLiteral("test/name")).toString(), QStringLiteral("Grüße"));
    p.reset();
    QCOMPARE(p.value(), QStringLiteral("none"));
}

void TestPreference::storingTheDefaultRemovesTheKey()
{
    const Preference<int> p(QStringLiteral("test/order"), 0);
    p.setValue(1);
    QVERIFY(QSettings().contains(QStringLiteral("test/order")));
    p.setValue(0);
    QVERIFY(!QSettings().contains(QStringLiteral("test/order")));
    QCOMPARE(p.value(), 0);
}

void TestPreference::wrongTypeFallsBackToTheDefault()
{
    // A list where a number is expected (say, a settings file edited by hand): the default, not garbage.
    QSettings().setValue(QStringLiteral("test/number"), QStringList{QStringLiteral("a"), QStringLiteral("b")});
    const Preference<int> p(QStringLiteral("test/number"), 7);
    QCOMPARE(p.value(), 7);
}

void TestPreference::typedKeysOfTheApplication()
{
    QCOMPARE(Settings::lastWorkspace().value(), QString());
    Settings::lastWorkspace().setValue(QStringLiteral("/tmp/a.kairix"));
    QCOMPARE(Settings::lastWorkspace().value(), QStringLiteral("/tmp/a.kairix"));
    QVERIFY(Settings::splitterState(QStringLiteral("a")).key() != Settings::splitterState(QStringLiteral("b")).key());
    QCOMPARE(Settings::scenarioTableSortOrder().value(), int(Qt::AscendingOrder));
}

QTEST_GUILESS_MAIN(TestPreference)
#include "tst_preference.moc"
