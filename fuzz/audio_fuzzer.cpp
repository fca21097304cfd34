// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: opens the input as in-memory audio (AudioDecoder::openBytes,
// libsndfile's virtual I/O), decodes it to the end into a PeakPyramid, round-trips
// the pyramid through its cache blob, takes a few seeking spectrogram columns, and
// finally reads the raw input as a peak blob. Any crash, sanitizer report, leak or
// hang is a bug; errors are the expected outcome.
#include "audio/peakpyramid.h"
#include "audio/spectrogram.h"
#include "formats/audiodecoder.h"

#include <QByteArray>

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace {

// A few bytes of FLAC can describe minutes of constant samples: stop decoding
// past this many frames so one input cannot run into the per-input timeout.
constexpr qint64 maxFrames = qint64(1) << 24;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)kx::PeakPyramid::fromBlob(bytes);

    auto decoder = kx::AudioDecoder::openBytes(bytes, QStringLiteral("fuzz.audio"));
    if (!decoder)
        return 0;
    kx::AudioDecoder &d = **decoder;
    qint64 done = 0;
    kx::WorkControl control;
    control.progress = [&done](qint64 frames, qint64) { done = frames; };
    control.cancelled = [&done] { return done > maxFrames; };
    auto peaks = kx::PeakPyramid::compute(d, control);
    if (peaks) {
        auto back = kx::PeakPyramid::fromBlob(peaks->toBlob());
        if (!back || back->frames() != peaks->frames())
            __builtin_trap();   // our own blob must always read back
        (void)peaks->range(-1000, peaks->frames() + 1000, 97);
        (void)peaks->toJson(16);
    }
    const qint64 frames = std::min(d.info().frames, maxFrames);
    if (frames > 0)
        (void)kx::Spectrogram::compute(d, 0, frames, 4, 256);
    return 0;
}
