// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/audiodecoder.h"
#include "util/result.h"

#include <functional>
#include <memory>

namespace kx {

/**
 * Opens a fresh decoder on the clip a view shows. The audio views call it on
 * their worker threads (never on the GUI thread), once per computation, so it
 * must be safe to call from any thread and must not touch QObjects; each call
 * returns a decoder of its own. Supplied by the owner of the views, e.g. the
 * AudioPreviewWidget wraps an AudioClipOpener.
 */
using AudioDecoderFactory = std::function<Result<std::unique_ptr<AudioDecoder>>()>;

} // namespace kx
