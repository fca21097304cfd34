// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/jsonqt.h"

namespace kx {

/**
 * The differences between two JSON values as an array of `{"path", "before",
 * "after"}` (paths are JSON Pointers). Objects are compared key by key and
 * arrays of equal length element by element, so an edited message shows as
 * "/messages/2/content", not as the whole conversation; arrays whose length
 * changed, and values of different types, are one change. A key present on
 * one side only has no "before" (added) or no "after" (removed).
 */
Json jsonDiff(const Json &before, const Json &after);

} // namespace kx
