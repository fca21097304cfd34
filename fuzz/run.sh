#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the parquet fuzzer with clang-14 (ASan + UBSan + libFuzzer) and runs it
# for N seconds (default 120) over a corpus seeded from parquet-testing/data.
# Usage: fuzz/run.sh [seconds]   Needs: clang-14 libclang-rt-14-dev + the codec -dev packages.
set -eu
seconds="${1:-120}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
build="$root/build-fuzz"
data="${KX_SHARED_DATA:-$root/../shared/data}/parquet-testing/data"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$build" -j2 parquet_fuzzer
corpus="$build/corpus"
mkdir -p "$corpus" "$build/artifacts"
# Seeds: the small files of the corpus (the 1.3 GB-when-decoded string map stays out).
find "$data" -name '*.parquet' -size -200k ! -name 'large_string_map*' -exec cp -n {} "$corpus/" \;
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}" \
    "$build/parquet_fuzzer" "$corpus" -max_total_time="$seconds" -max_len=262144 -rss_limit_mb=4096 \
    -timeout=20 -artifact_prefix="$build/artifacts/" -print_final_stats=1
