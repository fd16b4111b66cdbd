#!/usr/bin/env bash
# What the element's outputs cost per frame through a real pipeline, src alone against src + alpha +
# fgr all linked, in turns in one run:
#
#   tools/bench/output-pads.sh [WIDTHxHEIGHT] [RATIO]        (default 1280x720 0.25)
#
#   filesrc ! decodebin ! videoconvert ! rvmmatte downsample-ratio=RATIO ! fakesink sync=false
#   ... rvmmatte name=m ... m.alpha ! fakesink sync=false m.fgr ! fakesink sync=false
#
# ms per frame as (time(LONG) - time(SHORT)) / (LONG - SHORT) frames, so JVM start and model load
# cancel out, in wall time and in CPU time (both cores, user + system); ROUNDS rounds. OTHER_CLASSPATH (a class path for the Java element, as RVM_CLASSPATH
# takes it) runs the same pipelines with another build of the element in the same turns, to compare
# two versions under the same load. Needs a built checkout (./rvm builds).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RES="${1:-1280x720}"
RATIO="${2:-0.25}"
SHORT="${SHORT:-30}"
LONG="${LONG:-150}"
ROUNDS="${ROUNDS:-3}"
W="${RES%x*}"
H="${RES#*x}"
. "$ROOT/tools/bench/lib.sh"

ms() { # class path (empty: this build), tail -> "WALL CPU" ms per frame over the LONG - SHORT frames
  local a b
  a=$(RVM_CLASSPATH="$1" timed "$SHORT_CLIP" "$2")
  b=$(RVM_CLASSPATH="$1" timed "$LONG_CLIP" "$2")
  awk -v a="$a" -v b="$b" "BEGIN { split(a, x, \" \"); split(b, y, \" \"); n = $LONG - $SHORT
    printf \"%.2f %.2f\", (y[1] - x[1]) * 1000 / n, (y[2] - x[2]) * 1000 / n }"
}

SRC_ONLY="videoconvert ! rvmmatte downsample-ratio=$RATIO"
ALL_PADS="videoconvert ! rvmmatte name=m downsample-ratio=$RATIO m.alpha ! fakesink sync=false m.fgr ! fakesink sync=false m.src"
SHORT_CLIP=$(clip "$SHORT")
LONG_CLIP=$(clip "$LONG")
"$ROOT/rvm" --help >/dev/null   # builds if needed, before anything is timed
machine
BUILDS=("")
[ -n "${OTHER_CLASSPATH:-}" ] && BUILDS=("$OTHER_CLASSPATH" "")
for ((i = 1; i <= ROUNDS; i++)); do
  for cp in "${BUILDS[@]}"; do
    name="this build"
    [ -n "$cp" ] && name="OTHER_CLASSPATH"
    read -r one_wall one_cpu <<<"$(ms "$cp" "$SRC_ONLY")"
    read -r all_wall all_cpu <<<"$(ms "$cp" "$ALL_PADS")"
    printf 'round %d, %s @ %s, %s: src alone %s ms/frame (CPU %s); src + alpha + fgr %s ms/frame (CPU %s); load %s\n' \
      "$i" "$RES" "$RATIO" "$name" "$one_wall" "$one_cpu" "$all_wall" "$all_cpu" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
