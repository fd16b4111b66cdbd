#!/usr/bin/env bash
# Live latency of rvmmatte, measured with GStreamer's latency tracer: a live 30 fps source at 1280x720
# and 640x480, downsample ratio 0.25 and auto, through rvmmatte (QoS on), a queue, H.264 as the
# streaming samples encode it, and a clock-synced sink. One Markdown row per run: rvmmatte's
# processing latency (tracer, after 5 s of warm-up), the latency it answers in LATENCY queries (last,
# and first before it had measured), their difference, source-to-sink latency, the pipeline's render
# latency, frames rvmmatte put out per second, frames QoS dropped per minute before the model (by the
# videoconvert before rvmmatte, or skipped by rvmmatte) and after it.
# Usage: samples/measure-latency.sh [SECONDS per run, default 60] [SIZE RATIO ...]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_PER_RUN="${1:-60}"
shift || true
RUNS=("$@")
[ ${#RUNS[@]} -gt 0 ] || RUNS=(1280x720 0.25 1280x720 0 640x480 0.25 640x480 0)
"$ROOT/rvm" --version >/dev/null # builds the project when its sources changed
CP="$ROOT/samples/target/classes:$(cat "$ROOT/samples/target/runtime.classpath")"
LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT
echo "processor: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| size | ratio | rvmmatte processing ms (p95) | LATENCY answer ms (first) | answer vs processing | source to sink ms | pipeline latency ms | frames out /s | QoS drops before the model /min | QoS drops after it /min | load |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for ((i = 0; i < ${#RUNS[@]}; i += 2)); do
  GST_TRACERS="latency(flags=pipeline+element+reported)" GST_DEBUG="GST_TRACER:7" GST_DEBUG_NO_COLOR=1 \
    GST_DEBUG_FILE="$LOGS/trace-$i.log" \
    timeout $((SECONDS_PER_RUN + 60)) java -cp "$CP" dev.rvm.samples.LiveLatency "${RUNS[i]}" "${RUNS[i + 1]}" "$SECONDS_PER_RUN"
done
