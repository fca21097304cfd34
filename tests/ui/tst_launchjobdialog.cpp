// SPDX-License-Identifier: GPL-3.0-or-later
#include "../core/models/testworkspace.h"
#include "generation/jobs/generationjobplanner.h"
#include "jobs/launchjobdialog.h"
#include "settings/settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLoggingCategory>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kx;

namespace {
template<typename T>
T *child(const QObject &parent, const char *name)
{
    T *w = parent.findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

QStringList keysOf(const Json &object)
{
    QStringList keys;
    for (auto it = object.begin(); it != object.end(); ++it)
        keys.append(qs(it.key()));
    keys.sort();
    return keys;
}

bool startEnabled(const LaunchJobDialog &d)
{
    return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
}
} // namespace

class TestLaunchJobDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void fieldsPerGenerator_data();
    void fieldsPerGenerator();
    void specCarriesTheValues();
    void offlineDisablesEndpointFields();
    void apiKeyStatusNeverShowsTheKey();
    void validatesInline();
    void augmentParents();
    void plannerAcceptsTheSpecs();
    void remembersValuesButNotTheKey();

private:
    QTemporaryDir m_dir;
};

void TestLaunchJobDialog::initTestCase()
{
    // Keep the user's real settings out of the test.
    QStandardPaths::setTestModeEnabled(true);
    QLoggingCategory::setFilterRules(QStringLiteral("kx.*.debug=false\nkx.*.info=false"));
    QCoreApplication::setOrganizationName(QStringLiteral("KairixTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_launchjobdialog"));
    QVERIFY(m_dir.isValid());
}

void TestLaunchJobDialog::init()
{
    QSettings().clear();
    qunsetenv("KAIRIX_API_KEY");
    qunsetenv("OPENAI_API_KEY");
}

void TestLaunchJobDialog::fieldsPerGenerator_data()
{
    QTest::addColumn<QString>("generator");
    QTest::addColumn<QStringList>("keys");
    // Only keys the generators read; values from the templates' defaults.
    QTest::newRow("memory") << QStringLiteral("memory")
                            << QStringList{QStringLiteral("facts_per_scenario"), QStringLiteral("history_turns")};
    QTest::newRow("conversation") << QStringLiteral("conversation")
                                  << QStringList{QStringLiteral("agent_traits"), QStringLiteral("domains"),
                                                 QStringLiteral("max_turns"), QStringLiteral("memory_every"),
                                                 QStringLiteral("min_turns")};
    QTest::newRow("adversarial") << QStringLiteral("adversarial")
                                 << QStringList{QStringLiteral("kinds"), QStringLiteral("overflow_filler_turns")};
    QTest::newRow("augment") << QStringLiteral("augment")
                             << QStringList{QStringLiteral("complexity_levels"), QStringLiteral("language_styles"),
                                            QStringLiteral("paraphrase_count"), QStringLiteral("personas"),
                                            QStringLiteral("variation_types")};
    QTest::newRow("fusion") << QStringLiteral("fusion") << QStringList();
}

