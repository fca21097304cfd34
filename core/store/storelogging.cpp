// SPDX-License-Identifier: GPL-3.0-or-later
#include "storelogging.h"

namespace kx {

Q_LOGGING_CATEGORY(lcStore, "kx.store")

} // namespace kx
