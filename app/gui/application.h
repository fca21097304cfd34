// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QApplication>
#include <QElapsedTimer>
#include <QString>

#include <memory>

class QTranslator;

namespace kx {

class MainWindow;

/**
 * The GUI executable's wiring: names, translations, command line, the
 * workspace to open (--db, then KAIRIX_DB, then the last one used, then the
 * default under the app data folder, created with demo data on first start),
 * and the main window.
 */
class Application final : public QApplication
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Application)

public:
    Application(int &argc, char **argv);
    ~Application() override;

    /** Parses the command line and shows the main window; returns false to exit with status 2. */
    bool start();

private:
    void installTranslator();
    void exitAfterFirstPage();

    QElapsedTimer m_sinceLaunch;
    QTranslator *m_translator = nullptr;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace kx
