// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <atomic>
#include <functional>

namespace kx {

/**
 * How long work reports progress and learns it should stop. Both callbacks are
 * optional and are called on the worker's thread. @c progress gets (done, total)
 * where total may be 0 when unknown; @c cancelled returns true to stop at the
 * next safe point.
 */
struct WorkControl
{
    std::function<void(qint64 done, qint64 total)> progress;
    std::function<bool()> cancelled;

    void report(qint64 done, qint64 total) const { if (progress) progress(done, total); }
    bool isCancelled() const { return cancelled && cancelled(); }
};

} // namespace kx
