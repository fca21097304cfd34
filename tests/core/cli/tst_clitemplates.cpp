// SPDX-License-Identifier: GPL-3.0-or-later
// `kairix templates list | show | edit`: real processes on a real workspace file.
#include "generation/generators/prompttemplate.h"
#include "util/jsonqt.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCliTemplates final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void listShowsBuiltInsOnAFreshWorkspace();
    void editThenShowGivesTheNewVersion();
    void badFilesExitOneAndChangeNothing_data();
    void badFilesExitOneAndChangeNothing();
    void unchangedFileIsRefused();
    void usageErrors_data();
    void usageErrors();

private:
    Run kairix(const QStringList &args);
    Json json(const Run &run);
    QString file(const QString &name, const QByteArray &bytes);
    /** `templates show @p id --json` of the current version. */
    Json show(const QString &id);
    QByteArray workspaceHash();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestCliTemplates::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath(QStringLiteral("ws.kairix"));
}

Run TestCliTemplates::kairix(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir->path()); // never touch the real settings or workspace
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("KAIRIX_DB"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KX_CLI_PATH), QStringList{QStringLiteral("--db"), m_db} + args);
    if (!p.waitForStarted())
        return {};
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

Json TestCliTemplates::json(const Run &run)
{
    return Json::parse(run.out.toStdString(), nullptr, false);
}

QString TestCliTemplates::file(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write fixture");
    return path;
}

Json TestCliTemplates::show(const QString &id)
{
    const Run r = kairix({QStringLiteral("templates"), QStringLiteral("show"), id, QStringLiteral("--json")});
    if (r.exitCode != 0)
        qWarning("show failed: %s", r.err.constData());
    return json(r);
}

QByteArray TestCliTemplates::workspaceHash()
{
    // The file and its WAL: a change anywhere shows.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile f(m_db + suffix);
        if (f.open(QIODevice::ReadOnly))
            hash.addData(f.readAll());
    }
    return hash.result();
}

