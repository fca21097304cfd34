// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include <QDir>

namespace kx {

// Key names are part of the user's settings file: rename only with a migration.

Preference<QString> Settings::lastWorkspace()
{
    return {QStringLiteral("workspace/last"), QString()};
}

Preference<QByteArray> Settings::mainWindowGeometry()
{
    return {QStringLiteral("mainWindow/geometry"), QByteArray()};
}

Preference<QByteArray> Settings::mainWindowState()
{
    return {QStringLiteral("mainWindow/state"), QByteArray()};
}

Preference<QByteArray> Settings::splitterState(const QString &name)
{
    return {QStringLiteral("splitters/") + name, QByteArray()};
}

Preference<QString> Settings::lastImportDirectory()
{
    return {QStringLiteral("import/lastDirectory"), QDir::homePath()};
}

Preference<QString> Settings::reviewerName()
{
    QString login = qEnvironmentVariable("USER");
    if (login.isEmpty())
        login = qEnvironmentVariable("USERNAME");
    return {QStringLiteral("review/reviewerName"), login};
}

Preference<QByteArray> Settings::scenarioTableHeader()
{
    return {QStringLiteral("scenarioTable/header"), QByteArray()};
}

Preference<int> Settings::scenarioTableSortColumn()
{
    return {QStringLiteral("scenarioTable/sortColumn"), -1};
}

Preference<int> Settings::scenarioTableSortOrder()
{
    return {QStringLiteral("scenarioTable/sortOrder"), int(Qt::AscendingOrder)};
}

Preference<QString> Settings::generationGenerator()
{
    return {QStringLiteral("generation/generator"), QStringLiteral("memory")};
}

Preference<QString> Settings::generationBackend()
{
    return {QStringLiteral("generation/backend"), QStringLiteral("offline")};
}

Preference<QString> Settings::generationBaseUrl()
{
    return {QStringLiteral("generation/baseUrl"), QStringLiteral("http://127.0.0.1:8000/v1")};
}

Preference<QString> Settings::generationModel()
{
    return {QStringLiteral("generation/model"), QString()};
}

Preference<int> Settings::generationConcurrency()
{
    return {QStringLiteral("generation/concurrency"), 4};
}

Preference<int> Settings::generationTimeoutSeconds()
{
    return {QStringLiteral("generation/timeoutSeconds"), 60};
}

Preference<QByteArray> Settings::generationValues(const QString &generator)
{
    return {QStringLiteral("generation/values/") + generator, QByteArray()};
}

} // namespace kx
