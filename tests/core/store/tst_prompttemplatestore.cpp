// SPDX-License-Identifier: GPL-3.0-or-later
// PromptTemplateStore: versions of the generators' prompt templates kept in the workspace.
#include "store/prompttemplatestore.h"
#include "store/workspacestore.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace kx;

/** Fails the test with the error's message when @p result holds an error (QVERIFY2 would evaluate it either way). */
#define KX_VERIFY_OK(result)                                                                                       \
    do {                                                                                                           \
        if (!(result))                                                                                             \
            QFAIL(qPrintable((result).error().message));                                                          \
    } while (false)

namespace {

const QString memoryId = QStringLiteral("memory_recall");

std::unique_ptr<WorkspaceStore> openStore(const QString &path = QStringLiteral(":memory:"))
{
    auto store = WorkspaceStore::open(path);
    if (!store)
        qFatal("open: %s", qPrintable(store.error().message));
    return std::move(store.value());
}

PromptTemplate builtIn(const QString &id = memoryId)
{
    auto t = PromptTemplate::builtIn(id);
    if (!t)
        qFatal("built-in: %s", qPrintable(t.error().message));
    return *t;
}

/** The built-in template with its user text changed to @p user (and @p version, which save() ignores). */
PromptTemplate edited(const QString &user, int version = 1, const QString &id = memoryId)
{
    Json j = builtIn(id).toJson();
    j["user"] = ss(user);
    j["version"] = version;
    auto t = PromptTemplate::fromJson(j, QStringLiteral("test edit"));
    if (!t)
        qFatal("edit: %s", qPrintable(t.error().message));
    return *t;
}

QString userWith(const QString &extra)
{
    return builtIn().userText() + QLatin1Char('\n') + extra;
}

} // namespace

class TestPromptTemplateStore final : public QObject
{
    Q_OBJECT

private slots:
    void currentFallsBackToBuiltIn();
    void versionsIncrease();
    void identicalContentIsRefused();
    void restoringAnOlderTextIsANewVersion();
    void versionLooksUpSavedAndBuiltIn();
    void unknownTemplateIsRefused();
    void survivesReopen();
    void damagedRowIsReported();
};

void TestPromptTemplateStore::currentFallsBackToBuiltIn()
{
    auto ws = openStore();
    PromptTemplateStore store(*ws);
    auto versions = store.versions(memoryId);
    KX_VERIFY_OK(versions);
    QVERIFY(versions->isEmpty());
    auto latest = store.latest(memoryId);
    QVERIFY(latest);
    QVERIFY(!latest->has_value());
    auto current = store.current(memoryId);
    KX_VERIFY_OK(current);
    QCOMPARE(current->version(), 1);
    QCOMPARE(current->contentHash(), builtIn().contentHash());
    QCOMPARE(current->origin(), QStringLiteral(":/prompts/memory_recall.json"));
}

void TestPromptTemplateStore::versionsIncrease()
{
    auto ws = openStore();
    PromptTemplateStore store(*ws);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);

    auto v2 = store.save(edited(userWith(QStringLiteral("Be brief.")), 7), QStringLiteral("ana"));
    KX_VERIFY_OK(v2);
    QCOMPARE(v2->version(), 2); // one more than the built-in 1; the 7 in the edit is ignored
    QCOMPARE(v2->origin(), QStringLiteral("workspace template memory_recall v2"));
    QVERIFY(v2->userText().endsWith(QStringLiteral("Be brief.")));

    auto v3 = store.save(edited(userWith(QStringLiteral("Be very brief."))), QStringLiteral("bo"));
    KX_VERIFY_OK(v3);
    QCOMPARE(v3->version(), 3);

    auto versions = store.versions(memoryId);
    KX_VERIFY_OK(versions);
    QCOMPARE(versions->size(), 2);
    QCOMPARE(versions->at(0).promptTemplate.version(), 2);
    QCOMPARE(versions->at(0).author, QStringLiteral("ana"));
    QCOMPARE(versions->at(1).promptTemplate.version(), 3);
    QCOMPARE(versions->at(1).author, QStringLiteral("bo"));
    QVERIFY(versions->at(0).rowId < versions->at(1).rowId);
    QCOMPARE(versions->at(1).savedAt.timeSpec(), Qt::UTC);
    QVERIFY(versions->at(1).savedAt >= before);
    QCOMPARE(versions->at(1).promptTemplate.contentHash(), v3->contentHash());

    auto current = store.current(memoryId);
    QVERIFY(current);
    QCOMPARE(current->version(), 3);
    QCOMPARE(current->contentHash(), v3->contentHash());

    // Other templates keep their own numbering.
    auto other = store.current(QStringLiteral("fusion"));
    QVERIFY(other);
    QCOMPARE(other->version(), 1);

    // The row holds the template JSON and the hash of what it holds.
    sqlite3_stmt *stmt = nullptr;
    QCOMPARE(sqlite3_prepare_v2(ws->handle(), "SELECT body, sha256 FROM prompt_templates WHERE version = 3", -1,
                                &stmt, nullptr),
             SQLITE_OK);
    QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
    const Json body = Json::parse(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    QCOMPARE(body["version"].get<int>(), 3);
    QCOMPARE(body["id"].get<std::string>(), std::string("memory_recall"));
    QCOMPARE(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1))), v3->contentHash());
    sqlite3_finalize(stmt);
}

