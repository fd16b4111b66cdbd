#!/usr/bin/env bash
# Element throughput through a real GStreamer pipeline, beside the core figure of ./rvm speedtest,
# in one run:
#
#   tools/bench/pipeline-speed.sh [WIDTHxHEIGHT] [RATIO]        (default 1280x720 0.25)
#
# Makes two H.264 clips of the bundled sample video scaled to WIDTHxHEIGHT (SHORT and LONG frames),
# runs   filesrc ! decodebin ! videoconvert ! rvmmatte downsample-ratio=RATIO ! fakesink sync=false
# on both with the plugin of this checkout (private registry, nothing installed), and reports the
# element's frames per second as (LONG - SHORT) / (time(LONG) - time(SHORT)), so JVM start and model
# load cancel out. The same for decode + videoconvert alone (what the pipeline costs without the
# element), then ./rvm speedtest at the same size and ratio; ROUNDS times in turns (the machine's
# load moves: each round's element / core ratio is printed, and their median). Needs a built
# checkout (./rvm builds).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RES="${1:-1280x720}"
RATIO="${2:-0.25}"
SHORT="${SHORT:-60}"
LONG="${LONG:-360}"
ROUNDS="${ROUNDS:-3}"
W="${RES%x*}"
H="${RES#*x}"
. "$ROOT/tools/bench/lib.sh"

fps() { # tail -> frames per second over the LONG - SHORT frames
  local a b
  a=$(seconds "$SHORT_CLIP" "$1")
  b=$(seconds "$LONG_CLIP" "$1")
  awk "BEGIN { print ($LONG - $SHORT) / ($b - $a) }"
}

SHORT_CLIP=$(clip "$SHORT")
LONG_CLIP=$(clip "$LONG")
"$ROOT/rvm" --help >/dev/null   # builds if needed, before anything is timed
machine
DECODE=$(fps "videoconvert ! video/x-raw,format=BGRx")
printf '%s: decode + videoconvert alone %.1f FPS\n' "$RES" "$DECODE"
RATIOS=()
for ((i = 1; i <= ROUNDS; i++)); do
  ELEMENT=$(fps "videoconvert ! rvmmatte downsample-ratio=$RATIO")
  CORE_JSON=$("$ROOT/rvm" speedtest --resolution "$RES" --downsample-ratio "$RATIO" --frames 40 | tail -n 1)
  CORE=$(echo "$CORE_JSON" | sed 's/.*"core_fps":\([0-9.]*\).*/\1/')
  R=$(awk "BEGIN { print $ELEMENT / $CORE }")
  RATIOS+=("$R")
  printf 'round %d, %s @ %s: pipeline with rvmmatte %.1f FPS; ./rvm speedtest core %.1f FPS; element / core %.2f; load %s\n' \
    "$i" "$RES" "$RATIO" "$ELEMENT" "$CORE" "$R" "$(cut -d' ' -f1 /proc/loadavg)"
  echo "  speedtest: $CORE_JSON"
done
printf 'median element / core over %d rounds: %.2f\n' "$ROUNDS" "$(printf '%s\n' "${RATIOS[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
