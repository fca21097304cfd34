// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace kx {

/**
 * Calls @p handler with the result of @p future on @p context's thread once it
 * is ready. The watcher is a child of @p context, so nothing is delivered after
 * @p context is destroyed; a cancelled future delivers nothing.
 */
template<typename T, typename Handler>
void onFutureReady(QObject *context, QFuture<T> future, Handler &&handler)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, handler = std::forward<Handler>(handler)]() mutable {
                         watcher->deleteLater();
                         if (watcher->future().isCanceled() || watcher->future().resultCount() == 0)
                             return;
                         handler(watcher->future().result());
                     });
    watcher->setFuture(std::move(future));
}

} // namespace kx
