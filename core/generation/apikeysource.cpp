// SPDX-License-Identifier: GPL-3.0-or-later
#include "apikeysource.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

namespace kx {

namespace {

/**
 * Runs @p job (not auto-deleted) to its end or @p timeoutMs in a local event
 * loop. False on a timeout; the job is then left to finish on its own and
 * delete itself.
 */
bool runBlocking(QKeychain::Job *job, int timeoutMs)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!finished)
        loop.exec();
    return finished;
}

/** No keychain to talk to: none installed, or no D-Bus session (headless CI reports that as OtherError). */
bool serviceMissing(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented || error == QKeychain::OtherError;
}

} // namespace

QString ApiKeySource::keychainService()
{
    return QStringLiteral("Kairix Workbench");
}

QString ApiKeySource::fromEnvironment()
{
    for (const char *name : {"KAIRIX_API_KEY", "OPENAI_API_KEY"}) {
        const QString key = qEnvironmentVariable(name).trimmed();
        if (!key.isEmpty())
            return key;
    }
    return {};
}

Result<QString> ApiKeySource::readFromKeychain(const QString &account, int timeoutMs)
{
    auto *job = new QKeychain::ReadPasswordJob(keychainService());
    job->setAutoDelete(false);
    job->setKey(account);
    if (!runBlocking(job, timeoutMs)) {
        job->setAutoDelete(true);   // it deletes itself when the backend finally answers
        return Error::notFound(tr("The system keychain did not answer within %1 ms; no API key was read from it.").arg(timeoutMs));
    }
    const QKeychain::Error error = job->error();
    const QString text = job->textData();
    const QString reason = job->errorString();
    delete job;
    if (error == QKeychain::NoError)
        return text;
    if (error == QKeychain::EntryNotFound)
        return QString();
    if (serviceMissing(error))
        return Error::notFound(tr("No system keychain service is available (%1); set KAIRIX_API_KEY instead.").arg(reason));
    return Error::io(tr("Could not read the API key from the system keychain: %1").arg(reason));
}

Result<void> ApiKeySource::writeToKeychain(const QString &account, const QString &key, int timeoutMs)
{
    auto *job = new QKeychain::WritePasswordJob(keychainService());
    job->setAutoDelete(false);
    job->setKey(account);
    job->setTextData(key);
    if (!runBlocking(job, timeoutMs)) {
        job->setAutoDelete(true);
        return Error::io(tr("The system keychain did not answer within %1 ms; the API key was not stored.").arg(timeoutMs));
    }
    const QKeychain::Error error = job->error();
    const QString reason = job->errorString();
    delete job;
    if (error == QKeychain::NoError)
        return {};
    if (serviceMissing(error))
        return Error::notFound(tr("No system keychain service is available (%1); the API key was not stored.").arg(reason));
    return Error::io(tr("Could not store the API key in the system keychain: %1").arg(reason));
}

Result<QString> ApiKeySource::forEndpoint(const QString &baseUrl, int timeoutMs)
{
    const QString fromEnv = fromEnvironment();
    if (!fromEnv.isEmpty())
        return fromEnv;
    auto stored = readFromKeychain(baseUrl, timeoutMs);
    if (stored)
        return *stored;
    if (stored.error().code == Error::Code::NotFound)
        return QString();
    return stored.error();
}

} // namespace kx
