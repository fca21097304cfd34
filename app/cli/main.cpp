// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapplication.h"

#include "util/workspacepaths.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // Diagnostics stay quiet unless asked for with QT_LOGGING_RULES: stderr is for errors the user must read.
    QLoggingCategory::setFilterRules(QStringLiteral("kx.*.debug=false\nkx.*.info=false"));
    QCoreApplication::setOrganizationName(QString::fromLatin1(kx::WorkspacePaths::organizationName));
    QCoreApplication::setApplicationName(QString::fromLatin1(kx::WorkspacePaths::applicationName));
    QCoreApplication::setApplicationVersion(QStringLiteral(KX_VERSION_STRING));
    CliApplication cli(QCoreApplication::arguments());
    return cli.run();
}