void TestLaunchJobDialog::fieldsPerGenerator()
{
    QFETCH(QString, generator);
    QFETCH(QStringList, keys);
    LaunchJobDialog dialog;
    dialog.setGenerator(generator);
    QCOMPARE(dialog.generator(), generator);
    QVERIFY(!child<QLabel>(dialog, "generatorDescription")->text().isEmpty());
    const GenerationJob spec = dialog.spec();
    QCOMPARE(spec.generator, generator);
    QCOMPARE(keysOf(spec.parameters), keys);

    QWidget *page = dialog.findChild<QWidget *>(generator + QStringLiteral("Page"));
    QVERIFY(page);
    QVERIFY(page->isVisibleTo(&dialog));
    if (generator == QLatin1String("memory")) {
        QCOMPARE(child<QSpinBox>(*page, "factsPerScenario")->value(), 3);
        QCOMPARE(child<QSpinBox>(*page, "historyTurns")->value(), 4);
        QCOMPARE(spec.parameters.value("history_turns", 0), 4);
    } else if (generator == QLatin1String("conversation")) {
        QCOMPARE(child<QSpinBox>(*page, "minTurns")->value(), 5);
        QCOMPARE(child<QSpinBox>(*page, "maxTurns")->value(), 20);
        QCOMPARE(child<QSpinBox>(*page, "memoryEvery")->value(), 3);
        QVERIFY(child<QLineEdit>(*page, "domains")->text().isEmpty());
    } else if (generator == QLatin1String("adversarial")) {
        // The four kinds of the template, all on by default.
        const QStringList kinds = {QStringLiteral("memory_contradiction"), QStringLiteral("context_overflow"),
                                   QStringLiteral("temporal_consistency"), QStringLiteral("multi_agent_confusion")};
        for (const QString &kind : kinds) {
            auto *check = page->findChild<QCheckBox *>(QStringLiteral("kind_") + kind);
            QVERIFY2(check, qPrintable(kind));
            QVERIFY(check->isChecked());
            QVERIFY(!check->toolTip().isEmpty());
        }
        QCOMPARE(toStringList(spec.parameters["kinds"]), kinds);
        QCOMPARE(child<QSpinBox>(*page, "fillerTurns")->value(), 40);
    } else if (generator == QLatin1String("augment")) {
        QCOMPARE(child<QSpinBox>(*page, "paraphraseCount")->value(), 3);
        QVERIFY(child<QLineEdit>(*page, "personas")->text().contains(QStringLiteral("a retired schoolteacher")));
        QCOMPARE(toStringList(spec.parameters["variation_types"]),
                 QStringList({QStringLiteral("paraphrase"), QStringLiteral("persona"), QStringLiteral("complexity"),
                              QStringLiteral("language_style")}));
        QCOMPARE(toStringList(spec.parameters["language_styles"]),
                 QStringList({QStringLiteral("casual"), QStringLiteral("formal")}));
    } else if (generator == QLatin1String("fusion")) {
        QVERIFY(page->findChildren<QSpinBox *>().isEmpty());
    }
}

void TestLaunchJobDialog::specCarriesTheValues()
{
    LaunchJobDialog dialog;
    dialog.setGenerator(QStringLiteral("conversation"));
    child<QSpinBox>(dialog, "countSpin")->setValue(37);
    child<QSpinBox>(dialog, "seedSpin")->setValue(4242);
    child<QComboBox>(dialog, "backendCombo")->setCurrentIndex(1);
    child<QLineEdit>(dialog, "baseUrlEdit")->setText(QStringLiteral(" http://127.0.0.1:9999/v1 "));
    child<QLineEdit>(dialog, "modelEdit")->setText(QStringLiteral("qwen2.5-7b-instruct"));
    child<QSpinBox>(dialog, "concurrencySpin")->setValue(12);
    child<QDoubleSpinBox>(dialog, "temperatureSpin")->setValue(0.35);
    child<QSpinBox>(dialog, "maxTokensSpin")->setValue(1234);
    child<QSpinBox>(dialog, "timeoutSpin")->setValue(90);
    child<QLineEdit>(dialog, "domains")->setText(QStringLiteral("cooking; travel, abroad ;; gardening"));
    child<QSpinBox>(dialog, "minTurns")->setValue(6);
    child<QSpinBox>(dialog, "maxTurns")->setValue(8);
    child<QSpinBox>(dialog, "memoryEvery")->setValue(2);

    const GenerationJob spec = dialog.spec();
    QCOMPARE(spec.generator, QStringLiteral("conversation"));
    QCOMPARE(spec.requested, 37);
    QCOMPARE(spec.seed, qint64(4242));
    QCOMPARE(spec.backend, QStringLiteral("openai"));
    QCOMPARE(spec.baseUrl, QStringLiteral("http://127.0.0.1:9999/v1"));
    QCOMPARE(spec.model, QStringLiteral("qwen2.5-7b-instruct"));
    QCOMPARE(spec.concurrency, 12);
    QCOMPARE(spec.temperature, 0.35);
    QCOMPARE(spec.timeoutMs, 90000);
    QVERIFY(spec.parents.isEmpty());
    QCOMPARE(spec.parameters.value("max_tokens", 0), 1234);
    QCOMPARE(toStringList(spec.parameters["domains"]),
             QStringList({QStringLiteral("cooking"), QStringLiteral("travel, abroad"), QStringLiteral("gardening")}));
    QCOMPARE(spec.parameters.value("min_turns", 0), 6);
    QCOMPARE(spec.parameters.value("max_turns", 0), 8);
    QCOMPARE(spec.parameters.value("memory_every", 0), 2);
    QVERIFY(startEnabled(dialog));
}

