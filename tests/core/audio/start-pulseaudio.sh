#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes sure a PulseAudio server answers for the playback tests (tst_audioplayer). When none does,
# starts one for the current user — root included, as on CI — with two null sinks and no sound card:
#   kx_null    the default output;
#   kx_null_b  a second output, so that switching devices is tested for real.
# A loopback from kx_null_b's (silent) monitor keeps kx_null running at a low latency: an idle null
# sink renders 2-second blocks and would hold a new stream back for up to 2 s at each start.
# Leaves a server that already answers alone. Exits non-zero when no server answers afterwards.
set -euo pipefail

for tool in pulseaudio pactl; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "start-pulseaudio: $tool is missing (Debian: apt-get install pulseaudio pulseaudio-utils)" >&2
        exit 1
    fi
done

if pactl info >/dev/null 2>&1; then
    echo "start-pulseaudio: a PulseAudio server already answers ($(pactl get-default-sink 2>/dev/null || echo '?'))"
    exit 0
fi

# -n: no default.pa (no hardware detection, no D-Bus); the daemon never exits on idle.
# As root PulseAudio warns that it is meant for users; a per-user daemon for root works all the same.
# Its output goes to a file: a daemon holding the caller's stdout or stderr open can stall a CI log.
log="${TMPDIR:-/tmp}/kx-pulseaudio-$(id -u).log"
pulseaudio --daemonize=yes --system=false -n --exit-idle-time=-1 --disallow-exit=yes \
    --log-target=stderr --log-level=warning \
    --load="module-native-protocol-unix" \
    --load="module-null-sink sink_name=kx_null sink_properties=device.description=kx-null-a" \
    --load="module-null-sink sink_name=kx_null_b sink_properties=device.description=kx-null-b" \
    --load="module-loopback source=kx_null_b.monitor sink=kx_null latency_msec=20" \
    </dev/null >"$log" 2>&1 || true

for _ in $(seq 50); do
    if pactl info >/dev/null 2>&1; then
        pactl set-default-sink kx_null
        echo "start-pulseaudio: started a PulseAudio server with null sinks kx_null (default) and kx_null_b"
        exit 0
    fi
    sleep 0.1
done
echo "start-pulseaudio: the PulseAudio server did not start; its log ($log):" >&2
cat "$log" >&2 || true
exit 1
