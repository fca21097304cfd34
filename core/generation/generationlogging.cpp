// SPDX-License-Identifier: GPL-3.0-or-later
#include "generationlogging.h"

namespace kx {

Q_LOGGING_CATEGORY(lcGeneration, "kx.generation")

} // namespace kx
