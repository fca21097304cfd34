// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/preference.h"

#include <QByteArray>
#include <QString>

namespace kx {

/**
 * The application's settings: the only place in the project that knows the
 * QSettings keys. Every key is a typed Preference with a default. Widgets
 * pass opaque blobs (saveGeometry(), saveState()) through it.
 *
 * All members are static and stateless; any thread.
 */
class Settings final
{
public:
    Settings() = delete;

    /** The workspace opened last; empty means "the default workspace". */
    static Preference<QString> lastWorkspace();
    /** QWidget::saveGeometry() of the main window; empty at first start. */
    static Preference<QByteArray> mainWindowGeometry();
    /** QMainWindow::saveState() (docks, toolbars); empty at first start. */
    static Preference<QByteArray> mainWindowState();
    /** QSplitter::saveState() of the splitter called @p name. */
    static Preference<QByteArray> splitterState(const QString &name);
    /** The folder the import dialog showed last; defaults to the home folder. */
    static Preference<QString> lastImportDirectory();
    /** QHeaderView::saveState() of the scenario table: column widths, order, visibility. */
    static Preference<QByteArray> scenarioTableHeader();
    /** The column the scenario table is sorted by; -1 means the workspace order. */
    static Preference<int> scenarioTableSortColumn();
    /** Qt::SortOrder of the scenario table, as an int (0 ascending). */
    static Preference<int> scenarioTableSortOrder();
    /** The name that goes into the review audit trail; defaults to the login name. */
    static Preference<QString> reviewerName();

    // The generation launch dialog's last values. Never the API key: that comes
    // from the environment (or the keychain) each time a job runs.
    /** The generator chosen last ("memory", …). */
    static Preference<QString> generationGenerator();
    /** The backend chosen last: "offline" (the default) or "openai". */
    static Preference<QString> generationBackend();
    /** The OpenAI-compatible endpoint used last; defaults to a local server's. */
    static Preference<QString> generationBaseUrl();
    /** The model named last; empty means the backend's default. */
    static Preference<QString> generationModel();
    /** Requests in flight at most; defaults to 4. */
    static Preference<int> generationConcurrency();
    /** Per-request timeout in seconds; defaults to 60. */
    static Preference<int> generationTimeoutSeconds();
    /**
     * The last values of one generator's launch (count, seed, temperature and
     * its parameters) as compact JSON; empty: the template's defaults.
     */
    static Preference<QByteArray> generationValues(const QString &generator);
};

} // namespace kx
