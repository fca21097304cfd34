// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"

#include "demo/demoworkspace.h"
#include "jobs/launchjobdialog.h"
#include "mainwindow.h"
#include "review/audioreviewpanel.h"
#include "models/scenariotablemodel.h"
#include "scenariotableview.h"
#include "settings/settings.h"
#include "templates/prompttemplateeditor.h"
#include "util/workspacepaths.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QTableView>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace kx {

Application::Application(int &argc, char **argv)
    : QApplication(argc, argv)
{
    m_sinceLaunch.start();
    // Diagnostics stay quiet unless asked for with QT_LOGGING_RULES.
    QLoggingCategory::setFilterRules(QStringLiteral("kx.*.debug=false\nkx.*.info=false"));
    // The same names as the CLI's, so both find the same default workspace.
    setOrganizationName(QString::fromLatin1(WorkspacePaths::organizationName));
    setApplicationName(QString::fromLatin1(WorkspacePaths::applicationName));
    setApplicationVersion(QStringLiteral(KX_VERSION_STRING));
    setDesktopFileName(QStringLiteral("org.kairix.Workbench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/kairix.png")));
    installTranslator();
}

Application::~Application() = default;

void Application::installTranslator()
{
    // Translations are optional: a missing kairix_<locale>.qm leaves English.
    m_translator = new QTranslator(this);
    if (m_translator->load(QLocale(), QStringLiteral("kairix"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(m_translator);
    auto *qtTranslator = new QTranslator(this);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
}

bool Application::start()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Curate the test datasets of the Kairix Engine."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      tr("Open the workspace at <path> (also set by KAIRIX_DB)."),
                                      tr("path"));
    parser.addOption(dbOption);
    // Debug aids for documentation and visual checks; hidden from --help.
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"), QString(), QStringLiteral("file"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption selectOption(QStringLiteral("select-row"), QString(), QStringLiteral("row"));
    selectOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption searchOption(QStringLiteral("search"), QString(), QStringLiteral("text"));
    searchOption.setFlags(QCommandLineOption::HiddenFromHelp);
    // For screenshots and demos: open on the audio review page, run the automatic checks first.
    QCommandLineOption audioReviewOption(QStringLiteral("audio-review"));
    audioReviewOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption runChecksOption(QStringLiteral("run-audio-checks"));
    runChecksOption.setFlags(QCommandLineOption::HiddenFromHelp);
    // Opens on the review queue page.
    QCommandLineOption reviewOption(QStringLiteral("review"));
    reviewOption.setFlags(QCommandLineOption::HiddenFromHelp);
    // Open on the Quality or the Mix page.
    QCommandLineOption qualityOption(QStringLiteral("quality"));
    qualityOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption mixOption(QStringLiteral("mix"));
    mixOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption delayOption(QStringLiteral("screenshot-delay"), QString(), QStringLiteral("ms"),
                                   QStringLiteral("3000"));
    delayOption.setFlags(QCommandLineOption::HiddenFromHelp);
    // Opens the prompt template editor on template <id>; --screenshot then grabs the editor.
    QCommandLineOption templatesOption(QStringLiteral("prompt-templates"), QString(), QStringLiteral("id"));
    templatesOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(searchOption);
    parser.addOption(screenshotOption);
    parser.addOption(selectOption);
    parser.addOption(audioReviewOption);
    parser.addOption(runChecksOption);
    parser.addOption(reviewOption);
    parser.addOption(qualityOption);
    parser.addOption(mixOption);
    parser.addOption(delayOption);
    parser.addOption(templatesOption);
    // Shows the Jobs dock; --launch-job also opens the launch dialog on <generator> (grabbed by --screenshot).
    QCommandLineOption jobsOption(QStringLiteral("jobs"));
    jobsOption.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption launchJobOption(QStringLiteral("launch-job"), QString(), QStringLiteral("generator"));
    launchJobOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(jobsOption);
    parser.addOption(launchJobOption);
    parser.process(*this);

    QString path = parser.value(dbOption);
    if (path.isEmpty())
        path = qEnvironmentVariable("KAIRIX_DB");
    if (path.isEmpty()) {
        const QString last = Settings::lastWorkspace().value();
        if (!last.isEmpty() && QFileInfo::exists(last))
            path = last;
    }
    const QString defaultPath = WorkspacePaths::defaultWorkspace();
    if (path.isEmpty())
        path = defaultPath;

    // Only the default workspace gets demo data: a path the user named stays
    // empty until they import into it.
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(defaultPath).absoluteFilePath()) {
        const Result<void> created = DemoWorkspace::createIfMissing(path);
        if (!created)
            std::fprintf(stderr, "%s\n", qPrintable(created.error().message));
    }

    m_window = std::make_unique<MainWindow>();
    m_window->show();
    m_window->openWorkspace(path);

    if (qEnvironmentVariableIsSet("KAIRIX_EXIT_AFTER_FIRST_PAGE"))
        exitAfterFirstPage();
    if (parser.isSet(searchOption))
        m_window->searchBox()->setText(parser.value(searchOption));
    if (parser.isSet(selectOption)) {
        // Select the row once the table knows how many rows it has (the count comes after the first page).
        const int row = parser.value(selectOption).toInt();
        auto *once = new QObject(this);
        connect(m_window->scenarioModel(), &ScenarioTableModel::countChanged, once, [this, row, once] {
            QTableView *table = m_window->scenarioView();
            if (row < table->model()->rowCount()) {
                table->setCurrentIndex(table->model()->index(row, 0));
                table->scrollTo(table->currentIndex(), QAbstractItemView::PositionAtCenter);
            }
            once->deleteLater();
        });
    }
    if (parser.isSet(audioReviewOption))
        m_window->showAudioReview();
    if (parser.isSet(reviewOption))
        m_window->showReview();
    if (parser.isSet(qualityOption))
        m_window->showQuality();
    if (parser.isSet(mixOption))
        m_window->showMix();
    if (parser.isSet(runChecksOption))
        m_window->audioReviewPanel()->runChecks();
    QPointer<QWidget> shot = m_window.get();
    if (parser.isSet(templatesOption)) {
        PromptTemplateEditor *editor = m_window->showPromptTemplateEditor();
        editor->selectTemplate(parser.value(templatesOption));
        shot = editor;
    }
    if (parser.isSet(jobsOption))
        m_window->showJobsPanel();
    if (parser.isSet(launchJobOption)) {
        LaunchJobDialog *dialog = m_window->showLaunchJobDialog();
        dialog->setGenerator(parser.value(launchJobOption));
        shot = dialog;
    }
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QTimer::singleShot(parser.value(delayOption).toInt(), m_window.get(), [this, file, shot] {
            if (shot)
                shot->grab().save(file);
            quit();
        });
    }
    return true;
}

/**
 * For the scale benchmark: print how long it took from launch until the table
 * painted its first page of rows, then quit. Timed from the QApplication's
 * construction; the benchmark also reports the whole process's wall time.
 */
void Application::exitAfterFirstPage()
{
    connect(m_window->scenarioModel(), &ScenarioTableModel::pageLoaded, this, [this](int page) {
        if (page != 0)
            return;
        // Let the view paint the rows it just received before stopping the clock.
        QTimer::singleShot(0, this, [this] {
            m_window->scenarioView()->viewport()->repaint();
            std::printf("first page shown after %.1f ms\n", double(m_sinceLaunch.nsecsElapsed()) / 1e6);
            std::fflush(stdout);
            quit();
        });
    });
}

} // namespace kx