void TestLaunchJobDialog::offlineDisablesEndpointFields()
{
    LaunchJobDialog dialog;
    auto *backend = child<QComboBox>(dialog, "backendCombo");
    QCOMPARE(backend->currentData().toString(), QStringLiteral("offline"));  // the default
    auto *endpoint = child<QGroupBox>(dialog, "endpointBox");
    QVERIFY(!endpoint->isEnabled());
    for (const char *name : {"baseUrlEdit", "modelEdit", "temperatureSpin", "maxTokensSpin", "timeoutSpin"})
        QVERIFY2(!child<QWidget>(dialog, name)->isEnabled(), name);
    QVERIFY(child<QWidget>(dialog, "concurrencySpin")->isEnabled());
    // An invalid URL does not matter offline, and does not reach the spec.
    child<QLineEdit>(dialog, "baseUrlEdit")->setText(QStringLiteral("not a url"));
    QVERIFY(startEnabled(dialog));
    const GenerationJob offline = dialog.spec();
    QCOMPARE(offline.backend, QStringLiteral("offline"));
    QVERIFY(offline.baseUrl.isEmpty());
    QVERIFY(offline.model.isEmpty());
    QVERIFY(offline.parameters.find("max_tokens") == offline.parameters.end());

    backend->setCurrentIndex(backend->findData(QStringLiteral("openai")));
    QVERIFY(endpoint->isEnabled());
    QVERIFY(child<QWidget>(dialog, "baseUrlEdit")->isEnabled());
    QVERIFY(!startEnabled(dialog));
}

void TestLaunchJobDialog::apiKeyStatusNeverShowsTheKey()
{
    const QByteArray secret = "sk-test-0123456789abcdef";
    qputenv("KAIRIX_API_KEY", secret);
    LaunchJobDialog dialog;
    auto *backend = child<QComboBox>(dialog, "backendCombo");
    backend->setCurrentIndex(backend->findData(QStringLiteral("openai")));
    auto *status = child<QLabel>(dialog, "apiKeyStatus");
    QVERIFY(status->text().startsWith(QStringLiteral("Set in the environment")));
    QVERIFY(!status->text().contains(QString::fromLatin1(secret)));
    for (const QLineEdit *edit : dialog.findChildren<QLineEdit *>())
        QVERIFY(!edit->text().contains(QString::fromLatin1(secret)));

    qunsetenv("KAIRIX_API_KEY");
    LaunchJobDialog without;
    auto *backend2 = child<QComboBox>(without, "backendCombo");
    backend2->setCurrentIndex(backend2->findData(QStringLiteral("openai")));
    QVERIFY(child<QLabel>(without, "apiKeyStatus")->text().startsWith(QStringLiteral("Not set")));
}