void TestPromptTemplateStore::identicalContentIsRefused()
{
    auto ws = openStore();
    PromptTemplateStore store(*ws);

    // The built-in text, under another version number, is not a change.
    auto same = store.save(edited(builtIn().userText(), 5), QStringLiteral("ana"));
    QVERIFY(!same);
    QCOMPARE(same.error().code, Error::Code::BadInput);
    QVERIFY2(same.error().message.contains(QStringLiteral("unchanged")), qPrintable(same.error().message));
    QVERIFY(same.error().message.contains(QStringLiteral("memory_recall")));

    auto v2 = store.save(edited(userWith(QStringLiteral("x"))), QStringLiteral("ana"));
    QVERIFY(v2);
    auto again = store.save(*v2, QStringLiteral("bo"));
    QVERIFY(!again);
    QCOMPARE(again.error().code, Error::Code::BadInput);
    QVERIFY2(again.error().message.contains(QStringLiteral("version 2")), qPrintable(again.error().message));
    QCOMPARE(store.versions(memoryId)->size(), 1);
}

void TestPromptTemplateStore::restoringAnOlderTextIsANewVersion()
{
    auto ws = openStore();
    PromptTemplateStore store(*ws);
    QVERIFY(store.save(edited(userWith(QStringLiteral("x"))), QStringLiteral("ana")));
    auto restored = store.save(builtIn(), QStringLiteral("ana"));
    KX_VERIFY_OK(restored);
    QCOMPARE(restored->version(), 3);
    QCOMPARE(restored->userText(), builtIn().userText());
}

void TestPromptTemplateStore::versionLooksUpSavedAndBuiltIn()
{
    auto ws = openStore();
    PromptTemplateStore store(*ws);
    QVERIFY(store.save(edited(userWith(QStringLiteral("x"))), QStringLiteral("ana")));
    auto v1 = store.version(memoryId, 1);
    QVERIFY(v1);
    QCOMPARE(v1->contentHash(), builtIn().contentHash());
    auto v2 = store.version(memoryId, 2);
    QVERIFY(v2);
    QVERIFY(v2->userText().endsWith(QLatin1Char('x')));
    auto v9 = store.version(memoryId, 9);
    QVERIFY(!v9);
    QCOMPARE(v9.error().code, Error::Code::NotFound);
}

void TestPromptTemplateStore::unknownTemplateIsRefused()
{
    auto ws = openStore();
    PromptTemplateStore store(*ws);
    Json j = builtIn().toJson();
    j["id"] = "no_such_template";
    auto t = PromptTemplate::fromJson(j, QStringLiteral("test"));
    QVERIFY(t);
    auto saved = store.save(*t, QStringLiteral("ana"));
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, Error::Code::BadInput);
    QVERIFY(saved.error().message.contains(QStringLiteral("no_such_template")));
}

void TestPromptTemplateStore::survivesReopen()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("ws.kairix"));
    QString hash;
    {
        auto ws = openStore(path);
        PromptTemplateStore store(*ws);
        auto v2 = store.save(edited(userWith(QStringLiteral("Durable.")), 1, QStringLiteral("memory_recall")),
                             QStringLiteral("ana"));
        KX_VERIFY_OK(v2);
        hash = v2->contentHash();
    }
    auto ws = openStore(path);
    PromptTemplateStore store(*ws);
    auto current = store.current(memoryId);
    KX_VERIFY_OK(current);
    QCOMPARE(current->version(), 2);
    QCOMPARE(current->contentHash(), hash);
    QCOMPARE(store.versions(memoryId)->first().author, QStringLiteral("ana"));
    auto v3 = store.save(edited(userWith(QStringLiteral("Again."))), QStringLiteral("bo"));
    QVERIFY(v3);
    QCOMPARE(v3->version(), 3);
}

void TestPromptTemplateStore::damagedRowIsReported()
{
    auto ws = openStore();
    PromptTemplateStore store(*ws);
    QVERIFY(store.save(edited(userWith(QStringLiteral("x"))), QStringLiteral("ana")));
    QCOMPARE(sqlite3_exec(ws->handle(), "UPDATE prompt_templates SET sha256 = 'beef'", nullptr, nullptr, nullptr),
             SQLITE_OK);
    auto current = store.current(memoryId);
    QVERIFY(!current);
    QCOMPARE(current.error().code, Error::Code::Database);
    QVERIFY2(current.error().message.contains(QStringLiteral("memory_recall v2")), qPrintable(current.error().message));
    QVERIFY(current.error().message.contains(QStringLiteral("SHA-256")));
}

QTEST_GUILESS_MAIN(TestPromptTemplateStore)
#include "tst_prompttemplatestore.moc"