void TestCliTemplates::listShowsBuiltInsOnAFreshWorkspace()
{
    const Run r = kairix({QStringLiteral("templates"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const Json list = json(r);
    QVERIFY2(list.is_array(), r.out.constData());
    QCOMPARE(list.size(), size_t(5));
    QCOMPARE(list[0]["id"].get<std::string>(), std::string("memory_recall"));
    for (const Json &t : list) {
        QCOMPARE(t["version"].get<int>(), 1);
        const QString id = qs(t["id"].get<std::string>());
        QCOMPARE(qs(t["origin"].get<std::string>()), QStringLiteral(":/prompts/%1.json").arg(id));
        QCOMPARE(qs(t["sha256"].get<std::string>()), PromptTemplate::builtIn(id)->contentHash());
    }
    // The text form names each template once.
    const Run text = kairix({QStringLiteral("templates"), QStringLiteral("list")});
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out.count('\n'), 5);
    QVERIFY(text.out.contains("fusion"));
}

void TestCliTemplates::editThenShowGivesTheNewVersion()
{
    Json edited = show(QStringLiteral("fusion"));
    QVERIFY(edited.is_object());
    QCOMPARE(edited["version"].get<int>(), 1);
    edited["system"] = "You merge test data from two datasets. Reply with JSON only.";
    const QString path = file(QStringLiteral("fusion.json"), QByteArray::fromStdString(edited.dump(2)));

    const Run r = kairix({QStringLiteral("templates"), QStringLiteral("edit"), QStringLiteral("fusion"),
                          QStringLiteral("--file"), path, QStringLiteral("--author"), QStringLiteral("ana"),
                          QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const Json saved = json(r);
    QCOMPARE(saved["version"].get<int>(), 2);
    QCOMPARE(saved["origin"].get<std::string>(), std::string("workspace template fusion v2"));

    const Json now = show(QStringLiteral("fusion"));
    QCOMPARE(now["version"].get<int>(), 2);
    QCOMPARE(now["system"].get<std::string>(), std::string("You merge test data from two datasets. Reply with JSON only."));
    QCOMPARE(qs(saved["sha256"].get<std::string>()), PromptTemplate::fromJson(now, QStringLiteral("x"))->contentHash());

    // The old version is still there to read; list shows the new one.
    const Run v1 = kairix({QStringLiteral("templates"), QStringLiteral("show"), QStringLiteral("fusion"),
                           QStringLiteral("--version"), QStringLiteral("1"), QStringLiteral("--json")});
    QCOMPARE(v1.exitCode, 0);
    QCOMPARE(qs(json(v1)["system"].get<std::string>()), PromptTemplate::builtIn(QStringLiteral("fusion"))->systemText());
    const Json list = json(kairix({QStringLiteral("templates"), QStringLiteral("list"), QStringLiteral("--json")}));
    QCOMPARE(list[4]["version"].get<int>(), 2);
    QCOMPARE(list[0]["version"].get<int>(), 1);

    // A file without "id" and "version" takes them from the command.
    Json bare = now;
    bare.erase("id");
    bare.erase("version");
    bare["system"] = "Shorter system text. Reply with JSON only.";
    const QString barePath = file(QStringLiteral("bare.json"), QByteArray::fromStdString(bare.dump()));
    const Run third = kairix({QStringLiteral("templates"), QStringLiteral("edit"), QStringLiteral("fusion"),
                              QStringLiteral("--file"), barePath});
    QVERIFY2(third.exitCode == 0, third.err.constData());
    QCOMPARE(show(QStringLiteral("fusion"))["version"].get<int>(), 3);
}

void TestCliTemplates::badFilesExitOneAndChangeNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected"); // in the message, beside the file name

    const Json memory = PromptTemplate::builtIn(QStringLiteral("memory_recall"))->toJson();
    Json noFacts = memory;
    noFacts["user"] = ss(qs(noFacts["user"].get<std::string>()).replace(QStringLiteral("{{facts}}"), QStringLiteral("-")));
    Json typo = memory;
    typo["user"] = ss(qs(typo["user"].get<std::string>()).replace(QStringLiteral("{{facts}}"), QStringLiteral("{{fatcs}}")));
    Json otherId = memory;
    otherId["id"] = "fusion";
    Json badDefaults = memory;
    badDefaults["defaults"] = Json::array();

    QTest::newRow("not JSON") << QByteArray("{\"id\": \"memory_recall\",\n  \"user\": ") << QStringLiteral("not valid JSON: line 2");
    QTest::newRow("slot removed") << QByteArray::fromStdString(noFacts.dump(2)) << QStringLiteral("{{facts}}");
    QTest::newRow("slot misspelled") << QByteArray::fromStdString(typo.dump(2)) << QStringLiteral("{{fatcs}}");
    QTest::newRow("other template") << QByteArray::fromStdString(otherId.dump(2)) << QStringLiteral("\"fusion\"");
    QTest::newRow("defaults not an object") << QByteArray::fromStdString(badDefaults.dump(2)) << QStringLiteral("defaults");
    QTest::newRow("an array") << QByteArray("[]") << QStringLiteral("JSON object");
}

void TestCliTemplates::badFilesExitOneAndChangeNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    // A workspace with one edit already, so "nothing changed" has something to keep.
    Json edited = show(QStringLiteral("memory_recall"));
    edited["system"] = "Edited once. Reply with JSON only.";
    const QString good = file(QStringLiteral("good.json"), QByteArray::fromStdString(edited.dump()));
    QCOMPARE(kairix({QStringLiteral("templates"), QStringLiteral("edit"), QStringLiteral("memory_recall"),
                     QStringLiteral("--file"), good})
                 .exitCode,
             0);
    const QByteArray before = workspaceHash();
    const QByteArray listBefore = kairix({QStringLiteral("templates"), QStringLiteral("list"), QStringLiteral("--json")}).out;

    const QString path = file(QStringLiteral("bad.json"), content);
    const Run r = kairix({QStringLiteral("templates"), QStringLiteral("edit"), QStringLiteral("memory_recall"),
                          QStringLiteral("--file"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(path), r.err.constData());
    QVERIFY2(err.contains(expected), r.err.constData());

    QCOMPARE(workspaceHash(), before);
    QCOMPARE(kairix({QStringLiteral("templates"), QStringLiteral("list"), QStringLiteral("--json")}).out, listBefore);
    QCOMPARE(show(QStringLiteral("memory_recall"))["version"].get<int>(), 2);
}

void TestCliTemplates::unchangedFileIsRefused()
{
    const Json current = show(QStringLiteral("augment"));
    const QString path = file(QStringLiteral("same.json"), QByteArray::fromStdString(current.dump(2)));
    const QByteArray before = workspaceHash();
    const Run r = kairix({QStringLiteral("templates"), QStringLiteral("edit"), QStringLiteral("augment"),
                          QStringLiteral("--file"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("unchanged"), r.err.constData());
    QVERIFY(r.err.contains(path.toUtf8()));
    QCOMPARE(workspaceHash(), before);
}

void TestCliTemplates::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    const QString t = QStringLiteral("templates");
    QTest::newRow("no subcommand") << QStringList{t} << 2;
    QTest::newRow("unknown subcommand") << QStringList{t, QStringLiteral("delete")} << 2;
    QTest::newRow("show without id") << QStringList{t, QStringLiteral("show")} << 2;
    QTest::newRow("edit without file") << QStringList{t, QStringLiteral("edit"), QStringLiteral("fusion")} << 2;
    QTest::newRow("bad version") << QStringList{t, QStringLiteral("show"), QStringLiteral("fusion"), QStringLiteral("--version"), QStringLiteral("x")} << 2;
    QTest::newRow("unknown option") << QStringList{t, QStringLiteral("list"), QStringLiteral("--frobnicate")} << 2;
    QTest::newRow("unknown template") << QStringList{t, QStringLiteral("show"), QStringLiteral("nope")} << 1;
    QTest::newRow("missing version") << QStringList{t, QStringLiteral("show"), QStringLiteral("fusion"), QStringLiteral("--version"), QStringLiteral("9")} << 1;
    QTest::newRow("missing file") << QStringList{t, QStringLiteral("edit"), QStringLiteral("fusion"), QStringLiteral("--file"), QStringLiteral("/nonexistent/x.json")} << 1;
    QTest::newRow("help") << QStringList{t, QStringLiteral("--help")} << 0;
}

void TestCliTemplates::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    const Run r = kairix(args);
    QVERIFY2(r.exitCode == exitCode, r.err.constData());
    if (exitCode != 0)
        QVERIFY(!r.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliTemplates)
#include "tst_clitemplates.moc"
