// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

namespace kx {

/** Diagnostics of the workspace store ("kx.store"): opening, migrations, imports. */
Q_DECLARE_LOGGING_CATEGORY(lcStore)

} // namespace kx