void TestLaunchJobDialog::validatesInline()
{
    LaunchJobDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *backend = child<QComboBox>(dialog, "backendCombo");
    backend->setCurrentIndex(backend->findData(QStringLiteral("openai")));
    auto *url = child<QLineEdit>(dialog, "baseUrlEdit");
    auto *problem = child<QLabel>(dialog, "problemLabel");
    for (const QString &bad : {QString(), QStringLiteral("ftp://example.org/v1"), QStringLiteral("localhost:8000"),
                               QStringLiteral("http://")}) {
        url->setText(bad);
        QVERIFY2(!startEnabled(dialog), qPrintable(bad));
        QVERIFY(problem->isVisible());
        QVERIFY(problem->text().contains(QStringLiteral("http")));
    }
    url->setText(QStringLiteral("https://api.openai.com/v1"));
    QVERIFY(startEnabled(dialog));
    QVERIFY(!problem->isVisible());
    QVERIFY(dialog.validationError().isEmpty());

    dialog.setGenerator(QStringLiteral("conversation"));
    child<QSpinBox>(dialog, "minTurns")->setValue(12);
    child<QSpinBox>(dialog, "maxTurns")->setValue(7);
    QVERIFY(!startEnabled(dialog));
    QVERIFY(problem->text().contains(QStringLiteral("12")));
    child<QSpinBox>(dialog, "maxTurns")->setValue(12);
    QVERIFY(startEnabled(dialog));

    dialog.setGenerator(QStringLiteral("adversarial"));
    for (QCheckBox *check : dialog.findChildren<QCheckBox *>()) {
        if (check->objectName().startsWith(QStringLiteral("kind_")))
            check->setChecked(false);
    }
    QVERIFY(!startEnabled(dialog));
    child<QCheckBox>(dialog, "kind_temporal_consistency")->setChecked(true);
    QVERIFY(startEnabled(dialog));
    QCOMPARE(toStringList(dialog.spec().parameters["kinds"]), QStringList{QStringLiteral("temporal_consistency")});
    // accept() refuses invalid values.
    url->setText(QStringLiteral("file:///etc/passwd"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestLaunchJobDialog::augmentParents()
{
    LaunchJobDialog dialog;
    dialog.setGenerator(QStringLiteral("augment"));
    QVERIFY(!startEnabled(dialog));  // nothing to vary yet
    QVERIFY(dialog.validationError().contains(QStringLiteral("select")));

    dialog.setParentCandidates({5}, {5, 6, 7});
    auto *selected = child<QRadioButton>(dialog, "parentsSelected");
    auto *shown = child<QRadioButton>(dialog, "parentsShown");
    QVERIFY(selected->isChecked());
    QVERIFY(selected->text().contains(QStringLiteral("(1)")));
    QVERIFY(shown->text().contains(QStringLiteral("(3)")));
    QVERIFY(startEnabled(dialog));
    // 3 paraphrases + 3 personas + 2 complexity levels + 2 styles = 10 variants per parent.
    auto *count = child<QSpinBox>(dialog, "countSpin");
    QCOMPARE(count->maximum(), 10);
    QCOMPARE(count->value(), 10);
    QCOMPARE(dialog.spec().parents, QList<qint64>{5});
    QVERIFY(child<QLabel>(dialog, "augmentSummary")->text().contains(QStringLiteral("= 10")));

    shown->setChecked(true);
    QCOMPARE(dialog.spec().parents, QList<qint64>({5, 6, 7}));
    QCOMPARE(count->maximum(), 30);
    QCOMPARE(count->value(), 30);
    child<QCheckBox>(dialog, "variation_persona")->setChecked(false);
    QCOMPARE(count->maximum(), 21);
    QCOMPARE(dialog.spec().requested, 21);
    QCOMPARE(toStringList(dialog.spec().parameters["variation_types"]),
             QStringList({QStringLiteral("paraphrase"), QStringLiteral("complexity"), QStringLiteral("language_style")}));
    count->setValue(4);
    QCOMPARE(dialog.spec().requested, 4);

    // A variation type that is on needs entries.
    child<QLineEdit>(dialog, "language_styles")->setText(QStringLiteral(" ; "));
    QVERIFY(!startEnabled(dialog));
    child<QLineEdit>(dialog, "language_styles")->setText(QStringLiteral("pirate"));
    QVERIFY(startEnabled(dialog));

    // Other generators take no parents.
    dialog.setGenerator(QStringLiteral("memory"));
    QVERIFY(dialog.spec().parents.isEmpty());
    QCOMPARE(count->maximum(), 100000);
}

void TestLaunchJobDialog::plannerAcceptsTheSpecs()
{
    // What the dialog lets through, the job planner takes: no surprise after Start.
    const QString path = m_dir.filePath(QStringLiteral("planner.kairix"));
    QVERIFY(test::fillWorkspace(path, 4));
    auto store = WorkspaceStore::open(path);
    QVERIFY(store.ok());
    QVERIFY((*store)->scenario(1).ok());
    QVERIFY((*store)->scenario(2).ok());
    for (const QString &generator : {QStringLiteral("memory"), QStringLiteral("conversation"),
                                     QStringLiteral("adversarial"), QStringLiteral("augment"),
                                     QStringLiteral("fusion")}) {
        LaunchJobDialog dialog;
        dialog.setGenerator(generator);
        dialog.setParentCandidates({1, 2}, {1, 2, 3});
        QVERIFY2(startEnabled(dialog), qPrintable(dialog.validationError()));
        const auto planned = GenerationJobPlanner::plan(dialog.spec(), **store);
        QVERIFY2(planned.ok(), qPrintable(generator + QStringLiteral(": ") + (planned.ok() ? QString() : planned.error().message)));
        QVERIFY(planned->itemsTotal > 0);
    }
    LaunchJobDialog dialog;
    auto *backend = child<QComboBox>(dialog, "backendCombo");
    backend->setCurrentIndex(backend->findData(QStringLiteral("openai")));
    child<QLineEdit>(dialog, "baseUrlEdit")->setText(QStringLiteral("http://127.0.0.1:1/v1"));
    const auto planned = GenerationJobPlanner::plan(dialog.spec(), **store);
    QVERIFY2(planned.ok(), planned.ok() ? "" : qPrintable(planned.error().message));
    QCOMPARE(planned->model, GenerationJobPlanner::defaultModel(QStringLiteral("openai")));
}

void TestLaunchJobDialog::remembersValuesButNotTheKey()
{
    const QByteArray secret = "sk-remember-me-not-42";
    qputenv("OPENAI_API_KEY", secret);
    {
        LaunchJobDialog dialog;
        dialog.setGenerator(QStringLiteral("memory"));
        auto *backend = child<QComboBox>(dialog, "backendCombo");
        backend->setCurrentIndex(backend->findData(QStringLiteral("openai")));
        child<QLineEdit>(dialog, "baseUrlEdit")->setText(QStringLiteral("http://10.0.0.2:8080/v1"));
        child<QLineEdit>(dialog, "modelEdit")->setText(QStringLiteral("llama-3.1-8b"));
        child<QSpinBox>(dialog, "countSpin")->setValue(77);
        child<QSpinBox>(dialog, "seedSpin")->setValue(99);
        child<QSpinBox>(dialog, "concurrencySpin")->setValue(9);
        child<QSpinBox>(dialog, "factsPerScenario")->setValue(5);
        child<QSpinBox>(dialog, "historyTurns")->setValue(8);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    LaunchJobDialog again;
    QCOMPARE(again.generator(), QStringLiteral("memory"));
    const GenerationJob spec = again.spec();
    QCOMPARE(spec.backend, QStringLiteral("openai"));
    QCOMPARE(spec.baseUrl, QStringLiteral("http://10.0.0.2:8080/v1"));
    QCOMPARE(spec.model, QStringLiteral("llama-3.1-8b"));
    QCOMPARE(spec.requested, 77);
    QCOMPARE(spec.seed, qint64(99));
    QCOMPARE(spec.concurrency, 9);
    QCOMPARE(spec.parameters.value("facts_per_scenario", 0), 5);
    QCOMPARE(spec.parameters.value("history_turns", 0), 8);

    // The key is nowhere in the settings file.
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray stored = file.readAll();
    QVERIFY(stored.contains("10.0.0.2"));
    QVERIFY(!stored.contains(secret));
}

QTEST_MAIN(TestLaunchJobDialog)
#include "tst_launchjobdialog.moc"
