#!/usr/bin/env bash
# What Spark costs: 4 clips cut from the bundled sample, matted by `./rvm batch --master local[2]` and by 4
# sequential `./rvm convert` runs with the same options, taking turns in one run (ROUNDS rounds, the order
# alternating), with the processor and the load printed beside every figure. Prints each run's wall time,
# Spark's start-up (SparkContext creation, from the job's manifest) and the ratio of the totals.
#   tools/bench/batch-overhead.sh                  ROUNDS=2 CLIP_SECONDS=10 RATIO=0.5 by default
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ROUNDS="${ROUNDS:-2}"
CLIP_SECONDS="${CLIP_SECONDS:-10}"
RATIO="${RATIO:-0.5}"
W=400 H=300 # lib.sh's clip size (unused here: the clips are cut from the sample as it is)
. "$ROOT/tools/bench/lib.sh"
[ -f "$ROOT/batch/target/spark.classpath" ] || { echo "not built: run ./rvm setup once" >&2; exit 1; }

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.4f\", $* }"; }

mkdir -p "$WORK/clips"
for i in 0 1 2 3; do
  timeout 300 ffmpeg -v error -nostdin -ss $((i * CLIP_SECONDS)) -t "$CLIP_SECONDS" -i "$SAMPLE" -an \
    -c:v libx264 -preset veryfast -pix_fmt yuv420p "$WORK/clips/clip$i.mp4"
done
FRAMES=$(for c in "$WORK"/clips/*.mp4; do
  timeout 60 ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$c"
done | awk '{ n += $1 } END { print n }')
echo "4 clips of $CLIP_SECONDS s from $(basename "$SAMPLE") (400x300, 25 fps), $FRAMES frames in all; ratio $RATIO;" \
  "outputs: composition (green) and alpha, H.264"

OPTS=(--output-type video --background '#00ff00' --downsample-ratio "$RATIO")

sequential() { # -> wall seconds of 4 ./rvm convert runs, one after the other
  local out="$WORK/seq" t0 t1
  rm -rf "$out"
  t0=$(now)
  for c in "$WORK"/clips/*.mp4; do
    local name; name=$(basename "$c" .mp4)
    timeout 900 "$ROOT/rvm" convert --input "$c" "${OPTS[@]}" --disable-progress \
      --output-composition "$out/$name/com.mp4" --output-alpha "$out/$name/pha.mp4" >"$WORK/convert.log" 2>&1 \
      || { cat "$WORK/convert.log" >&2; exit 1; }
  done
  t1=$(now)
  calc "$t1 - $t0"
}

spark() { # -> "WALL STARTUP" seconds of one ./rvm batch run over the 4 clips
  local out="$WORK/spark" t0 t1
  rm -rf "$out"
  t0=$(now)
  timeout 1800 "$ROOT/rvm" batch --master 'local[2]' --input "$WORK/clips" --output "$out" "${OPTS[@]}" \
    --output-composition com.mp4 --output-alpha pha.mp4 >"$WORK/batch.log" 2>&1 || { cat "$WORK/batch.log" >&2; exit 1; }
  t1=$(now)
  echo "$(calc "$t1 - $t0") $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["startupSeconds"])' "$out/manifest.json")"
}

machine; uptime
timeout 600 "$ROOT/rvm" convert --input "$WORK/clips/clip0.mp4" "${OPTS[@]}" --disable-progress \
  --output-alpha "$WORK/warm/pha.mp4" >/dev/null 2>&1 # a first run pays for model conversion and disk caches
SEQ_TOTAL=0
SPARK_TOTAL=0
STARTUP_TOTAL=0
for r in $(seq 1 "$ROUNDS"); do
  for which in $([ $((r % 2)) = 1 ] && echo "seq spark" || echo "spark seq"); do
    if [ "$which" = seq ]; then
      s=$(sequential)
      SEQ_TOTAL=$(calc "$SEQ_TOTAL + $s")
      printf 'round %d  4 x ./rvm convert      %7.1f s   load %s\n' "$r" "$s" "$(cut -d' ' -f1-3 /proc/loadavg)"
    else
      read -r s up <<<"$(spark)"
      SPARK_TOTAL=$(calc "$SPARK_TOTAL + $s")
      STARTUP_TOTAL=$(calc "$STARTUP_TOTAL + $up")
      printf 'round %d  ./rvm batch local[2]   %7.1f s   (Spark start-up %.1f s)   load %s\n' "$r" "$s" "$up" \
        "$(cut -d' ' -f1-3 /proc/loadavg)"
    fi
  done
done
machine; uptime
printf 'total: sequential %.1f s, Spark %.1f s: ratio Spark / sequential %.3f; mean Spark start-up %.1f s\n' \
  "$SEQ_TOTAL" "$SPARK_TOTAL" "$(calc "$SPARK_TOTAL / $SEQ_TOTAL")" "$(calc "$STARTUP_TOTAL / $ROUNDS")"
