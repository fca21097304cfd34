#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the fuzzers with clang-14 (ASan + UBSan + libFuzzer) and runs them one after the
# other, N seconds in all (default 120), split between them:
#   parquet_fuzzer  over a corpus seeded from parquet-testing/data
#   audio_fuzzer    over a corpus of tiny WAV/FLAC/OGG/AIFF clips made here by sox
# Usage: fuzz/run.sh [seconds]
# Needs: clang-14 libclang-rt-14-dev, the codec -dev packages, libsndfile1-dev libfftw3-dev, sox.
set -eu
seconds="${1:-120}"
parquet_seconds=$((seconds / 2))
audio_seconds=$((seconds - parquet_seconds))
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
build="$root/build-fuzz"
data="${KX_SHARED_DATA:-$root/../shared/data}/parquet-testing/data"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$build" -j2 parquet_fuzzer audio_fuzzer
mkdir -p "$build/artifacts"
asan="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
lsan="${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}"
status=0

# --- parquet ---
corpus="$build/corpus"
mkdir -p "$corpus"
# Seeds: the small files of the corpus (the 1.3 GB-when-decoded string map stays out).
find "$data" -name '*.parquet' -size -200k ! -name 'large_string_map*' -exec cp -n {} "$corpus/" \;
if [ "$parquet_seconds" -gt 0 ]; then
    echo "== parquet_fuzzer: $parquet_seconds s"
    ASAN_OPTIONS="$asan" "$build/parquet_fuzzer" "$corpus" -max_total_time="$parquet_seconds" -max_len=262144 \
        -rss_limit_mb=4096 -timeout=20 -artifact_prefix="$build/artifacts/parquet-" -print_final_stats=1 || status=$?
fi

# --- audio ---
audio="$build/audio-corpus"
mkdir -p "$audio"
# Seeds made at run time (no binaries in the repository): short clips in the containers and
# sample formats libsndfile reads, a few hundred bytes to a few KB each.
seed() { # seed NAME SOX-OUTPUT-OPTIONS… -- EFFECTS…
    name="$1"; shift
    [ -s "$audio/$name" ] && return 0
    out=""; while [ "$1" != "--" ]; do out="$out $1"; shift; done; shift
    # shellcheck disable=SC2086
    sox -D -n $out "$audio/$name" "$@" 2>/dev/null || echo "seed $name: sox could not write it (skipped)"
}
seed s16-mono.wav -r 8000 -c 1 -b 16 -- synth 0.05 sine 440
seed u8-stereo.wav -r 11025 -c 2 -b 8 -- synth 0.03 square 300 sine 500
seed f32-mono.wav -r 16000 -c 1 -e floating-point -b 32 -- synth 0.02 sine 1000
seed s24-mono.wav -r 48000 -c 1 -b 24 -- synth 0.01 sawtooth 200
seed ulaw.wav -r 8000 -c 1 -e u-law -- synth 0.05 pinknoise
seed mono.flac -r 16000 -c 1 -b 16 -- synth 0.1 sine 440 vol 0.5
seed stereo.flac -r 44100 -c 2 -b 16 -- synth 0.05 pinknoise sine 1000
seed s24.flac -r 48000 -c 1 -b 24 -- synth 0.05 whitenoise vol 0.2
seed six-channels.flac -r 8000 -c 6 -b 16 -- synth 0.05 sine 100 sine 200 sine 300 sine 400 sine 500 sine 600
seed mono.ogg -r 16000 -c 1 -- synth 0.2 sine 440
seed stereo.ogg -r 22050 -c 2 -- synth 0.2 pinknoise
seed mono.aiff -r 8000 -c 1 -b 16 -- synth 0.03 sine 700
seed mono.au -r 8000 -c 1 -b 16 -- synth 0.03 sine 900
if [ "$audio_seconds" -gt 0 ]; then
    echo "== audio_fuzzer: $audio_seconds s"
    ASAN_OPTIONS="$asan" LSAN_OPTIONS="$lsan" "$build/audio_fuzzer" "$audio" -max_total_time="$audio_seconds" -max_len=65536 \
        -rss_limit_mb=4096 -timeout=20 -artifact_prefix="$build/artifacts/audio-" -print_final_stats=1 || status=$?
fi
exit "$status"
