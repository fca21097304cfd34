// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace kx {

/** Diagnostics of generation ("kx.generation"): requests, retries, backends. Never carries an API key. */
Q_DECLARE_LOGGING_CATEGORY(lcGeneration)

} // namespace kx
